const TICKET_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** What a ticket id may be, said the way the page says it. */
export const TICKET_ID_HINT = 'A ticket id is 1 to 64 letters, digits, "-", "_" or ".", such as INC-2041.';

export function isTicketId(value: string): boolean {
  return TICKET_ID.test(value);
}
