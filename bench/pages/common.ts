import { Subject } from 'rxjs';
import type { ContactCenterAdapter } from '../../src/core/adapter.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { ChatChannel } from '../../src/core/types.js';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

const WORDS = ['order', 'parcel', 'refund', 'delivery', 'account', 'invoice', 'please', 'thanks', 'address', 'tracking', 'number', 'today'];

/** Customer and agent text of plausible, varied lengths (deterministic). */
export function textFor(k: number): string {
  const n = 4 + ((k * 7919) % 23) + (k % 11 === 0 ? 40 : 0);
  const words: string[] = [];
  for (let j = 0; j < n; j++) words.push(WORDS[(k * 31 + j * 17) % WORDS.length] ?? 'x');
  return `${k}: ${words.join(' ')}`;
}

/** Message k of an interaction, from the customer or (every third) the agent. */
export function messageEvent(interactionId: string, k: number): ContactCenterEvent {
  const agent = k % 3 === 2;
  return {
    type: 'message-received',
    interactionId,
    at: T0 + k * 1000,
    message: {
      id: `${interactionId}-m${k}`,
      author: agent ? 'agent' : 'customer',
      authorName: agent ? 'Alex Morgan' : 'Jane Doe',
      text: textFor(k),
      format: 'plain',
      timestamp: T0 + k * 1000,
      attachments: [],
      ...(agent ? { status: 'sent' as const } : {}),
    },
  };
}

export function offerEvents(interactionId: string, channel: ChatChannel = 'webchat'): ContactCenterEvent[] {
  return [
    { type: 'offer', interactionId, at: T0, channel, queue: { id: 'q1', name: 'Web Chat Sales' }, customer: { name: `Customer ${interactionId}` }, source: {} },
    { type: 'interaction-accepted', interactionId, at: T0 },
  ];
}

/** A store on an adapter that only delivers events (commands are not benchmarked). */
export function quietStore(): { store: InteractionStore; events: Subject<unknown> } {
  const events = new Subject<unknown>();
  const adapter = { events$: events.asObservable() } as unknown as ContactCenterAdapter;
  return { store: createInteractionStore(adapter, { agent: { id: 'a1', name: 'Alex Morgan' } }), events };
}

/** A store holding `interactions` conversations of `perInteraction` messages each. */
export function filledStore(interactions: number, perInteraction: number): { store: InteractionStore; ids: string[] } {
  const { store } = quietStore();
  const ids = Array.from({ length: interactions }, (_, n) => `i${n}`);
  for (const id of ids) for (const e of offerEvents(id)) store.ingest(e);
  for (let k = 0; k < perInteraction; k++) for (const id of ids) store.ingest(messageEvent(id, k));
  return { store, ids };
}

/** Resolves once a Lit element has stopped re-rendering. */
export async function settled(el: { updateComplete: Promise<boolean>; readonly isUpdatePending: boolean }): Promise<void> {
  do await el.updateComplete;
  while (el.isUpdatePending);
}

/** Forces style and layout of everything pending (what the first frame would do before painting). */
export function layout(el: Element): void {
  void (el.shadowRoot?.querySelector('[part="thread"], .thread') ?? el).getBoundingClientRect();
  void document.body.offsetHeight;
}

export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Long tasks (> 50 ms) the page has had since `start`, and the longest. */
export function longTasksSince(start: number, entries: readonly PerformanceEntry[]): { count: number; longest: number } {
  const after = entries.filter((e) => e.startTime >= start);
  return { count: after.length, longest: after.reduce((m, e) => Math.max(m, e.duration), 0) };
}
