import { describe, expect, it } from 'vitest';
import { hashSource, PAGE_POLICY, pagePolicy, parsePolicy, SECURITY_HEADERS, serializePolicy, sourcesFor } from './headers';

describe('a page policy', () => {
  it('allows its inline scripts and styles by hash, each once, and nothing inline besides', () => {
    const policy = pagePolicy({ scripts: ['self.a=1', 'self.b=2', 'self.a=1'], styles: ['p{color:red}'] });
    expect(policy).toContain(`script-src 'self' ${hashSource('self.a=1')} ${hashSource('self.b=2')};`);
    expect(policy).toContain(`style-src 'self' ${hashSource('p{color:red}')};`);
    expect(policy).not.toMatch(/unsafe/);
  });

  it('reads back as the directives it was made from', () => {
    expect(parsePolicy(serializePolicy(PAGE_POLICY))).toEqual(PAGE_POLICY);
  });
});

describe('reading a policy', () => {
  it('as a browser does: names in any case, the first of a repeated directive, default-src for a missing one', () => {
    const policy = parsePolicy("Default-Src 'self'; script-src 'none';  script-src 'self' ; ");
    expect(policy).toEqual({ 'default-src': ["'self'"], 'script-src': ["'none'"] });
    expect(sourcesFor(policy, 'script-src')).toEqual(["'none'"]);
    expect(sourcesFor(policy, 'style-src')).toEqual(["'self'"]);
  });
});

describe('the server headers', () => {
  it('carry the directives a <meta> policy cannot, as the README gives them for nginx', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; connect-src 'self'");
  });
});
