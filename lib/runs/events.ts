/**
 * A run's events: the one shape a run has in the browser, in a share link, in
 * a downloaded file and in the run service. A run is the append-only set of
 * its events. Its state is a pure function of them, folded in `compareEvents`
 * order, so two copies merge by the union of their events by id and any order
 * of arrival gives the same state.
 *
 * Hand-written checks, not zod: this runs in the browser, where zod costs
 * 12 to 33 KB gzipped.
 */

interface EventBase {
  /** Unique within the run, made by the client that made the event: a retry sends the same id. */
  id: string;
  /** When it happened, by the clock of whoever did it (ISO 8601). */
  at: string;
  /** Who did it: a display name or the identity a trusted proxy passed; null when nobody said. */
  by: string | null;
  /**
   * Who the run service's sign-in proxy said sent it, recorded by the service beside the event
   * when it was received. Never part of what the event says: the service drops any a client
   * sends, and two copies of one event that differ only here are the same event.
   */
  via?: string;
}

export type RunEvent = EventBase &
  (
    | {
        type: 'start';
        /** The procedure as it was when the run started. */
        title: string;
        revision: string;
        stepIds: string[];
        build: string | null;
      }
    | { type: 'tick' | 'untick' | 'unskip'; step: string }
    | { type: 'skip'; step: string; reason: string }
    /** A note on a step, or on the whole run when `step` is null. */
    | { type: 'note'; step: string | null; text: string }
    | { type: 'input'; name: string; value: string | string[] }
    | { type: 'build'; build: string | null }
    | { type: 'finish' | 'reopen' }
  );

export type RunEventType = RunEvent['type'];

export const EVENT_LIMITS = {
  id: 64,
  by: 100,
  step: 200,
  reason: 500,
  note: 2000,
  inputName: 64,
  inputValue: 200,
  inputValues: 50,
  title: 300,
  stepIds: 2000,
  /** Bytes of one event as UTF-8 JSON: any valid event fits in one request to the service. */
  eventBytes: 64 * 1024,
} as const;

/** The times an event may carry: ISO 8601 with a zone, in years a run can have happened in. */
export const EVENT_YEARS = { first: 2000, last: 2199 } as const;

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const BUILD = /^\d+(\.\d+){0,3}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A NUL, which PostgreSQL cannot store in text, or half of a surrogate pair, which is not text at all. */
const NOT_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A fresh event id: 128 random bits, URL-safe. Works on plain http too, where `crypto.randomUUID` is missing. */
export function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The order a run's events are folded in: by time, then by id, the same everywhere. */
export function compareEvents(a: RunEvent, b: RunEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The union of two copies of a run's events by id, in fold order; a copy the service vouched for (`via`) wins. */
export function mergeEvents(a: readonly RunEvent[], b: readonly RunEvent[]): RunEvent[] {
  const byId = new Map<string, RunEvent>();
  for (const event of [...a, ...b]) {
    const kept = byId.get(event.id);
    if (!kept || (kept.via === undefined && event.via !== undefined)) byId.set(event.id, event);
  }
  return [...byId.values()].sort(compareEvents);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown, max: number, min = 1): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max && !NOT_TEXT.test(value);

/** Whether a string can be stored and sent as it is: no NUL, no half of a surrogate pair. */
export function isStorableText(value: string): boolean {
  return !NOT_TEXT.test(value);
}

/** A person as one value: a name or an identity of at most `EVENT_LIMITS.by` characters, on one line, with no space around it. */
export function isIdentity(value: unknown): value is string {
  return text(value, EVENT_LIMITS.by) && !CONTROL.test(value) && value.trim() === value;
}

/** An event's time as the one form events keep (UTC, milliseconds), or null when it is not an ISO 8601 time in the years runs have. */
export function eventTime(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= EVENT_YEARS.first && year <= EVENT_YEARS.last ? new Date(ms).toISOString() : null;
}

const encoder = new TextEncoder();

/** The bytes an event takes as UTF-8 JSON, as it travels to the service. */
export function eventBytes(event: RunEvent): number {
  return encoder.encode(JSON.stringify(event)).length;
}

export type ParsedEvent = { ok: true; event: RunEvent } | { ok: false; error: string };

/**
 * Reads one event from untrusted input (storage, a file, a request, the
 * service's stream): the one rule for what an event may hold, in the browser,
 * the service and imports alike. It refuses what the database could not
 * store. Returns the event with only its known fields, or what is wrong with
 * it, naming the field, in words that can go back to whoever sent it.
 */
export function parseRunEvent(value: unknown): ParsedEvent {
  const parsed = parseFields(value);
  if (parsed.ok && eventBytes(parsed.event) > EVENT_LIMITS.eventBytes)
    return { ok: false, error: `event ${parsed.event.id}: the event is larger than ${EVENT_LIMITS.eventBytes / 1024} KB` };
  return parsed;
}

function parseFields(value: unknown): ParsedEvent {
  const fail = (error: string) => ({ ok: false as const, error });
  if (!isRecord(value)) return fail('an event must be a JSON object');
  const { id, by, via, type } = value;
  if (typeof id !== 'string' || !ID.test(id)) return fail('"id" must be 8 to 64 letters, digits, "-" or "_"');
  const broken = Object.entries(value).find(([, field]) => (Array.isArray(field) ? field : [field]).some((item) => typeof item === 'string' && NOT_TEXT.test(item)));
  if (broken) return fail(`event ${id}: "${broken[0]}" holds a NUL character or half of a surrogate pair, which is not text that can be stored`);
  const at = eventTime(value.at);
  if (at === null) return fail(`event ${id}: "at" must be an ISO 8601 time with its zone, such as 2026-11-23T10:00:00.000Z, between ${EVENT_YEARS.first} and ${EVENT_YEARS.last}`);
  const person = `a name of 1 to ${EVENT_LIMITS.by} characters on one line, with no space at either end`;
  if (by !== null && by !== undefined && !isIdentity(by)) return fail(`event ${id}: "by" must be ${person}, or null`);
  if (via !== undefined && !isIdentity(via)) return fail(`event ${id}: "via" must be ${person}`);
  const base = { id, at, by: (by as string | undefined) ?? null, ...(via === undefined ? {} : { via }) };
  const step = value.step;
  const stepOk = text(step, EVENT_LIMITS.step);
  const where = `event ${id} (${String(type)})`;
  switch (type) {
    case 'start': {
      const { title, revision, stepIds, build } = value;
      if (!text(title, EVENT_LIMITS.title)) return fail(`${where}: "title" must be a text of at most ${EVENT_LIMITS.title} characters`);
      if (!text(revision, 100)) return fail(`${where}: "revision" must be a text`);
      if (!Array.isArray(stepIds) || stepIds.length > EVENT_LIMITS.stepIds || !stepIds.every((item) => text(item, EVENT_LIMITS.step)))
        return fail(`${where}: "stepIds" must be a list of step ids`);
      if (build !== null && build !== undefined && !(typeof build === 'string' && BUILD.test(build))) return fail(`${where}: "build" must be a build like 1.1.443.0, or null`);
      return { ok: true, event: { ...base, type, title, revision, stepIds: [...stepIds], build: (build as string | undefined) ?? null } };
    }
    case 'tick':
    case 'untick':
    case 'unskip':
      if (!stepOk) return fail(`${where}: "step" must be a step id`);
      return { ok: true, event: { ...base, type, step } };
    case 'skip': {
      if (!stepOk) return fail(`${where}: "step" must be a step id`);
      if (!text(value.reason, EVENT_LIMITS.reason)) return fail(`${where}: "reason" must be a text of 1 to ${EVENT_LIMITS.reason} characters`);
      return { ok: true, event: { ...base, type, step, reason: value.reason } };
    }
    case 'note': {
      if (step !== null && step !== undefined && !stepOk) return fail(`${where}: "step" must be a step id, or null for the whole run`);
      if (!text(value.text, EVENT_LIMITS.note)) return fail(`${where}: "text" must be a note of 1 to ${EVENT_LIMITS.note} characters`);
      return { ok: true, event: { ...base, type, step: (step as string | undefined) ?? null, text: value.text } };
    }
    case 'input': {
      const { name, value: input } = value;
      if (!text(name, EVENT_LIMITS.inputName)) return fail(`${where}: "name" must be an input's name`);
      // One line each: a value is filled into commands an admin pastes into a shell.
      const one = (item: unknown) => text(item, EVENT_LIMITS.inputValue, 0) && !CONTROL.test(item);
      const ok = Array.isArray(input) ? input.length <= EVENT_LIMITS.inputValues && input.every(one) : one(input);
      if (!ok) return fail(`${where}: "value" must be one line of at most ${EVENT_LIMITS.inputValue} characters, or a list of at most ${EVENT_LIMITS.inputValues} such lines`);
      return { ok: true, event: { ...base, type, name, value: Array.isArray(input) ? [...(input as string[])] : (input as string) } };
    }
    case 'build': {
      const { build } = value;
      if (build !== null && !(typeof build === 'string' && BUILD.test(build))) return fail(`${where}: "build" must be a build like 1.1.443.0, or null`);
      return { ok: true, event: { ...base, type, build } };
    }
    case 'finish':
    case 'reopen':
      return { ok: true, event: { ...base, type } };
    default:
      return fail(`event ${id}: unknown "type"; expected one of start, tick, untick, skip, unskip, note, input, build, finish, reopen`);
  }
}
