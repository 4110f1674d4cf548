/**
 * The standard reply's **From**: the mailboxes of the interaction's queue that a reply
 * may go out from, loaded from the backend's queue list the first time a pane needs them.
 * @packageDocumentation
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InteractionStore } from '../../core/store/store.js';
import type { EmailMessage, Interaction, Queue } from '../../core/types.js';
import { t } from '../../controllers/localize.js';

/** The From choices of a reply: the default (the mailbox the answered email was sent to) first. */
export interface FromChoices {
  readonly fallback: string | undefined;
  readonly mailboxes: readonly string[];
}

/** The choices for answering `answered` in a queue offering `queueMailboxes`, each once (case-insensitively). */
export function fromChoices(answered: Pick<EmailMessage, 'to'> | undefined, queueMailboxes: readonly string[]): FromChoices {
  const fallback = answered?.to[0];
  const seen = new Set<string>();
  const mailboxes: string[] = [];
  for (const m of [...(fallback ? [fallback] : []), ...queueMailboxes]) {
    const key = m.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    mailboxes.push(m.trim());
  }
  return { fallback, mailboxes };
}

/**
 * The email queues of the pane's store, asked once per store: a backend that cannot list
 * them leaves From with the default mailbox only.
 */
export class EmailMailboxes {
  readonly #host: ReactiveControllerHost;
  readonly #store: () => InteractionStore | undefined;
  #asked: InteractionStore | undefined;
  #queues: readonly Queue[] = [];

  constructor(host: ReactiveControllerHost, store: () => InteractionStore | undefined) {
    this.#host = host;
    this.#store = store;
  }

  /** The From choices of a reply in `i` answering `answered`. */
  choices(i: Pick<Interaction, 'queue'>, answered: Pick<EmailMessage, 'to'> | undefined): FromChoices {
    this.#load();
    return fromChoices(answered, this.#queues.find((q) => q.id === i.queue.id)?.mailboxes ?? []);
  }

  #load(): void {
    const store = this.#store();
    if (!store || store === this.#asked) return;
    this.#asked = store;
    this.#queues = [];
    store.listQueues('email').then(
      (queues) => {
        if (this.#asked !== store) return;
        this.#queues = queues;
        this.#host.requestUpdate();
      },
      // The store reports the failure; From keeps the default mailbox.
      () => undefined,
    );
  }
}

/** The From field: a select of the choices, showing `chosen` (empty: the default). `change` gets `''` for the default. */
export function fromField(choices: FromChoices, chosen: string, change: (mailbox: string) => void): TemplateResult | typeof nothing {
  if (choices.mailboxes.length === 0) return nothing;
  const value = chosen || choices.fallback || choices.mailboxes[0];
  return html`<div class="field">
    <label for="from">${t('email.from')}</label>
    <select
      id="from"
      part="from"
      @change=${(e: Event) => {
        const picked = (e.target as HTMLSelectElement).value;
        change(picked === choices.fallback ? '' : picked);
      }}
    >
      ${choices.mailboxes.map((m) => html`<option value=${m} ?selected=${m === value}>${m}</option>`)}
    </select>
  </div>`;
}
