/**
 * What names a run: its procedure's slug and its ticket id. Kept apart from
 * the content schema (zod) so the browser can check them for nothing.
 */

/** A procedure's URL name: lowercase letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const TICKET_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const TICKET_ID_HINT = 'A ticket id is 1 to 64 letters, digits, "-", "_" or ".", such as INC-2041.';

export function isTicketId(value: string): boolean {
  return TICKET_ID.test(value);
}
