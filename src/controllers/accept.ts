import type { ReactiveElement } from 'lit';
import type { InteractionStore } from '../core/store/store.js';
import type { Channel, Interaction } from '../core/types.js';

/** Detail of `cc-accept`. */
export interface CcAcceptDetail {
  readonly interactionId: string;
  readonly channel: Channel;
}

/**
 * Accepting offers from an element (contact request, task list): fires `cc-accept`,
 * calls the store, and keeps the adapter's refusal per offer so the element can show it.
 */
export class AcceptController {
  readonly #host: ReactiveElement;
  #errors: Readonly<Record<string, string>> = {};

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** Why accepting this offer failed, if it did. */
  error(interactionId: string): string | undefined {
    return this.#errors[interactionId];
  }

  /** Accepts the offer (R-OFFER-05); a refusal is kept for {@link error} and the offer stays. */
  async accept(store: InteractionStore | undefined, i: Interaction): Promise<void> {
    if (!store) return;
    this.#set(i.id, undefined);
    this.#host.dispatchEvent(
      new CustomEvent<CcAcceptDetail>('cc-accept', { detail: { interactionId: i.id, channel: i.channel }, bubbles: true, composed: true }),
    );
    try {
      await store.accept(i.id);
    } catch (e) {
      this.#set(i.id, e instanceof Error ? e.message : String(e));
    }
  }

  #set(id: string, error: string | undefined): void {
    const { [id]: _previous, ...rest } = this.#errors;
    this.#errors = error === undefined ? rest : { ...rest, [id]: error };
    this.#host.requestUpdate();
  }
}

declare global {
  interface HTMLElementEventMap {
    'cc-accept': CustomEvent<CcAcceptDetail>;
  }
}
