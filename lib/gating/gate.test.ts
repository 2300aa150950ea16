import { describe, expect, it } from 'vitest';
import { gateFor, gateLabel, isNeeded, linkedStepLabel } from './gate';
import { withBuildParam } from './chosen-build';

const OLD = '<=1.1.443.0';

describe('gates', () => {
  it('with no build, show everything and name the range', () => {
    expect(gateLabel(gateFor(null, OLD))).toBe('Applies to build 1.1.443.0 or older');
    expect(gateLabel(gateFor('   ', OLD))).toBe('Applies to build 1.1.443.0 or older');
    expect(isNeeded(null, [OLD])).toBe(true);
  });

  it('with a build in range, say it applies, in the normal form of the build', () => {
    expect(gateLabel(gateFor('1.1.443', OLD))).toBe('Applies to your build (1.1.443.0)');
    expect(isNeeded('1.1.99.0', [OLD])).toBe(true);
  });

  it('with a build out of range, say why it is not needed', () => {
    expect(gateLabel(gateFor('1.1.614.0', OLD))).toBe('Not needed for build 1.1.614.0: applies to 1.1.443.0 or older');
    expect(isNeeded('1.1.443.1', [OLD])).toBe(false);
    expect(isNeeded('1.1.380.0', ['>=1.1.0.0', OLD])).toBe(true);
    expect(isNeeded('1.0.9125.0', ['>=1.1.0.0', OLD])).toBe(false);
  });

  it('with an invalid build, hide nothing', () => {
    expect(gateFor('1.1.abc', OLD).kind).toBe('invalid-build');
    expect(isNeeded('1.1.abc', [OLD])).toBe(true);
  });
});

describe('internal links', () => {
  it('keep a build that came from the URL, before the step anchor', () => {
    expect(withBuildParam('/procedures/x/#step', { text: '1.1.380.0', source: 'url' })).toBe('/procedures/x/?build=1.1.380.0#step');
    expect(withBuildParam('/?run=a', { text: '1 1', source: 'url' })).toBe('/?run=a&build=1+1');
  });

  it('stay as they are when the build is only saved, or absent, or the link leaves the portal', () => {
    expect(withBuildParam('/procedures/x/', { text: '1.1.380.0', source: 'saved' })).toBe('/procedures/x/');
    expect(withBuildParam('/procedures/x/', { text: null, source: null })).toBe('/procedures/x/');
    expect(withBuildParam('https://example.org/', { text: '1.1.380.0', source: 'url' })).toBe('https://example.org/');
  });
});

describe('a linked step in a gated part', () => {
  it('says on itself that it is not for a build outside its range', () => {
    expect(linkedStepLabel('1.1.614.0', [OLD])).toEqual({
      text: 'Not for your build (1.1.614.0): this step is for build 1.1.443.0 or older only',
      needed: false,
    });
    expect(linkedStepLabel('1.0.9125.0', ['>=1.1.0.0', OLD])?.text).toMatch(/^Not for your build \(1\.0\.9125\.0\): this step is for build 1\.1\.0\.0 or newer only/);
  });

  it('names its range for a build inside it, or with no build', () => {
    expect(linkedStepLabel('1.1.380.0', [OLD])).toEqual({
      text: 'This step is for build 1.1.443.0 or older only, which includes your build (1.1.380.0)',
      needed: true,
    });
    expect(linkedStepLabel(null, [OLD])?.text).toBe('This step is for build 1.1.443.0 or older only: set your build to check');
  });

  it('says nothing for a step that is for every build', () => {
    expect(linkedStepLabel('1.1.614.0', [])).toBeNull();
  });
});
