import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Security headers for the exported site. Next puts a few inline scripts in
 * every page (its own data among them), so each page gets a Content Security
 * Policy that pins the hashes of exactly its inline scripts: no 'unsafe-inline',
 * no 'unsafe-eval'.
 */

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  // Ticket ids ride in ?run=: no page sends its address to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1]!)
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

export function contentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length > 0 ? ` ${[...new Set(scriptHashes)].join(' ')}` : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every HTML page of the export, as its path below the folder ("procedures/x/index.html"), with its policy. */
export function pagePolicies(outDir: string): { file: string; policy: string }[] {
  return htmlFiles(outDir).map((file) => ({
    file,
    policy: contentSecurityPolicy(inlineScriptHashes(readFileSync(path.join(outDir, file), 'utf8'))),
  }));
}

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(dir, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

/** Configuration for the `serve` static server: the common headers everywhere, each page's policy on its file. */
export function serveConfig(outDir: string) {
  const common = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
  return {
    headers: [
      { source: '**', headers: [...common, { key: 'Content-Security-Policy', value: contentSecurityPolicy([]) }] },
      ...pagePolicies(outDir).map(({ file, policy }) => ({
        source: `/${file}`,
        headers: [{ key: 'Content-Security-Policy', value: policy }],
      })),
    ],
  };
}

/** An nginx `map` from request path to policy, for `add_header Content-Security-Policy $runbook_csp always;`. */
export function nginxPolicyMap(outDir: string): string {
  const quote = (text: string) => `"${text.replace(/"/g, '\\"')}"`;
  const lines = pagePolicies(outDir).flatMap(({ file, policy }) => {
    const paths = [`/${file}`, ...(file.endsWith('index.html') ? [`/${file.slice(0, -'index.html'.length)}`] : [])];
    return paths.map((uri) => `    ${quote(uri)} ${quote(policy)};`);
  });
  return `map $uri $runbook_csp {\n    default ${quote(contentSecurityPolicy([]))};\n${lines.join('\n')}\n}\n`;
}
