import { describe, expect, it } from 'vitest';
import { compareBuilds, describeRange, parseBuild, parseRange, recordedBuild, satisfies, type Build } from './version';

const build = (text: string): Build => {
  const parsed = parseBuild(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const range = (text: string) => {
  const parsed = parseRange(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('builds', () => {
  it('compare part by part as numbers, not as strings', () => {
    expect(compareBuilds(build('1.1.99.0'), build('1.1.443.0'))).toBe(-1);
    expect(compareBuilds(build('1.0.9125.0'), build('1.1.443.0'))).toBe(-1);
    expect(compareBuilds(build('1.1.1000.0'), build('1.1.443.0'))).toBe(1);
    expect(compareBuilds(build('2.0.0.0'), build('1.99.99.99'))).toBe(1);
  });

  it('are padded with zeros and trimmed', () => {
    expect(build('1.1.443')).toEqual([1, 1, 443, 0]);
    expect(build('  1.1.443.0\n')).toEqual([1, 1, 443, 0]);
    expect(compareBuilds(build('1.1.443'), build('1.1.443.0'))).toBe(0);
    expect(build('2')).toEqual([2, 0, 0, 0]);
  });

  it.each(['1.1.abc', '1..443.0', '', '   ', '1.1.443.0.1', '-1.1.443.0', '1.1.-443.0', '<b>1.1</b>', '1.1.443.0x', '1,1,443,0', '.1.1.1'])(
    'rejects %j with a message that shows a valid build',
    (text) => {
      const parsed = parseBuild(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('such as 1.1.443.0');
    },
  );
});

describe('ranges', () => {
  const oldBuilds = range('<=1.1.443.0');

  it('include the limit itself and older builds', () => {
    expect(satisfies(build('1.1.443.0'), oldBuilds)).toBe(true);
    expect(satisfies(build('1.1.443'), oldBuilds)).toBe(true);
    expect(satisfies(build('1.1.99.0'), oldBuilds)).toBe(true);
    expect(satisfies(build('1.0.9125.0'), oldBuilds)).toBe(true);
  });

  it('exclude newer builds', () => {
    expect(satisfies(build('1.1.443.1'), oldBuilds)).toBe(false);
    expect(satisfies(build('1.1.1000.0'), oldBuilds)).toBe(false);
    expect(satisfies(build('1.1.614.0'), oldBuilds)).toBe(false);
  });

  it('combine comparators, all of which must hold', () => {
    const window = range('>=1.1.524.0 <2.0.0.0');
    expect(satisfies(build('1.1.524.0'), window)).toBe(true);
    expect(satisfies(build('1.6.4.0'), window)).toBe(true);
    expect(satisfies(build('2.0.0.0'), window)).toBe(false);
    expect(satisfies(build('1.1.523.9'), window)).toBe(false);
    expect(satisfies(build('1.1.443.0'), range('=1.1.443.0'))).toBe(true);
    expect(satisfies(build('1.1.443.1'), range('=1.1.443.0'))).toBe(false);
  });

  it('read as plain words', () => {
    expect(describeRange(oldBuilds)).toBe('1.1.443.0 or older');
    expect(describeRange(range('>=1.1.524.0 <2.0.0.0'))).toBe('1.1.524.0 or newer and older than 2.0.0.0');
  });

  it.each(['>2.0.0.0 <1.0.0.0', '>1.1.443.0 <1.1.443.1', '<1.1.443.0 =1.1.443.0', '<0.0.0.0'])('reject %j, which no build can match', (text) => {
    const parsed = parseRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('can never match');
  });

  it('accept a narrow range that one build can match', () => {
    expect(satisfies(build('1.1.443.1'), range('>1.1.443.0 <1.1.443.2'))).toBe(true);
    expect(satisfies(build('1.1.443.0'), range('>=1.1.443.0 <=1.1.443.0'))).toBe(true);
  });

  it.each(['', '1.1.443.0', '<=', '=<1.1.443.0', '<=1.1.abc', '~1.1'])('reject %j with a message that shows a valid range', (text) => {
    const parsed = parseRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/such as|not a build/);
  });
});

describe('recordedBuild', () => {
  it('spells a build in full, and records nothing for what is not one', () => {
    expect(recordedBuild('1.1.443')).toBe('1.1.443.0');
    expect(recordedBuild(' 1.1.614.0 ')).toBe('1.1.614.0');
    expect(recordedBuild('1.1.443,0')).toBeNull();
    expect(recordedBuild(null)).toBeNull();
  });
});
