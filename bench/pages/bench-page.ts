/**
 * The benchmark page, bundled by bench/run.mjs and driven through
 * `window.ccBench`. Each function runs on a fresh page.
 */
import '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import { filledStore, layout, longTasksSince, messageEvent, nextFrame, offerEvents, percentile, quietStore, settled } from './common.js';
import { defineNaiveThread, type NaiveThread } from './naive-thread.js';
import { storeThroughput } from './store-throughput.js';
import { virtualizerBench } from './virtualizer.js';

export type { StoreResult } from './store-throughput.js';
export type { VirtualizerKind, VirtualizerResult } from './virtualizer.js';

type Rendered = (CcChatWidget | NaiveThread) & HTMLElement;

/** What one thread scenario measured. */
export interface ThreadResult {
  readonly messages: number;
  /** The first element of its kind on the fresh page (10 messages): script, styles and fonts warm up. */
  readonly coldFirstRenderMs: number;
  readonly firstRenderMs: number;
  readonly renderedMessages: number;
  readonly appendMs: readonly number[];
  readonly appendP95Ms: number;
  readonly scroll: ScrollResult;
}

export interface ScrollResult {
  readonly steps: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly worstStepMs: number;
  readonly p95StepMs: number;
}

defineNaiveThread();

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function threadOf(el: Element): HTMLElement {
  const thread = el.shadowRoot?.querySelector<HTMLElement>('[part="thread"]');
  if (!thread) throw new Error('no thread');
  return thread;
}

/** The pane (virtualized) or the naive list, showing interaction `id` of `store`. */
function mount(kind: 'widget' | 'naive', store: InteractionStore, id: string): Rendered {
  if (kind === 'widget') {
    const el = document.createElement('cc-chat-widget');
    el.store = store;
    el.interactionId = id;
    el.style.height = '600px';
    return el;
  }
  const el = document.createElement('naive-thread');
  store.select((s) => s.interactions[id]?.messages ?? []).subscribe((messages) => (el.messages = messages));
  return el;
}

/**
 * First render, `appends` appends and a scroll sweep of a `count`-message thread: reading
 * up a screen at a time from the bottom, then jumps as when dragging the scroll bar.
 */
async function thread(kind: 'widget' | 'naive', count: number, appends = 100): Promise<ThreadResult> {
  const coldFirstRenderMs = await firstRender(kind, filledStore(1, 10));
  const { store, ids } = filledStore(1, count);
  const id = ids[0] ?? 'i0';
  const el = mount(kind, store, id);
  const firstRenderMs = await firstRender(kind, { store, ids }, el);
  const renderedMessages = el.shadowRoot?.querySelectorAll('.bubble').length ?? 0;

  // The series starts from a collected heap (the runner exposes gc()): filling the store
  // left garbage that one of the measured appends would otherwise pay for. Every append counts.
  (window as unknown as { gc?: () => void }).gc?.();
  await nextFrame();
  const appendMs: number[] = [];
  for (let k = 0; k < appends; k++) {
    const event = messageEvent(id, count + k);
    const t = performance.now();
    store.ingest(event);
    await settled(el);
    layout(el);
    appendMs.push(performance.now() - t);
    await nextFrame();
  }

  const scroll = await sweep(el, threadOf(el));
  el.remove();
  store.dispose();
  return { messages: count, coldFirstRenderMs, firstRenderMs, renderedMessages, appendMs, appendP95Ms: percentile(appendMs, 95), scroll };
}

/** Milliseconds from appending the element to it rendered and laid out; a throw-away element is removed again. */
async function firstRender(kind: 'widget' | 'naive', { store, ids }: { store: InteractionStore; ids: string[] }, kept?: Rendered): Promise<number> {
  const el = kept ?? mount(kind, store, ids[0] ?? 'i0');
  await nextFrame();
  const start = performance.now();
  document.body.append(el);
  await settled(el);
  layout(el);
  const ms = performance.now() - start;
  await nextFrame();
  if (!kept) {
    el.remove();
    store.dispose();
  }
  return ms;
}

async function sweep(el: Rendered, t: HTMLElement): Promise<ScrollResult> {
  const targets: ((t: HTMLElement) => number)[] = [];
  for (let s = 0; s < 150; s++) targets.push((x) => x.scrollTop - x.clientHeight * 0.9);
  for (let j = 0; j < 30; j++) targets.push((x) => ((j * 0.618) % 1) * (x.scrollHeight - x.clientHeight));
  const steps: number[] = [];
  const start = performance.now();
  for (const target of targets) {
    const t0 = performance.now();
    t.scrollTop = target(t);
    // The scroll event would come with the next frame; sent now, its work is measured here.
    t.dispatchEvent(new Event('scroll'));
    await settled(el);
    layout(el);
    steps.push(performance.now() - t0);
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
  const long = longTasksSince(start, longTasks);
  return { steps: steps.length, longTasks: long.count, longestTaskMs: long.longest, worstStepMs: Math.max(...steps), p95StepMs: percentile(steps, 95) };
}

/**
 * Memory: `interactions` conversations of `perInteraction` messages in the store, one of
 * them shown (by the pane or the naive list), kept alive for the runner to measure the heap.
 */
async function memory(kind: 'widget' | 'naive' | 'none', interactions: number, perInteraction: number): Promise<number> {
  const { store, ids } = filledStore(interactions, perInteraction);
  const keep: unknown[] = [store];
  if (kind !== 'none') {
    const el = mount(kind, store, ids[0] ?? 'i0');
    document.body.append(el);
    await settled(el);
    layout(el);
    keep.push(el);
  }
  (window as unknown as { ccKeep: unknown }).ccKeep = keep;
  return Object.values(store.state.interactions).reduce((n, i) => n + i.messages.length, 0);
}

/**
 * Milliseconds for `count` message-received events into one conversation of a fresh
 * store, no element subscribed (the events are built before the clock starts), until
 * the store has published them.
 */
async function storeIngest(count: number): Promise<number> {
  const { store } = quietStore();
  for (const e of offerEvents('i0')) store.ingest(e);
  const events = Array.from({ length: count }, (_, k) => messageEvent('i0', k));
  await Promise.resolve();
  const start = performance.now();
  for (const e of events) store.ingest(e);
  // The store may publish a burst in a microtask: that is part of the work.
  await Promise.resolve();
  const ms = performance.now() - start;
  if (store.state.interactions['i0']?.messages.length !== count) throw new Error('messages missing');
  store.dispose();
  return ms;
}

const api = { thread, storeThroughput, storeIngest, memory, ...virtualizerBench };

declare global {
  interface Window {
    ccBench: typeof api;
  }
}

window.ccBench = api;
