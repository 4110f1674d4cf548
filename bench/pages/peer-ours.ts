/**
 * Our side of the deep-chat comparison (bench/run.mjs, section `peer`): a store on a
 * test adapter and one `<cc-chat-widget>` showing its conversation.
 */
import '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import { messageEvent, offerEvents, quietStore, settled } from './common.js';
import { countShadowNodes, pageSettled, painted, timeAppends, scrollFrames, scrollerIn, type PeerApi } from './peer-common.js';

const ID = 'i0';
/** `?history`: the messages arrive as `history` events (as the reference server sends a past), not one by one. */
const viaHistory = new URLSearchParams(location.search).has('history');
const HISTORY_CHUNK = 1_000;
let shown: { store: InteractionStore; el: CcChatWidget; next: number } | undefined;

function current(): { store: InteractionStore; el: CcChatWidget; next: number } {
  if (!shown) throw new Error('firstRender first');
  return shown;
}

/** A past of `count` messages as the reference server sends it: history events of about a thousand messages. */
function historyEvents(count: number): unknown[] {
  const events: unknown[] = [];
  for (let from = 0; from < count; from += HISTORY_CHUNK) {
    const messages = [];
    for (let k = from; k < Math.min(count, from + HISTORY_CHUNK); k++) messages.push((messageEvent(ID, k) as { message: unknown }).message);
    events.push({ type: 'history', interactionId: ID, at: Date.now(), messages });
  }
  return events;
}

const api: PeerApi = {
  async firstRender(count) {
    // The events exist before the clock starts: the figure is the library's work, not the bench's.
    const events = viaHistory ? historyEvents(count) : Array.from({ length: count }, (_, k) => messageEvent(ID, k));
    await pageSettled();
    const start = performance.now();
    const { store } = quietStore();
    for (const e of offerEvents(ID)) store.ingest(e);
    const el = document.createElement('cc-chat-widget');
    el.store = store;
    el.interactionId = ID;
    el.style.height = '600px';
    document.body.append(el);
    for (const e of events) store.ingest(e);
    await settled(el);
    await painted();
    const ms = performance.now() - start;
    shown = { store, el, next: count };
    return { ms, messageElements: el.shadowRoot?.querySelectorAll('.bubble').length ?? 0, domNodes: document.querySelectorAll('*').length + countShadowNodes(el) };
  },

  async appends(count) {
    const s = current();
    return timeAppends(count, () => s.store.ingest(messageEvent(ID, s.next++)));
  },

  scroll(steps, stepPx) {
    return scrollFrames(scrollerIn(current().el), steps, stepPx);
  },
};

window.ccPeer = api;
