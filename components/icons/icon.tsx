import { ICON_SPRITE_URL } from '@/lib/urls';
import type { IconName } from './sprite';

/** A Lucide icon from the site's sprite: decorative, so the text beside it (or the control's label) names it. */
export function Icon({ name, className = 'size-4' }: { name: IconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={`shrink-0 ${className}`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <use href={`${ICON_SPRITE_URL}#icon-${name}`} />
    </svg>
  );
}
