import type { ContactCenterEvent } from '../../src/core/events.js';
import { SessionDraftStore, draftKey } from '../../src/core/drafts/draft-store.js';
import { createInteractionStore, type InteractionStore, type InteractionStoreOptions } from '../../src/core/store/store.js';
import { createWorld, type World } from './world.js';

/** A world whose backend events are recorded, so that a page reload can be played. */
export interface ReloadableWorld extends World {
  /**
   * A new store on the same backend, as after reloading the page: a fresh store that
   * hears what the backend had said (replayed) and then follows it live. Disposed by
   * `disposeReloads()`.
   */
  reload(options?: InteractionStoreOptions): InteractionStore;
}

const reloaded: InteractionStore[] = [];

/** A world (see `createWorld`) that can play a page reload. */
export function reloadableWorld(options: Parameters<typeof createWorld>[0] = {}, storeOptions: InteractionStoreOptions = {}): ReloadableWorld {
  const world = createWorld(options, { store: storeOptions });
  const log: ContactCenterEvent[] = [];
  world.simulator.events$.subscribe((e) => log.push(e));
  return {
    ...world,
    reload(reloadOptions: InteractionStoreOptions = {}) {
      const store = createInteractionStore(world.simulator, { agent: world.simulator.agent, ...reloadOptions });
      for (const e of log) store.ingest(e);
      reloaded.push(store);
      return store;
    },
  };
}

/** Disposes the stores made by `reload()`. */
export function disposeReloads(): void {
  for (const store of reloaded.splice(0)) store.dispose();
}

/** What this tab's sessionStorage holds for the store's agent and an interaction. */
export function storedDraft(store: InteractionStore, interactionId: string): string | null {
  return sessionStorage.getItem(draftKey(store.state.agent.id, interactionId));
}

/** Every value in localStorage, joined: drafts must never be there. */
export function everythingInLocalStorage(): string {
  return Object.keys(localStorage)
    .map((k) => `${k}=${localStorage.getItem(k) ?? ''}`)
    .join('\n');
}

/** Forgets every draft this tab holds. */
export function clearSessionDrafts(): void {
  new SessionDraftStore().clear();
}
