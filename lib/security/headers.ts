import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from '../export/html-files';

/**
 * Security for the exported site. Next puts a few inline scripts in every page
 * (its own data among them), so each page carries its own Content Security
 * Policy in a <meta> tag that pins the hashes of exactly its inline scripts:
 * no 'unsafe-inline', no 'unsafe-eval'. That works on any static host. The
 * server adds the same few headers everywhere, with the parts of the policy
 * a <meta> tag cannot carry.
 */

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  // Ticket ids ride in ?run=: no page sends its address to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;
const POLICY_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;

export function inlineScriptHashes(html: string, pattern: RegExp = INLINE_SCRIPT): string[] {
  return [...html.matchAll(pattern)]
    .map((match) => match[1]!)
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

export function pagePolicy(scriptHashes: string[], styleHashes: string[] = []): string {
  const allow = (hashes: string[]) => (hashes.length > 0 ? ` ${[...new Set(hashes)].join(' ')}` : '');
  return [
    "default-src 'self'",
    `script-src 'self'${allow(scriptHashes)}`,
    `style-src 'self'${allow(styleHashes)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first thing in <head>, before any script. Running it twice changes nothing. */
export function withPolicy(html: string): string {
  const clean = html.replace(POLICY_META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(inlineScriptHashes(clean), inlineScriptHashes(clean, INLINE_STYLE))}"/>`;
  return clean.replace(/<head(\s[^>]*)?>/, (head) => `${head}${meta}`);
}

/** Puts each page's policy into every HTML file of the export. Returns how many pages it did. */
export function addPolicies(outDir: string): number {
  const files = htmlFiles(outDir);
  for (const file of files) {
    const full = path.join(outDir, file);
    writeFileSync(full, withPolicy(readFileSync(full, 'utf8')));
  }
  return files.length;
}

/** Configuration for the `serve` static server: the same headers on every response. */
export function serveConfig() {
  return { headers: [{ source: '**', headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }] };
}
