/**
 * The append figure of `npm run bench` step by step, for bench/profile-thread.mjs:
 * `setup` shows a `count`-message thread in `<cc-chat-widget>`, `append` measures one
 * append exactly as bench-page.ts does, between `performance.mark`s the trace can find.
 */
import '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import { filledStore, layout, messageEvent, nextFrame, settled } from './common.js';

let shown: { el: CcChatWidget; store: InteractionStore; id: string; next: number } | undefined;

async function setup(count: number): Promise<number> {
  const { store, ids } = filledStore(1, count);
  const id = ids[0] ?? 'i0';
  const el = document.createElement('cc-chat-widget');
  el.store = store;
  el.interactionId = id;
  el.style.height = '600px';
  document.body.append(el);
  await settled(el);
  layout(el);
  await nextFrame();
  shown = { el, store, id, next: count };
  return el.shadowRoot?.querySelectorAll('.bubble').length ?? 0;
}

/**
 * One append: store.ingest to rendered and laid out (ms); then a frame, as the bench does.
 * It starts a task of its own, so that the trace's task around it is the append alone.
 */
async function append(): Promise<number> {
  if (!shown) throw new Error('setup first');
  const { el, store, id } = shown;
  await new Promise((resolve) => setTimeout(resolve));
  const event = messageEvent(id, shown.next++);
  performance.mark('append-start');
  const t = performance.now();
  store.ingest(event);
  await settled(el);
  layout(el);
  const ms = performance.now() - t;
  performance.mark('append-end');
  await nextFrame();
  return ms;
}

const api = { setup, append };

declare global {
  interface Window {
    ccProfile: typeof api;
  }
}

window.ccProfile = api;
