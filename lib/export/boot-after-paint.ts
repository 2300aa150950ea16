import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from './html-files';

/**
 * Next puts a page's startup scripts in <head> as async scripts (and preloads one), so a phone
 * starts fetching and running about 150 KB (gzipped) of framework code while it is still laying out the
 * procedure the admin came to read. This rewrites each page so the same scripts are requested
 * right after the first frame is painted: the text first, then the page comes alive. A page that
 * is, or goes, into a background tab paints nothing, so it boots at once. Without JavaScript
 * nothing changes. Fields typed into before the boot keep their text (`useTypedBeforeBoot`), and
 * step checkboxes and copy buttons stay disabled until then (`useBooted`), so nothing done in that
 * window is lost.
 */
const ASYNC_SCRIPT = /<script src="(\/_next\/static\/[^"]+\.js)" async="">\s*<\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*\shref="\/_next\/static\/[^"]+"[^>]*\/?>/g;

/** The inline script that requests `scripts` in page order, each async as Next had it, once the first frame is on screen. */
export function bootLoader(scripts: string[]): string {
  const list = JSON.stringify(scripts).replace(/</g, '\\u003c');
  const boot = `function(){${list}.forEach(function(src){var s=document.createElement("script");s.src=src;s.async=true;document.head.appendChild(s)})}`;
  const start = 'var started=false;function start(){if(!started){started=true;boot()}}';
  const when =
    'if(document.visibilityState==="hidden")start();' +
    'else{requestAnimationFrame(function(){setTimeout(start,0)});document.addEventListener("visibilitychange",start)}';
  return `<script>(function(boot){${start}${when}})(${boot})</script>`;
}

const LOADER_LIST = /<script>\(function\(boot\)\{[\s\S]*?\}\)\(function\(\)\{(\[[^\]]*\])\.forEach/;

/** The scripts a page's boot loader will load; none if the page has no loader. */
export function bootLoaderScripts(html: string): string[] {
  const list = LOADER_LIST.exec(html)?.[1];
  return list ? (JSON.parse(list) as string[]) : [];
}

/** The page with its startup scripts loaded after the first paint. Pages already rewritten come back unchanged. */
export function withBootAfterPaint(html: string): string {
  const scripts = [...html.matchAll(ASYNC_SCRIPT)].map((match) => match[1]!);
  if (scripts.length === 0) return html;
  const rest = html.replace(ASYNC_SCRIPT, '').replace(SCRIPT_PRELOAD, '');
  // The loader goes last, after the content and Next's inline data; a page without </body> gets it at its end.
  const bodyEnd = rest.lastIndexOf('</body>');
  const end = bodyEnd === -1 ? rest.length : bodyEnd;
  return `${rest.slice(0, end)}${bootLoader(scripts)}${rest.slice(end)}`;
}

/** Rewrites every page of the export. Returns how many it changed. */
export function bootAfterPaint(outDir: string): number {
  let changed = 0;
  for (const file of htmlFiles(outDir)) {
    const full = path.join(outDir, file);
    const html = readFileSync(full, 'utf8');
    const rewritten = withBootAfterPaint(html);
    if (rewritten !== html) {
      writeFileSync(full, rewritten);
      changed++;
    }
  }
  return changed;
}
