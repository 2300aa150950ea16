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
