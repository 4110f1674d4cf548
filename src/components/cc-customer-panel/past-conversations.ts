import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { dateTimeFormat, errorMessage } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { PastInteraction } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import '../cc-transcript/cc-transcript.js';

const dateTime = (locale: string): Intl.DateTimeFormat => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** Where the list stands: not asked yet, the first page loading, failed, or some pages in. */
type Phase = 'idle' | 'loading' | 'error' | 'loaded';

/** Options of {@link PastConversations}. */
export interface PastConversationsOptions {
  readonly store: () => InteractionStore | undefined;
  /** The interaction whose customer's past is listed; `undefined` when none is shown. */
  readonly interactionId: () => string | undefined;
  /** Whether the backend provides history (`supports('history')`). */
  readonly supported: () => boolean;
}

/**
 * **Previous conversations** of the customer panel (R-CTX-02): the customer's past
 * conversations, newest first, a page at a time (**Load older**), each with **Show
 * transcript** / **Hide transcript**; loading, empty and failed (**Retry**) states, and a
 * plain statement when the backend provides no history. Starts again when the panel shows
 * another interaction; answers for an interaction no longer shown are dropped.
 */
export class PastConversations implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: PastConversationsOptions;
  #for: string | undefined;
  #supported = false;
  /** Counts loads, so that an answer to a superseded one is dropped. */
  #generation = 0;
  #phase: Phase = 'idle';
  #error = '';
  #items: PastInteraction[] = [];
  #cursor: string | undefined;
  #older: 'idle' | 'loading' | 'error' = 'idle';
  #olderError = '';
  readonly #expanded = new Set<string>();
  /** After **Load older** removed itself, focus goes to the first conversation it added. */
  #focusAfterOlder: string | undefined;

  constructor(host: ReactiveElement, options: PastConversationsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const id = this.#options.interactionId();
    const supported = this.#options.supported();
    if (id === this.#for && supported === this.#supported) return;
    this.#for = id;
    this.#supported = supported;
    this.#reset();
    if (id !== undefined && supported) void this.#loadFirst();
  }

  hostUpdated(): void {
    const id = this.#focusAfterOlder;
    if (id === undefined) return;
    this.#focusAfterOlder = undefined;
    this.#host.renderRoot.querySelector<HTMLElement>(`[data-past="${CSS.escape(id)}"] button`)?.focus();
  }

  #reset(): void {
    this.#generation++;
    this.#phase = 'idle';
    this.#items = [];
    this.#cursor = undefined;
    this.#older = 'idle';
    this.#expanded.clear();
  }

  async #loadFirst(): Promise<void> {
    const store = this.#options.store();
    const id = this.#for;
    if (!store || id === undefined) return;
    const generation = ++this.#generation;
    this.#phase = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await store.listPastInteractions(id);
      if (generation !== this.#generation) return;
      this.#items = [...page.items];
      this.#cursor = page.nextCursor;
      this.#phase = 'loaded';
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#error = errorMessage(e);
      this.#phase = 'error';
    }
    this.#host.requestUpdate();
  }

  async #loadOlder(event: Event): Promise<void> {
    const store = this.#options.store();
    const id = this.#for;
    const cursor = this.#cursor;
    if (!store || id === undefined || cursor === undefined || this.#older === 'loading') return;
    const hadFocus = this.#host.renderRoot instanceof ShadowRoot && this.#host.renderRoot.activeElement === event.currentTarget;
    const generation = this.#generation;
    this.#older = 'loading';
    this.#host.requestUpdate();
    try {
      const page = await store.listPastInteractions(id, cursor);
      if (generation !== this.#generation) return;
      const known = new Set(this.#items.map((p) => p.id));
      const added = page.items.filter((p) => !known.has(p.id));
      this.#items = [...this.#items, ...added];
      this.#cursor = page.nextCursor;
      this.#older = 'idle';
      if (hadFocus && page.nextCursor === undefined) this.#focusAfterOlder = added[0]?.id;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#olderError = errorMessage(e);
      this.#older = 'error';
    }
    this.#host.requestUpdate();
  }

  #toggle(id: string): void {
    if (!this.#expanded.delete(id)) this.#expanded.add(id);
    this.#host.requestUpdate();
  }

  /** The section: its heading, then the state it is in. */
  render(): TemplateResult {
    return html`<section class="history" part="history" aria-labelledby="history-heading">
      <h3 id="history-heading">${t('history.heading')}</h3>
      ${this.#body()}
    </section>`;
  }

  #body(): TemplateResult {
    if (!this.#supported) return html`<p class="muted">${t('history.unsupported')}</p>`;
    switch (this.#phase) {
      case 'idle':
      case 'loading':
        return html`<p class="muted" role="status">${t('history.loading')}</p>`;
      case 'error':
        return html`<p class="error" role="alert" id="history-error">${t('history.error', { reason: this.#error })}</p>
          <button class="btn secondary" aria-describedby="history-error" @click=${() => void this.#loadFirst()}>${t('retry')}</button>`;
      case 'loaded':
        return this.#items.length === 0 ? html`<p class="muted">${t('history.none')}</p>` : this.#list();
    }
  }

  #list(): TemplateResult {
    return html`<ol class="past" part="past-list" aria-labelledby="history-heading">
        ${repeat(
          this.#items,
          (p) => p.id,
          (p, k) => this.#item(p, k),
        )}
      </ol>
      ${this.#olderControls()}`;
  }

  #olderControls(): TemplateResult | typeof nothing {
    if (this.#older === 'loading') return html`<p class="muted" role="status">${t('history.loadingOlder')}</p>`;
    const error =
      this.#older === 'error' ? html`<p class="error" role="alert" id="older-error">${t('history.error', { reason: this.#olderError })}</p>` : nothing;
    if (this.#cursor === undefined) return error;
    return html`${error}<button
        class="btn secondary load-older"
        part="load-older"
        aria-describedby=${this.#older === 'error' ? 'older-error' : nothing}
        @click=${(e: Event) => void this.#loadOlder(e)}
      >
        ${this.#older === 'error' ? t('retry') : t('history.loadOlder')}
      </button>`;
  }

  #item(p: PastInteraction, k: number): TemplateResult {
    const open = this.#expanded.has(p.id);
    const channel = t(`channel.${p.channel}`);
    const date = dateTime(getLocale()).format(p.startedAt);
    const titleId = `past-${k}`;
    const transcriptId = `past-${k}-transcript`;
    return html`<li part="past" data-past=${p.id}>
      <h4 id=${titleId}>${t('history.title', { channel, date })}</h4>
      <dl>
        <dt>${t('history.queue')}</dt>
        <dd>${p.queue.name}</dd>
        <dt>${t('history.reasons')}</dt>
        <dd>${p.wrapupReasons.length > 0 ? p.wrapupReasons.join(', ') : t('history.noReasons')}</dd>
        ${p.notes ? html`<dt>${t('history.notes')}</dt><dd>${p.notes}</dd>` : nothing}
        <dt>${t('history.lastMessage')}</dt>
        <dd class="preview" dir="auto">${p.preview}</dd>
      </dl>
      <button
        class="btn secondary toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${transcriptId}
        aria-describedby=${titleId}
        @click=${() => this.#toggle(p.id)}
      >
        ${open ? t('history.hide') : t('history.show')}
      </button>
      <div id=${transcriptId} class="transcript" ?hidden=${!open}>
        ${open
          ? html`<cc-transcript
              .messages=${p.messages}
              .emails=${p.emails}
              .channel=${p.channel}
              .label=${t('history.transcript', { channel, date })}
            ></cc-transcript>`
          : nothing}
      </div>
    </li>`;
  }
}
