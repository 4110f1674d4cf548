import { html, noChange, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import { ThreadGeometry, VIRTUALIZE_AFTER, type ThreadRange } from './thread-geometry.js';

/** Most messages a long thread renders at once, however short they are. */
const MAX_RENDERED = 120;
/**
 * Renders in a row that measuring may ask for before it gives up until the next scroll,
 * resize or change of the thread (the view is normally covered after one or two).
 */
const MAX_SETTLE_RENDERS = 8;
/** Pixels an arrow key scrolls the thread. */
const LINE = 40;
/** Within this many pixels of the bottom, the thread follows new messages. */
const STICK_DISTANCE = 40;

interface Keyed {
  readonly id: string;
}

/** A message to keep where it is on screen: its id, its index (where to look for it first), and its top's offset from the viewport's top. */
interface Anchor {
  readonly index: number;
  readonly id: string;
  readonly delta: number;
}

/**
 * Sets an element's height through CSSOM (`style.height`), which a Content-Security-Policy
 * without `'unsafe-inline'` allows; `styleMap` writes a `style` attribute on its first
 * render, which such a policy refuses (style-src-attr).
 */
class PixelHeightDirective extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('pixelHeight() is an element directive');
  }

  render(_height: number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [height]: Parameters<this['render']>): typeof noChange {
    if (part.element instanceof HTMLElement) part.element.style.height = `${Math.max(0, height)}px`;
    return noChange;
  }
}
const pixelHeight = directive(PixelHeightDirective);

/** Options of a {@link ThreadViewport}. */
export interface ThreadViewportOptions {
  /** The scrolling log, once rendered. Its direct children are the rows and the spacers {@link ThreadViewport.render} gives. */
  readonly thread: () => HTMLElement | null | undefined;
}

/**
 * The window onto a long thread: which messages to render (those in view plus a screen
 * above and below), spacers for the rest, heights measured after each render
 * ({@link ThreadGeometry}), and a steady view — the bottom followed while the reader is
 * there, otherwise the top message kept where it is when heights, the width or the list
 * change. Also keyboard scrolling of the focused log, focus kept in the log when a
 * focused message is left out, and bringing a message into view by index (find).
 *
 * The host calls {@link layout} before each render and renders {@link render}'s rows
 * inside the log; measuring and settling run after the host updates. Threads up to
 * VIRTUALIZE_AFTER messages render whole through the same path, without spacers.
 */
export class ThreadViewport<T extends Keyed> implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #thread: () => HTMLElement | null | undefined;
  readonly #geometry = new ThreadGeometry<T>();
  #range: ThreadRange = { start: 0, end: 0 };
  #stickToBottom = true;
  /** Where to put the top message after this render. */
  #anchor: Anchor | undefined;
  /** The top message as it was before a width change dropped the heights it was found with. */
  #held: Anchor | undefined;
  /** A message to bring into view on the next render. */
  #reveal: number | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #observed: HTMLElement | undefined;
  #width = 0;
  #height = 0;
  /** Renders asked for by #settle since the last scroll, resize or change of the thread. */
  #settleRenders = 0;
  #laidOut: readonly T[] = [];
  #padTop = 0;
  #gap = 0;

  constructor(host: ReactiveElement, options: ThreadViewportOptions) {
    this.#host = host;
    this.#thread = options.thread;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#observe();
    const thread = this.#thread();
    if (thread) this.#settle(thread);
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observed = undefined;
  }

  /** True when the thread renders only part of its messages (the log is then `contain: strict`). */
  get long(): boolean {
    return this.#geometry.length > VIRTUALIZE_AFTER;
  }

  /** Another conversation: forget its heights, start at the bottom. */
  reset(): void {
    this.#stickToBottom = true;
    this.#reveal = undefined;
    this.#held = undefined;
    this.#geometry.reset();
  }

  /** Follow the bottom from the next render (the agent sent a message). */
  followBottom(): void {
    this.#stickToBottom = true;
  }

  /** Brings message k into view, centred, on the next render, whether it is rendered now or not. */
  reveal(k: number): void {
    this.#reveal = k;
    this.#stickToBottom = false;
    this.#host.requestUpdate();
  }

  /** Before a render: which messages of `list` to render, and which message to keep where it is on screen. */
  layout(list: readonly T[]): void {
    const g = this.#geometry;
    const thread = this.#thread();
    const rendered = this.#range;
    // The anchor is taken in the layout that is on screen, before this list replaces it.
    const anchor = this.#held ?? (thread ? this.#topMessage(thread) : undefined);
    this.#held = undefined;
    if (list !== this.#laidOut) this.#settleRenders = 0;
    this.#laidOut = list;
    g.sync(list, this.#gap);
    this.#anchor = undefined;
    const n = list.length;
    if (n <= VIRTUALIZE_AFTER) {
      this.#range = { start: 0, end: n };
      return;
    }
    const viewport = thread?.clientHeight || 600;
    let top: number;
    if (this.#reveal !== undefined) {
      top = g.top(this.#reveal) - (viewport - g.height(this.#reveal)) / 2;
    } else if (anchor) {
      const index = indexOf(list, anchor.id, anchor.index);
      if (index >= 0) this.#anchor = { index, id: anchor.id, delta: anchor.delta };
      top = index >= 0 ? g.top(index) - anchor.delta : (thread?.scrollTop ?? 0) - this.#padTop;
    } else if (this.#stickToBottom || !thread) {
      top = g.total - viewport;
    } else {
      top = thread.scrollTop - this.#padTop;
    }
    this.#range = this.#rangeAround(Math.max(0, top), viewport, n);
    this.#keepFocus(thread, rendered);
  }

  /**
   * The rows of the laid-out list that are in range (keyed by id, made by `row`), between
   * spacers standing in for the messages out of view (the log's flex gap follows each).
   */
  render(row: (item: T) => TemplateResult): TemplateResult {
    const g = this.#geometry;
    const list = this.#laidOut;
    const n = list.length;
    const { start, end } = this.#range;
    const spacer = (height: number) => html`<div class="spacer" ${pixelHeight(height)}></div>`;
    return html`${start > 0 ? spacer(g.top(start) - this.#gap) : nothing}${repeat(
      list.slice(start, end),
      (m) => m.id,
      row,
    )}${end < n ? spacer(g.top(n) - g.top(end) - this.#gap) : nothing}`;
  }

  /** The log's scroll listener. */
  readonly onScroll = (): void => {
    const thread = this.#thread();
    if (!thread) return;
    this.#stickToBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < STICK_DISTANCE;
    this.#settleRenders = 0;
    if (!this.#covers(thread)) this.#host.requestUpdate();
  };

  /** The log's keydown listener: it scrolls with the keyboard, whatever is rendered (keys on a message's own controls are theirs). */
  readonly onKeydown = (e: KeyboardEvent): void => {
    const thread = this.#thread();
    if (!thread || e.target !== thread || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const page = Math.max(LINE, thread.clientHeight - LINE);
    switch (e.key) {
      case 'ArrowDown':
        thread.scrollTop += LINE;
        break;
      case 'ArrowUp':
        thread.scrollTop -= LINE;
        break;
      case 'PageDown':
        thread.scrollTop += page;
        break;
      case 'PageUp':
        thread.scrollTop -= page;
        break;
      case 'Home':
        thread.scrollTop = 0;
        break;
      case 'End':
        thread.scrollTop = thread.scrollHeight;
        break;
      default:
        return;
    }
    e.preventDefault();
    // Render what came into view now, not when the scroll event comes (a page without frames gets none).
    this.onScroll();
    if (e.key === 'End') {
      // Heights below may have been estimated: follow the bottom until it is reached.
      this.#stickToBottom = true;
      this.#host.requestUpdate();
    }
  };

  /** The message at the top of the view and where its top is, from the heights the view was laid out with; none when the view follows the bottom or a reveal. */
  #topMessage(thread: HTMLElement): Anchor | undefined {
    const g = this.#geometry;
    if (this.#stickToBottom || this.#reveal !== undefined || g.length <= VIRTUALIZE_AFTER) return undefined;
    const top = thread.scrollTop - this.#padTop;
    const index = g.indexAt(top);
    const id = g.idAt(index);
    return id === undefined ? undefined : { index, id, delta: g.top(index) - top };
  }

  /** The messages in view plus a screen's height above and below, capped at MAX_RENDERED. */
  #rangeAround(top: number, viewport: number, n: number): ThreadRange {
    const g = this.#geometry;
    let start = g.indexAt(top - viewport);
    let end = Math.min(n, g.indexAt(top + 2 * viewport) + 1);
    if (end - start > MAX_RENDERED) {
      start = Math.max(start, g.indexAt(top) - MAX_RENDERED / 4);
      end = Math.min(end, start + MAX_RENDERED);
    }
    return { start, end };
  }

  /** True when what is in view, and half a screen around it, is rendered. */
  #covers(thread: HTMLElement): boolean {
    const g = this.#geometry;
    const n = g.length;
    if (n <= VIRTUALIZE_AFTER) return true;
    const margin = thread.clientHeight / 2;
    const top = thread.scrollTop - this.#padTop;
    const { start, end } = this.#range;
    return (start === 0 || g.indexAt(top - margin) >= start) && (end >= n || g.indexAt(top + thread.clientHeight + margin) < end);
  }

  /** Focus inside a message about to be left out goes to the thread, not to the page. */
  #keepFocus(thread: HTMLElement | null | undefined, rendered: ThreadRange): void {
    const active = this.#host.shadowRoot?.activeElement;
    if (!thread || !active || active === thread || !thread.contains(active)) return;
    const rows = [...thread.children].filter((row) => !row.classList.contains('spacer'));
    const k = rendered.start + rows.findIndex((row) => row.contains(active));
    if (k < this.#range.start || k >= this.#range.end) thread.focus({ preventScroll: true });
  }

  /** The rendered element of message k, if it is rendered. */
  #row(thread: HTMLElement, k: number): Element | undefined {
    const { start, end } = this.#range;
    if (k < start || k >= end) return undefined;
    return thread.children[k - start + (start > 0 ? 1 : 0)] ?? undefined;
  }

  /** After a render: measure what rendered, keep the view steady, render again if the view is not covered. */
  #settle(thread: HTMLElement): void {
    const g = this.#geometry;
    let k = this.#range.start;
    for (const row of thread.children) {
      if (row.classList.contains('spacer')) continue;
      g.measure(k, row.getBoundingClientRect().height);
      k++;
    }
    const estimated = g.settleEstimate();
    const reveal = this.#reveal === undefined ? undefined : this.#row(thread, this.#reveal);
    if (reveal) {
      const box = reveal.getBoundingClientRect();
      const view = thread.getBoundingClientRect();
      thread.scrollTop += box.top - (view.top + thread.clientTop) - (thread.clientHeight - box.height) / 2;
      this.#reveal = undefined;
    } else if (this.#stickToBottom) {
      thread.scrollTop = thread.scrollHeight;
    } else if (this.#anchor && this.#laidOut[this.#anchor.index]?.id === this.#anchor.id) {
      const y = this.#padTop + g.top(this.#anchor.index) - this.#anchor.delta;
      if (Math.abs(thread.scrollTop - y) >= 1) thread.scrollTop = y;
    }
    if ((estimated && g.length > VIRTUALIZE_AFTER) || !this.#covers(thread)) {
      // Never a render loop, whatever the host's layout does with the thread's height.
      if (++this.#settleRenders <= MAX_SETTLE_RENDERS) this.#host.requestUpdate();
    } else {
      this.#settleRenders = 0;
    }
  }

  #observe(): void {
    const thread = this.#thread() ?? undefined;
    if (thread === this.#observed) return;
    this.#resizeObserver?.disconnect();
    this.#observed = thread;
    if (!thread) return;
    const style = getComputedStyle(thread);
    this.#padTop = parseFloat(style.paddingTop) || 0;
    this.#gap = parseFloat(style.rowGap) || 0;
    this.#width = thread.clientWidth;
    this.#height = thread.clientHeight;
    this.#resizeObserver ??= new ResizeObserver(() => this.#onResize());
    this.#resizeObserver.observe(thread);
  }

  #onResize(): void {
    const thread = this.#thread();
    if (!thread || (thread.clientWidth === this.#width && thread.clientHeight === this.#height)) return;
    if (thread.clientWidth !== this.#width) {
      // Another width wraps lines differently: measured heights no longer hold. The
      // message at the top is found with them first (the log does not scroll-anchor, so
      // scrollTop is still the one they laid out), to be kept at the top once re-measured.
      this.#held ??= this.#topMessage(thread);
      this.#geometry.reset();
    }
    this.#width = thread.clientWidth;
    this.#height = thread.clientHeight;
    this.#settleRenders = 0;
    this.#host.requestUpdate();
  }
}

/** Index of the item with `id` in `list`, looked for at `hint` first. */
function indexOf(list: readonly Keyed[], id: string, hint: number): number {
  for (const k of [hint, hint - 1, hint + 1]) if (list[k]?.id === id) return k;
  return list.findIndex((m) => m.id === id);
}
