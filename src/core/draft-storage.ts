/** Drafts untouched this long are dropped: their interactions are long gone. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

interface StoredDraft {
  readonly savedAt: number;
  readonly draft: unknown;
}

/** `localStorage`, or `undefined` where the page may not use it (sandboxed frames, storage disabled). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Storage that cannot be written cannot hold a stale draft either.
  }
}

/** Unsent work per interaction, mirrored to `localStorage` so it survives a reload (R-X-04). */
export interface DraftStorage<T> {
  /** The `localStorage` key of an interaction's draft. */
  key(interactionId: string): string;
  /** The stored draft, or `undefined` when there is none or it is corrupt or expired (both are removed). */
  load(interactionId: string, now?: number): T | undefined;
  /** Stores a draft; `empty` removes the key instead. Storage errors (quota, disabled) are ignored. */
  save(interactionId: string, draft: T, empty: boolean, now?: number): void;
  /** Removes an interaction's draft. */
  remove(interactionId: string): void;
  /** Removes every expired or corrupt draft of this kind. */
  prune(now?: number): void;
}

/**
 * Draft storage under `prefix` + interaction id, each entry `{ savedAt, draft }` as JSON.
 * `parse` validates what is read back: anything it rejects (corrupt, from another
 * version) is ignored and removed, never trusted.
 */
export function draftStorage<T>(prefix: string, parse: (value: unknown) => T | undefined, maxAgeMs = DRAFT_MAX_AGE_MS): DraftStorage<T> {
  const key = (interactionId: string): string => `${prefix}${interactionId}`;
  const read = (k: string): { savedAt: number; draft: T } | undefined => {
    let raw: string | null;
    try {
      raw = storage()?.getItem(k) ?? null;
    } catch {
      return undefined;
    }
    if (raw === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    const stored = typeof value === 'object' && value !== null ? (value as Partial<StoredDraft>) : undefined;
    const draft = stored && 'draft' in stored ? parse(stored.draft) : undefined;
    if (typeof stored?.savedAt !== 'number' || draft === undefined) {
      remove(k);
      return undefined;
    }
    return { savedAt: stored.savedAt, draft };
  };
  return {
    key,
    load(interactionId, now = Date.now()) {
      const stored = read(key(interactionId));
      if (!stored) return undefined;
      if (now - stored.savedAt > maxAgeMs) {
        remove(key(interactionId));
        return undefined;
      }
      return stored.draft;
    },
    save(interactionId, draft, empty, now = Date.now()) {
      if (empty) {
        remove(key(interactionId));
        return;
      }
      try {
        storage()?.setItem(key(interactionId), JSON.stringify({ savedAt: now, draft } satisfies StoredDraft));
      } catch {
        // Quota exceeded or storage disabled: the in-memory copy still survives switching interactions.
      }
    },
    remove(interactionId) {
      remove(key(interactionId));
    },
    prune(now = Date.now()) {
      const s = storage();
      if (!s) return;
      const keys: string[] = [];
      try {
        for (let k = 0; k < s.length; k++) {
          const name = s.key(k);
          if (name?.startsWith(prefix)) keys.push(name);
        }
      } catch {
        return;
      }
      for (const k of keys) {
        const stored = read(k);
        if (stored && now - stored.savedAt > maxAgeMs) remove(k);
      }
    },
  };
}
