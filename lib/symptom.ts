import { SYMPTOM_PLACES, type Symptom } from './content/schema';

export type MessagePart = { text: string; variable: false } | { text: string; variable: true };

/** Splits a symptom message into fixed text and `{variable}` parts, such as an agent or account name. */
export function splitMessage(message: string): MessagePart[] {
  return message
    .split(/(\{[a-z][a-z0-9-]*\})/i)
    .filter((part) => part !== '')
    .map((part) =>
      /^\{[a-z][a-z0-9-]*\}$/i.test(part) ? { text: part.slice(1, -1), variable: true } : { text: part, variable: false },
    );
}

/** A short name for a symptom, as a helpdesk says it: "Event 6000", "Error 1069", "AADSTS50054". */
export function symptomLabel(symptom: Symptom): string {
  if (!symptom.code) return 'Message';
  if (symptom.kind === 'event') return `Event ${symptom.code}`;
  return /^-?\d+$/.test(symptom.code) ? `Error ${symptom.code}` : symptom.code;
}

export function placeLabel(symptom: Symptom): string {
  return SYMPTOM_PLACES[symptom.where];
}
