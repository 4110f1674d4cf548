import { draftStorage } from '../../core/draft-storage.js';
import { isEmptyDraft, parseDraft, type EmailDraft } from './email-draft.js';

/** Prefix of the `localStorage` keys that hold email drafts, one key per interaction. */
export const DRAFT_KEY_PREFIX = 'cc-digital-widgets:email-draft:v1:';

const drafts = draftStorage<EmailDraft>(DRAFT_KEY_PREFIX, parseDraft);

/** The `localStorage` key of an interaction's draft. */
export function draftKey(interactionId: string): string {
  return drafts.key(interactionId);
}

/** The stored draft of an interaction, or `undefined` when there is none or it is corrupt or expired. */
export function loadDraft(interactionId: string, now: number = Date.now()): EmailDraft | undefined {
  return drafts.load(interactionId, now);
}

/** Stores a draft; an empty draft removes the key. */
export function saveDraft(interactionId: string, draft: EmailDraft, now: number = Date.now()): void {
  drafts.save(interactionId, draft, isEmptyDraft(draft), now);
}

/** Removes an interaction's stored draft. */
export function removeDraft(interactionId: string): void {
  drafts.remove(interactionId);
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
      drafts.prune();
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
