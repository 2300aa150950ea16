import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events';
import { summarizeRun } from './summary';

const at = (second: number) => `2026-11-23T10:00:${String(second).padStart(2, '0')}.000Z`;
const start: RunEvent = { id: 'start-001', at: at(0), by: 'Ana', type: 'start', title: 'Reset', revision: 'r1', stepIds: ['a', 'b', 'c'], build: null };

describe('summarizeRun', () => {
  it('counts what is ticked and skipped now, whoever did it and in whatever order the events came', () => {
    const events: RunEvent[] = [
      { id: 'tick-a-02', at: at(2), by: 'Ben', type: 'untick', step: 'a' },
      start,
      { id: 'tick-a-01', at: at(1), by: 'Ana', type: 'tick', step: 'a' },
      { id: 'tick-b-03', at: at(3), by: 'Ana', type: 'tick', step: 'b' },
      { id: 'skip-c-04', at: at(4), by: 'Cy', type: 'skip', step: 'c', reason: 'not here' },
    ];
    expect(summarizeRun(events)).toEqual({ title: 'Reset', stepCount: 3, ticked: 1, skipped: 1, finished: false, people: ['Ana', 'Ben', 'Cy'] });
  });

  it('settles a tick and an untick of one step at the same moment by event id, the same on every copy', () => {
    const tick: RunEvent = { id: 'aaaa-tick', at: at(5), by: 'Ana', type: 'tick', step: 'a' };
    const untick: RunEvent = { id: 'bbbb-untick', at: at(5), by: 'Ben', type: 'untick', step: 'a' };
    expect(summarizeRun([start, tick, untick]).ticked).toBe(0);
    expect(summarizeRun([start, untick, tick]).ticked).toBe(0);
  });

  it('knows a finished run, and one reopened after', () => {
    const finish: RunEvent = { id: 'finish-01', at: at(6), by: null, type: 'finish' };
    expect(summarizeRun([start, finish]).finished).toBe(true);
    expect(summarizeRun([start, finish, { id: 'reopen-01', at: at(7), by: null, type: 'reopen' }]).finished).toBe(false);
  });

  it('has no title or step count for a run whose start it has not seen', () => {
    expect(summarizeRun([{ id: 'tick-a-01', at: at(1), by: null, type: 'tick', step: 'a' }])).toMatchObject({ title: null, stepCount: null, ticked: 1, people: [] });
  });
});
