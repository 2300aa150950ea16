import { describe, expect, it } from 'vitest';
import { mergeEvents, newEventId, parseRunEvent, type RunEvent } from './events';

const tick = (id: string, at: string, step = 'a-step'): RunEvent => ({ id, at, by: 'Ana', type: 'tick', step });

describe('run events', () => {
  it('reads a valid event and drops unknown fields', () => {
    const read = parseRunEvent({ id: 'abcdefgh', at: '2026-11-23T10:00:00+01:00', by: 'Ana', type: 'skip', step: 's', reason: 'done by hand', extra: 1 });
    expect(read).toEqual({ ok: true, event: { id: 'abcdefgh', at: '2026-11-23T09:00:00.000Z', by: 'Ana', type: 'skip', step: 's', reason: 'done by hand' } });
  });

  it.each([
    [null, 'JSON object'],
    [{ id: 'short', at: '2026-11-23T10:00:00Z', type: 'tick', step: 's' }, '"id"'],
    [{ id: 'abcdefgh', at: 'yesterday', type: 'tick', step: 's' }, '"at"'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'tick' }, '"step"'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'skip', step: 's', reason: '' }, '"reason"'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'note', step: null, text: 'x'.repeat(2001) }, '"text"'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'build', build: '1.1.x' }, '"build"'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'explode' }, 'unknown "type"'],
    // A value is filled into commands: a second line would be a second command when pasted into a shell.
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'input', name: 'syncServer', value: 'srv\nStop-Service ADSync' }, 'one line'],
    [{ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', type: 'input', name: 'connectors', value: ['a', 'b\r'] }, 'one line'],
  ])('says what is wrong with %j', (value, error) => {
    const read = parseRunEvent(value);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(error);
  });

  it('merges by id, whatever the order and however often an event arrives', () => {
    const [first, second, third] = [tick('e-000001', '2026-11-23T10:00:00.000Z'), tick('e-000002', '2026-11-23T10:00:00.000Z'), tick('e-000003', '2026-11-23T09:00:00.000Z')];
    const expected = mergeEvents([first, second, third], []);
    expect(expected.map((event) => event.id)).toEqual(['e-000003', 'e-000001', 'e-000002']);
    expect(mergeEvents([second, first], [third, second])).toEqual(expected);
  });

  it('makes ids that pass its own check', () => {
    const id = newEventId();
    expect(parseRunEvent({ id, at: new Date().toISOString(), type: 'finish' }).ok).toBe(true);
    expect(newEventId()).not.toBe(id);
  });
});
