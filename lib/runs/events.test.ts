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

  it.each([
    ['a NUL in a note', { type: 'note', step: null, text: 'before\u0000after' }, '"text" holds a NUL'],
    ['a lone high surrogate in a reason', { type: 'skip', step: 's', reason: 'broken \uD800 text' }, '"reason" holds'],
    ['a lone low surrogate in a title', { type: 'start', title: '\uDC00', revision: 'r', stepIds: [], build: null }, '"title" holds'],
    ['a NUL in a step id of a start', { type: 'start', title: 't', revision: 'r', stepIds: ['a\u0000'], build: null }, '"stepIds" holds'],
    ['a NUL in a name', { type: 'tick', step: 's', by: 'Ana\u0000' }, '"by" holds'],
    ['a name of two lines', { type: 'tick', step: 's', by: 'Ana\nBen' }, '"by" must be'],
    ['a name with a space at its end', { type: 'tick', step: 's', by: 'Ana ' }, '"by" must be'],
    ['a time that is a number', { type: 'finish', at: '1' }, '"at" must be an ISO 8601 time'],
    ['a time with no zone', { type: 'finish', at: '2026-11-23T10:00:00' }, '"at"'],
    ['a time in year 1', { type: 'finish', at: '0001-01-01T00:00:00Z' }, '"at"'],
    ['a time in an extreme year', { type: 'finish', at: '+275760-09-13T00:00:00.000Z' }, '"at"'],
    ['a time in 2300', { type: 'finish', at: '2300-01-01T00:00:00Z' }, '"at"'],
    ['a "via" of two lines', { type: 'finish', via: 'a\nb' }, '"via"'],
    ['a start larger than one request may carry', { type: 'start', title: 't', revision: 'r', stepIds: Array.from({ length: 2000 }, (_, n) => `${'ü'.repeat(150)}${n}`), build: null }, 'larger than 64 KB'],
  ])('refuses what the database could not store or order: %s', (_, fields, error) => {
    const read = parseRunEvent({ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', ...fields });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(error);
  });

  it('keeps a pair of surrogates, which is one character, and the service\'s "via"', () => {
    const read = parseRunEvent({ id: 'abcdefgh', at: '2026-11-23T10:00:00Z', by: 'Ana', via: 'ana@corp.example', type: 'note', step: null, text: 'done \uD83D\uDC4D' });
    expect(read).toEqual({ ok: true, event: { id: 'abcdefgh', at: '2026-11-23T10:00:00.000Z', by: 'Ana', via: 'ana@corp.example', type: 'note', step: null, text: 'done 👍' } });
  });

  it('merges two copies of one event to the one the service vouched for', () => {
    const mine = tick('e-000001', '2026-11-23T10:00:00.000Z');
    const served = { ...mine, via: 'ben@corp.example' };
    expect(mergeEvents([mine], [served])).toEqual([served]);
    expect(mergeEvents([served], [mine])).toEqual([served]);
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
