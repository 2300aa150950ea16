import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parsePage } from '../export/html';
import { startupScripts } from '../export/startup-scripts';

export interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  scripts: { src: string; bytes: number; gzip: number }[];
  /** Gzipped bytes of every script a current browser loads when it opens the page. */
  jsGzip: number;
}

/** What a page of the static export makes a browser load: its HTML and its startup scripts. */
export function pageWeight(outDir: string, page: string): PageWeight {
  const htmlFile = path.join(outDir, page.replace(/\/?$/, '/index.html'));
  const html = readFileSync(htmlFile);
  const scripts = startupScripts(parsePage(html.toString('utf8'))).map((src) => {
    const body = readFileSync(path.join(outDir, new URL(src, 'http://site/').pathname));
    return { src, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
  });
  return {
    page,
    htmlBytes: html.byteLength,
    htmlGzip: gzipSync(html, { level: 9 }).byteLength,
    scripts,
    jsGzip: scripts.reduce((sum, script) => sum + script.gzip, 0),
  };
}
