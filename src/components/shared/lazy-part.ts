import { supportsAdoptingStyleSheets, type CSSResult, type ReactiveElement } from 'lit';
import { errorMessage } from '../../core/format.js';
import { whenIdle } from './lazy.js';

/** What a lazily loaded part gives its pane: the part itself and the styles it needs in the pane's shadow root. */
export interface LoadedPart<T> {
  readonly value: T;
  readonly styles: readonly CSSResult[];
}

/**
 * A part of a pane (a controller with its templates) whose code loads on first need, so
 * that what a pane loads before its first message shows stays small. `load()` fetches the
 * module once per pane and gives the pane's shadow root the part's styles; until then
 * {@link value} is `undefined` and the pane renders the part's light stand-in (or nothing).
 * A failed load (a flaky network) is reported to the caller and tried again on the next
 * `load()`.
 */
export class LazyPart<T> {
  readonly #host: ReactiveElement;
  readonly #load: () => Promise<LoadedPart<T>>;
  #value: T | undefined;
  #loading: Promise<T> | undefined;
  #preloading = false;
  #error = '';

  constructor(host: ReactiveElement, load: () => Promise<LoadedPart<T>>) {
    this.#host = host;
    this.#load = load;
  }

  /** The part, once loaded. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Loads the part (once), adds its styles to the host's shadow root and re-renders the host. */
  load(): Promise<T> {
    return this.#fetch().then((value) => {
      this.#host.requestUpdate();
      return value;
    });
  }

  /** Why the last load the agent asked for through {@link use} failed; empty when it did not. */
  get error(): string {
    return this.#error;
  }

  /**
   * Loads the part (at once), then does what the agent asked for with it; a failed load is
   * kept in {@link error} for the pane to show where the part would be, until the next try.
   */
  use(action: (part: T) => void): void {
    this.load().then(
      (part) => {
        this.#error = '';
        action(part);
      },
      (e: unknown) => {
        this.#error = errorMessage(e);
        this.#host.requestUpdate();
      },
    );
  }

  /** Forgets a failed load's reason (the agent moved on) and re-renders the host when there was one. */
  clearError(): void {
    if (!this.#error) return;
    this.#error = '';
    this.#host.requestUpdate();
  }

  /**
   * Loads the part when the browser is next idle (or at once, when the agent is about to
   * need it), so that it is there by the time the agent reaches for it. Nothing shows it
   * yet, so the host is not re-rendered for it; a failure is left for the agent's own
   * request to report.
   */
  preload(when: 'idle' | 'now' = 'idle'): void {
    if (this.#value !== undefined) return;
    if (when === 'now') {
      this.#fetch().catch(() => undefined);
      return;
    }
    if (this.#preloading) return;
    this.#preloading = true;
    whenIdle(() => void this.#fetch().catch(() => (this.#preloading = false)));
  }

  #fetch(): Promise<T> {
    this.#loading ??= this.#load().then(
      ({ value, styles }) => {
        adoptMore(this.#host, styles);
        this.#value = value;
        return value;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}

/** Sheets already added to each shadow root (two parts may bring the same one). */
const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds `styles` after the host's own in its shadow root: constructable stylesheets where
 * the browser adopts them (no `<style>` element, so nothing for a strict CSP to refuse),
 * else `<style>` elements with the page's Lit nonce, as Lit does for the host's own.
 */
function adoptMore(host: ReactiveElement, styles: readonly CSSResult[]): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  const done = adopted.get(root) ?? new Set<CSSResult>();
  adopted.set(root, done);
  const fresh = styles.filter((s) => !done.has(s));
  for (const s of fresh) done.add(s);
  if (fresh.length === 0) return;
  if (supportsAdoptingStyleSheets) {
    const present = new Set(root.adoptedStyleSheets);
    const sheets = fresh.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => s !== undefined && !present.has(s));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    return;
  }
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  for (const s of fresh) {
    const style = document.createElement('style');
    if (nonce !== undefined) style.setAttribute('nonce', nonce);
    style.textContent = s.cssText;
    root.appendChild(style);
  }
}
