import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_LIMITS, parseRunEvent } from './events';
import { expandSteps, fillInputs, labelPlaceholders, repeatId, type Outline, type OutlineStep } from './outline';

const step = (id: string, text: string, more: Partial<OutlineStep> = {}): OutlineStep => ({
  id,
  text,
  parentId: null,
  ranges: [],
  section: null,
  repeatFor: null,
  ...more,
});

const OUTLINE: Outline = {
  slug: 'rotate-connector-passwords',
  title: 'Rotate the AD connector passwords',
  revision: 'r1',
  inputs: [
    { name: 'connectors', label: 'AD connectors', list: true },
    { name: 'syncServer', label: 'Sync server', list: false },
  ],
  sections: [
    { id: 'prepare', title: 'Prepare' },
    { id: 'rotate', title: 'Rotate' },
  ],
  steps: [
    step('sign-in', 'Sign in to {syncServer}.', { section: 'prepare' }),
    step('open-manager', 'Open Synchronization Service Manager.', { section: 'prepare' }),
    step('reset', 'Reset the password for {connectors}.', { section: 'rotate', repeatFor: 'connectors' }),
    step('generate', 'Generate a password.', { section: 'rotate', parentId: 'reset', repeatFor: 'connectors' }),
    step('store', 'Store it in the vault under {connectors}.', { section: 'rotate', parentId: 'reset', repeatFor: 'connectors' }),
    step('enter', 'Enter the password for {connectors} on {syncServer}.', { section: 'rotate', repeatFor: 'connectors' }),
    step('sync', 'Run a delta sync of {connectors}.', { section: 'rotate', ranges: ['>=1.1.524.0'] }),
  ],
};

const shape = (steps: ReturnType<typeof expandSteps>) => steps.map(({ number, id, parentId, text }) => `${number} ${id} <${parentId ?? ''}> ${text}`);

describe('repeatId', () => {
  it('is the base id and a slug of the value', () => {
    expect(repeatId('reset', 'emea.fabrikam.com')).toBe('reset--emea.fabrikam.com');
    expect(repeatId('reset', '  Fabrikam / EMEA (prod) ')).toBe('reset--fabrikam-emea-prod');
    expect(repeatId('reset', 'Zürich')).toBe('reset--z-rich');
  });

  it('gives a value with nothing to keep a stable id of its own', () => {
    expect(repeatId('reset', '日本')).toMatch(/^reset--x[0-9a-z]+$/);
    expect(repeatId('reset', '日本')).toBe(repeatId('reset', '日本'));
    expect(repeatId('reset', '日本')).not.toBe(repeatId('reset', '中国'));
  });

  it('stays short enough for an event, and long values stay apart', () => {
    const long = 'a'.repeat(EVENT_LIMITS.inputValue);
    expect(repeatId('reset', long).length).toBeLessThanOrEqual(EVENT_LIMITS.step);
    expect(repeatId('reset', `${long}b`)).not.toBe(repeatId('reset', `${long}c`));
  });

  it('is stable, and usable as an HTML id, a URL fragment and an event step', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: EVENT_LIMITS.inputValue }), (value) => {
        const id = repeatId('enter-the-password', value);
        expect(id).toBe(repeatId('enter-the-password', value));
        expect(id).toMatch(/^[a-z0-9.-]+$/);
        expect(encodeURIComponent(id)).toBe(id);
        expect(parseRunEvent({ id: 'event-0001', at: '2026-11-22T09:00:00Z', type: 'tick', step: id }).ok).toBe(true);
      }),
    );
  });
});

describe('fillInputs', () => {
  it('fills values and joins lists', () => {
    expect(fillInputs('Sign in to {syncServer} and check {connectors}.', { syncServer: 'SYNC01', connectors: ['emea', 'apac'] })).toEqual({
      text: 'Sign in to SYNC01 and check emea, apac.',
      missing: [],
    });
  });

  it('keeps an unknown or empty placeholder and says which, once', () => {
    expect(fillInputs('{a} {b} {c} {d} {a}', { b: '', c: [], d: ['  ', ''] })).toEqual({ text: '{a} {b} {c} {d} {a}', missing: ['a', 'b', 'c', 'd'] });
  });

  it('reads only the values given, not what every object has', () => {
    expect(fillInputs('{constructor} {toString}', {})).toEqual({ text: '{constructor} {toString}', missing: ['constructor', 'toString'] });
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(fillInputs('Get-Item {0} { name } {Name}', {})).toEqual({ text: 'Get-Item {0} { name } {Name}', missing: [] });
  });

  it("fills a Repeat's list name with the current value", () => {
    expect(fillInputs('Reset {connectors} ({connectors})', { connectors: ['emea', 'apac'] }, { name: 'connectors', value: 'apac' }).text).toBe(
      'Reset apac (apac)',
    );
  });
});

describe('expandSteps', () => {
  it('numbers per section and copies a Repeat once per value, sub-steps with their parent', () => {
    const steps = expandSteps(OUTLINE, { syncServer: 'SYNC01', connectors: ['emea.fabrikam.com', 'APAC Fabrikam'] });
    expect(shape(steps)).toEqual([
      '1. sign-in <> Sign in to SYNC01.',
      '2. open-manager <> Open Synchronization Service Manager.',
      '1. reset--emea.fabrikam.com <> Reset the password for emea.fabrikam.com.',
      '1.1. generate--emea.fabrikam.com <reset--emea.fabrikam.com> Generate a password.',
      '1.2. store--emea.fabrikam.com <reset--emea.fabrikam.com> Store it in the vault under emea.fabrikam.com.',
      '2. enter--emea.fabrikam.com <> Enter the password for emea.fabrikam.com on SYNC01.',
      '1. reset--apac-fabrikam <> Reset the password for APAC Fabrikam.',
      '1.1. generate--apac-fabrikam <reset--apac-fabrikam> Generate a password.',
      '1.2. store--apac-fabrikam <reset--apac-fabrikam> Store it in the vault under APAC Fabrikam.',
      '2. enter--apac-fabrikam <> Enter the password for APAC Fabrikam on SYNC01.',
      '3. sync <> Run a delta sync of emea.fabrikam.com, APAC Fabrikam.',
    ]);
    expect(steps[2]).toMatchObject({ baseId: 'reset', value: 'emea.fabrikam.com', section: 'rotate' });
    expect(steps.at(-1)).toMatchObject({ baseId: 'sync', value: null, ranges: ['>=1.1.524.0'] });
  });

  it('shows a repeated step once, with its base id, until there is a value', () => {
    const steps = expandSteps(OUTLINE, { connectors: [' ', ''] });
    expect(shape(steps).slice(2, 6)).toEqual([
      '1. reset <> Reset the password for {connectors}.',
      '1.1. generate <reset> Generate a password.',
      '1.2. store <reset> Store it in the vault under {connectors}.',
      '2. enter <> Enter the password for {connectors} on {syncServer}.',
    ]);
  });

  it('takes a single text as a list of one, and values that give one id once', () => {
    expect(expandSteps(OUTLINE, { connectors: 'emea' }).filter((one) => one.baseId === 'enter').map((one) => one.id)).toEqual(['enter--emea']);
    expect(expandSteps(OUTLINE, { connectors: ['EMEA', 'emea ', 'apac'] }).filter((one) => one.baseId === 'enter').map((one) => one.value)).toEqual([
      'EMEA',
      'apac',
    ]);
  });

  it('repeats the repeated sub-steps of a plain step inside it, and a sub-step of a repeated step with its parent', () => {
    const outline: Outline = {
      ...OUTLINE,
      steps: [
        step('check', 'Check each connector.'),
        step('look', 'Look at {connectors}.', { parentId: 'check', repeatFor: 'connectors' }),
        step('after', 'Then this.'),
        step('rotate', 'Rotate {connectors}.', { repeatFor: 'connectors' }),
        step('confirm', 'Confirm.', { parentId: 'rotate' }),
      ],
    };
    expect(shape(expandSteps(outline, { connectors: ['a', 'b'] }))).toEqual([
      '1. check <> Check each connector.',
      '1.1. look--a <check> Look at a.',
      '1.1. look--b <check> Look at b.',
      '2. after <> Then this.',
      '3. rotate--a <> Rotate a.',
      '3.1. confirm--a <rotate--a> Confirm.',
      '3. rotate--b <> Rotate b.',
      '3.1. confirm--b <rotate--b> Confirm.',
    ]);
  });
});

describe('labelPlaceholders', () => {
  it('names a placeholder still to fill by its input’s label, and leaves other braces alone', () => {
    const inputs = [{ name: 'syncServer', label: 'Azure AD Connect server', list: false }];
    expect(labelPlaceholders('Sign in to {syncServer} as {admin}.', inputs)).toBe('Sign in to ‹Azure AD Connect server› as {admin}.');
  });
});
