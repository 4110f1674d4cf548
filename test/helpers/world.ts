import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import { registerLocale, setLocale } from '../../src/controllers/localize.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { CcState } from '../../src/core/store/state.js';
import { zhCN } from '../../src/locales/zh-CN.js';

/** A real simulated contact center and a real store on top of it, torn down by `dispose()`. */
export interface World {
  readonly simulator: SimulatedContactCenter;
  readonly store: InteractionStore;
  dispose(): void;
}

const worlds: World[] = [];
let worldCount = 0;

// Tests switch locales synchronously, as a page that imported the package root does.
registerLocale('zh-CN', zhCN);

/** Creates a quiet, fast world: no random traffic, no latency, a fixed seed. */
export function createWorld(options: SimulatedContactCenterOptions = {}): World {
  // Ids unique to this world: drafts are kept by interaction id, and a test file's worlds share its tab's sessionStorage.
  const idTag = `w${(++worldCount).toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const simulator = new SimulatedContactCenter({ autoplay: false, latencyMs: 0, seed: 7, idTag, ...options });
  const store = createInteractionStore(simulator, { agent: simulator.agent });
  const world: World = {
    simulator,
    store,
    dispose() {
      store.dispose();
      simulator.dispose();
    },
  };
  worlds.push(world);
  return world;
}

/** Disposes every world made by the current test and resets the locale. */
export function disposeWorlds(): void {
  for (const w of worlds.splice(0)) w.dispose();
  setLocale('en');
}

/**
 * Resolves once `predicate` holds, polling every 10 ms; rejects after `timeoutMs / 10`
 * polls. A hang guard counted in polls, not a stopwatch: on a busy machine the polls
 * only come later. (Timers, not animation frames: a test page in the background gets no frames.)
 */
export async function until(predicate: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  for (let polls = Math.ceil(timeoutMs / 10); !predicate(); polls--) {
    if (polls <= 0) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the store's state satisfies `predicate`. */
export function untilState(store: InteractionStore, predicate: (s: CcState) => boolean, what = 'state'): Promise<void> {
  return until(() => predicate(store.state), what);
}

/** All elements in `root`'s shadow tree matching `selector`. */
export function shadowAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The one element in `root`'s shadow tree matching `selector`; throws if absent. */
export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const el = host.shadowRoot?.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in <${host.localName}>`);
  return el;
}

/** A button in the host's shadow tree by its accessible text. */
export function button(host: Element, name: string): HTMLButtonElement {
  const found = shadowAll<HTMLButtonElement>(host, 'button').find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
  if (!found) throw new Error(`no button named "${name}" in <${host.localName}>`);
  return found;
}
