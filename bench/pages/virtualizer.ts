/**
 * `npm run bench -- --only virtualizer`: the pane's own long-thread virtualizer against the
 * same rows in @lit-labs/virtualizer (bench/pages/lit-virtualizer-thread.ts), on the same
 * 10,000-message thread. Each scenario ends when what it asked for is on screen: rendered,
 * laid out and inside the log's viewport, however many frames that takes.
 */
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { findMessages } from '../../src/components/cc-chat-widget/find.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import type { ChatMessage } from '../../src/core/types.js';
import { filledStore, layout, longTasksSince, messageEvent, nextFrame, percentile, settled } from './common.js';
import { defineLitVirtualizerThread, type LitVirtualizerThread } from './lit-virtualizer-thread.js';

export type VirtualizerKind = 'ours' | 'theirs';
type Shown = CcChatWidget | LitVirtualizerThread;

/** What one run of {@link virtualizer} measured. */
export interface VirtualizerResult {
  readonly firstRenderMs: number;
  readonly renderedMessages: number;
  readonly appendP95Ms: number;
  readonly appendMedianMs: number;
  readonly scroll: { readonly steps: number; readonly longTasks: number; readonly p95StepMs: number; readonly worstStepMs: number };
  readonly frames: { readonly frames: number; readonly dropped: number; readonly longTasks: number };
  readonly find: { readonly matches: number; readonly medianMs: number; readonly worstMs: number; readonly missed: number };
  readonly anchor: { readonly driftPx: number; readonly kept: boolean };
  readonly focusAfterScrollAway: 'thread' | 'row' | 'lost';
  readonly log: { readonly role: string | null; readonly ariaLive: string | null; readonly tabindex: string | null };
}

defineLitVirtualizerThread();

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

/** Content-Security-Policy violations seen by the page (the strict-CSP copy of this page reports them). */
export const cspViolations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));

let shown: { kind: VirtualizerKind; el: Shown; store: InteractionStore; id: string; next: number } | undefined;

function mount(kind: VirtualizerKind, store: InteractionStore, id: string): Shown {
  if (kind === 'ours') {
    const el = document.createElement('cc-chat-widget');
    el.store = store;
    el.interactionId = id;
    el.style.height = '600px';
    return el;
  }
  const el = document.createElement('lit-virtualizer-thread');
  store.select((s) => s.interactions[id]?.messages ?? []).subscribe((messages) => (el.messages = messages));
  return el;
}

function threadOf(el: Shown): HTMLElement {
  const thread = el.shadowRoot?.querySelector<HTMLElement>('[part="thread"]');
  if (!thread) throw new Error('no thread');
  return thread;
}

/** The rendered row showing message k (its text starts with "k: "). */
function rowOf(el: Shown, k: number): HTMLElement | undefined {
  const prefix = `${k}: `;
  for (const text of threadOf(el).querySelectorAll<HTMLElement>('.text')) {
    if (text.textContent?.startsWith(prefix)) return text.closest<HTMLElement>('.row') ?? undefined;
  }
  return undefined;
}

function inView(el: Shown, k: number): boolean {
  const row = rowOf(el, k);
  if (!row) return false;
  const box = row.getBoundingClientRect();
  const view = threadOf(el).getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

/** True when a row is drawn across the middle of the log's viewport (no blank screen). */
function covered(el: Shown): boolean {
  const view = threadOf(el).getBoundingClientRect();
  const y = view.top + view.height / 2;
  for (const row of threadOf(el).querySelectorAll('.row')) {
    const box = row.getBoundingClientRect();
    if (box.top - 24 <= y && box.bottom + 24 >= y) return true;
  }
  return false;
}

const yieldTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });

/** Waits until `done()` holds: after the element settles, then a task, then frame by frame (at most 60). */
async function until(el: Shown, done: () => boolean): Promise<boolean> {
  const virtualizer = 'virtualizer' in el ? el.virtualizer : undefined;
  await settled(el);
  if (virtualizer) await settled(virtualizer);
  layout(el);
  if (done()) return true;
  await yieldTask();
  layout(el);
  for (let frame = 0; frame < 60; frame++) {
    if (done()) return true;
    await nextFrame();
    await settled(el);
    layout(el);
  }
  return done();
}

/** The index of the first message whose row is in view (the one a reader's place is kept by). */
function topInView(el: Shown, messages: readonly ChatMessage[]): { k: number; offset: number } | undefined {
  const view = threadOf(el).getBoundingClientRect();
  let best: { k: number; offset: number } | undefined;
  for (const text of threadOf(el).querySelectorAll<HTMLElement>('.text')) {
    const k = Number.parseInt(text.textContent ?? '', 10);
    const row = text.closest('.row');
    if (!row || Number.isNaN(k) || k >= messages.length) continue;
    const box = row.getBoundingClientRect();
    if (box.bottom <= view.top || box.top >= view.bottom) continue;
    if (!best || k < best.k) best = { k, offset: box.top - view.top };
  }
  return best;
}

async function frames(el: Shown, count: number, step: number): Promise<{ frames: number; dropped: number; longTasks: number }> {
  const thread = threadOf(el);
  const start = performance.now();
  const stamps: number[] = [];
  for (let f = 0; f < count; f++) {
    stamps.push(await nextFrame());
    thread.scrollTop -= step;
  }
  const deltas = stamps.slice(1).map((t, k) => t - (stamps[k] ?? t));
  const interval = percentile(deltas, 50);
  const dropped = deltas.reduce((n, d) => n + Math.max(0, Math.round(d / interval) - 1), 0);
  return { frames: count, dropped, longTasks: longTasksSince(start, longTasks).count };
}

/** Every scenario on a fresh `count`-message thread shown by `kind`. */
async function virtualizer(kind: VirtualizerKind, count: number, appends = 50): Promise<VirtualizerResult> {
  const { store, ids } = filledStore(1, count);
  const id = ids[0] ?? 'i0';
  const el = mount(kind, store, id);
  await nextFrame();

  let t = performance.now();
  document.body.append(el);
  await until(el, () => inView(el, count - 1));
  const firstRenderMs = performance.now() - t;
  const renderedMessages = threadOf(el).querySelectorAll('.bubble').length;
  const log = { role: threadOf(el).getAttribute('role'), ariaLive: threadOf(el).getAttribute('aria-live'), tabindex: threadOf(el).getAttribute('tabindex') };
  await nextFrame();

  (window as unknown as { gc?: () => void }).gc?.();
  await nextFrame();
  const appendMs: number[] = [];
  for (let k = 0; k < appends; k++) {
    const n = count + k;
    t = performance.now();
    store.ingest(messageEvent(id, n));
    await until(el, () => inView(el, n));
    appendMs.push(performance.now() - t);
    await nextFrame();
  }

  // Reading up a screen at a time, then jumps as when dragging the scroll bar.
  const thread = threadOf(el);
  const targets: ((x: HTMLElement) => number)[] = [];
  for (let s = 0; s < 100; s++) targets.push((x) => x.scrollTop - x.clientHeight * 0.9);
  for (let j = 0; j < 30; j++) targets.push((x) => ((j * 0.618) % 1) * (x.scrollHeight - x.clientHeight));
  const steps: number[] = [];
  const sweepStart = performance.now();
  for (const target of targets) {
    const t0 = performance.now();
    thread.scrollTop = target(thread);
    thread.dispatchEvent(new Event('scroll'));
    await until(el, () => covered(el));
    steps.push(performance.now() - t0);
    await nextFrame();
  }
  const scroll = { steps: steps.length, longTasks: longTasksSince(sweepStart, longTasks).count, p95StepMs: percentile(steps, 95), worstStepMs: Math.max(...steps) };

  // Smooth reading: 240 frames scrolling up 40 px each, from the bottom.
  thread.scrollTop = thread.scrollHeight;
  await until(el, () => covered(el));
  const frameFigures = await frames(el, 240, 40);

  // Find: the ten newest matches of "77", one after the other.
  const messages = store.state.interactions[id]?.messages ?? [];
  const matches = findMessages(messages, '77', (m) => m.text).slice(0, 10);
  const findMs: number[] = [];
  let missed = 0;
  const findInput = el.shadowRoot?.querySelector<HTMLInputElement>('.find input');
  for (const [j, k] of matches.entries()) {
    t = performance.now();
    if (kind === 'ours') {
      if (!findInput) throw new Error('no find box');
      if (j === 0) {
        findInput.value = '77';
        findInput.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      } else {
        findInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
    } else {
      (el as LitVirtualizerThread).virtualizer?.scrollToIndex(k, 'center');
    }
    if (!(await until(el, () => inView(el, k)))) missed++;
    findMs.push(performance.now() - t);
    await nextFrame();
  }
  const find = { matches: matches.length, medianMs: percentile(findMs, 50), worstMs: Math.max(...findMs), missed };

  // Anchoring: the pane narrows, every row rewraps; the message at the top should stay there.
  const before = topInView(el, messages);
  el.style.width = '520px';
  for (let f = 0; f < 10; f++) {
    await nextFrame();
    await settled(el);
  }
  layout(el);
  const kept = before !== undefined && rowOf(el, before.k) !== undefined;
  const after = before === undefined ? undefined : rowOf(el, before.k)?.getBoundingClientRect().top;
  const driftPx = before === undefined || after === undefined ? Number.NaN : Math.round(Math.abs(after - thread.getBoundingClientRect().top - before.offset));
  el.style.width = '';

  // Keep focus: a focused message scrolled far out of view.
  const middle = topInView(el, messages);
  const bubble = middle === undefined ? undefined : rowOf(el, middle.k)?.querySelector<HTMLElement>('.bubble');
  bubble?.setAttribute('tabindex', '-1');
  bubble?.focus();
  thread.scrollTop = 0;
  thread.dispatchEvent(new Event('scroll'));
  await until(el, () => covered(el) && inView(el, 0));
  for (let f = 0; f < 5; f++) await nextFrame();
  const active = el.shadowRoot?.activeElement;
  const focusAfterScrollAway = active === thread ? 'thread' : active && thread.contains(active) ? 'row' : 'lost';

  el.remove();
  store.dispose();
  return {
    firstRenderMs,
    renderedMessages,
    appendP95Ms: percentile(appendMs, 95),
    appendMedianMs: percentile(appendMs, 50),
    scroll,
    frames: frameFigures,
    find,
    anchor: { driftPx, kept },
    focusAfterScrollAway,
    log,
  };
}

/** Shows a `count`-message thread and focuses the log, for the runner's real key presses. */
async function keyboardSetup(kind: VirtualizerKind, count: number): Promise<void> {
  const { store, ids } = filledStore(1, count);
  const id = ids[0] ?? 'i0';
  const el = mount(kind, store, id);
  document.body.append(el);
  await until(el, () => inView(el, count - 1));
  threadOf(el).focus();
  shown = { kind, el, store, id, next: count };
}

/** After a key press: which of the first and the last message are in view, once settled. */
async function keyboardCheck(): Promise<{ first: boolean; last: boolean; scrollTop: number }> {
  if (!shown) throw new Error('keyboardSetup first');
  const { el, next } = shown;
  for (let f = 0; f < 10; f++) {
    await nextFrame();
    await settled(el);
  }
  return { first: inView(el, 0), last: inView(el, next - 1), scrollTop: Math.round(threadOf(el).scrollTop) };
}

/** Renders, scrolls and appends with `kind` under the page's policy; returns the violations seen meanwhile. */
async function cspProbe(kind: VirtualizerKind): Promise<string[]> {
  const from = cspViolations.length;
  const { store, ids } = filledStore(1, 2000);
  const id = ids[0] ?? 'i0';
  const el = mount(kind, store, id);
  document.body.append(el);
  await until(el, () => inView(el, 1999));
  threadOf(el).scrollTop = threadOf(el).scrollHeight / 2;
  await until(el, () => covered(el));
  store.ingest(messageEvent(id, 2000));
  for (let f = 0; f < 5; f++) await nextFrame();
  el.remove();
  store.dispose();
  return cspViolations.slice(from);
}

/** A deliberate style attribute: proves the policy is in force and its violations are seen. */
async function cspControl(): Promise<string[]> {
  const from = cspViolations.length;
  const probe = document.createElement('div');
  probe.setAttribute('style', 'color: red');
  document.body.append(probe);
  for (let f = 0; f < 3; f++) await nextFrame();
  probe.remove();
  return cspViolations.slice(from);
}

export const virtualizerBench = { virtualizer, keyboardSetup, keyboardCheck, cspProbe, cspControl };
