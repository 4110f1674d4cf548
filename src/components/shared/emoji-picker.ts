import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type * as EmojiData from '../../content/emoji-data.js';
import { lazyModule } from '../../core/lazy-module.js';
import { errorMessage } from '../../core/format.js';
import { getLocale, registerEnglish, t } from '../../controllers/localize.js';
import { PopoverPositionController } from '../../controllers/popover-position.js';
import { enCompose } from '../../locales/en-compose.js';
import { emojiButton } from './emoji-button.js';

registerEnglish(enCompose);

/** Emoji per row of the grid: the arrow keys move by one or by a row. */
export const EMOJI_COLUMNS = 7;

/** The emoji table, fetched when a picker first opens (a failed fetch may be retried). */
const emojiTable = lazyModule(() => import('../../content/emoji-data.js'));

/** Options of an {@link EmojiPicker}. */
export interface EmojiPickerOptions {
  /** The text box emoji go into. */
  readonly box: () => HTMLTextAreaElement | null | undefined;
  /** Sets the box's text and its caret; resolves once shown. */
  readonly replace: (text: string, caret: number) => Promise<void>;
  /** Prefix of the ids of the picker's parts, unique in the host's shadow root. */
  readonly id: string;
  /**
   * For a box that is not a textarea (the email editor): puts the emoji at its own caret
   * instead of `replace`, and `focusBack` gives it the focus again on Escape.
   */
  readonly put?: (emoji: string) => void;
  readonly focusBack?: () => void;
}

/** The button's and the pop-up's look, for the stylesheets of the panes that use them. */
export const emojiPickerStyles = css`
  .emoji-panel {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    max-width: calc(100vw - 16px);
    overflow: auto;
    padding: calc(var(--_cc-space) / 2);
    color: var(--_cc-text);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
  .emoji-panel input {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    margin-block-end: calc(var(--_cc-space) / 2);
    padding: 4px 6px;
    color: var(--_cc-text);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-field-border);
    border-radius: calc(var(--_cc-radius) / 2);
  }
  .emoji-grid {
    display: grid;
    grid-template-columns: repeat(${EMOJI_COLUMNS}, 2.25rem);
    gap: 2px;
    border-radius: calc(var(--_cc-radius) / 2);
  }
  .emoji-grid:focus-visible {
    outline: 2px solid var(--_cc-primary);
    outline-offset: 2px;
  }
  .emoji-grid [role='option'] {
    display: grid;
    place-items: center;
    block-size: 2.25rem;
    font-size: 1.35rem;
    border-radius: calc(var(--_cc-radius) / 2);
    cursor: pointer;
  }
  .emoji-grid [role='option']:hover {
    background: var(--_cc-surface-alt);
  }
  .emoji-grid:focus-visible [role='option'][aria-selected='true'] {
    outline: 2px solid var(--_cc-primary);
    outline-offset: -2px;
  }
  .emoji-status {
    margin: 0;
    color: var(--_cc-text-muted);
  }
`;

/**
 * The **Emoji** button of a composer and its pop-up: a **Search emoji** box (English or
 * Chinese names and keywords) over a grid of emoji. The table loads when the picker first
 * opens, so a pane pays for it only once an agent reaches for it. The search box has focus
 * on opening; ArrowDown moves into the grid, where the arrows, Home and End move, Enter
 * or a click inserts the emoji at the caret, and Escape closes, focus back in the box.
 * The pop-up opens in the top layer, inside the viewport, so no ancestor clips it.
 */
export class EmojiPicker {
  readonly #host: ReactiveElement;
  readonly #options: EmojiPickerOptions;
  #open = false;
  #query = '';
  #active = 0;
  #error = '';
  /** The box's selection when the picker opened: the emoji replace it. */
  #selection: readonly [number, number] = [0, 0];

  constructor(host: ReactiveElement, options: EmojiPickerOptions) {
    this.#host = host;
    this.#options = options;
    new PopoverPositionController(host, {
      panel: () => this.#root?.getElementById(`${options.id}-panel`),
      trigger: () => this.#button,
      align: () => 'start',
    });
  }

  /** Whether the pop-up shows. */
  get open(): boolean {
    return this.#open;
  }

  /** Closes the pop-up. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#host.requestUpdate();
  }

  /** The Emoji button and, while open, its pop-up. */
  render(): TemplateResult {
    const id = this.#options.id;
    const panel = this.#open
      ? html`<div class="emoji-panel" id="${id}-panel" popover="manual" role="dialog" aria-label=${t('emoji')} @keydown=${this.#onPanelKeydown} @focusout=${this.#onFocusout}>
          ${this.#renderSearch()} ${this.#renderBody()}
        </div>`
      : nothing;
    return emojiButton(id, this.#open, this.toggle, panel);
  }

  // Its own part of the template: the box keeps focus while the grid below it loads and filters.
  #renderSearch(): TemplateResult {
    const id = this.#options.id;
    return html`<input
      type="search"
      id="${id}-search"
      aria-label=${t('emoji.search')}
      placeholder=${t('emoji.search')}
      autocomplete="off"
      .value=${this.#query}
      aria-controls="${id}-grid"
      @input=${this.#onSearch}
      @keydown=${this.#onSearchKeydown}
    />`;
  }

  /** The grid, or a status line in its place (with its id, which the search box controls). */
  #renderBody(): TemplateResult {
    const id = this.#options.id;
    if (this.#error) return html`<p class="error emoji-status" id="${id}-grid" role="alert">${t('emoji.loadFailed', { reason: this.#error })}</p>`;
    if (!emojiTable.loaded()) return html`<p class="emoji-status" id="${id}-grid" role="status">${t('emoji.loading')}</p>`;
    const found = this.#found();
    if (found.length === 0) return html`<p class="emoji-status" id="${id}-grid" role="status">${t('emoji.none')}</p>`;
    const zh = getLocale() === 'zh-CN';
    const active = Math.min(this.#active, found.length - 1);
    return html`<div
        class="emoji-grid"
        id="${id}-grid"
        role="listbox"
        tabindex="0"
        aria-label=${t('emoji')}
        aria-activedescendant="${id}-${active}"
        @keydown=${this.#onGridKeydown}
      >
        ${found.map(
          (e, k) =>
            html`<span role="option" id="${id}-${k}" aria-label=${zh ? e.zh : e.name} title=${zh ? e.zh : e.name} aria-selected=${k === active ? 'true' : 'false'} @click=${() => void this.#insert(e.emoji)}
              >${e.emoji}</span
            >`,
        )}
      </div>`;
  }

  get #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  get #button(): HTMLButtonElement | null | undefined {
    return this.#root?.getElementById(`${this.#options.id}-button`) as HTMLButtonElement | null | undefined;
  }

  #found(): readonly EmojiData.EmojiEntry[] {
    return emojiTable.loaded()?.searchEmoji(this.#query) ?? [];
  }

  #focus(part: 'search' | 'grid'): void {
    void this.#host.updateComplete.then(() => this.#root?.getElementById(`${this.#options.id}-${part}`)?.focus());
  }

  /** Opens the pop-up (the search box takes focus), or closes it. */
  readonly toggle = (): void => {
    if (this.#open) {
      this.close();
      return;
    }
    const box = this.#options.box();
    this.#selection = box ? [box.selectionStart, box.selectionEnd] : [0, 0];
    this.#open = true;
    this.#query = '';
    this.#active = 0;
    this.#error = '';
    this.#host.requestUpdate();
    this.#focus('search');
    if (!emojiTable.loaded()) {
      emojiTable.load().then(
        () => this.#host.requestUpdate(),
        (e: unknown) => {
          this.#error = errorMessage(e);
          this.#host.requestUpdate();
        },
      );
    }
  };

  readonly #onSearch = (e: Event): void => {
    this.#query = (e.target as HTMLInputElement).value;
    this.#active = 0;
    this.#host.requestUpdate();
  };

  readonly #onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' && this.#found().length > 0) {
      e.preventDefault();
      this.#focus('grid');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const first = this.#found()[0];
      if (first) void this.#insert(first.emoji);
    }
  };

  readonly #onGridKeydown = (e: KeyboardEvent): void => {
    const count = this.#found().length;
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: EMOJI_COLUMNS,
      ArrowUp: -EMOJI_COLUMNS,
      Home: -count,
      End: count,
    };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      // Right and Left follow the reading direction.
      const rtl = getComputedStyle(this.#host).direction === 'rtl' && Math.abs(move) === 1;
      const next = this.#active + (rtl ? -move : move);
      // Up from the first row goes back to the search box.
      if (e.key === 'ArrowUp' && next < 0) {
        this.#focus('search');
        return;
      }
      this.#active = Math.max(0, Math.min(count - 1, next));
      this.#host.requestUpdate();
      void this.#host.updateComplete.then(() => this.#root?.getElementById(`${this.#options.id}-${this.#active}`)?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const chosen = this.#found()[this.#active];
      if (chosen) void this.#insert(chosen.emoji);
    }
  };

  readonly #onPanelKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.close();
    void this.#host.updateComplete.then(() => (this.#options.focusBack ? this.#options.focusBack() : this.#options.box()?.focus()));
  };

  /** Focus leaving the pop-up (Tab past it, a click elsewhere) closes it. */
  readonly #onFocusout = (e: FocusEvent): void => {
    const panel = e.currentTarget as HTMLElement;
    const to = e.relatedTarget;
    if (to instanceof Node && (panel.contains(to) || to === this.#button)) return;
    this.close();
  };

  async #insert(emoji: string): Promise<void> {
    const box = this.#options.box();
    this.close();
    if (this.#options.put) {
      this.#options.put(emoji);
      return;
    }
    if (!box) return;
    const [start, end] = this.#selection;
    const text = box.value;
    await this.#options.replace(text.slice(0, start) + emoji + text.slice(end), start + emoji.length);
  }
}
