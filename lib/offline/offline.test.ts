import { describe, expect, it } from 'vitest';
import { isOnDemandFile, isSearchIndexFile, isServiceRequest, planOfflineCache, type OfflineFile } from './cache-plan';
import { keepAll, parseOfflineCopy, savedProcedurePages } from './saved-copy';

const file = (url: string, size: number): OfflineFile => ({ url, revision: 'r', size });
/** A small export: the shell, a search index, and the pages that grow with the procedures. */
const shell = [
  file('/index.html', 100),
  file('/_next/static/chunks/a.js', 300),
  file('/offline/index.html', 20),
  file('/search/index.html', 30),
  file('/runs/index.html', 30),
  file('/manifest.webmanifest', 10),
  file('/icon.svg', 10),
];
const searchIndex = [file('/search-index/manifest.json', 50), file('/search-index/terms-0.json', 950)];
const pages = [
  file('/procedures/one/index.html', 400),
  file('/procedures/one/index.txt', 200),
  file('/procedures/two/index.html', 400),
  file('/procedures/index.html', 300),
  file('/procedures/__next._tree.txt', 5),
  file('/topics/index.html', 50),
  file('/topics/sync/index.html', 120),
  file('/topics/sync/index.txt', 60),
  file('/symptoms/index.html', 900),
  file('/symptoms/__next.symptoms.__PAGE__.txt', 700),
];
const site = [...pages, ...searchIndex, ...shell];
const urls = (files: OfflineFile[]) => files.map((entry) => entry.url).sort();
/** Everything but the search index: what the budget counts. */
const counted = 500 + 3135;

describe('planOfflineCache', () => {
  it('caches the whole site in the background when all but the search index fits the budget', () => {
    const plan = planOfflineCache(site, counted);
    expect(urls(plan.background)).toEqual(urls(site));
    expect(plan.onDemand).toEqual([]);
    expect(plan.onDemandPages).toBe(0);
    expect(plan.backgroundBytes).toBe(counted + 1000);
    expect(plan.searchIndexBytes).toBe(1000);
    expect(plan.withinBudget).toBe(true);
  });

  it('does not count the search index against the budget', () => {
    expect(planOfflineCache(site, counted).backgroundBytes).toBeGreaterThan(counted);
    expect(planOfflineCache(site, counted - 1).onDemand).not.toEqual([]);
  });

  it('above the budget, caches the shell and the whole search index, and leaves every page that grows with the procedures for later', () => {
    const plan = planOfflineCache(site, counted - 1);
    expect(urls(plan.background)).toEqual(urls([...shell, ...searchIndex]));
    expect(urls(plan.onDemand)).toEqual(urls(pages));
    // One procedure, another, the list of procedures, the list of topics, a topic and the symptoms.
    expect(plan.onDemandPages).toBe(6);
    expect(plan.backgroundBytes).toBe(500 + 1000);
    expect(plan.searchIndexBytes).toBe(1000);
    expect(plan.onDemandBytes).toBe(3135);
    expect(plan.withinBudget).toBe(true);
  });

  it('keeps the search index whole even when the shell alone is over the budget, and says so', () => {
    const plan = planOfflineCache(site, 499);
    expect(urls(plan.background)).toEqual(urls([...shell, ...searchIndex]));
    expect(plan.withinBudget).toBe(false);
  });
});

describe('address rules', () => {
  it('tells the pages kept on demand from the rest', () => {
    expect(isOnDemandFile('/procedures/one/')).toBe(true);
    expect(isOnDemandFile('/procedures/one/__next._tree.txt')).toBe(true);
    expect(isOnDemandFile('/outlines/one.json')).toBe(true);
    expect(isOnDemandFile('/procedures/')).toBe(true);
    expect(isOnDemandFile('/topics/')).toBe(true);
    expect(isOnDemandFile('/topics/sync/index.txt')).toBe(true);
    expect(isOnDemandFile('/symptoms/')).toBe(true);
    expect(isOnDemandFile('/')).toBe(false);
    expect(isOnDemandFile('/search/')).toBe(false);
    expect(isOnDemandFile('/runs/index.html')).toBe(false);
    expect(isOnDemandFile('/offline/index.html')).toBe(false);
    expect(isOnDemandFile('/search-index/terms-0.json')).toBe(false);
    expect(isOnDemandFile('/procedures-old/')).toBe(false);
  });

  it('tells the search index from the rest', () => {
    expect(isSearchIndexFile('/search-index/manifest.json')).toBe(true);
    expect(isSearchIndexFile('/search/index.html')).toBe(false);
  });

  it('never treats the run service as a file', () => {
    expect(isServiceRequest('/api/runs/T-1')).toBe(true);
    expect(isServiceRequest('/api')).toBe(true);
    expect(isServiceRequest('/apis-and-more/')).toBe(false);
  });

  it('never saves the export’s /api/ files, which would answer for the run service', () => {
    const plan = planOfflineCache([file('/index.html', 10), file('/api/service.json', 1)]);
    expect([...plan.background, ...plan.onDemand].map((saved) => saved.url)).toEqual(['/index.html']);
  });
});

describe('parseOfflineCopy', () => {
  it('reads what the worker wrote', () => {
    expect(parseOfflineCopy({ savedAt: '2026-11-23T11:00:00.000Z', onDemandPages: 0 })).toEqual({ savedAt: '2026-11-23T11:00:00.000Z', onDemandPages: 0 });
  });

  it('gives null for anything else', () => {
    expect(parseOfflineCopy(null)).toBeNull();
    expect(parseOfflineCopy('2026-11-23')).toBeNull();
    expect(parseOfflineCopy({ savedAt: 'yesterday', onDemandPages: 0 })).toBeNull();
    expect(parseOfflineCopy({ savedAt: '2026-11-23T11:00:00.000Z', onDemandPages: -1 })).toBeNull();
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
