import type { ContactCenterEvent, ContactCenterEventType } from './events.js';
import { CAPABILITIES, CHANNELS, SOURCE_NUMBER_KINDS } from './types.js';

/** Outcome of validating one inbound value. */
export type ValidationResult = { readonly ok: true; readonly event: ContactCenterEvent } | { readonly ok: false; readonly error: string };

/**
 * Undefined when `value` is valid, else what is wrong, from the path below `value` on:
 * ` must be a string`, `.text must be a string`, `[2].id must be …`. The path is put
 * together only on the way out of an error: valid events, nearly all of them, build no
 * strings.
 */
type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? undefined : ' must be a string');
const nonEmpty: Check = (v) => (typeof v === 'string' && v.length > 0 ? undefined : ' must be a non-empty string');
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : ' must be a finite number');
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : ' must be a boolean');
const oneOf = (...values: readonly string[]): Check => {
  const error = ` must be one of ${values.join(', ')}`;
  return (v) => (typeof v === 'string' && values.includes(v) ? undefined : error);
};
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? undefined : check(v);
const arrayOf =
  (check: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return ' must be an array';
    for (let i = 0; i < v.length; i++) {
      const e = check(v[i]);
      if (e) return `[${i}]${e}`;
    }
    return undefined;
  };
const shape = (fields: Readonly<Record<string, Check>>): Check => {
  // Listed once, walked by index: this runs for every inbound event.
  const keys = Object.keys(fields);
  const checks = Object.values(fields);
  return (v) => {
    if (!isObject(v)) return ' must be an object';
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n] as string;
      const e = (checks[n] as Check)(v[k]);
      if (e) return `.${k}${e}`;
    }
    return undefined;
  };
};

const CHANNEL = oneOf(...CHANNELS);
const AVAILABILITY = oneOf('available', 'idle', 'rona', 'busy', 'offline');
const DELIVERY = oneOf('sending', 'sent', 'delivered', 'read', 'failed');
const EMAIL_STATUS = oneOf('received', 'sending', 'sent', 'failed', 'delivery-report');
const NAMED = shape({ id: nonEmpty, name: str });

const ATTACHMENT = shape({
  id: nonEmpty,
  name: str,
  size: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : ' must be a size in bytes'),
  mimeType: str,
  url: optional(str),
  contentId: optional(str),
});

const CHAT_MESSAGE = shape({
  id: nonEmpty,
  author: oneOf('customer', 'agent', 'peer', 'system'),
  authorName: optional(str),
  text: str,
  format: oneOf('plain', 'markdown'),
  timestamp: num,
  attachments: arrayOf(ATTACHMENT),
  status: optional(DELIVERY),
  error: optional(str),
  notice: optional(
    oneOf('customer-joined', 'customer-left', 'agent-joined', 'agent-left', 'transferred', 'conference-started', 'conference-ended', 'info'),
  ),
});

const EMAIL_MESSAGE = shape({
  id: nonEmpty,
  direction: oneOf('inbound', 'outbound'),
  from: str,
  to: arrayOf(str),
  cc: arrayOf(str),
  bcc: optional(arrayOf(str)),
  subject: str,
  html: optional(str),
  text: optional(str),
  timestamp: num,
  status: EMAIL_STATUS,
  attachments: arrayOf(ATTACHMENT),
  error: optional(str),
});

const TARGET: Check = (v) => {
  if (!isObject(v)) return ' must be an object';
  const key = v['kind'] === 'queue' ? 'queueId' : v['kind'] === 'agent' ? 'agentId' : undefined;
  if (!key) return '.kind must be queue or agent';
  const e = nonEmpty(v[key]);
  return e && `.${key}${e}`;
};

const ID = { interactionId: nonEmpty };

const SCHEMAS: Readonly<Record<ContactCenterEventType, Readonly<Record<string, Check>>>> = {
  'agent-state-changed': { state: AVAILABILITY },
  offer: {
    ...ID,
    channel: CHANNEL,
    queue: NAMED,
    customer: shape({ name: str, email: optional(str), phone: optional(str) }),
    source: shape({ page: optional(str), phoneNumber: optional(str), sourceNumber: optional(str), sourceNumberKind: optional(oneOf(...SOURCE_NUMBER_KINDS)), email: optional(str) }),
    role: optional(oneOf('owner', 'invitee')),
    messages: optional(arrayOf(CHAT_MESSAGE)),
    emails: optional(arrayOf(EMAIL_MESSAGE)),
  },
  'offer-rescinded': { ...ID, reason: oneOf('timeout', 'customer-left', 'taken') },
  'interaction-accepted': ID,
  'message-received': { ...ID, message: CHAT_MESSAGE },
  history: { ...ID, messages: optional(arrayOf(CHAT_MESSAGE)), emails: optional(arrayOf(EMAIL_MESSAGE)) },
  'message-status': { ...ID, messageId: nonEmpty, status: DELIVERY, error: optional(str) },
  'customer-typing': { ...ID, typing: bool },
  'participant-joined': { ...ID, participant: shape({ id: nonEmpty, name: str, kind: oneOf('customer', 'agent') }) },
  'participant-left': { ...ID, participantId: nonEmpty },
  conference: { ...ID, state: oneOf('requested', 'started', 'declined', 'exited', 'ended'), agent: NAMED, reason: optional(oneOf('declined', 'timeout')) },
  transfer: { ...ID, target: TARGET, state: oneOf('pending', 'completed', 'dropped', 'failed'), error: optional(str) },
  consult: {
    ...ID,
    state: oneOf('requested', 'started', 'declined', 'failed', 'cancelled', 'completed'),
    agent: NAMED,
    reason: optional(oneOf('declined', 'timeout')),
    error: optional(str),
  },
  'consult-message': { ...ID, message: CHAT_MESSAGE },
  capabilities: {
    capabilities: (v) => {
      if (!isObject(v)) return ' must be an object';
      for (const [k, flag] of Object.entries(v)) {
        if (!(CAPABILITIES as readonly string[]).includes(k)) return `.${k} is not a capability (${CAPABILITIES.join(', ')})`;
        if (typeof flag !== 'boolean') return `.${k} must be a boolean`;
      }
      return undefined;
    },
  },
  'email-received': { ...ID, email: EMAIL_MESSAGE },
  'email-status': { ...ID, emailId: nonEmpty, status: EMAIL_STATUS, error: optional(str) },
  'interaction-ended': {
    ...ID,
    reason: oneOf('agent-ended', 'customer-left', 'transferred', 'conference-ended', 'conference-exited'),
  },
  'wrapup-completed': { ...ID, wrapup: optional(shape({ reasonIds: arrayOf(nonEmpty), notes: optional(str), automatic: optional(bool) })) },
};

const BASE = { at: num, seq: optional(num) };

const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const DELIVERY_STATES: ReadonlySet<unknown> = new Set(['sending', 'sent', 'delivered', 'read', 'failed']);

/**
 * Whether `m` is a chat message of the everyday kind (no attachments, no notice) that the
 * full check would pass: read field by field by name, which the engine makes fast after a
 * few calls, where the full check walks a table of checks. Anything else, valid or not,
 * goes to the full check (which also words the error).
 */
function isPlainMessage(m: unknown): boolean {
  if (!isObject(m)) return false;
  const { id, author, authorName, text, format, timestamp, attachments, status, error, notice } = m;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    (author === 'customer' || author === 'agent' || author === 'peer' || author === 'system') &&
    (authorName === undefined || typeof authorName === 'string') &&
    typeof text === 'string' &&
    (format === 'plain' || format === 'markdown') &&
    finite(timestamp) &&
    Array.isArray(attachments) &&
    attachments.length === 0 &&
    (status === undefined || DELIVERY_STATES.has(status)) &&
    (error === undefined || typeof error === 'string') &&
    notice === undefined
  );
}

/**
 * The full check's answer "valid", found quickly for the events that come by the thousand
 * (a message, a past of messages); `false` means "ask the full check".
 */
function plainlyValid(type: string, e: Record<string, unknown>): boolean {
  const { interactionId, at, seq } = e;
  if (typeof interactionId !== 'string' || interactionId.length === 0 || !finite(at) || (seq !== undefined && !finite(seq))) return false;
  if (type === 'message-received') return isPlainMessage(e['message']);
  if (type !== 'history') return false;
  const { messages, emails } = e;
  if (emails !== undefined && !(Array.isArray(emails) && emails.length === 0)) return false;
  if (messages === undefined) return true;
  if (!Array.isArray(messages)) return false;
  for (let k = 0; k < messages.length; k++) if (!isPlainMessage(messages[k])) return false;
  return true;
}

const EVENT_SHAPES = new Map<ContactCenterEventType, Check>();
/** The whole check of one event type, built on first use. */
function eventShape(type: ContactCenterEventType): Check {
  let check = EVENT_SHAPES.get(type);
  if (!check) {
    check = shape({ ...BASE, ...SCHEMAS[type] });
    EVENT_SHAPES.set(type, check);
  }
  return check;
}

const MAX_DEPTH = 32;
const MAX_ITEMS = 100_000;

/**
 * A copy of plain data in which every property was read once: new objects and arrays,
 * the same strings (immutable, so a large body costs nothing). `__proto__` keys, functions,
 * symbols and bigints are left out; nesting deeper than {@link MAX_DEPTH} or arrays longer
 * than {@link MAX_ITEMS} throw.
 */
function detach(v: unknown, depth: number): unknown {
  if (typeof v !== 'object' || v === null) return plain(v);
  if (depth > MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(v)) {
    const length: unknown = v.length;
    if (typeof length !== 'number' || length > MAX_ITEMS) throw new RangeError(`more than ${MAX_ITEMS} items`);
    const out: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const x: unknown = v[i];
      out.push(typeof x === 'object' && x !== null ? detach(x, depth + 1) : plain(x));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n] as string;
    if (key === '__proto__') continue;
    // Strings and numbers, most of an event, are taken without a call.
    const x = (v as Record<string, unknown>)[key];
    out[key] = typeof x === 'object' && x !== null ? detach(x, depth + 1) : plain(x);
  }
  return out;
}

/** A value that is not an object as it is, or undefined for what is not data. */
function plain(v: unknown): unknown {
  return typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' ? undefined : v;
}

/**
 * Checks that an untrusted value is a well-formed {@link ContactCenterEvent}.
 * Never throws, whatever it is given (getters that throw included).
 *
 * A valid `event` is a detached copy of the value: what was checked is what the store
 * folds, even if a getter or a Proxy answers differently on a second read, and the state
 * shares no object the adapter could change afterwards.
 */
export function validateEvent(value: unknown): ValidationResult {
  try {
    if (!isObject(value)) return { ok: false, error: 'event must be an object' };
    const copy = detach(value, 0);
    if (!isObject(copy)) return { ok: false, error: 'event must be an object' };
    const type = copy['type'];
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SCHEMAS, type)) {
      return { ok: false, error: `unknown event type ${JSON.stringify(String(type)).slice(0, 60)}` };
    }
    const error = plainlyValid(type, copy) ? undefined : eventShape(type as ContactCenterEventType)(copy);
    return error ? { ok: false, error: `${type}${error}` } : { ok: true, event: copy as unknown as ContactCenterEvent };
  } catch (e) {
    return { ok: false, error: `event could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
