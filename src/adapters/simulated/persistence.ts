/**
 * Keeping a simulated contact center's world across page reloads: the versioned JSON
 * snapshot, its validation when read back, and the replay that brings a new
 * subscriber (the store) up to date with the restored world.
 * @packageDocumentation
 */
import { Observable, type Subject } from 'rxjs';
import type { ContactCenterEvent } from '../../core/events.js';
import {
  CHANNELS,
  type AgentAvailability,
  type Attachment,
  type Channel,
  type ChatMessage,
  type ConsultState,
  type Customer,
  type EmailMessage,
  type EndReason,
  type InteractionRole,
  type InteractionSource,
  type TransferOutcome,
} from '../../core/types.js';
import { RECENT_LIMIT } from '../../core/store/state.js';
import { validateEvent } from '../../core/validate.js';
import { redactCardNumbers } from '../../content/pci.js';
import { compactReplay, type SequencedEvent } from '../replay-history.js';
import { SEED_QUEUES, type SimulatedQueue } from './data.js';
import type { SimulatedInteractionStatus } from './types.js';

/**
 * Where a {@link SimulatedContactCenter} keeps its world so that a reload finds it again
 * (see {@link SimulatedContactCenterOptions.persist}).
 */
export interface SimulatedPersistence {
  /**
   * The storage that holds the snapshot: `sessionStorage` keeps one world per browser
   * tab, `localStorage` one per origin.
   */
  readonly storage: Storage;
  /** The storage key of the snapshot, e.g. `cc-demo:world:v1`. */
  readonly key: string;
}

/** Version of the snapshot format; a snapshot of any other version is discarded. */
export const SIMULATED_WORLD_VERSION = 1;

/**
 * Removes a kept world, so that the next simulator built with this storage and key starts
 * empty. Storage errors are ignored: storage that cannot be written holds no world either.
 */
export function clearSimulatedWorld(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

/** The backend's side of a consult: whom, where it stands, and the private thread (never the transcript). */
export interface ConsultRecord {
  readonly agent: { readonly id: string; readonly name: string };
  state: ConsultState;
  readonly messages: ChatMessage[];
}

/** The backend's mutable record of an interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly channel: Channel;
  readonly role: InteractionRole;
  readonly queue: SimulatedQueue;
  readonly customer: Customer;
  readonly source: InteractionSource;
  readonly owner: { readonly id: string; readonly name: string } | undefined;
  status: SimulatedInteractionStatus;
  customerPresent: boolean;
  customerTyping: boolean;
  offeredAt: number | undefined;
  acceptedAt: number | undefined;
  transcript: ChatMessage[];
  emails: EmailMessage[];
  conferenceAgent: { readonly id: string; readonly name: string } | undefined;
  transfer: TransferOutcome | undefined;
  endReason: EndReason | undefined;
  rescindReason: 'timeout' | 'customer-left' | undefined;
  wrapupReasonIds: readonly string[];
  workflows: string[];
  /** The latest consult, while it runs and after it ended; absent before the first. */
  consult?: ConsultRecord | undefined;
}

/** Everything of a simulated world that outlives the page. */
export interface SimulatedWorld {
  /** The seed the world was first built with, as 32 bits (a different explicit seed means a different world). */
  readonly seed: number;
  readonly agentId: string;
  /** Id tag and counter: new ids continue the sequence and never repeat old ones. */
  readonly tag: string;
  readonly counter: number;
  /** Last event sequence number; events after a restore continue from it. */
  readonly seq: number;
  /** State of the seeded random generator, so the sequence of choices continues. */
  readonly random: number;
  readonly availability: AgentAvailability;
  readonly held: readonly string[];
  /** Directory agents' availability by id. */
  readonly directory: Readonly<Record<string, AgentAvailability>>;
  /** Every interaction the backend knows, in creation order. */
  readonly records: readonly InteractionRecord[];
  /** The events that rebuild the agent's view: the open interactions and the last wrapped-up ones (see {@link remember}). */
  readonly log: readonly ContactCenterEvent[];
}

/**
 * Finished (completed or rescinded) interactions a snapshot keeps at most, newest first,
 * besides those the replay log still names (the last wrapped-up ones, see {@link remember}).
 */
const MAX_FINISHED = 50;
const FINISHED: ReadonlySet<SimulatedInteractionStatus> = new Set(['completed', 'rescinded']);
const STATUSES: readonly SimulatedInteractionStatus[] = [
  'held',
  'offered',
  'active',
  'conference-requested',
  'conference',
  'wrapup',
  'completed',
  'rescinded',
];
const AVAILABILITIES: readonly AgentAvailability[] = ['available', 'idle', 'rona', 'busy', 'offline'];
const CONSULT_STATES: readonly ConsultState[] = ['requested', 'started', 'declined', 'failed', 'cancelled', 'completed'];
const END_REASONS: readonly EndReason[] = ['agent-ended', 'customer-left', 'transferred', 'conference-ended', 'conference-exited'];

/**
 * Adds an event to the replay log, keeping only what a new subscriber needs to rebuild
 * the agent's view: typing indicators are transient (their timers do not survive a
 * reload); a rescinded offer leaves the agent's view, so its events go; only the latest
 * agent state counts. A wrapped-up interaction keeps its events, `wrapup-completed`
 * included: replayed, they file it, thread and all, under the store's Recent list. That
 * list holds the last {@link RECENT_LIMIT}, so the events of older wrap-ups go and the log
 * stays bounded.
 */
export function remember(log: ContactCenterEvent[], event: ContactCenterEvent): ContactCenterEvent[] {
  if (event.type === 'customer-typing') return log;
  if (event.type === 'offer-rescinded') {
    return log.filter((e) => !('interactionId' in e) || e.interactionId !== event.interactionId);
  }
  if (event.type === 'wrapup-completed') {
    log.push(event);
    const wrapups = log.filter((e) => e.type === 'wrapup-completed');
    if (wrapups.length <= RECENT_LIMIT) return log;
    const older = new Set(wrapups.slice(0, wrapups.length - RECENT_LIMIT).map((e) => e.interactionId));
    return log.filter((e) => !('interactionId' in e) || !older.has(e.interactionId));
  }
  const kept = event.type === 'agent-state-changed' ? log.filter((e) => e.type !== 'agent-state-changed') : log;
  kept.push(event);
  return kept;
}

/**
 * The replay log as a new subscriber gets it: each conversation's messages and emails in
 * one `history` event (see `compactReplay`) instead of one event each. Entries kept without
 * a `seq` (a command's answer) keep having none.
 */
export function compactLog(log: readonly ContactCenterEvent[]): ContactCenterEvent[] {
  // Positions stand in for sequence numbers, which some entries lack.
  const indexed = log.map((e, i): SequencedEvent => ({ ...e, seq: i + 1 }));
  return compactReplay(indexed).map(({ event }) => {
    const original = log[event.seq - 1];
    if (event === indexed[event.seq - 1] && original) return original;
    const { seq: _position, ...history } = event;
    return original?.seq === undefined ? history : { ...history, seq: original.seq };
  });
}

/**
 * `live` for a subscriber, after the events of `replay()` (read at subscription time).
 * Events that `live` emits while the replay runs (a subscriber scripting the simulator
 * from its handler) wait until the replay is over, so the order is kept.
 */
export function replayThenLive<T>(replay: () => readonly T[], live: Subject<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const past = [...replay()];
    if (past.length === 0) return live.subscribe(subscriber);
    let waiting: T[] | undefined = [];
    const subscription = live.subscribe({
      next: (value) => (waiting ? waiting.push(value) : subscriber.next(value)),
      error: (e: unknown) => subscriber.error(e),
      complete: () => subscriber.complete(),
    });
    for (const event of past) {
      if (subscriber.closed) break;
      subscriber.next(event);
    }
    const held = waiting;
    waiting = undefined;
    for (const value of held) subscriber.next(value);
    return subscription;
  });
}

// ---- writing ------------------------------------------------------------------------

/** A record as JSON: the queue by id (the queues are seed data, never stored). */
type StoredRecord = Omit<InteractionRecord, 'queue'> & { readonly queueId: string };

/**
 * Writes the world as a versioned JSON snapshot. Never throws: when the storage refuses
 * (quota, disabled), the older snapshot is removed rather than left to restore a stale world.
 */
export function saveWorld(persistence: SimulatedPersistence, world: SimulatedWorld, savedAt: number): void {
  // A log entry naming a record left out would make the whole snapshot fail its check.
  const logged = new Set(world.log.flatMap((e) => ('interactionId' in e ? [e.interactionId] : [])));
  const finished = world.records.filter((r) => FINISHED.has(r.status) && !logged.has(r.id));
  const dropped = new Set(finished.slice(0, Math.max(0, finished.length - MAX_FINISHED)));
  const records: StoredRecord[] = world.records
    .filter((r) => !dropped.has(r))
    .map(({ queue, ...rest }) => ({ ...rest, queueId: queue.id }));
  const log = world.log.map(storedEntry);
  const snapshot = { version: SIMULATED_WORLD_VERSION, savedAt, world: { ...world, records, log } };
  try {
    persistence.storage.setItem(persistence.key, JSON.stringify(snapshot));
  } catch {
    clearSimulatedWorld(persistence.storage, persistence.key);
  }
}

/**
 * A log entry as stored. Wrap-up notes are free text the agent typed, like a draft, so
 * the stored copy gets the drafts' rule: card numbers masked but for their last four
 * digits (the simulator's memory, and so the live session, keeps them as typed).
 */
function storedEntry(event: ContactCenterEvent): ContactCenterEvent {
  if (event.type !== 'wrapup-completed' || event.wrapup?.notes === undefined) return event;
  return { ...event, wrapup: { ...event.wrapup, notes: redactCardNumbers(event.wrapup.notes) } };
}

// ---- reading ------------------------------------------------------------------------

/** What the world read back must match to be this simulator's world. */
export interface WorldExpectation {
  /** The seed the simulator was given, if any: a snapshot of another seed is another world. */
  readonly seed: number | undefined;
  readonly agentId: string;
  /**
   * A fresh URL for an attachment whose `blob:` URL died with the page that made it
   * (the simulator makes a placeholder download).
   */
  readonly reviveUrl: (attachment: Attachment) => string;
}

/** Thrown inside the parser only; {@link loadWorld} turns it into "no world". */
class Invalid extends Error {}

function invalid(what: string): never {
  throw new Invalid(what);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectOf(v: unknown, what: string): Record<string, unknown> {
  return isObject(v) ? v : invalid(`${what} must be an object`);
}

function stringOf(v: unknown, what: string): string {
  return typeof v === 'string' && v.length > 0 ? v : invalid(`${what} must be a non-empty string`);
}

function countOf(v: unknown, what: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : invalid(`${what} must be a whole number ≥ 0`);
}

function timeOf(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : invalid(`${what} must be a time`);
}

function oneOf<T extends string>(values: readonly T[], v: unknown, what: string): T {
  return values.find((x) => x === v) ?? invalid(`${what} is not one of ${values.join(', ')}`);
}

function stringsOf(v: unknown, what: string): string[] {
  if (!Array.isArray(v)) invalid(`${what} must be an array`);
  return v.map((x: unknown, i) => stringOf(x, `${what}[${i}]`));
}

function namedOf(v: unknown, what: string): { readonly id: string; readonly name: string } | undefined {
  if (v === undefined) return undefined;
  const o = objectOf(v, what);
  return { id: stringOf(o['id'], `${what}.id`), name: typeof o['name'] === 'string' ? o['name'] : invalid(`${what}.name must be a string`) };
}

/** Validates with the store's own event checks, so the world holds nothing the store would refuse. */
function checked(event: Record<string, unknown>, what: string): ContactCenterEvent {
  const result = validateEvent(event);
  return result.ok ? result.event : invalid(`${what}: ${result.error}`);
}

/** A record's consult read back, its messages checked as the store checks `consult-message` events. */
function consultOf(v: unknown, interactionId: string, what: string): ConsultRecord | undefined {
  if (v === undefined) return undefined;
  const o = objectOf(v, what);
  const agent = namedOf(o['agent'], `${what}.agent`) ?? invalid(`${what}.agent is missing`);
  const state = oneOf(CONSULT_STATES, o['state'], `${what}.state`);
  if (!Array.isArray(o['messages'])) invalid(`${what}.messages must be an array`);
  const messages = o['messages'].map((m: unknown, n) => {
    const event = checked({ type: 'consult-message', at: 0, interactionId, message: m }, `${what}.messages[${n}]`);
    return event.type === 'consult-message' ? event.message : invalid(what);
  });
  return { agent, state, messages };
}

/** A record read back, its messages and emails checked as the store checks them. */
function recordOf(v: unknown, n: number): InteractionRecord {
  const what = `records[${n}]`;
  const o = objectOf(v, what);
  const id = stringOf(o['id'], `${what}.id`);
  const channel = oneOf(CHANNELS, o['channel'], `${what}.channel`);
  const queueId = stringOf(o['queueId'], `${what}.queueId`);
  const queue = SEED_QUEUES.find((q) => q.id === queueId && q.channels.includes(channel)) ?? invalid(`${what}.queueId is unknown`);
  const role = oneOf<InteractionRole>(['owner', 'invitee'], o['role'], `${what}.role`);
  // The customer, source, transcript and emails pass the store's checks of an offer.
  const offer = checked(
    {
      type: 'offer',
      at: 0,
      interactionId: id,
      channel,
      queue: { id: queue.id, name: queue.name },
      customer: o['customer'],
      source: o['source'],
      messages: o['transcript'],
      emails: o['emails'],
    },
    what,
  );
  if (offer.type !== 'offer') invalid(what);
  const transferEvent =
    o['transfer'] === undefined
      ? undefined
      : checked({ type: 'transfer', at: 0, interactionId: id, ...objectOf(o['transfer'], `${what}.transfer`) }, `${what}.transfer`);
  const transfer: TransferOutcome | undefined =
    transferEvent?.type === 'transfer'
      ? { target: transferEvent.target, state: transferEvent.state, ...(transferEvent.error === undefined ? {} : { error: transferEvent.error }) }
      : undefined;
  if (typeof o['customerPresent'] !== 'boolean') invalid(`${what}.customerPresent must be a boolean`);
  const consult = consultOf(o['consult'], id, `${what}.consult`);
  return {
    id,
    channel,
    role,
    queue,
    customer: offer.customer,
    source: offer.source,
    owner: namedOf(o['owner'], `${what}.owner`),
    status: oneOf(STATUSES, o['status'], `${what}.status`),
    customerPresent: o['customerPresent'],
    // A typing indicator's timer does not survive the page: the customer is not typing now.
    customerTyping: false,
    offeredAt: timeOf(o['offeredAt'], `${what}.offeredAt`),
    acceptedAt: timeOf(o['acceptedAt'], `${what}.acceptedAt`),
    transcript: [...(offer.messages ?? [])],
    emails: [...(offer.emails ?? [])],
    conferenceAgent: namedOf(o['conferenceAgent'], `${what}.conferenceAgent`),
    transfer,
    endReason: o['endReason'] === undefined ? undefined : oneOf(END_REASONS, o['endReason'], `${what}.endReason`),
    rescindReason: o['rescindReason'] === undefined ? undefined : oneOf(['timeout', 'customer-left'] as const, o['rescindReason'], `${what}.rescindReason`),
    wrapupReasonIds: stringsOf(o['wrapupReasonIds'], `${what}.wrapupReasonIds`),
    workflows: stringsOf(o['workflows'], `${what}.workflows`),
    ...(consult ? { consult } : {}),
  };
}

/** The world in a parsed snapshot, or an {@link Invalid} throw. */
function worldOf(value: unknown, expect: WorldExpectation): SimulatedWorld {
  const snapshot = objectOf(value, 'snapshot');
  if (snapshot['version'] !== SIMULATED_WORLD_VERSION) invalid('another snapshot version');
  const w = objectOf(snapshot['world'], 'world');
  const seed = countOf(w['seed'], 'seed');
  if (expect.seed !== undefined && seed !== Math.trunc(expect.seed) >>> 0) invalid('another seed');
  const agentId = stringOf(w['agentId'], 'agentId');
  if (agentId !== expect.agentId) invalid('another agent');
  const random = countOf(w['random'], 'random');
  if (random > 0xffffffff) invalid('random must be 32 bits');
  if (!Array.isArray(w['records'])) invalid('records must be an array');
  const records = w['records'].map((r: unknown, n) => recordOf(r, n));
  const byId = new Map(records.map((r) => [r.id, r]));
  if (byId.size !== records.length) invalid('records repeat an id');
  const held = stringsOf(w['held'], 'held');
  if (held.some((id) => byId.get(id)?.status !== 'held')) invalid('held names an interaction that is not held');
  const directory: Record<string, AgentAvailability> = {};
  for (const [id, availability] of Object.entries(objectOf(w['directory'], 'directory'))) {
    directory[id] = oneOf(AVAILABILITIES, availability, `directory.${id}`);
  }
  if (!Array.isArray(w['log'])) invalid('log must be an array');
  const log = w['log'].map((e: unknown, n) => {
    const event = checked(objectOf(e, `log[${n}]`), `log[${n}]`);
    if ('interactionId' in event && !byId.has(event.interactionId)) invalid(`log[${n}] names an unknown interaction`);
    return event;
  });
  const world: SimulatedWorld = {
    seed,
    agentId,
    tag: stringOf(w['tag'], 'tag'),
    counter: countOf(w['counter'], 'counter'),
    seq: countOf(w['seq'], 'seq'),
    random,
    availability: oneOf(AVAILABILITIES, w['availability'], 'availability'),
    held,
    directory,
    records,
    log,
  };
  return reviveAttachments(world, expect.reviveUrl);
}

/**
 * The kept world, validated, or `undefined` when there is none. A snapshot that is
 * corrupt, of another version, or of another seed or agent is removed, never trusted.
 * Never throws.
 */
export function loadWorld(persistence: SimulatedPersistence, expect: WorldExpectation): SimulatedWorld | undefined {
  let raw: string | null;
  try {
    raw = persistence.storage.getItem(persistence.key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    return worldOf(JSON.parse(raw), expect);
  } catch {
    // Corrupt JSON, a failed check, or a getter of odd data that threw: start empty.
    clearSimulatedWorld(persistence.storage, persistence.key);
    return undefined;
  }
}

/**
 * The world with every `blob:` attachment URL replaced: such URLs belong to the page that
 * made them and are dead after a reload. One old URL gets one new URL wherever it appears.
 */
function reviveAttachments(world: SimulatedWorld, reviveUrl: (attachment: Attachment) => string): SimulatedWorld {
  const urls = new Map<string, string>();
  const attachment = (a: Attachment): Attachment => {
    if (a.url === undefined || !a.url.startsWith('blob:')) return a;
    let url = urls.get(a.url);
    if (url === undefined) {
      url = reviveUrl(a);
      urls.set(a.url, url);
    }
    return { ...a, url };
  };
  const message = (m: ChatMessage): ChatMessage => (m.attachments.length === 0 ? m : { ...m, attachments: m.attachments.map(attachment) });
  const email = (e: EmailMessage): EmailMessage => (e.attachments.length === 0 ? e : { ...e, attachments: e.attachments.map(attachment) });
  for (const r of world.records) {
    r.transcript = r.transcript.map(message);
    r.emails = r.emails.map(email);
  }
  const log = world.log.map((e): ContactCenterEvent => {
    if (e.type === 'offer') {
      return { ...e, ...(e.messages ? { messages: e.messages.map(message) } : {}), ...(e.emails ? { emails: e.emails.map(email) } : {}) };
    }
    if (e.type === 'message-received') return { ...e, message: message(e.message) };
    if (e.type === 'email-received') return { ...e, email: email(e.email) };
    return e;
  });
  return { ...world, log };
}
