import { isEmptyDraft, parseDraft, type EmailDraft } from './email-draft.js';

/** Prefix of the `localStorage` keys that hold email drafts, one key per interaction. */
export const DRAFT_KEY_PREFIX = 'cc-digital-widgets:email-draft:v1:';

/** Drafts untouched this long are dropped when the page loads: their interactions are long gone. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** The `localStorage` key of an interaction's draft. */
export function draftKey(interactionId: string): string {
  return `${DRAFT_KEY_PREFIX}${interactionId}`;
}

interface StoredDraft {
  readonly savedAt: number;
  readonly draft: EmailDraft;
}

/** `localStorage`, or `undefined` where the page may not use it (sandboxed frames, storage disabled). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function read(key: string): StoredDraft | undefined {
  const s = storage();
  let raw: string | null;
  try {
    raw = s?.getItem(key) ?? null;
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
  const savedAt = typeof value === 'object' && value !== null && 'savedAt' in value ? value.savedAt : undefined;
  const draft = typeof value === 'object' && value !== null && 'draft' in value ? parseDraft(value.draft) : undefined;
  if (typeof savedAt !== 'number' || !draft) {
    // Corrupt or from an incompatible version: ignored, and removed so it is not read again.
    remove(key);
    return undefined;
  }
  return { savedAt, draft };
}

function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Storage that cannot be written cannot hold a stale draft either.
  }
}

/** The stored draft of an interaction, or `undefined` when there is none or it is corrupt or expired. */
export function loadDraft(interactionId: string, now: number = Date.now()): EmailDraft | undefined {
  const stored = read(draftKey(interactionId));
  if (!stored) return undefined;
  if (now - stored.savedAt > DRAFT_MAX_AGE_MS) {
    remove(draftKey(interactionId));
    return undefined;
  }
  return stored.draft;
}

/** Stores a draft; an empty draft removes the key. Storage errors (quota, disabled) are ignored: the draft stays in memory. */
export function saveDraft(interactionId: string, draft: EmailDraft, now: number = Date.now()): void {
  if (isEmptyDraft(draft)) {
    remove(draftKey(interactionId));
    return;
  }
  try {
    storage()?.setItem(draftKey(interactionId), JSON.stringify({ savedAt: now, draft } satisfies StoredDraft));
  } catch {
    // Quota exceeded or storage disabled: the in-memory copy still survives switching interactions.
  }
}

/** Removes an interaction's stored draft. */
export function removeDraft(interactionId: string): void {
  remove(draftKey(interactionId));
}

/** Removes expired and corrupt drafts. */
export function pruneDrafts(now: number = Date.now()): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  try {
    for (let k = 0; k < s.length; k++) {
      const key = s.key(k);
      if (key?.startsWith(DRAFT_KEY_PREFIX)) keys.push(key);
    }
  } catch {
    return;
  }
  for (const key of keys) {
    const stored = read(key);
    if (stored && now - stored.savedAt > DRAFT_MAX_AGE_MS) remove(key);
  }
}

let pruned = false;

/**
 * Drafts by interaction id: kept in memory and mirrored to `localStorage`, so they
 * survive switching interactions and reloading the page (R-X-04).
 */
export class EmailDrafts {
  readonly #memory = new Map<string, EmailDraft | null>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
    if (!pruned) {
      pruned = true;
      pruneDrafts();
    }
  }

  /** The draft of an interaction, from memory or else from storage. */
  get(interactionId: string): EmailDraft | undefined {
    let draft = this.#memory.get(interactionId);
    if (draft === undefined) {
      draft = loadDraft(interactionId) ?? null;
      this.#memory.set(interactionId, draft);
    }
    return draft ?? undefined;
  }

  /** Replaces an interaction's draft (an empty one is removed). */
  set(interactionId: string, draft: EmailDraft): void {
    this.#memory.set(interactionId, isEmptyDraft(draft) ? null : draft);
    saveDraft(interactionId, draft);
    this.#changed();
  }

  /** Drops an interaction's draft: after a successful send, or once the interaction has ended. */
  clear(interactionId: string): void {
    this.#memory.set(interactionId, null);
    removeDraft(interactionId);
    this.#changed();
  }
}
