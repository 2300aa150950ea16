import { describe, expect, it } from 'vitest';
import { bootAfterPaint } from './boot-after-paint';
import { PROCEDURE_PAGE, readSnapshotPage, SNAPSHOTS } from './fixtures/snapshot';
import { parsePage } from './html';
import { startupScripts } from './startup-scripts';

describe.each(SNAPSHOTS)('the startup scripts of a real page (%s)', (snapshot) => {
  const html = readSnapshotPage(snapshot, PROCEDURE_PAGE);
  const asyncTags = [...html.matchAll(/<script src="([^"]+)"[^>]*\basync=""/g)].map((match) => match[1]);
  const [legacy] = [...html.matchAll(/<script src="([^"]+)"[^>]*\bnoModule=""/g)].map((match) => match[1]);

  it('are its script tags a current browser loads, not the one only old browsers fetch', () => {
    expect(asyncTags.length).toBeGreaterThan(0);
    expect(startupScripts(parsePage(html))).toEqual(asyncTags);
    expect(startupScripts(parsePage(html))).not.toContain(legacy);
  });

  it('are the same scripts once the boot loader loads them after the first paint', () => {
    const tree = parsePage(html);
    bootAfterPaint(tree);
    expect(startupScripts(tree)).toEqual(asyncTags);
  });
});

describe('startup scripts', () => {
  it('are none on a page without scripts', () => {
    expect(startupScripts(parsePage('<html><body><p>Text</p><script>self.inline=1</script></body></html>'))).toEqual([]);
  });
});
