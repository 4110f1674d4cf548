import { emptyDraft, type EmailDraft } from '../../src/components/cc-email-widget/email-draft.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { SessionDraftStore, draftKey } from '../../src/core/drafts/draft-store.js';
import { createInteractionStore, type InteractionStore, type InteractionStoreOptions } from '../../src/core/store/store.js';
import { createWorld, untilState, type World } from './world.js';

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

/**
 * An accepted email conversation whose reply draft (`fields` over an empty one) waits in
 * session storage, as a reload finds it; the returned store is the reloaded one, for the pane.
 */
export async function emailWithSavedDraft(fields: Partial<EmailDraft>): Promise<{ readonly world: ReloadableWorld; readonly id: string; readonly store: InteractionStore }> {
  const world = reloadableWorld();
  const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Refund', text: 'Where is my refund?' } });
  await untilState(world.store, (s) => (s.interactions[id]?.emails.length ?? 0) > 0, 'the offer');
  await world.store.accept(id);
  const answered = world.store.state.interactions[id]?.emails[0];
  if (!answered) throw new Error('no email');
  const draft: EmailDraft = { ...emptyDraft(answered), mode: 'reply', to: 'jane@customer.example', subject: 'Re: Refund', ...fields };
  sessionStorage.setItem(draftKey(world.store.state.agent.id, id), JSON.stringify({ kind: 'email', draft }));
  return { world, id, store: world.reload() };
}
