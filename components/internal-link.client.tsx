'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';
import { withBuildParam } from '@/lib/gating/chosen-build';
import { useBuild } from './gating/use-build';

type Props = ComponentProps<typeof Link> & { href: string };

/**
 * A link within the portal that keeps the URL's `?build=`, so the page it opens is gated the same way.
 * It prefetches its page only once someone shows intent (pointer over it, focus, touch): prefetching
 * every link on screen costs a phone more main-thread time at load than the pages it would speed up.
 */
export function InternalLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  const showingIntent =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      setIntent(true);
      handler?.(event);
    };
  return (
    <Link
      href={withBuildParam(href, useBuild())}
      prefetch={intent ? null : false}
      onMouseEnter={showingIntent(onMouseEnter)}
      onFocus={showingIntent(onFocus)}
      onTouchStart={showingIntent(onTouchStart)}
      {...props}
    />
  );
}
