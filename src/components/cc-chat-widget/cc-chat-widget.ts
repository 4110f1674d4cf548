import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Subscription } from 'rxjs';
import { formatBytes, formatElapsed, initials } from '../../core/format.js';
import { selectShownInteraction } from '../../core/store/selectors.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { ChatChannel, ChatMessage, Interaction } from '../../core/types.js';
import { safeUrl } from '../../content/url.js';
import { ClockController } from '../../controllers/clock.js';
import { LocalizeController, getLocale, t } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { styles } from './cc-chat-widget.styles.js';

/** Detail of `cc-send`. */
export interface CcSendDetail {
  readonly interactionId: string;
  readonly text: string;
}

/** Default composer limit (R-CHAT-03). */
export const DEFAULT_MAX_LENGTH = 1000;

const CHAT_CHANNELS: readonly ChatChannel[] = ['messenger', 'webchat', 'sms'];

/**
 * The conversation pane for Facebook Messenger and WebChat (R-CHAT-01…04): customer,
 * queue, agent, date and timer; the thread with customer bubbles (grey, with initials),
 * agent bubbles (blue) and centred system notices; and a composer limited to
 * `max-length` characters that sends on **Send** or Enter (Shift+Enter adds a line).
 *
 * Without `interaction-id` it shows the agent's active interaction of its channel.
 *
 * @summary Chat conversation pane for Messenger and WebChat.
 * @fires cc-send - The agent sent a message. Detail: `{ interactionId, text }`.
 * @csspart header - Customer, queue, agent, date and timer.
 * @csspart thread - The message list (a live log).
 * @csspart bubble - Every message bubble.
 * @csspart customer-bubble - A customer's (or another agent's) bubble.
 * @csspart agent-bubble - This agent's bubble.
 * @csspart avatar - The customer's initials.
 * @csspart notice - A system notice (joined, left, transferred).
 * @csspart composer - The composer area.
 * @csspart textarea - The message box.
 * @csspart send - The Send button.
 * @csspart error - The composer's error message.
 * @cssprop --cc-color-customer-bubble - Customer bubble background (grey).
 * @cssprop --cc-color-on-customer-bubble - Customer bubble text.
 * @cssprop --cc-color-agent-bubble - Agent bubble background (blue).
 * @cssprop --cc-color-on-agent-bubble - Agent bubble text.
 * @cssprop --cc-color-avatar - Initials avatar background.
 * @cssprop --cc-color-primary - Buttons and links.
 * @cssprop --cc-color-danger - Errors and failed messages.
 * @cssprop --cc-color-surface - Pane background.
 * @cssprop --cc-color-surface-alt - Header background.
 * @cssprop --cc-color-border - Borders.
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-chat-widget')
export class CcChatWidget extends LitElement {
  static override styles = styles;

  /** Which chat channel this pane serves: `messenger` or `webchat`. */
  @property({ reflect: true })
  channel: 'messenger' | 'webchat' = 'webchat';

  /** Show this interaction. Without it, the agent's active interaction of `channel`. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Most characters a message may have (R-CHAT-03). */
  @property({ type: Number, attribute: 'max-length' })
  maxLength = DEFAULT_MAX_LENGTH;

  /** The store; optional inside `<cc-provider>`. */
  @property({ attribute: false })
  store: InteractionStore | undefined;

  @query('textarea')
  private textarea: HTMLTextAreaElement | null | undefined;

  @query('.thread')
  private thread: HTMLElement | null | undefined;

  readonly #clock = new ClockController(this);
  readonly #interaction = new StoreController(this, (s) => selectShownInteraction(s, this.#channels(), this.interactionId), {
    deps: () => [this.interactionId, this.channel],
  });
  readonly #agentName = new StoreController(this, (s) => s.agent.name);

  /** Unsent text per interaction, so switching conversations loses nothing (R-X-04). */
  readonly #drafts = new Map<string, string>();
  #acceptedStore: InteractionStore | undefined;
  #acceptedSubscription: Subscription | undefined;
  #stickToBottom = true;
  #shownId: string | undefined;

  constructor() {
    super();
    new LocalizeController(this);
  }

  #channels(): readonly ChatChannel[] {
    return CHAT_CHANNELS.includes(this.channel) ? [this.channel] : ['webchat'];
  }

  /**
   * The unsent text in the composer for the shown interaction. Setting it replaces
   * that text (hosts can prefill an answer); nothing happens while no interaction is shown.
   */
  get draft(): string {
    const id = this.#interaction.value?.id;
    return id ? (this.#drafts.get(id) ?? '') : '';
  }
  set draft(text: string) {
    const id = this.#interaction.value?.id;
    if (!id) return;
    if (text) this.#drafts.set(id, text);
    else this.#drafts.delete(id);
    this.requestUpdate();
  }

  /** Moves keyboard focus to the composer. */
  focusComposer(): void {
    this.textarea?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#acceptedSubscription?.unsubscribe();
    this.#acceptedSubscription = undefined;
    this.#acceptedStore = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.#interaction.value?.id;
    if (id !== this.#shownId) {
      this.#shownId = id;
      this.#stickToBottom = true;
    } else if (this.thread) {
      const t = this.thread;
      this.#stickToBottom = t.scrollHeight - t.scrollTop - t.clientHeight < 40;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#watchAccepted();
    if (this.#stickToBottom && this.thread) this.thread.scrollTop = this.thread.scrollHeight;
  }

  // R-OFFER-05: when the agent accepts the interaction this pane shows, focus the composer.
  #watchAccepted(): void {
    const store = this.#interaction.store;
    if (store === this.#acceptedStore) return;
    this.#acceptedSubscription?.unsubscribe();
    this.#acceptedStore = store;
    this.#acceptedSubscription = store?.accepted$.subscribe((id) => {
      void this.updateComplete.then(() => {
        if (this.#interaction.value?.id === id) this.focusComposer();
      });
    });
  }

  override render() {
    const i = this.#interaction.value;
    if (!i) {
      const text = this.#interaction.store ? t('chat.empty') : t('error.noStore');
      return html`<p class="empty" part="empty">${text}</p>`;
    }
    return html`${this.#renderHeader(i)} ${this.#renderThread(i)}
      <p class="typing" aria-live="polite">${i.customerTyping ? t('chat.typing', { name: i.customer.name }) : nothing}</p>
      ${i.status === 'wrapup' ? html`<p class="ended" role="status">${t('chat.ended')}</p>` : this.#renderComposer(i)}`;
  }

  #renderHeader(i: Interaction) {
    const locale = getLocale();
    const since = i.acceptedAt ?? i.offeredAt;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(since);
    return html`<header part="header">
      <h2>${i.customer.name}</h2>
      <dl>
        <div><dt>${t('chat.queue')}</dt><dd>${i.queue.name}</dd></div>
        <div><dt>${t('chat.agent')}</dt><dd>${this.#agentName.value ?? ''}</dd></div>
        <div><dt>${t('chat.date')}</dt><dd>${date}</dd></div>
        <div>
          <dt>${t('chat.duration')}</dt>
          <dd><span class="timer" role="timer">${formatElapsed(this.#clock.now - since)}</span></dd>
        </div>
      </dl>
    </header>`;
  }

  #renderThread(i: Interaction) {
    return html`<div class="thread" part="thread" role="log" tabindex="0" aria-label=${t('chat.thread', { customer: i.customer.name })}>
      ${repeat(
        i.messages,
        (m) => m.id,
        (m) => this.#renderMessage(i, m),
      )}
    </div>`;
  }

  #renderMessage(i: Interaction, m: ChatMessage) {
    if (m.author === 'system') {
      const name = m.authorName ?? '';
      const text = m.notice && m.notice !== 'info' ? t(`notice.${m.notice}`, { name }) : m.text || name;
      return html`<p class="notice" part="notice">${text}</p>`;
    }
    const time = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' }).format(m.timestamp);
    if (m.author === 'agent') {
      return html`<div class="row agent">
        <div>
          <div class="bubble" part="bubble agent-bubble"><span class="visually-hidden">${t('chat.youSaid')}: </span><span class="text">${m.text}</span>${this.#renderAttachments(m)}</div>
          <div class="meta">
            <span>${time}</span>
            ${m.status === 'failed'
              ? html`<span class="failed" title=${m.error ?? ''}>${t('status.failed')}</span>
                  <button class="link-btn" @click=${() => this.#retry(i, m)}>${t('retry')}</button>`
              : m.status
                ? html`<span>${t(`status.${m.status}`)}</span>`
                : nothing}
          </div>
        </div>
      </div>`;
    }
    const name = m.authorName ?? (m.author === 'customer' ? i.customer.name : '');
    const said = m.author === 'customer' ? t('chat.customerSaid', { name }) : t('chat.agentSaid', { name });
    return html`<div class="row ${m.author}">
      <span class="avatar" part="avatar" aria-hidden="true">${initials(name)}</span>
      <div>
        <div class="bubble" part="bubble customer-bubble"><span class="visually-hidden">${said}: </span><span class="text">${m.text}</span>${this.#renderAttachments(m)}</div>
        <div class="meta"><span>${time}</span></div>
      </div>
    </div>`;
  }

  #renderAttachments(m: ChatMessage) {
    if (m.attachments.length === 0) return nothing;
    const locale = getLocale();
    return html`<ul class="attachments">
      ${m.attachments.map((a) => {
        const label = t('chat.attachment', { name: a.name, size: formatBytes(a.size, locale) });
        const href = safeUrl(a.url);
        return html`<li>${href ? html`<a href=${href} download=${a.name} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
      })}
    </ul>`;
  }

  #renderComposer(i: Interaction) {
    const text = this.#drafts.get(i.id) ?? '';
    const count = [...text].length;
    const over = count - this.maxLength;
    const tooLong = over > 0;
    const canSend = text.trim().length > 0 && !tooLong && i.status !== 'offered';
    return html`<div class="composer" part="composer">
      <label class="visually-hidden" for="composer">${t('chat.message')}</label>
      <textarea
        id="composer"
        part="textarea"
        rows="2"
        .value=${text}
        placeholder=${t('chat.placeholder')}
        aria-invalid=${tooLong ? 'true' : 'false'}
        aria-describedby="counter ${tooLong ? 'error' : ''}"
        @input=${(e: InputEvent) => this.#onInput(i, e)}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(i, e)}
      ></textarea>
      <button class="btn" part="send" ?disabled=${!canSend} @click=${() => this.#send(i)}>${t('send')}</button>
      <p class="counter" id="counter">${t('chat.counter', { count, max: this.maxLength })}</p>
      ${tooLong
        ? html`<p class="error" part="error" id="error" role="alert">${t('chat.tooLong', { over, count, max: this.maxLength })}</p>`
        : nothing}
    </div>`;
  }

  #onInput(i: Interaction, e: InputEvent): void {
    const value = (e.target as HTMLTextAreaElement).value;
    if (value) this.#drafts.set(i.id, value);
    else this.#drafts.delete(i.id);
    this.requestUpdate();
  }

  #onKeydown(i: Interaction, e: KeyboardEvent): void {
    // Enter sends; Shift+Enter adds a line; Enter that confirms an IME composition (Chinese input) does neither.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    this.#send(i);
  }

  #send(i: Interaction): void {
    const store = this.#interaction.store;
    const text = this.#drafts.get(i.id) ?? '';
    // R-CHAT-03: nothing is sent or truncated past the limit.
    if (!store || text.trim().length === 0 || [...text].length > this.maxLength || i.status === 'offered' || i.status === 'wrapup') return;
    this.#drafts.delete(i.id);
    this.#stickToBottom = true;
    this.requestUpdate();
    void store.send(i.id, text);
    this.dispatchEvent(new CustomEvent<CcSendDetail>('cc-send', { detail: { interactionId: i.id, text }, bubbles: true, composed: true }));
  }

  #retry(i: Interaction, m: ChatMessage): void {
    void this.#interaction.store?.retry(i.id, m.id).catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-chat-widget': CcChatWidget;
  }
  interface HTMLElementEventMap {
    'cc-send': CustomEvent<CcSendDetail>;
  }
}
