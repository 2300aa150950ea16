import { describe, expect, it } from 'vitest';
import { formatTime } from './time';

describe('times in a record', () => {
  it('read as local time with the offset from UTC', () => {
    expect(formatTime('2026-11-22T09:02:00.000Z', 60)).toBe('2026-11-22 10:02 UTC+01:00');
    expect(formatTime('2026-11-22T09:02:00.000Z', 330)).toBe('2026-11-22 14:32 UTC+05:30');
  });

  it('west of UTC too, across midnight', () => {
    expect(formatTime('2026-11-22T03:30:00.000Z', -300)).toBe('2026-11-21 22:30 UTC-05:00');
  });
});
