import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_LIMITS, parseRunEvent, type RunEvent } from './events';
import { sampleRun } from './fixtures/sample-run';
import { foldRun } from './state';
import { decodeRunShare, encodeRunShare, isRunShareFragment, parseRunFile, runFile } from './transfer';

const SLUG = 'update-ad-ds-account-password';
const NOW = new Date('2026-11-22T10:15:00.000Z');
const legacyShare = readFileSync(new URL('fixtures/legacy-share.txt', import.meta.url), 'utf8').trim();

/** Every kind of event, with the awkward values: null by and step, a list input, text outside ASCII, ids of every kind. */
const unusual: RunEvent[] = [
  { id: 'legacy-0123456789abcdef0123456789abcdef', at: '2026-11-20T09:00:00.000Z', by: null, type: 'start', title: 'Mettre à jour le mot de passe — “AD DS”', revision: 'r1', stepIds: ['a', 'b--emea.fabrikam.com'], build: null },
  { id: 'AbCdEfGh_-12', at: '2026-11-20T08:59:59.999Z', by: 'Zoë Ørsted 🛠', type: 'note', step: null, text: 'Ticket | with pipes\nand a second line' },
  { id: '0123456789abcdef0123456789abcdef', at: '2026-11-20T09:00:00.000Z', by: 'Zoë Ørsted 🛠', type: 'input', name: 'connectors', value: [] },
  { id: '0123456789abcdef0123456789abcdee', at: '2026-11-20T09:00:00.000Z', by: null, type: 'input', name: 'syncServer', value: '' },
  { id: 'fedcba9876543210fedcba9876543210', at: '2026-11-20T09:01:00.000Z', by: null, type: 'build', build: null },
  { id: 'event-finish-1', at: '2027-01-01T00:00:00.000Z', by: null, type: 'finish' },
  { id: 'event-reopen-1', at: '2027-01-01T00:00:00.001Z', by: null, type: 'reopen' },
  { id: 'event-unskip-1', at: '2026-11-20T09:02:00.000Z', by: null, type: 'unskip', step: 'constructor' },
  { id: 'event-note-002', at: '2026-11-20T09:02:00.000Z', by: null, type: 'note', step: 'constructor', text: 'x'.repeat(EVENT_LIMITS.note) },
];

describe('run files', () => {
  it('writes a run as a pretty-printed file and reads it back', () => {
    const events = sampleRun(40);
    const state = foldRun(SLUG, 'INC-2041', events);
    const file = runFile(state, NOW);
    expect(JSON.parse(file)).toMatchObject({ format: 'runbook-run', version: 1, slug: SLUG, ticket: 'INC-2041', exportedAt: NOW.toISOString() });
    expect(file).toContain('\n  "events": [\n');
    expect(parseRunFile(file)).toEqual({ ok: true, slug: SLUG, ticket: 'INC-2041', events: state.events });
    const plain = foldRun(SLUG, null, unusual);
    expect(parseRunFile(runFile(plain))).toEqual({ ok: true, slug: SLUG, ticket: null, events: plain.events });
  });

  const file = (fields: Record<string, unknown>) => JSON.stringify({ format: 'runbook-run', version: 1, slug: SLUG, ticket: 'INC-1', exportedAt: NOW, events: [], ...fields });
  it.each([
    ['text that is not JSON', '{"format": "runbook-run",', /^This file is not JSON: .+/],
    ['JSON of something else', '{"name":"package"}', /^This is not a run file: a run file is JSON with "format": "runbook-run"/],
    ['a list', '[]', /^This is not a run file/],
    ['a file from a newer version', file({ version: 2 }), /^This run file is version 2, from a newer version of this site; .* Reload the page/],
    ['a version that is no version', file({ version: '1' }), /"version" is not a version number/],
    ['no slug', file({ slug: undefined }), /no valid "slug"/],
    ['a slug that is not one', file({ slug: '../etc' }), /no valid "slug"/],
    ['a ticket that is not one', file({ ticket: 'INC 1' }), /"ticket" is not valid: A ticket id is 1 to 64/],
    ['no events', file({ events: undefined }), /no list of "events"/],
    ['an event that is not valid', file({ events: [sampleRun(1)[0], { id: 'x', type: 'tick' }, {}] }), /^Event 2 of 3 in this run file is not valid: "id" must be 8 to 64 letters/],
    ['a skip without a reason', file({ events: [{ id: 'abcdefgh', at: NOW, type: 'skip', step: 's' }] }), /^Event 1 of 1 .*event abcdefgh \(skip\): "reason" must be a text/],
    ['too many events', file({ events: Array.from({ length: 20_001 }, () => ({})) }), /has 20,001 events; a run file has at most 20,000/],
    ['a file too large', `${file({})}${' '.repeat(5 * 1024 * 1024)}`, /^This file is too large for a run file \(5\.0 MB; a run file is at most 5 MB\)/],
  ])('says what is wrong with %s', (_, text, error) => {
    const read = parseRunFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });
});

describe('share links', () => {
  it('carries a run’s whole event log', () => {
    for (const events of [sampleRun(50), sampleRun(200), unusual, []]) {
      const fragment = encodeRunShare({ slug: SLUG, ticket: 'INC-2041', events });
      expect(fragment).toMatch(/^share=[A-Za-z0-9_-]+$/);
      expect(decodeRunShare(`#${fragment}`)).toEqual({ ok: true, slug: SLUG, ticket: 'INC-2041', events: foldRun(SLUG, null, events).events, legacy: false });
    }
    expect(decodeRunShare(encodeRunShare({ slug: SLUG, ticket: null, events: unusual }))).toMatchObject({ ok: true, ticket: null });
  });

  it('carries any valid events', () => {
    const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max });
    const draft = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
      by: fc.option(text(20)),
      type: fc.constantFrom('start', 'tick', 'untick', 'skip', 'unskip', 'note', 'input', 'build', 'finish', 'reopen'),
      title: text(30),
      revision: text(10),
      stepIds: fc.array(text(10), { maxLength: 5 }),
      build: fc.option(fc.constantFrom('1.1.443.0', '2', '1.6.4')),
      step: fc.option(text(10)),
      reason: text(30),
      text: text(30),
      name: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/),
      value: fc.oneof(fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 })),
    });
    const valid = (item: unknown) => {
      const read = parseRunEvent(item);
      return read.ok ? [read.event] : [];
    };
    // Unique ids: two different events under one id are a broken client's, and which one a merge keeps is not this codec's concern.
    const events = fc.uniqueArray(draft, { maxLength: 20, selector: (item) => item.id }).map((drafts) => drafts.flatMap(valid));
    fc.assert(
      fc.property(events, (run) => {
        const decoded = decodeRunShare(encodeRunShare({ slug: SLUG, ticket: 'INC-1', events: run }));
        expect(decoded).toEqual({ ok: true, slug: SLUG, ticket: 'INC-1', events: foldRun(SLUG, null, run).events, legacy: false });
      }),
      { numRuns: 300 },
    );
  });

  it('stays short: a quarter of the events as JSON in base64', () => {
    const sizes = [50, 200].map((count) => {
      const events = sampleRun(count);
      const json = Buffer.from(JSON.stringify(events)).toString('base64url').length;
      return { count, link: encodeRunShare({ slug: SLUG, ticket: 'INC-2041', events }).length, json };
    });
    expect(sizes[0]!.link).toBeLessThan(3_000); // 2,821 characters
    expect(sizes[1]!.link).toBeLessThan(8_500); // 8,308: 41.5 an event, half of it the 128-bit id
    for (const { link, json } of sizes) expect(link / json).toBeLessThan(0.3);
  });

  it('reads today’s share links, as a run to merge', () => {
    const read = decodeRunShare(legacyShare);
    expect(read).toMatchObject({ ok: true, slug: SLUG, ticket: 'INC-2041', legacy: true });
    if (!read.ok) return;
    const state = foldRun(read.slug, read.ticket, read.events);
    expect(state.build).toBe('1.1.443.0');
    expect(state.finishedAt).toBe('2026-11-20T09:46:00.000Z');
    expect(Object.keys(state.marks)).toHaveLength(11);
  });

  it('tolerates a link broken over lines', () => {
    const fragment = encodeRunShare({ slug: SLUG, ticket: 'INC-2041', events: sampleRun(20) });
    const wrapped = fragment.replace(/(.{60})/g, '$1\n ');
    expect(decodeRunShare(wrapped)).toEqual(decodeRunShare(fragment));
  });

  const damaged = 'This shared run link is damaged or incomplete: ask for it again, and paste all of it.';
  const valid = encodeRunShare({ slug: SLUG, ticket: 'INC-2041', events: sampleRun(60) });
  it.each([
    ['cut short', valid.slice(0, -12)],
    ['cut at the start of its data', valid.slice(0, 'share='.length + 3)],
    ['with a changed character', `${valid.slice(0, 400)}${valid[400] === 'A' ? 'B' : 'A'}${valid.slice(401)}`],
    ['empty', 'share='],
    ['not base64', 'share=!!!'],
    ['an old link cut short', legacyShare.slice(0, -40)],
    ['an old link of a checklist with no run', `share=${Buffer.from('{"version":1,"steps":{}}').toString('base64url')}`],
  ])('says a link %s is damaged', (_, fragment) => {
    expect(decodeRunShare(fragment)).toEqual({ ok: false, error: damaged });
  });

  it('tells a link from a newer version, and a fragment that is no link', () => {
    expect(decodeRunShare(`share=${Buffer.from([2, 0, 0]).toString('base64url')}`)).toEqual({ ok: false, error: expect.stringContaining('newer version of this site') });
    expect(decodeRunShare('#step-open-services')).toEqual({ ok: false, error: 'This is not a shared run link.' });
    expect(isRunShareFragment('#share=abc')).toBe(true);
    expect(isRunShareFragment('#open-services')).toBe(false);
  });

  it('never throws, whatever the fragment, and never reads a changed link as another run', () => {
    const original = decodeRunShare(valid);
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string({ maxLength: 3 }), (noise, at, insert) => {
        expect(decodeRunShare(`share=${noise}`).ok).toBe(false);
        const position = at % valid.length;
        const mangled = `${valid.slice(0, position)}${insert}${valid.slice(position + 1)}`;
        const read = decodeRunShare(mangled);
        if (read.ok) expect(read).toEqual(original);
      }),
      { numRuns: 500 },
    );
  });
});
