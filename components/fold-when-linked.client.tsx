'use client';

import { useLayoutEffect, useRef, type ComponentProps } from 'react';
import { NO_URL_STATE } from '@/lib/urls';
import { useUrlState } from './use-url-state';

/**
 * A block that is open on a plain visit and folded when the page was opened from a ticket's run or
 * step link, where the work, not the background, should fill the first screen. Decided once, when
 * the address is first read: a step link followed later on the page leaves it as the reader set it.
 */
export function FoldWhenLinked(props: Omit<ComponentProps<'details'>, 'open' | 'ref'>) {
  const details = useRef<HTMLDetailsElement>(null);
  const decided = useRef(false);
  const url = useUrlState();
  useLayoutEffect(() => {
    if (decided.current || url === NO_URL_STATE) return;
    decided.current = true;
    if (!url.run && !url.share && !url.hash) return;
    details.current!.open = false;
    // The browser went to the linked step while the block above it was still open. Once the sticky
    // bar has said how tall it is (on the next frame), go there again.
    if (url.hash) requestAnimationFrame(() => document.getElementById(url.hash)?.scrollIntoView({ block: 'start' }));
  }, [url]);
  return <details ref={details} open {...props} />;
}
