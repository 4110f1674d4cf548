import { ifDefined } from 'lit/directives/if-defined.js';
import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CHAT_MESSAGE_MAX_LENGTH } from '../../core/channels.js';
import { errorMessage as reason } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { ChatMessage, Consult, Interaction } from '../../core/types.js';
import type { CcConsultDetail } from '../../element-events.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enConsult } from '../../locales/en-consult.js';
import { typedDirection } from './text-direction.js';

registerEnglish(enConsult);

/** Options of a {@link ConsultPanel}. */
export interface ConsultPanelOptions {
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** Where focus goes once the consult is cancelled and the panel goes away (the customer composer). */
  readonly focusAfter?: () => void;
  /** The store completed or cancelled the consult: the pane tells the page (`cc-consult`). */
  readonly reported?: (detail: CcConsultDetail) => void;
  /**
   * Where an interaction's consult stood when the pane last rendered before this panel
   * existed (its code loads on first need): the agent joining while it loaded still
   * moves focus to the textbox.
   */
  readonly seenBefore?: (interactionId: string) => Consult['state'] | undefined;
}

/**
 * The consult (warm transfer) thread inside a chat or SMS pane (R-CTX-06): a region marked
 * internal — the customer never sees it — with the private messages (the consulted agent's
 * and this agent's, with their delivery state), a textbox **Consult message** that sends on
 * Enter or **Send**, and **Complete transfer** / **Cancel consult**. While the other agent has
 * not answered: "Waiting for …" and **Cancel consult**. A consult declined, unanswered,
 * failed or cancelled leaves a notice until dismissed or the next consult. Completed, it
 * shows nothing: the interaction is in wrap-up and the pane's wrap-up dialog takes over.
 *
 * Focus goes to the textbox when the other agent joins. The pane adds {@link consultStyles}
 * to its own when it loads this module (on first need); the messages are Lit text bindings,
 * never HTML.
 */
export class ConsultPanel implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #store: () => InteractionStore | undefined;
  readonly #focusAfter: (() => void) | undefined;
  readonly #reported: ((detail: CcConsultDetail) => void) | undefined;
  readonly #seenBefore: ((interactionId: string) => Consult['state'] | undefined) | undefined;
  /** Unsent text per interaction. */
  readonly #drafts = new Map<string, string>();
  /** Where each interaction's consult stood when last rendered, to notice it starting. */
  readonly #seen = new Map<string, Consult['state'] | undefined>();
  /** Ended consults whose notice the agent dismissed. */
  readonly #dismissed = new WeakSet<Consult>();
  #focusInput = false;
  /** Messages shown at the last render: a new one scrolls the thread to it. */
  #shownMessages = 0;
  #scrollThread = false;
  #busy = false;
  #error: { readonly id: string; readonly text: string } | undefined;

  constructor(host: ReactiveElement, options: ConsultPanelOptions) {
    this.#host = host;
    this.#store = options.store;
    this.#focusAfter = options.focusAfter;
    this.#reported = options.reported;
    this.#seenBefore = options.seenBefore;
    host.addController(this);
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot;
    if (this.#scrollThread) {
      this.#scrollThread = false;
      const thread = root.querySelector<HTMLElement>('[part~="consult-thread"]');
      if (thread) thread.scrollTop = thread.scrollHeight;
    }
    if (!this.#focusInput) return;
    this.#focusInput = false;
    root.querySelector<HTMLInputElement>('input[part~="consult-input"]')?.focus();
  }

  /** The panel for the shown interaction, or nothing when it has no consult to show. */
  render(i: Interaction): TemplateResult | typeof nothing {
    const consult = i.consult;
    const before = this.#seen.has(i.id) ? this.#seen.get(i.id) : this.#seenBefore?.(i.id);
    this.#seen.set(i.id, consult?.state);
    if (!consult) return nothing;
    if (consult.state === 'started' && before !== undefined && before !== 'started') this.#focusInput = true;
    if (consult.messages.length !== this.#shownMessages) this.#scrollThread = true;
    this.#shownMessages = consult.messages.length;
    const error = this.#error?.id === i.id ? html`<p class="error" part="consult-error" role="alert">${this.#error.text}</p>` : nothing;
    switch (consult.state) {
      case 'requested':
      case 'started':
        return this.#renderRunning(i, consult, error);
      case 'completed':
        return nothing;
      case 'declined':
      case 'failed':
      case 'cancelled':
        return this.#dismissed.has(consult) ? nothing : this.#renderEnded(i, consult);
    }
  }

  #renderRunning(i: Interaction, consult: Consult, error: TemplateResult | typeof nothing): TemplateResult {
    const name = consult.agent.name;
    const started = consult.state === 'started';
    const busy = this.#busy ? 'true' : 'false';
    return html`<section class="consult" part="consult" aria-label=${t('consult.region', { name })}>
      <p class="consult-internal" part="consult-internal">${t('consult.internal', { name })}</p>
      ${started
        ? html`<div class="consult-thread" part="consult-thread" role="log" tabindex="0" aria-label=${t('consult.thread', { name })}>
              ${consult.messages.map((m) => this.#renderMessage(m))}
            </div>
            ${this.#renderComposer(i)}`
        : html`<p class="muted" role="status">${t('consult.waiting', { name })}</p>`}
      <div class="consult-actions">
        ${started
          ? html`<button class="btn" part="consult-complete" aria-disabled=${busy} @click=${() => void this.#run(i, 'complete')}>
              ${t('consult.complete')}
            </button>`
          : nothing}
        <button class="btn secondary" part="consult-cancel" aria-disabled=${busy} @click=${() => void this.#run(i, 'cancel')}>
          ${t('consult.cancel')}
        </button>
      </div>
      ${error}
    </section>`;
  }

  #renderMessage(m: ChatMessage): TemplateResult {
    const own = m.author === 'agent';
    return html`<div class="consult-message ${own ? 'agent' : 'peer'}" part="consult-message">
      <span class="author">${own ? t('consult.you') : m.authorName}</span>
      <span class="consult-bubble" dir="auto">${m.text}</span>
      ${own && m.status === 'sending' ? html`<span class="meta">${t('consult.sending')}</span>` : nothing}
      ${own && m.status === 'sent' ? html`<span class="meta">${t('consult.sent')}</span>` : nothing}
      ${own && m.status === 'failed'
        ? html`<span class="meta failed">${t('consult.notSent', { reason: m.error || t('consult.noReason') })}</span>`
        : nothing}
    </div>`;
  }

  #renderComposer(i: Interaction): TemplateResult {
    const text = this.#drafts.get(i.id) ?? '';
    return html`<div class="consult-composer">
      <label class="visually-hidden" for="consult-input">${t('consult.message')}</label>
      <input
        id="consult-input"
        part="consult-input"
        type="text"
        dir=${ifDefined(typedDirection(text))}
        autocomplete="off"
        maxlength=${CHAT_MESSAGE_MAX_LENGTH}
        .value=${live(text)}
        @input=${(e: InputEvent) => this.#drafts.set(i.id, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
          e.preventDefault();
          this.#send(i);
        }}
      />
      <button class="btn" part="consult-send" aria-label=${t('consult.sendLabel')} @click=${() => this.#send(i)}>${t('consult.send')}</button>
    </div>`;
  }

  #renderEnded(i: Interaction, consult: Consult): TemplateResult {
    const name = consult.agent.name;
    const text =
      consult.state === 'declined'
        ? t(consult.reason === 'timeout' ? 'consult.timeout' : 'consult.declined', { name })
        : consult.state === 'failed'
          ? t('consult.failed', { name, reason: consult.error || t('consult.noReason') })
          : t('consult.cancelled', { name });
    return html`<p class="consult-notice ${consult.state === 'cancelled' ? 'muted' : 'warning'}" part="consult-notice">
      <span role="status">${text}</span>
      <button class="btn secondary" @click=${() => this.#dismiss(i, consult)}>${t('actions.dismiss')}</button>
    </p>`;
  }

  #dismiss(i: Interaction, consult: Consult): void {
    this.#dismissed.add(consult);
    if (this.#error?.id === i.id) this.#error = undefined;
    this.#host.requestUpdate();
    this.#focusAfter?.();
  }

  #send(i: Interaction): void {
    const store = this.#store();
    const text = (this.#drafts.get(i.id) ?? '').trim();
    if (!store || text === '' || i.consult?.state !== 'started') return;
    this.#drafts.delete(i.id);
    this.#host.requestUpdate();
    // A failure shows on the message itself ("Not sent: …"); the store keeps its text.
    void store.sendConsultMessage(i.id, text).catch(() => undefined);
  }

  async #run(i: Interaction, command: 'complete' | 'cancel'): Promise<void> {
    const store = this.#store();
    if (!store || this.#busy) return;
    this.#busy = true;
    this.#error = undefined;
    this.#host.requestUpdate();
    const agentId = i.consult?.agent.id ?? '';
    try {
      await (command === 'complete' ? store.completeConsultTransfer(i.id) : store.cancelConsult(i.id));
      this.#reported?.({ interactionId: i.id, agentId, step: command === 'complete' ? 'completed' : 'cancelled' });
      if (command === 'cancel') void this.#host.updateComplete.then(() => this.#focusAfter?.());
    } catch (e) {
      const key = command === 'complete' ? 'consult.completeFailed' : 'consult.cancelFailed';
      this.#error = { id: i.id, text: t(key, { reason: reason(e) }) };
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }
}

/** The consult panel's styles, for the pane that renders it (tokens, `.btn` and the message box's look come from the pane). */
export const consultStyles = css`
  /* In a short pane the private thread gives way (it scrolls), so the composer below stays whole. */
  .consult {
    flex: 0 1 auto;
    /* Never shorter than its notice and one row of controls; shorter than its content, it
       scrolls (its content never spills over the composer). */
    min-height: min(4em, 100%);
    overflow-y: auto;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cc-space) / 2);
    margin: 0;
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    border-block: 2px dashed var(--_cc-warning);
    background: var(--_cc-surface-alt);
    min-width: 0;
  }
  .consult-internal {
    margin: 0;
    font-weight: 600;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .consult-thread {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cc-space) / 2);
    flex: 0 1 auto;
    min-height: 3em;
    max-height: 10em;
    overflow-y: auto;
  }
  .consult > :not(.consult-thread) {
    flex: none;
  }
  .consult-message {
    display: flex;
    flex-direction: column;
    max-width: 90%;
  }
  .consult-message.agent {
    align-self: flex-end;
    align-items: flex-end;
  }
  .consult-message.peer {
    align-self: flex-start;
  }
  .consult-bubble {
    border-radius: var(--_cc-radius);
    padding: calc(var(--_cc-space) / 2) var(--_cc-space);
    overflow-wrap: anywhere;
    white-space: pre-wrap;
    background: var(--_cc-peer-bubble);
    color: var(--_cc-on-peer-bubble);
  }
  .consult-message.agent .consult-bubble {
    background: var(--_cc-surface);
    color: var(--_cc-text);
    border: 1px solid var(--_cc-field-border);
  }
  .consult-message .meta {
    font-size: 0.8em;
    color: var(--_cc-text-muted);
  }
  .consult-message .meta.failed {
    color: var(--_cc-danger);
  }
  .consult-composer {
    display: flex;
    gap: calc(var(--_cc-space) / 2);
  }
  .consult-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cc-space) / 2);
  }
  .consult-notice {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_cc-space) / 2);
    margin: 0;
    padding: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 1.5);
    font-size: 0.9em;
  }
`;
