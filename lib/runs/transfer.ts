import { mergeEvents, parseRunEvent, type RunEvent, type RunEventType } from './events';
import { migrateLegacyShare } from './migrate';
import type { RunState } from './state';
import { isTicketId, TICKET_ID_HINT } from './names';
import { isRunKey } from './store';
import { SHARE_PREFIX } from '../urls';

/**
 * A run leaving the browser and coming back: a downloaded file, and the
 * fragment of a handover link. Both carry the whole event log, so the
 * receiver merges it by id into what it has.
 */

/** Most a run file or a share link may carry: far beyond a real run (a few hundred events), short of hurting the page. */
export const TRANSFER_LIMITS = { fileChars: 5 * 1024 * 1024, shareChars: 2 * 1024 * 1024, events: 20_000 } as const;

const FORMAT = 'runbook-run';
const FILE_VERSION = 1;

/** A run as a file to download: pretty-printed JSON, every event. */
export function runFile(state: RunState, now: Date = new Date()): string {
  const file = { format: FORMAT, version: FILE_VERSION, slug: state.slug, ticket: state.ticket, exportedAt: now.toISOString(), events: state.events };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadRun = { ok: true; slug: string; ticket: string | null; events: RunEvent[] } | { ok: false; error: string };

const MB = 1024 * 1024;

/** The events of its run read from untrusted file text, or what is wrong with it, for the person who chose the file. */
export function parseRunFile(text: string): ReadRun {
  const fail = (error: string) => ({ ok: false as const, error });
  if (text.length > TRANSFER_LIMITS.fileChars)
    return fail(`This file is too large for a run file (${(text.length / MB).toFixed(1)} MB; a run file is at most ${TRANSFER_LIMITS.fileChars / MB} MB).`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`This file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== FORMAT)
    return fail(`This is not a run file: a run file is JSON with "format": "${FORMAT}", as the portal downloads it.`);
  const { version, slug, ticket, events } = value as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('This is not a run file: its "version" is not a version number.');
  if (version > FILE_VERSION)
    return fail(`This run file is version ${version}, from a newer version of this site; this page reads version ${FILE_VERSION}. Reload the page, then import it again.`);
  if (typeof slug !== 'string' || !isRunKey({ slug, ticket: null }))
    return fail('This run file has no valid "slug": a procedure is named by lowercase letters, digits and single hyphens.');
  if (ticket !== null && (typeof ticket !== 'string' || !isTicketId(ticket)))
    return fail(`This run file's "ticket" is not valid: ${TICKET_ID_HINT} It is null for a plain checklist.`);
  if (!Array.isArray(events)) return fail('This run file has no list of "events".');
  if (events.length > TRANSFER_LIMITS.events)
    return fail(`This run file has ${events.length.toLocaleString('en')} events; a run file has at most ${TRANSFER_LIMITS.events.toLocaleString('en')}.`);
  const read: RunEvent[] = [];
  for (const [index, item] of events.entries()) {
    const event = parseRunEvent(item);
    if (!event.ok) return fail(`Event ${index + 1} of ${events.length} in this run file is not valid: ${event.error}.`);
    read.push(event.event);
  }
  return { ok: true, slug, ticket, events: mergeEvents(read, []) };
}

/*
 * The share fragment: `share=` and the base64url of a small binary encoding,
 * made and read synchronously (CompressionStream is async). Fields are
 * positional, step ids and names are written once and referred to by index,
 * times are differences in milliseconds from the event before, and ids made
 * by `newEventId` (32 hex digits) or by the migration (`legacy-` and 32 hex
 * digits) go as their 16 bytes. A checksum at the end tells a damaged link
 * from a valid one.
 *
 *   byte 1 (the format's version), text slug, text ticket ("" for none),
 *   varint count + texts (the table), zigzag varint time of the first event (ms),
 *   varint count + events, 4 bytes FNV-1a of all before.
 *   An event: byte type | 0x10 has by | 0x20 hex id | 0x40 legacy hex id,
 *   the id (16 bytes, or a text), zigzag varint ms since the event before,
 *   [varint by index], then its fields in the order of `RunEvent`.
 *   A text is a varint byte length and UTF-8.
 *
 * Today's fragment (`share=` and base64url of a ChecklistState's JSON) starts
 * with "{", so the first byte tells the two apart; it is still read.
 */

const SHARE_VERSION = 1;
const TYPES: RunEventType[] = ['start', 'tick', 'untick', 'skip', 'unskip', 'note', 'input', 'build', 'finish', 'reopen'];
const HAS_BY = 0x10;
const HEX_ID = 0x20;
const LEGACY_ID = 0x40;
const HEX32 = /^[0-9a-f]{32}$/;
const LEGACY_HEX = /^legacy-[0-9a-f]{32}$/;

class Writer {
  private readonly bytes: number[] = [];
  byte(value: number) {
    this.bytes.push(value);
  }
  varint(value: number) {
    while (value >= 0x80) {
      this.bytes.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.bytes.push(value);
  }
  signed(value: number) {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  text(value: string) {
    const bytes = new TextEncoder().encode(value);
    this.varint(bytes.length);
    for (const byte of bytes) this.bytes.push(byte);
  }
  hex(value: string) {
    for (let index = 0; index < value.length; index += 2) this.bytes.push(Number.parseInt(value.slice(index, index + 2), 16));
  }
  finish(): Uint8Array {
    const sum = fnv1a(this.bytes);
    this.bytes.push(sum >>> 24, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff);
    return Uint8Array.from(this.bytes);
  }
}

/** Reads what a `Writer` wrote; throws on anything short or out of range, which the caller reports as damage. */
class Reader {
  private offset = 1;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError('short');
    return this.bytes[this.offset++]!;
  }
  varint(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (value > Number.MAX_SAFE_INTEGER) throw new RangeError('too large');
      if (byte < 0x80) return value;
    }
  }
  signed(): number {
    const value = this.varint();
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }
  count(max: number): number {
    const value = this.varint();
    if (value > max) throw new RangeError('too many');
    return value;
  }
  text(): string {
    const length = this.count(this.bytes.length - this.offset);
    this.offset += length;
    return this.decoder.decode(this.bytes.subarray(this.offset - length, this.offset));
  }
  hex(): string {
    let hex = '';
    for (let index = 0; index < 16; index++) hex += this.byte().toString(16).padStart(2, '0');
    return hex;
  }
  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

function fnv1a(bytes: ArrayLike<number>): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < bytes.length; index++) hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  return hash >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
}

/** The fragment of a handover link (without "#") that carries a run's whole event log. */
export function encodeRunShare({ slug, ticket, events }: { slug: string; ticket: string | null; events: readonly RunEvent[] }): string {
  const ordered = mergeEvents(events, []);
  const table = new Map<string, number>();
  const refer = (text: string) => {
    if (!table.has(text)) table.set(text, table.size);
  };
  for (const event of ordered) {
    if (event.by !== null) refer(event.by);
    if (event.type === 'start') event.stepIds.forEach(refer);
    if ('step' in event && event.step !== null) refer(event.step);
  }
  const index = (text: string) => table.get(text)!;

  const out = new Writer();
  out.byte(SHARE_VERSION);
  out.text(slug);
  out.text(ticket ?? '');
  out.varint(table.size);
  for (const text of table.keys()) out.text(text);
  let time = ordered.length > 0 ? Date.parse(ordered[0]!.at) : 0;
  out.signed(time);
  out.varint(ordered.length);
  for (const event of ordered) {
    const idKind = HEX32.test(event.id) ? HEX_ID : LEGACY_HEX.test(event.id) ? LEGACY_ID : 0;
    out.byte(TYPES.indexOf(event.type) | (event.by === null ? 0 : HAS_BY) | idKind);
    if (idKind === HEX_ID) out.hex(event.id);
    else if (idKind === LEGACY_ID) out.hex(event.id.slice('legacy-'.length));
    else out.text(event.id);
    const at = Date.parse(event.at);
    out.signed(at - time);
    time = at;
    if (event.by !== null) out.varint(index(event.by));
    switch (event.type) {
      case 'start':
        out.text(event.title);
        out.text(event.revision);
        out.varint(event.stepIds.length);
        for (const step of event.stepIds) out.varint(index(step));
        out.text(event.build ?? '');
        break;
      case 'tick':
      case 'untick':
      case 'unskip':
        out.varint(index(event.step));
        break;
      case 'skip':
        out.varint(index(event.step));
        out.text(event.reason);
        break;
      case 'note':
        out.varint(event.step === null ? 0 : index(event.step) + 1);
        out.text(event.text);
        break;
      case 'input':
        if (Array.isArray(event.value)) {
          out.varint(event.value.length + 1);
          for (const value of event.value) out.text(value);
        } else {
          out.varint(0);
          out.text(event.value);
        }
        out.text(event.name);
        break;
      case 'build':
        out.text(event.build ?? '');
        break;
      case 'finish':
      case 'reopen':
        break;
    }
  }
  return `${SHARE_PREFIX}${toBase64Url(out.finish())}`;
}

/** Whether a URL fragment (with or without "#") is a handover link's, new or old. */
export function isRunShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

export type SharedRun = { ok: true; slug: string; ticket: string | null; events: RunEvent[]; legacy: boolean } | { ok: false; error: string };

const DAMAGED = 'This shared run link is damaged or incomplete: ask for it again, and paste all of it.';

/**
 * Reads a handover link's fragment (with or without "#"): the new format, or
 * today's, whose run is migrated to events. A damaged, truncated or foreign
 * fragment is an error, never an exception.
 */
export function decodeRunShare(fragment: string): SharedRun {
  const data = fragment.replace(/^#/, '');
  if (!data.startsWith(SHARE_PREFIX)) return { ok: false, error: 'This is not a shared run link.' };
  const payload = data.slice(SHARE_PREFIX.length).replace(/\s+/g, '');
  if (payload.length > TRANSFER_LIMITS.shareChars) return { ok: false, error: 'This shared run link is too long to be a run.' };
  try {
    const bytes = fromBase64Url(payload);
    const first = bytes[0];
    if (first === 0x7b) return readLegacyShare(bytes);
    if (first === SHARE_VERSION) return readShare(bytes);
    if (first !== undefined && first > SHARE_VERSION && first < 0x7b)
      return { ok: false, error: 'This shared run link was made by a newer version of this site: reload the page, then open the link again.' };
    return { ok: false, error: DAMAGED };
  } catch {
    return { ok: false, error: DAMAGED };
  }
}

function readLegacyShare(bytes: Uint8Array): SharedRun {
  const migrated = migrateLegacyShare(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  if (!migrated || !isRunKey(migrated)) return { ok: false, error: DAMAGED };
  return { ok: true, ...migrated, legacy: true };
}

function readShare(bytes: Uint8Array): SharedRun {
  if (bytes.length < 5) return { ok: false, error: DAMAGED };
  const sum = bytes.length - 4;
  const expected = ((bytes[sum]! << 24) | (bytes[sum + 1]! << 16) | (bytes[sum + 2]! << 8) | bytes[sum + 3]!) >>> 0;
  if (fnv1a(bytes.subarray(0, sum)) !== expected) return { ok: false, error: DAMAGED };
  const input = new Reader(bytes.subarray(0, sum));
  const slug = input.text();
  const ticket = input.text() || null;
  if (!isRunKey({ slug, ticket })) return { ok: false, error: DAMAGED };
  const table = Array.from({ length: input.count(sum) }, () => input.text());
  const text = (index: number) => {
    if (index >= table.length) throw new RangeError('no such text');
    return table[index]!;
  };
  let time = input.signed();
  const events: RunEvent[] = [];
  const count = input.count(TRANSFER_LIMITS.events);
  for (let number = 1; number <= count; number++) {
    const head = input.byte();
    const type = TYPES[head & 0x0f];
    if (!type || head & 0x80) throw new RangeError('no such type');
    const id = head & HEX_ID ? input.hex() : head & LEGACY_ID ? `legacy-${input.hex()}` : input.text();
    time += input.signed();
    const base = { id, at: new Date(time).toISOString(), by: head & HAS_BY ? text(input.varint()) : null, type };
    let fields: Record<string, unknown> = {};
    switch (type) {
      case 'start':
        fields = {
          title: input.text(),
          revision: input.text(),
          stepIds: Array.from({ length: input.count(sum) }, () => text(input.varint())),
          build: input.text() || null,
        };
        break;
      case 'tick':
      case 'untick':
      case 'unskip':
        fields = { step: text(input.varint()) };
        break;
      case 'skip':
        fields = { step: text(input.varint()), reason: input.text() };
        break;
      case 'note': {
        const step = input.varint();
        fields = { step: step === 0 ? null : text(step - 1), text: input.text() };
        break;
      }
      case 'input': {
        const list = input.count(sum);
        const value = list === 0 ? input.text() : Array.from({ length: list - 1 }, () => input.text());
        fields = { value, name: input.text() };
        break;
      }
      case 'build':
        fields = { build: input.text() || null };
        break;
    }
    const event = parseRunEvent({ ...base, ...fields });
    if (!event.ok) return { ok: false, error: `This shared run link holds an event that is not valid (event ${number} of ${count}: ${event.error}).` };
    events.push(event.event);
  }
  if (!input.done) return { ok: false, error: DAMAGED };
  return { ok: true, slug, ticket, events: mergeEvents(events, []), legacy: false };
}
