import type { ReactiveElement } from 'lit';
import { errorMessage } from '../core/format.js';
import type { InteractionStore } from '../core/store/store.js';
import type { Interaction } from '../core/types.js';

/**
 * Accepting offers from an element (contact request, task list): calls the store, tells
 * the element once the store took the offer, and keeps the adapter's refusal per offer so the
 * element can show it.
 */
export class AcceptController {
  readonly #host: ReactiveElement;
  readonly #accepted: (i: Interaction) => void;
  #errors: Readonly<Record<string, string>> = {};

  /** `accepted` fires the host's `cc-accept` once the store took an offer. */
  constructor(host: ReactiveElement, accepted: (i: Interaction) => void) {
    this.#host = host;
    this.#accepted = accepted;
  }

  /** Why accepting this offer failed, if it did. */
  error(interactionId: string): string | undefined {
    return this.#errors[interactionId];
  }

  /** Accepts the offer (R-OFFER-05); a refusal is kept for {@link error} and the offer stays. */
  async accept(store: InteractionStore | undefined, i: Interaction): Promise<void> {
    if (!store) return;
    this.#set(i.id, undefined);
    try {
      await store.accept(i.id);
    } catch (e) {
      this.#set(i.id, errorMessage(e));
      return;
    }
    this.#accepted(i);
  }

  #set(id: string, error: string | undefined): void {
    const { [id]: _previous, ...rest } = this.#errors;
    this.#errors = error === undefined ? rest : { ...rest, [id]: error };
    this.#host.requestUpdate();
  }
}
