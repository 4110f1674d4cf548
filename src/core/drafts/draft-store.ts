/**
 * Where drafts are kept between page loads: the {@link DraftStore} hosts can supply, and
 * the default one, which keeps them in this tab's `sessionStorage`.
 * @packageDocumentation
 */

/** A value now or later: {@link DraftStore} methods may be synchronous or asynchronous. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Storage for unsent drafts, keyed by strings the store builds (see {@link draftKey}).
 * Pass one as `draftStore` in the store options to keep drafts somewhere other than
 * this tab's `sessionStorage`: across tabs, encrypted, or nowhere ({@link noDraftStore}).
 *
 * Every method may return a plain value or a Promise. Values are JSON text in which card
 * numbers are already masked. A method that throws or rejects loses nothing: the draft
 * stays in memory, and the failure is reported on `store.errors$` with the code
 * `draft-storage-failed`.
 */
export interface DraftStore {
  /** The value stored under `key`, or `undefined` (or `null`) when there is none. */
  get(key: string): MaybePromise<string | null | undefined>;
  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: string): MaybePromise<void>;
  /** Removes what is stored under `key`; nothing happens when there is nothing. */
  delete(key: string): MaybePromise<void>;
}

/** The start of every key under which a draft is stored. */
export const DRAFT_KEY_PREFIX = 'cc-digital-widgets:draft:v2:';

/**
 * The key of one agent's draft of one interaction:
 * `cc-digital-widgets:draft:v2:<agent id>:<interaction id>`, both ids URI-encoded so that
 * neither can reach into the other's part.
 */
export function draftKey(agentId: string, interactionId: string): string {
  return `${DRAFT_KEY_PREFIX}${encodeURIComponent(agentId)}:${encodeURIComponent(interactionId)}`;
}

// Opening the tab's sessionStorage costs 10–25 ms on a fresh page: it is opened when the browser
// is first idle after this module loads, so the first conversation shown does not wait for it.
if (typeof window !== 'undefined' && typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    try {
      void window.sessionStorage.length;
    } catch {
      // No sessionStorage here (sandboxed frame, storage disabled): the draft store says so when used.
    }
  });
}

/**
 * The default {@link DraftStore}: this tab's `sessionStorage`. A draft survives a reload
 * of the tab and is gone once the tab is closed; other tabs and windows never see it.
 */
export class SessionDraftStore implements DraftStore {
  readonly #storage: () => Storage;

  /** `storage` is for tests; by default `window.sessionStorage`, looked up on each use. */
  constructor(storage: () => Storage = () => window.sessionStorage) {
    this.#storage = storage;
  }

  get(key: string): string | null {
    return this.#storage().getItem(key);
  }

  set(key: string, value: string): void {
    this.#storage().setItem(key, value);
  }

  delete(key: string): void {
    this.#storage().removeItem(key);
  }

  /**
   * Removes every draft this tab holds, of every agent (or only of `agentId`): for a
   * host that signs an agent out without closing the tab.
   */
  clear(agentId?: string): void {
    const storage = this.#storage();
    const prefix = agentId === undefined ? DRAFT_KEY_PREFIX : `${DRAFT_KEY_PREFIX}${encodeURIComponent(agentId)}:`;
    const keys: string[] = [];
    for (let k = 0; k < storage.length; k++) {
      const name = storage.key(k);
      if (name?.startsWith(prefix)) keys.push(name);
    }
    for (const name of keys) storage.removeItem(name);
  }
}

/** A {@link DraftStore} that keeps nothing: drafts then live in memory only and a reload loses them. */
export const noDraftStore: DraftStore = Object.freeze({
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
});

/** Keys under which earlier versions kept drafts in `localStorage`, in plain text. */
const LEGACY_KEY = /^cc-digital-widgets:[a-z]+-draft:/;

/**
 * Removes drafts that earlier versions left in `localStorage` (readable by anyone at this
 * browser, for days). Storage the page may not use is left alone.
 */
export function removeLegacyDrafts(): void {
  // When the browser is next idle (within a second), not in the way of a first render: opening
  // localStorage costs 5–20 ms on a fresh page. Stores made together share one sweep.
  if (legacyCleanupQueued) return;
  legacyCleanupQueued = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(removeLegacyDraftsNow, { timeout: 1000 });
  else setTimeout(removeLegacyDraftsNow, 0);
}

let legacyCleanupQueued = false;

function removeLegacyDraftsNow(): void {
  legacyCleanupQueued = false;
  try {
    const storage = window.localStorage;
    const keys: string[] = [];
    for (let k = 0; k < storage.length; k++) {
      const name = storage.key(k);
      if (name !== null && LEGACY_KEY.test(name)) keys.push(name);
    }
    for (const name of keys) storage.removeItem(name);
  } catch {
    // No access to localStorage (sandboxed frame, storage disabled): nothing of ours can be there to remove.
  }
}
