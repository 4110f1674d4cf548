import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import { registerLocale, setLocale } from '../../src/controllers/localize.js';
import { createInteractionStore, type InteractionStore, type InteractionStoreOptions } from '../../src/core/store/store.js';
import type { CcState } from '../../src/core/store/state.js';
import { zhCN } from '../../src/locales/zh-CN.js';

/** A real simulated contact center and a real store on top of it, torn down by `dispose()`. */
export interface World<S extends SimulatedContactCenter = SimulatedContactCenter> {
  readonly simulator: S;
  readonly store: InteractionStore;
  dispose(): void;
}

/** What a world varies beside the simulator's options. */
export interface WorldSetup<S extends SimulatedContactCenter = SimulatedContactCenter> {
  /** Makes the simulator from the quiet defaults and the test's options: a subclass that records or fails, say. */
  readonly simulator?: (options: SimulatedContactCenterOptions) => S;
  /** The store's options beside the agent (auto wrap-up policies, say). */
  readonly store?: Omit<InteractionStoreOptions, 'agent'>;
}

const worlds: World[] = [];
let worldCount = 0;

// Tests switch locales synchronously, as a page that imported the package root does.
registerLocale('zh-CN', zhCN);

/**
 * Creates a quiet, fast world: no random traffic, no latency, a fixed seed. `setup` picks
 * the simulator's class and the store's options; {@link disposeWorlds} tears it down.
 */
export function createWorld<S extends SimulatedContactCenter>(
  options: SimulatedContactCenterOptions,
  setup: WorldSetup<S> & { readonly simulator: (options: SimulatedContactCenterOptions) => S },
): World<S>;
export function createWorld(options?: SimulatedContactCenterOptions, setup?: WorldSetup): World;
export function createWorld(options: SimulatedContactCenterOptions = {}, setup: WorldSetup = {}): World {
  // Ids unique to this world: drafts are kept by interaction id, and a test file's worlds share its tab's sessionStorage.
  const idTag = `w${(++worldCount).toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const make = setup.simulator ?? ((o: SimulatedContactCenterOptions) => new SimulatedContactCenter(o));
  const simulator = make({ autoplay: false, latencyMs: 0, seed: 7, idTag, ...options });
  const store = createInteractionStore(simulator, { ...setup.store, agent: simulator.agent });
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

/** `root` and every shadow root below it. */
function shadowRoots(root: ShadowRoot, out: ShadowRoot[] = []): ShadowRoot[] {
  out.push(root);
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) shadowRoots(el.shadowRoot, out);
  return out;
}

/**
 * Resolves once nothing in `host`'s shadow trees has changed for `quietPolls` polls of
 * 10 ms. For checks that read the DOM over several tasks, such as axe: a pane still
 * filling in from the backend (From's mailboxes, an email frame's title) must not change
 * under them. Rejects if the element keeps changing for `timeoutMs / 10` polls.
 */
export async function untilSettled(host: Element, what = 'the element to settle', quietPolls = 10, timeoutMs = 3000): Promise<void> {
  let changes = 0;
  const observer = new MutationObserver(() => changes++);
  const observed = new Set<ShadowRoot>();
  const observeAll = (): void => {
    for (const root of host.shadowRoot ? shadowRoots(host.shadowRoot) : []) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  };
  try {
    observeAll();
    let quiet = 0;
    for (let polls = Math.ceil(timeoutMs / 10); quiet < quietPolls; polls--) {
      if (polls <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
      changes += observer.takeRecords().length;
      if (changes === 0) quiet++;
      else {
        quiet = 0;
        changes = 0;
        observeAll();
      }
    }
  } finally {
    observer.disconnect();
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
