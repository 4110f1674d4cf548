import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscription } from 'rxjs';
import type { InteractionStore } from '../../core/store/store.js';

/** What a {@link DraftFollower} needs from its pane. */
export interface DraftFollowerOptions {
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** The id of the interaction the pane shows. */
  readonly shown: () => string | undefined;
  /** The shown interaction's draft came back from storage after the pane first looked. */
  readonly restored?: () => void;
}

/**
 * Re-renders a pane when the store's draft of the interaction it shows changes, and
 * follows a new store: both conversation panes keep their drafts in `store.drafts`.
 */
export class DraftFollower implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: DraftFollowerOptions;
  #subscribed: InteractionStore | undefined;
  #subscription: Subscription | undefined;

  constructor(host: ReactiveControllerHost, options: DraftFollowerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#subscribed = undefined;
  }

  #follow(): void {
    const store = this.#options.store();
    if (store === this.#subscribed) return;
    this.#subscription?.unsubscribe();
    this.#subscribed = store;
    this.#subscription = store?.drafts.changes$.subscribe(({ interactionId, cause }) => {
      if (interactionId !== this.#options.shown()) return;
      if (cause === 'restored') this.#options.restored?.();
      this.#host.requestUpdate();
    });
  }
}
