'use client';

import { useSyncExternalStore } from 'react';
import { isoDay, isOverdue } from '@/lib/review';

const subscribeNothing = () => () => {};

export interface ReviewStatusProps {
  lastReviewed: string;
  /** The last day the review holds. */
  reviewDue: string;
  owner: string;
  /** The day the page was built: the server's HTML judges the review on it, the browser on its own day. */
  builtOn: string;
}

/** When the procedure was last reviewed and by whom; says plainly when the review is overdue on the reader's day. */
export function ReviewStatus({ lastReviewed, reviewDue, owner, builtOn }: ReviewStatusProps) {
  const today = useSyncExternalStore(subscribeNothing, () => isoDay(new Date()), () => builtOn);
  const overdue = isOverdue(reviewDue, today);
  return (
    <>
      <span>
        Last reviewed <time dateTime={lastReviewed}>{lastReviewed}</time> by {owner}.
      </span>
      {overdue && (
        <strong className="rounded bg-amber-100 px-1.5 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          Review overdue: it was due by <time dateTime={reviewDue}>{reviewDue}</time>. Steps may no longer match the product.
        </strong>
      )}
    </>
  );
}
