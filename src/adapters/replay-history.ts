/**
 * Turning a replay of logged events into one that carries each conversation's past in
 * `history` events: what the reference backend sends a client that resumes (or connects
 * for the first time), and what the simulator hands a new subscriber after a reload.
 *
 * The outcome, once folded by the store, is the same as folding every event one by one;
 * only the number of events changes (a conversation of 10,000 messages costs a handful of
 * `history` events instead of 10,000 `message-received`). DOM-free, so the Node backend
 * shares it.
 * @packageDocumentation
 */
import type { ContactCenterEvent, HistoryEvent } from '../core/events.js';
import type { ChatMessage, EmailMessage } from '../core/types.js';

/** An event with its place in the log. */
export type SequencedEvent = ContactCenterEvent & { readonly seq: number };

/**
 * One entry of a compacted replay. `prev` is set when the entries between `prev` and
 * `seq` were left out (their content travels in `history` events sent before this one).
 */
export interface ReplayEntry {
  readonly event: SequencedEvent;
  readonly prev?: number;
}

/** Options of {@link compactReplay}. */
export interface CompactOptions {
  /** The `seq` the replay starts after (the client has everything up to it). Default: the first event's `seq` − 1. */
  readonly after?: number;
  /** Largest size of one `history` event's items; a longer past is split into several. Default: no limit. */
  readonly maxHistoryBytes?: number;
  /** Size of one message or email, in the unit of `maxHistoryBytes`. Default: its JSON length. */
  readonly sizeOf?: (item: ChatMessage | EmailMessage) => number;
}

type Item = { readonly kind: 'message'; value: ChatMessage } | { readonly kind: 'email'; value: EmailMessage };

/** What is gathered about one conversation while the replay is read. */
interface Gathered {
  readonly interactionId: string;
  /** Seqs of the entries left out, ascending: the places its `history` events may take. */
  readonly removed: number[];
  readonly items: Item[];
  readonly byId: Map<string, Item>;
}

const jsonSize = (item: ChatMessage | EmailMessage): number => JSON.stringify(item).length;

/**
 * `events` (ascending `seq`) with the chat messages and emails of each conversation
 * folded into `history` events:
 *
 * - `message-received`, `email-received` (and earlier `history`) entries are left out;
 *   their messages, with the delivery status the replay's own status entries give them,
 *   go into the conversation's `history` events. Status entries themselves stay (a client
 *   that already holds a message — say, one it sent while offline — still needs them).
 * - Each `history` event takes the `seq` of one left-out entry of its conversation: the
 *   last ones, so every message it carries comes after the conversation's offer and the
 *   replay ends on the same `seq` as the log. Each has at least one item, so there are
 *   always enough places.
 * - A conversation wrapped up within the replay keeps its messages: the store files it,
 *   thread and all, under Recent at its `wrapup-completed`, so its `history` events take
 *   places before that entry (entries about the same id after it belong to a later life of
 *   that id and get their own). Its typing entries go: Recent never shows typing.
 * - In a conversation still open at the end, the customer's last message stays a
 *   `message-received`, and typing entries before it go: the store clears the typing
 *   indicator on a customer message, and a history does not.
 */
export function compactReplay(events: readonly SequencedEvent[], options: CompactOptions = {}): ReplayEntry[] {
  const sizeOf = options.sizeOf ?? jsonSize;
  const maxBytes = options.maxHistoryBytes ?? Infinity;
  // Wrap-ups per id in the whole replay, and those passed so far: each one ends a life of the id.
  const wrapups = new Map<string, number>();
  const lastCustomerMessage = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'wrapup-completed') wrapups.set(e.interactionId, (wrapups.get(e.interactionId) ?? 0) + 1);
    if (e.type === 'message-received' && e.message.author === 'customer') lastCustomerMessage.set(e.interactionId, e.seq);
  }
  const passed = new Map<string, number>();

  // Keyed by id and life, so a history never lands after the wrap-up that ends its life.
  const gathered = new Map<string, Gathered>();
  const lifeKey = (interactionId: string): string => `${passed.get(interactionId) ?? 0} ${interactionId}`;
  const gather = (interactionId: string): Gathered => {
    const key = lifeKey(interactionId);
    let g = gathered.get(key);
    if (!g) {
      g = { interactionId, removed: [], items: [], byId: new Map() };
      gathered.set(key, g);
    }
    return g;
  };
  const add = (g: Gathered, item: Item): void => {
    // The first copy of an id wins, as in the store.
    if (g.byId.has(item.value.id)) return;
    g.byId.set(item.value.id, item);
    g.items.push(item);
  };

  const kept = new Set<SequencedEvent>();
  for (const e of events) {
    if (e.type === 'message-received' || e.type === 'email-received' || e.type === 'history' || e.type === 'customer-typing') {
      const wrappedUp = (passed.get(e.interactionId) ?? 0) < (wrapups.get(e.interactionId) ?? 0);
      const last = wrappedUp ? undefined : lastCustomerMessage.get(e.interactionId);
      if (e.type === 'customer-typing' && (wrappedUp || (last !== undefined && e.seq < last))) continue;
      if (e.type !== 'customer-typing' && e.seq !== last) {
        const g = gather(e.interactionId);
        g.removed.push(e.seq);
        if (e.type === 'message-received') add(g, { kind: 'message', value: e.message });
        else if (e.type === 'email-received') add(g, { kind: 'email', value: e.email });
        else {
          for (const m of e.messages ?? []) add(g, { kind: 'message', value: m });
          for (const m of e.emails ?? []) add(g, { kind: 'email', value: m });
        }
        continue;
      }
    } else if (e.type === 'wrapup-completed') {
      passed.set(e.interactionId, (passed.get(e.interactionId) ?? 0) + 1);
    } else if (e.type === 'message-status') {
      const item = gathered.get(lifeKey(e.interactionId))?.byId.get(e.messageId);
      if (item?.kind === 'message') {
        const { error: _error, ...rest } = item.value;
        item.value = e.status === 'failed' ? { ...rest, status: 'failed', error: e.error ?? '' } : { ...rest, status: e.status };
      }
    } else if (e.type === 'email-status') {
      const item = gathered.get(lifeKey(e.interactionId))?.byId.get(e.emailId);
      if (item?.kind === 'email') item.value = { ...item.value, status: e.status };
    }
    kept.add(e);
  }

  // Each conversation's history events, keyed by the seq whose place they take.
  const placed = new Map<number, HistoryEvent & { readonly seq: number }>();
  const at = new Map(events.map((e) => [e.seq, e.at]));
  for (const g of gathered.values()) {
    const chunks = split(g.items, sizeOf, maxBytes);
    // An earlier history event may have brought more chunks than there are places: join the first ones.
    while (chunks.length > g.removed.length && chunks.length > 1) chunks.splice(0, 2, [...(chunks[0] ?? []), ...(chunks[1] ?? [])]);
    const places = g.removed.slice(g.removed.length - chunks.length);
    chunks.forEach((chunk, k) => {
      const seq = places[k] ?? 0;
      const messages = chunk.flatMap((i) => (i.kind === 'message' ? [i.value] : []));
      const emails = chunk.flatMap((i) => (i.kind === 'email' ? [i.value] : []));
      placed.set(seq, {
        type: 'history',
        interactionId: g.interactionId,
        at: at.get(seq) ?? 0,
        seq,
        ...(messages.length > 0 ? { messages } : {}),
        ...(emails.length > 0 ? { emails } : {}),
      });
    });
  }

  const out: ReplayEntry[] = [];
  let previous = options.after ?? (events[0] ? events[0].seq - 1 : 0);
  for (const e of events) {
    const event = kept.has(e) ? e : placed.get(e.seq);
    if (!event) continue;
    out.push(event.seq === previous + 1 ? { event } : { event, prev: previous });
    previous = event.seq;
  }
  return out;
}

/** `items` in order, cut into runs of at most `maxBytes` (a run holds at least one item). */
function split(items: readonly Item[], sizeOf: (item: ChatMessage | EmailMessage) => number, maxBytes: number): Item[][] {
  if (items.length === 0) return [];
  if (!Number.isFinite(maxBytes)) return [[...items]];
  const chunks: Item[][] = [];
  let chunk: Item[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item.value) + 1;
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  chunks.push(chunk);
  return chunks;
}
