import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { PopoverPositionController } from '../../controllers/popover-position.js';
import { enCompose } from '../../locales/en-compose.js';
import { slashQuery } from './slash-query.js';

registerEnglish(enCompose);

/** Options of a {@link QuickResponses}. */
export interface QuickResponsesOptions {
  readonly store: () => InteractionStore | undefined;
  /** The channel whose templates are offered. */
  readonly channel: () => Channel;
  /** Whether templates may be used now (the backend's `templates` capability). */
  readonly enabled: () => boolean;
  /** The text box the agent types `/` in (a textarea, or a contenteditable with {@link query} and {@link pick}). */
  readonly box: () => HTMLTextAreaElement | HTMLElement | null | undefined;
  /** Sets the box's text (with the `/query` taken out) and its caret; resolves once shown. */
  readonly replace?: (text: string, caret: number) => Promise<void>;
  /** Inserts a template at the caret the way the pane's Templates list does. */
  readonly insert?: (template: MessageTemplate) => void;
  /** For a box that is no textarea: what follows a `/` typed at the start of the caret's line, else `undefined`. */
  readonly query?: () => string | undefined;
  /** For a box that is no textarea: takes the `/query` out and applies the chosen template (instead of {@link replace} and {@link insert}). */
  readonly pick?: (template: MessageTemplate) => void;
  /** Prefix of the ids of the list and its options, unique in the host's shadow root. */
  readonly id: string;
}

export { slashQuery };

/** Templates matching what follows the `/`: names starting with it first, then names or texts containing it. */
export function matchTemplates(templates: readonly MessageTemplate[], query: string): MessageTemplate[] {
  const q = query.toLocaleLowerCase();
  if (q === '') return [...templates];
  const name = (tpl: MessageTemplate) => tpl.name.toLocaleLowerCase();
  const starts = templates.filter((tpl) => name(tpl).startsWith(q) || name(tpl).split(/\s+/u).some((w) => w.startsWith(q)));
  const contains = templates.filter((tpl) => !starts.includes(tpl) && (name(tpl).includes(q) || tpl.body.toLocaleLowerCase().includes(q)));
  return [...starts, ...contains];
}

/**
 * The most matches listed: the list stays short enough for a small pane without a
 * scrolling region of its own, and the agent narrows it by typing.
 */
export const QUICK_RESPONSES_SHOWN = 6;

/** The list's look, for the stylesheets of the panes that use it. */
export const quickResponseStyles = css`
  .quick-responses,
  .quick-responses-status {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    inline-size: min(22rem, calc(100vw - 16px));
    padding: 2px;
    color: var(--_cc-text);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    background: var(--_cc-surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
  .quick-responses [role='option'] {
    display: block;
    padding: calc(var(--_cc-space) / 2);
    border-radius: calc(var(--_cc-radius) / 2);
    cursor: pointer;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .quick-responses [role='option'][aria-selected='true'] {
    outline: 2px solid var(--_cc-primary);
    outline-offset: -2px;
  }
  .quick-responses .qr-preview {
    white-space: nowrap;
    color: var(--_cc-text-muted);
    margin-inline-start: calc(var(--_cc-space) / 2);
  }
  .quick-responses-status {
    padding: calc(var(--_cc-space) / 2);
    color: var(--_cc-text-muted);
  }
`;

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly reason: string } | { readonly state: 'ready'; readonly templates: readonly MessageTemplate[] };

/**
 * Quick responses: typing `/` at the start of a line of a composer lists the channel's
 * templates next to the box (in the top layer, inside the viewport, so it never pushes
 * the composer out of a small pane), filtered by what follows the `/`. The box keeps focus (it
 * points at the active option with `aria-activedescendant`); ArrowUp/ArrowDown move,
 * Enter or a click inserts the template in place of the `/query`, Escape closes.
 * The host wires {@link onInput}, {@link onKeydown} and {@link close} to its box, spreads
 * {@link boxAria} on it and renders {@link render} next to it.
 */
export class QuickResponses {
  readonly #host: ReactiveElement;
  readonly #options: QuickResponsesOptions;
  #open = false;
  #query = '';
  #start = 0;
  #active = 0;
  #loaded: Loaded = { state: 'loading' };
  #loadId = 0;

  constructor(host: ReactiveElement, options: QuickResponsesOptions) {
    this.#host = host;
    this.#options = options;
    new PopoverPositionController(host, {
      panel: () => host.shadowRoot?.getElementById(options.id),
      trigger: () => options.box(),
      maxHeight: 480,
    });
  }

  /** Whether the list shows. */
  get open(): boolean {
    return this.#open;
  }

  /** Closes the list (the `/query` stays as typed). */
  readonly close = (): void => {
    if (!this.#open) return;
    this.#open = false;
    this.#host.requestUpdate();
  };

  /** After each edit of the box: opens, filters or closes the list. */
  readonly onInput = (): void => {
    const found = this.#options.enabled() ? this.#find() : undefined;
    if (!found) {
      this.close();
      return;
    }
    if (!this.#open) void this.#load();
    if (!this.#open || found.query !== this.#query) this.#active = 0;
    this.#open = true;
    this.#query = found.query;
    this.#start = found.start;
    this.#host.requestUpdate();
  };

  #find(): { readonly start: number; readonly query: string } | undefined {
    if (this.#options.query) {
      const query = this.#options.query();
      return query === undefined ? undefined : { start: 0, query };
    }
    const box = this.#options.box();
    return box instanceof HTMLTextAreaElement && box.selectionStart === box.selectionEnd ? slashQuery(box.value, box.selectionStart) : undefined;
  }

  /** The box's keys while the list shows; everything else is the box's as usual. */
  readonly onKeydown = (e: KeyboardEvent): void => {
    if (!this.#open || e.isComposing) return;
    const matches = this.#matches();
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && matches.length > 0) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.#active = (this.#active + step + matches.length) % matches.length;
      this.#host.requestUpdate();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const chosen = matches[this.#active];
      if (!chosen) return;
      // Not a send: the Enter chooses.
      e.preventDefault();
      e.stopPropagation();
      void this.#choose(chosen);
    }
  };

  /** ARIA for the box: which list it controls and which option is active. */
  boxAria(): { readonly autocomplete: 'list' | undefined; readonly controls: string | typeof nothing; readonly activedescendant: string | typeof nothing } {
    const autocomplete = this.#options.enabled() ? 'list' : undefined;
    if (!this.#open) return { autocomplete, controls: nothing, activedescendant: nothing };
    // While nothing is listed, the status line stands in for the list.
    const active = this.#matches().length > 0 ? `${this.#options.id}-${this.#active}` : nothing;
    return { autocomplete, controls: this.#options.id, activedescendant: active };
  }

  /** The list while open (or why it is empty); nothing while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    const loaded = this.#loaded;
    if (loaded.state === 'loading') return this.#status(t('quickResponses.loading'));
    if (loaded.state === 'failed') return html`<p class="error quick-responses-status" id=${this.#options.id} popover="manual" role="alert">${t('quickResponses.loadFailed', { reason: loaded.reason })}</p>`;
    const matches = this.#matches();
    if (matches.length === 0) return this.#status(t('quickResponses.none'));
    return html`<div class="quick-responses" part="quick-responses" role="listbox" id=${this.#options.id} popover="manual" tabindex="-1" aria-label=${t('quickResponses')}>
      ${matches.map(
        (tpl, k) =>
          html`<div role="option" id="${this.#options.id}-${k}" aria-selected=${k === this.#active ? 'true' : 'false'} @mousedown=${this.#keepFocus} @click=${() => void this.#choose(tpl)}>
            <span class="name">${tpl.name}</span><span class="qr-preview">${tpl.body.slice(0, 80)}</span>
          </div>`,
      )}
    </div>`;
  }

  #status(text: string): TemplateResult {
    return html`<p class="quick-responses-status" part="quick-responses" id=${this.#options.id} popover="manual" role="status">${text}</p>`;
  }

  #matches(): MessageTemplate[] {
    return this.#loaded.state === 'ready' ? matchTemplates(this.#loaded.templates, this.#query).slice(0, QUICK_RESPONSES_SHOWN) : [];
  }

  // A click on an option leaves the caret in the box.
  readonly #keepFocus = (e: Event): void => e.preventDefault();

  /** Lists the channel's templates afresh each time the list opens (as the Templates button does). */
  async #load(): Promise<void> {
    const store = this.#options.store();
    const id = ++this.#loadId;
    this.#loaded = { state: 'loading' };
    if (!store) return;
    try {
      const templates = await store.listTemplates(this.#options.channel());
      if (id === this.#loadId) this.#loaded = { state: 'ready', templates };
    } catch (e) {
      if (id === this.#loadId) this.#loaded = { state: 'failed', reason: errorMessage(e) };
    }
    this.#host.requestUpdate();
  }

  async #choose(template: MessageTemplate): Promise<void> {
    const { pick, replace, insert } = this.#options;
    if (pick) {
      this.#open = false;
      this.#host.requestUpdate();
      pick(template);
      return;
    }
    const box = this.#options.box();
    if (!(box instanceof HTMLTextAreaElement) || !replace || !insert) return;
    const text = box.value;
    const end = Math.max(this.#start, box.selectionStart);
    this.#open = false;
    await replace(text.slice(0, this.#start) + text.slice(end), this.#start);
    insert(template);
  }
}
