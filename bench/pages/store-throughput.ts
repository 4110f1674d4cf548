/**
 * The store figure of the bench: no DOM, so bench/profile-store.mjs can run it in
 * Node too.
 */
import type { ContactCenterEvent } from '../../src/core/events.js';
import { sameItems, selectOffers, selectShownInteraction } from '../../src/core/store/selectors.js';
import { T0, messageEvent, offerEvents, quietStore } from './common.js';

/** The inbound traffic of `interactions` busy conversations: messages, receipts, typing. */
export function traffic(interactions: number, perInteraction: number): unknown[] {
  const ids = Array.from({ length: interactions }, (_, n) => `i${n}`);
  const events: unknown[] = ids.flatMap((id) => offerEvents(id));
  for (let k = 0; k < perInteraction; k++) {
    for (const id of ids) {
      const message = messageEvent(id, k) as ContactCenterEvent & { message: { author: string; id: string } };
      if (k % 10 === 0) events.push({ type: 'customer-typing', interactionId: id, at: T0 + k * 1000 - 500, typing: true });
      events.push(message);
      if (message.message.author === 'agent') {
        events.push({ type: 'message-status', interactionId: id, at: T0 + k * 1000 + 400, messageId: message.message.id, status: 'delivered' });
      }
    }
  }
  return events;
}

export interface StoreResult {
  readonly events: number;
  readonly runs: readonly number[];
  readonly eventsPerSecond: number;
  readonly messages: number;
}

/**
 * Inbound events per second through `store.ingest` (validation, reducer, notifications,
 * the selectors a pane and a contact request subscribe, with their equality): the best
 * of `runs` runs, each on a fresh store.
 */
export function storeThroughput(interactions: number, perInteraction: number, runs = 3): StoreResult {
  const events = traffic(interactions, perInteraction);
  const rates: number[] = [];
  let messages = 0;
  for (let r = 0; r < runs; r++) {
    const { store } = quietStore();
    const subscriptions = [
      store.select((s) => selectShownInteraction(s, ['webchat'], 'i0')).subscribe(),
      store.select((s) => selectOffers(s), sameItems).subscribe(),
      store.notifications$.subscribe(),
    ];
    const start = performance.now();
    for (const e of events) store.ingest(e);
    // A burst is published at the end of the task, or when the state is read: that is part of the work.
    void store.state;
    const ms = performance.now() - start;
    rates.push((events.length / ms) * 1000);
    messages = Object.values(store.state.interactions).reduce((n, i) => n + i.messages.length, 0);
    for (const s of subscriptions) s.unsubscribe();
    store.dispose();
  }
  return { events: events.length, runs: rates, eventsPerSecond: Math.max(...rates), messages };
}
