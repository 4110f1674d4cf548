import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InteractionStore } from '../../core/store/store.js';
import { latestCustomerMessage } from '../../core/store/composing.js';
import { customerHasLeft } from '../../core/store/selectors.js';
import type { Interaction } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enComposing } from '../../locales/en-composing.js';

registerEnglish(enComposing);

/** Options of {@link SuggestedReplies}. */
export interface SuggestedRepliesOptions {
  readonly store: () => InteractionStore | undefined;
  /** The shown conversation. */
  readonly interaction: () => Interaction | undefined;
  /** Whether the composer takes text now (not while a template is in use). */
  readonly composing: () => boolean;
  /** Puts a reply into the composer for editing and focuses it; never sends. */
  readonly use: (interaction: Interaction, text: string) => void;
}

/**
 * Suggested replies above a chat or SMS composer (R-COMP-06): up to three buttons in a group
 * named **Suggested replies**, asked of the backend for the customer's latest message and
 * asked again when a newer one arrives. Shown only when the backend has the `suggestions`
 * capability and has suggestions; a failed request shows nothing (the store reports it on
 * `errors$`), so there is never a dead control.
 */
export class SuggestedReplies implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: SuggestedRepliesOptions;
  /** The interaction and customer message the replies answer. */
  #key: string | undefined;
  #replies: readonly string[] = [];

  constructor(host: ReactiveControllerHost, options: SuggestedRepliesOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Before each render: asks for replies when the customer's latest message changed. */
  hostUpdate(): void {
    const store = this.#options.store();
    const i = this.#options.interaction();
    const message = i && this.#open(store, i) ? latestCustomerMessage(i) : undefined;
    const key = i && message ? `${i.id}\n${message.id}` : undefined;
    if (key === this.#key) return;
    this.#key = key;
    this.#replies = [];
    if (!store || !i || key === undefined) return;
    store.suggestReplies(i.id).then(
      (replies) => {
        if (this.#key !== key) return;
        this.#replies = replies;
        this.#host.requestUpdate();
      },
      // Reported on the store's errors$: the pane just shows no suggestions.
      () => undefined,
    );
  }

  #open(store: InteractionStore | undefined, i: Interaction): boolean {
    return store !== undefined && store.supports('suggestions') && (i.status === 'active' || i.status === 'conference') && !customerHasLeft(i);
  }

  /** Whether the group shows now (the pane makes room for it). */
  get showing(): boolean {
    const i = this.#options.interaction();
    return i !== undefined && this.#replies.length > 0 && this.#key?.startsWith(`${i.id}\n`) === true && this.#options.composing();
  }

  /** The group of suggestion buttons, or nothing when there are none to show. */
  render(): TemplateResult | typeof nothing {
    const i = this.#options.interaction();
    if (!i || !this.showing) return nothing;
    return html`<div class="suggestions" part="suggestions" role="group" aria-labelledby="suggestions-label">
      <span class="suggestions-label" id="suggestions-label">${t('suggestions.label')}</span>
      ${this.#replies.map((text) => html`<button type="button" class="suggestion" part="suggestion" dir="auto" title=${text} @click=${() => this.#options.use(i, text)}>${text}</button>`)}
    </div>`;
  }
}

/** Styles of {@link SuggestedReplies}, for the panes that show it. */
export const suggestedRepliesStyles = css`
  /* One row that scrolls sideways: in a short pane the proposals never push the composer out of view. */
  .suggestions {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: calc(var(--_cc-space) / 2);
    margin-block-end: calc(var(--_cc-space) / 2);
    grid-column: 1 / -1;
    min-width: 0;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .suggestions-label {
    flex: none;
    font-size: 0.8em;
    color: var(--_cc-text-muted);
  }
  .suggestion {
    flex: none;
    max-inline-size: 18em;
    min-height: 32px;
    padding-block: 4px;
    padding-inline: calc(var(--_cc-space) * 0.75);
    border: 1px solid var(--_cc-field-border);
    border-radius: 16px;
    background: var(--_cc-surface);
    color: var(--_cc-text);
    font: inherit;
    font-size: 0.9em;
    text-align: start;
    /* The whole text is the button's name and its tooltip; the chip shows what fits. */
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  .suggestion:hover {
    background: var(--_cc-surface-alt);
  }
  .suggestion:focus-visible {
    outline: 2px solid var(--_cc-focus);
    outline-offset: -2px;
  }
`;
