import { createHash } from 'node:crypto';

/**
 * Security for the exported site. Next puts a few inline scripts in every page
 * (its own data among them), so each page carries its own Content Security
 * Policy in a <meta> tag that pins the hashes of exactly its inline scripts:
 * no 'unsafe-inline', no 'unsafe-eval'. That works on any static host
 * (`lib/export/page-policy.ts` puts it into the pages). The server adds the
 * same few headers everywhere, with the parts of the policy a <meta> tag
 * cannot carry.
 */

/** A Content Security Policy as directive name → allowed sources. */
export type Policy = Record<string, string[]>;

/** What every page allows; each page adds the hashes of its own inline scripts and styles to `script-src` and `style-src`. */
export const PAGE_POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** The directives a <meta> policy cannot carry, sent by the server with every response. */
const SERVER_POLICY: Policy = {
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'connect-src': ["'self'"],
};

/** The policy as a header or <meta> writes it. */
export function serializePolicy(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** A policy as a browser reads it: directive names lowercased, the first of a repeated directive wins. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = {};
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !(name.toLowerCase() in policy)) policy[name.toLowerCase()] = sources;
  }
  return policy;
}

/** The sources that govern `directive`, falling back to `default-src` as a browser does. */
export function sourcesFor(policy: Policy, directive: 'script-src' | 'style-src'): string[] {
  return policy[directive] ?? policy['default-src'] ?? [];
}

/** The source expression that allows exactly this inline script or style text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** A page's policy: PAGE_POLICY, with these inline scripts and styles allowed by hash. */
export function pagePolicy(inline: { scripts: string[]; styles: string[] }): string {
  const hashes = (texts: string[]) => [...new Set(texts.map(hashSource))];
  return serializePolicy({
    ...PAGE_POLICY,
    'script-src': [...PAGE_POLICY['script-src']!, ...hashes(inline.scripts)],
    'style-src': [...PAGE_POLICY['style-src']!, ...hashes(inline.styles)],
  });
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': serializePolicy(SERVER_POLICY),
  'X-Content-Type-Options': 'nosniff',
  // Ticket ids ride in ?run=: no page sends its address to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Configuration for the `serve` static server: the same headers on every response. */
export function serveConfig() {
  return { headers: [{ source: '**', headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }] };
}
