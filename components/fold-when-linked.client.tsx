'use client';

import { useLayoutEffect, useRef, type ComponentProps } from 'react';
import { readUrlState } from '@/lib/urls';

/**
 * A block that is open on a plain visit and folded when the page was opened from a ticket's run or
 * step link, where the work, not the background, should fill the first screen.
 */
export function FoldWhenLinked(props: Omit<ComponentProps<'details'>, 'open' | 'ref'>) {
  const details = useRef<HTMLDetailsElement>(null);
  useLayoutEffect(() => {
    const url = readUrlState(window.location.href);
    if (!url.run && !url.share && !url.hash) return;
    details.current!.open = false;
    // The browser went to the linked step while the block above it was still open. Once the sticky
    // bar has said how tall it is (on the next frame), go there again.
    if (url.hash) requestAnimationFrame(() => document.getElementById(url.hash)?.scrollIntoView({ block: 'start' }));
  }, []);
  return (
    <details ref={details} open {...props} />
  );
}
