import { describe, expect, it } from 'vitest';
import { isProcedureFile, isServiceRequest, planOfflineCache, type OfflineFile } from './cache-plan';
import { keepAll, parseOfflineCopy, savedProcedurePages } from './saved-copy';

const file = (url: string, size: number): OfflineFile => ({ url, revision: 'r', size });
const site = [
  file('/index.html', 100),
  file('/_next/static/chunks/a.js', 300),
  file('/search-index/manifest.json', 50),
  file('/procedures/one/index.html', 400),
  file('/procedures/one/index.txt', 200),
  file('/procedures/two/index.html', 400),
];

describe('planOfflineCache', () => {
  it('caches the whole site in the background when it fits the budget', () => {
    const plan = planOfflineCache(site, 1450);
    expect(plan.background).toHaveLength(site.length);
    expect(plan.onDemand).toEqual([]);
    expect(plan.onDemandProcedures).toBe(0);
    expect(plan.backgroundBytes).toBe(1450);
  });

  it('above the budget, leaves procedure pages for later and keeps the shell and the search index', () => {
    const plan = planOfflineCache(site, 1449);
    expect(plan.background.map((entry) => entry.url)).toEqual(['/_next/static/chunks/a.js', '/index.html', '/search-index/manifest.json']);
    expect(plan.onDemand.map((entry) => entry.url)).toEqual(['/procedures/one/index.html', '/procedures/one/index.txt', '/procedures/two/index.html']);
    expect(plan.onDemandProcedures).toBe(2);
    expect(plan.backgroundBytes).toBe(450);
    expect(plan.onDemandBytes).toBe(1000);
  });
});

describe('address rules', () => {
  it('tells procedure files from the rest', () => {
    expect(isProcedureFile('/procedures/one/')).toBe(true);
    expect(isProcedureFile('/procedures/one/__next._tree.txt')).toBe(true);
    expect(isProcedureFile('/procedures/')).toBe(false);
    expect(isProcedureFile('/topics/sync/')).toBe(false);
  });

  it('never treats the run service as a file', () => {
    expect(isServiceRequest('/api/runs/T-1')).toBe(true);
    expect(isServiceRequest('/api')).toBe(true);
    expect(isServiceRequest('/apis-and-more/')).toBe(false);
  });
});

describe('parseOfflineCopy', () => {
  it('reads what the worker wrote', () => {
    expect(parseOfflineCopy({ savedAt: '2026-11-23T11:00:00.000Z', onDemandProcedures: 0 })).toEqual({ savedAt: '2026-11-23T11:00:00.000Z', onDemandProcedures: 0 });
  });

  it('gives null for anything else', () => {
    expect(parseOfflineCopy(null)).toBeNull();
    expect(parseOfflineCopy('2026-11-23')).toBeNull();
    expect(parseOfflineCopy({ savedAt: 'yesterday', onDemandProcedures: 0 })).toBeNull();
    expect(parseOfflineCopy({ savedAt: '2026-11-23T11:00:00.000Z', onDemandProcedures: -1 })).toBeNull();
  });
});

describe('savedProcedurePages', () => {
  it('finds each procedure page once, precached or kept, and nothing else', () => {
    expect(
      savedProcedurePages([
        'http://site/procedures/two/index.html?__WB_REVISION__=abc',
        'http://site/procedures/one/',
        'http://site/procedures/one/index.txt',
        'http://site/procedures/two/',
        'http://site/topics/sync/index.html',
      ]),
    ).toEqual(['/procedures/one/', '/procedures/two/']);
  });
});

describe('keepAll', () => {
  it('fetches every address, counts failures without stopping, and reports each step', async () => {
    const seen: string[] = [];
    const reports: number[] = [];
    const result = await keepAll(
      ['/a', '/b', '/c', '/d', '/e'],
      async (url) => {
        seen.push(url);
        if (url === '/c') throw new Error('offline');
        return url !== '/d';
      },
      (progress) => reports.push(progress.done + progress.failed),
      2,
    );
    expect(seen.sort()).toEqual(['/a', '/b', '/c', '/d', '/e']);
    expect(result).toEqual({ done: 3, failed: 2, total: 5 });
    expect(reports).toEqual([1, 2, 3, 4, 5]);
  });
});
