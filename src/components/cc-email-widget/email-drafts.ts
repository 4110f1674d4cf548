import type { ReactiveControllerHost } from 'lit';
import type { DraftKind } from '../../core/drafts/draft-book.js';
import type { InteractionStore } from '../../core/store/store.js';
import { DraftFollower } from '../shared/draft-follower.js';
import { isEmptyDraft, parseDraft, type EmailDraft } from './email-draft.js';

/** Email drafts in the store's {@link InteractionStore.drafts}: an empty draft is not stored. */
export const EMAIL_DRAFT: DraftKind<EmailDraft> = {
  name: 'email',
  parse: parseDraft,
  stored: (draft) => (isEmptyDraft(draft) ? undefined : draft),
};

/** What an {@link EmailDrafts} needs from its pane. */
export interface EmailDraftsOptions {
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** The id of the interaction the pane shows. */
  readonly shown: () => string | undefined;
  /** A draft of the shown interaction came back from storage after the pane first looked: load it into the editor. */
  readonly restored: () => void;
}

/**
 * The email pane's view of the store's drafts (R-X-04): they survive switching
 * interactions, a new pane and a reload, and go once the interaction ends. Re-renders the
 * host when the shown interaction's draft changes.
 */
export class EmailDrafts {
  readonly #host: ReactiveControllerHost;
  readonly #options: EmailDraftsOptions;

  constructor(host: ReactiveControllerHost, options: EmailDraftsOptions) {
    this.#host = host;
    this.#options = options;
    new DraftFollower(host, options);
  }

  /** The draft of an interaction. */
  get(interactionId: string): EmailDraft | undefined {
    return this.#options.store()?.drafts.get(EMAIL_DRAFT, interactionId);
  }

  /** Replaces an interaction's draft (an empty one is deleted). */
  set(interactionId: string, draft: EmailDraft): void {
    const drafts = this.#options.store()?.drafts;
    if (isEmptyDraft(draft)) drafts?.delete(interactionId);
    else drafts?.set(EMAIL_DRAFT, interactionId, draft);
    this.#host.requestUpdate();
  }

  /** Drops an interaction's draft: it was sent or discarded. */
  clear(interactionId: string): void {
    this.#options.store()?.drafts.delete(interactionId);
    this.#host.requestUpdate();
  }

  /** True once a card number was masked in the stored copy of this interaction's draft. */
  masked(interactionId: string): boolean {
    return this.#options.store()?.drafts.masked(interactionId) ?? false;
  }
}
