/**
 * What the two sides of the peer benchmark share: each page (ours in peer-ours.ts,
 * deep-chat in peer-deep-chat.ts) exposes the same `window.ccPeer`, and bench/run.mjs
 * drives both the same way, interleaved, one fresh page per run.
 */
import { textFor } from './common.js';

/** One side of the comparison, as the runner calls it. */
export interface PeerApi {
  /** Mounts the chat element (600 px tall) and delivers `count` messages one by one: milliseconds to the next painted frame. */
  firstRender(count: number): Promise<FirstRenderResult>;
  /** Appends one message `count` times after the earlier ones: each call to its painted frame. */
  appends(count: number): Promise<number[]>;
  /** Scrolls the shown thread up by `stepPx` once per frame, `steps` times. */
  scroll(steps: number, stepPx: number): Promise<ScrollFramesResult>;
}

export interface FirstRenderResult {
  readonly ms: number;
  /** Message elements in the DOM afterwards (a virtualized thread renders a few screens). */
  readonly messageElements: number;
  readonly domNodes: number;
}

export interface ScrollFramesResult {
  readonly steps: number;
  readonly frames: number;
  readonly medianFrameMs: number;
  /** Frames whose interval exceeded 1.5 × the median interval. */
  readonly dropped: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly scrolledPx: number;
}

/** Message `k` as both sides show it: every third from the agent, the rest from the customer. */
export function peerText(k: number): { fromAgent: boolean; text: string } {
  return { fromAgent: k % 3 === 2, text: textFor(k) };
}

/**
 * Resolves after the next frame has been produced: a task queued from inside a
 * requestAnimationFrame callback runs once that frame's style, layout and paint are done.
 */
/**
 * Once the freshly loaded page has been idle (its modules' idle-time work done, as on an agent
 * desktop where the first conversation arrives after the page loaded), then a painted frame.
 */
export async function pageSettled(): Promise<void> {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
  await painted();
}

/** Milliseconds from each of `count` calls of `append` to the frame that shows it, each started on a fresh frame. */
export async function timeAppends(count: number, append: () => void): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    await painted();
    const start = performance.now();
    append();
    await painted();
    times.push(performance.now() - start);
  }
  return times;
}

export function painted(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    }),
  );
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

/** The descendant (through open shadow roots) that scrolls the furthest: the message list. */
export function scrollerIn(root: Element): HTMLElement {
  let best: HTMLElement | undefined;
  let room = 0;
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.children) {
      if (child instanceof HTMLElement && child.scrollHeight - child.clientHeight > room) {
        room = child.scrollHeight - child.clientHeight;
        best = child;
      }
      visit(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root.shadowRoot ?? root);
  if (!best) throw new Error('nothing scrolls');
  return best;
}

/**
 * Scrolls `scroller` up by `stepPx` in each of `steps` frames (the page's own frames, as
 * a wheel would), recording each frame's interval and the long tasks meanwhile.
 */
export async function scrollFrames(scroller: HTMLElement, steps: number, stepPx: number): Promise<ScrollFramesResult> {
  scroller.scrollTop = scroller.scrollHeight;
  await painted();
  await painted();
  const from = scroller.scrollTop;
  const start = performance.now();
  const stamps: number[] = [];
  await new Promise<void>((resolve) => {
    const frame = (now: number): void => {
      stamps.push(now);
      if (stamps.length > steps) return resolve();
      // Down again from the top, so every step scrolls.
      scroller.scrollTop = scroller.scrollTop <= stepPx ? scroller.scrollHeight : scroller.scrollTop - stepPx;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await painted();
  const intervals = stamps.slice(1).map((t, k) => t - (stamps[k] ?? t));
  const sorted = [...intervals].sort((a, b) => a - b);
  const medianFrameMs = sorted[sorted.length >> 1] ?? NaN;
  const after = longTasks.filter((e) => e.startTime >= start);
  return {
    steps,
    frames: intervals.length,
    medianFrameMs,
    dropped: intervals.filter((ms) => ms > 1.5 * medianFrameMs).length,
    longTasks: after.length,
    longestTaskMs: after.reduce((m, e) => Math.max(m, e.duration), 0),
    scrolledPx: Math.abs(from - scroller.scrollTop),
  };
}

/** Elements inside the element's shadow trees (document.querySelectorAll does not see them). */
export function countShadowNodes(host: Element): number {
  let n = 0;
  const visit = (root: ShadowRoot): void => {
    for (const el of root.querySelectorAll('*')) {
      n++;
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return n;
}

declare global {
  interface Window {
    ccPeer: PeerApi;
  }
}
