import { ifDefined } from 'lit/directives/if-defined.js';
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { getLocale, t } from '../../controllers/localize.js';
import type { ChatMessage, Interaction } from '../../core/types.js';
import { findMessages } from './find.js';
import { typedDirection } from '../shared/text-direction.js';

/** Options of a {@link FindBar}. */
export interface FindBarOptions {
  /** A system notice's shown (localised) text, as it is searched. */
  readonly noticeText: (m: ChatMessage) => string;
  /** Brings message k into view, rendered or not. */
  readonly reveal: (k: number) => void;
}

/**
 * **Find in conversation**: a search box over the shown conversation's messages, a count
 * of matches, **Next match** (older) and **Previous match** (newer); Enter and Shift+Enter
 * in the box step too, Escape clears it, and Ctrl+F (⌘F) anywhere in the host goes to it.
 * The host highlights {@link query} in the rows and marks the row of {@link currentId}.
 */
export class FindBar {
  readonly #host: ReactiveElement;
  readonly #options: FindBarOptions;
  #query = '';
  // Matches (newest first), cached per list, query and locale.
  #found: { readonly list: readonly ChatMessage[]; readonly query: string; readonly locale: string; readonly indexes: readonly number[] } | undefined;
  #currentId: string | undefined;

  constructor(host: ReactiveElement, options: FindBarOptions) {
    this.#host = host;
    this.#options = options;
    host.addEventListener('keydown', this.#onShortcut);
  }

  /** The query, trimmed: what the rows highlight ('' when there is none). */
  get query(): string {
    return this.#query.trim();
  }

  /** Id of the message of the current match. */
  get currentId(): string | undefined {
    return this.#currentId;
  }

  /** Another conversation: an empty box. */
  reset(): void {
    this.#query = '';
    this.#currentId = undefined;
  }

  render(i: Interaction): TemplateResult {
    const query = this.query;
    const matches = this.#matches(i);
    const position = this.#position(i, matches);
    const none = matches.length === 0;
    const count = !query ? '' : none ? t('find.none') : t('find.count', { current: position + 1, total: matches.length });
    return html`<div class="find" part="find">
      <input
        type="search"
        dir=${ifDefined(typedDirection(this.#query))}
        .value=${this.#query}
        aria-label=${t('find.label')}
        placeholder=${t('find.label')}
        aria-keyshortcuts="Control+F Meta+F"
        @input=${(e: InputEvent) => this.#onInput(i, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(i, e)}
      />
      <button class="fmt" aria-label=${t('find.next')} title=${t('find.next')} ?disabled=${none} @click=${() => this.#step(i, 1)}>↑</button>
      <button class="fmt" aria-label=${t('find.previous')} title=${t('find.previous')} ?disabled=${none} @click=${() => this.#step(i, -1)}>↓</button>
      <span class="find-count" role="status">${count}</span>
    </div>`;
  }

  /** Ctrl+F (⌘F) inside the host goes to the find box. */
  readonly #onShortcut = (e: KeyboardEvent): void => {
    if (e.isComposing || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.code !== 'KeyF') return;
    const input = this.#host.shadowRoot?.querySelector<HTMLInputElement>('.find input[type="search"]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  };

  /** Indexes of the messages matching the query, newest first. */
  #matches(i: Interaction): readonly number[] {
    const query = this.query;
    if (!query) return [];
    const locale = getLocale();
    const cached = this.#found;
    if (cached && cached.list === i.messages && cached.query === query && cached.locale === locale) return cached.indexes;
    const indexes = findMessages(i.messages, query, this.#options.noticeText);
    this.#found = { list: i.messages, query, locale, indexes };
    return indexes;
  }

  /** Position of the current match among the matches (0: the newest). */
  #position(i: Interaction, matches: readonly number[]): number {
    const id = this.#currentId;
    const position = id === undefined ? -1 : matches.findIndex((k) => i.messages[k]?.id === id);
    return Math.max(0, position);
  }

  /** Makes the match at `position` (wrapping around) current and brings it into view. */
  #show(i: Interaction, position: number): void {
    const matches = this.#matches(i);
    const count = matches.length;
    const k = count === 0 ? undefined : matches[((position % count) + count) % count];
    this.#currentId = k === undefined ? undefined : i.messages[k]?.id;
    if (k !== undefined) this.#options.reveal(k);
    this.#host.requestUpdate();
  }

  /** Moves `delta` matches on from the current one: +1 to the next (older), -1 to the previous (newer). */
  #step(i: Interaction, delta: number): void {
    this.#show(i, this.#position(i, this.#matches(i)) + delta);
  }

  #onInput(i: Interaction, value: string): void {
    this.#query = value;
    this.#currentId = undefined;
    this.#show(i, 0);
  }

  #onKeydown(i: Interaction, e: KeyboardEvent): void {
    if (e.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.#step(i, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && this.#query) {
      e.preventDefault();
      e.stopPropagation();
      this.#onInput(i, '');
    }
  }
}
