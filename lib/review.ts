/**
 * When a procedure's review comes due. Dates are calendar days, `YYYY-MM-DD`,
 * compared as UTC days, so the build and every browser agree on them.
 */

/** How often a procedure must be reviewed: a count and a unit, `90d`, `26w`, `6m` or `1y`. */
export const REVIEW_INTERVAL = /^([1-9]\d{0,3})([dwmy])$/;

export const REVIEW_INTERVAL_HINT = 'write it as a number and a unit: 90d (days), 26w (weeks), 6m (months) or 1y (year)';

/** The day a review made on `lastReviewed` runs out, or null when the interval does not parse. */
export function reviewDueDate(lastReviewed: string, every: string): string | null {
  const match = REVIEW_INTERVAL.exec(every);
  if (!match) return null;
  const count = Number(match[1]);
  const date = new Date(`${lastReviewed}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  switch (match[2]) {
    case 'd':
      date.setUTCDate(date.getUTCDate() + count);
      break;
    case 'w':
      date.setUTCDate(date.getUTCDate() + 7 * count);
      break;
    case 'm':
    case 'y': {
      const day = date.getUTCDate();
      date.setUTCMonth(date.getUTCMonth() + (match[2] === 'm' ? count : 12 * count));
      // 31 August plus six months is the last day of February, not 3 March.
      if (date.getUTCDate() !== day) date.setUTCDate(0);
      break;
    }
  }
  return isoDay(date);
}

/** A moment as its UTC calendar day, `YYYY-MM-DD`. */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** A review is overdue from the day after it was due. */
export function isOverdue(reviewDue: string, today: string): boolean {
  return today > reviewDue;
}

/** The procedures whose review is overdue on `today`, the longest overdue first. */
export function overdueReviews<T extends { reviewDue: string }>(procedures: T[], today: string): T[] {
  return procedures.filter((procedure) => isOverdue(procedure.reviewDue, today)).sort((a, b) => a.reviewDue.localeCompare(b.reviewDue));
}
