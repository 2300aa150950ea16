/*
 * Who a request comes from, read from what it says: the name it gives the
 * service, and the identity a sign-in proxy vouches for.
 */

/**
 * Whether a request's `Host` is one of the service's names. An entry without a
 * port allows that name on any port. A page of another site that got its own
 * name to point at this service (DNS rebinding) still sends its own name.
 */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const given = host.toLowerCase();
  return allowed.includes(given) || allowed.includes(given.replace(/:\d{1,5}$/, ''));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const NOT_IN_A_NAME = /[\p{Cc}\u2028\u2029]/u;

/**
 * The identity a sign-in proxy vouches for, from the values its header came
 * with, each as Node gives it (one character per byte, so UTF-8 is decoded
 * here). Null when there is none; an error when it is not one well-formed
 * value: sent more than once (which Node would join into "a, b"), not UTF-8,
 * with control characters or longer than `maxLength`.
 */
export function proxyIdentity(values: readonly string[], header: string, maxLength: number): { identity: string | null } | { error: string } {
  if (values.length > 1) return { error: `The ${header} header came more than once; your sign-in proxy must send exactly one.` };
  if (values.length === 0) return { identity: null };
  let identity: string;
  try {
    identity = UTF8.decode(Buffer.from(values[0]!, 'latin1')).trim();
  } catch {
    return { error: `The ${header} header is not UTF-8 text.` };
  }
  if (NOT_IN_A_NAME.test(identity)) return { error: `The ${header} header has control characters; an identity is one line of text.` };
  if (identity.length > maxLength) return { error: `The ${header} header is longer than ${maxLength} characters.` };
  return { identity: identity || null };
}
