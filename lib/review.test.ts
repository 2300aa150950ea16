import { describe, expect, it } from 'vitest';
import { isOverdue, overdueReviews, reviewDueDate } from './review';

describe('reviewDueDate', () => {
  it('adds days, weeks, months and years to the last review', () => {
    expect(reviewDueDate('2026-11-22', '180d')).toBe('2027-05-21');
    expect(reviewDueDate('2026-11-22', '2w')).toBe('2026-12-06');
    expect(reviewDueDate('2026-11-22', '6m')).toBe('2027-05-22');
    expect(reviewDueDate('2024-02-29', '1y')).toBe('2025-02-28');
  });

  it('ends a month on its last day rather than spilling into the next', () => {
    expect(reviewDueDate('2026-08-31', '6m')).toBe('2027-02-28');
  });

  it('refuses an interval it cannot read', () => {
    expect(reviewDueDate('2026-11-22', '6 months')).toBeNull();
    expect(reviewDueDate('2026-11-22', '0d')).toBeNull();
  });
});

describe('overdue reviews', () => {
  it('are overdue from the day after they were due', () => {
    expect(isOverdue('2027-05-21', '2027-05-21')).toBe(false);
    expect(isOverdue('2027-05-21', '2027-05-22')).toBe(true);
  });

  it('are listed longest overdue first', () => {
    const procedures = [{ reviewDue: '2026-10-01' }, { reviewDue: '2027-01-01' }, { reviewDue: '2026-03-01' }];
    expect(overdueReviews(procedures, '2026-11-23')).toEqual([{ reviewDue: '2026-03-01' }, { reviewDue: '2026-10-01' }]);
  });
});
