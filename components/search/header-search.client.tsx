'use client';

import { usePathname } from 'next/navigation';
import { SEARCH_PATH } from '@/lib/urls';
import { Icon } from '../icons/icon';
import { SearchBox } from './search-box.client';

/**
 * The header's search. On a phone it folds behind a button, so a procedure opened from a ticket starts
 * near its top; it stays open where searching is the point (home, results). Wider screens always show it.
 */
export function HeaderSearch() {
  const pathname = usePathname();
  return (
    // Keyed by page, so a search that leads to another page leaves it folded there (unless it is home or results).
    <details key={pathname} className="fold" open={pathname === '/' || pathname === SEARCH_PATH}>
      <summary
        className="chip"
        aria-label="Search"
        onClick={(event) => {
          // Opened to type in: the box takes the focus once the toggle has shown it.
          const details = event.currentTarget.parentElement as HTMLDetailsElement;
          requestAnimationFrame(() => details.open && details.querySelector('input')?.focus());
        }}
      >
        <Icon name="search" />
      </summary>
      <div className="order-last w-full md:order-none md:w-auto md:flex-1">
        <SearchBox />
      </div>
    </details>
  );
}
