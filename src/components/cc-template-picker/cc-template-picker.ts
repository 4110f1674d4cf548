import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { filterTemplates } from '../../content/templates.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import { LocalizeController, t } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { styles } from './cc-template-picker.styles.js';

/** Detail of `cc-template-select`. */
export interface CcTemplateSelectDetail {
  readonly template: MessageTemplate;
}

type Load = { readonly state: 'idle' | 'loading' } | { readonly state: 'loaded'; readonly templates: readonly MessageTemplate[] } | { readonly state: 'failed'; readonly reason: string };

let nextId = 0;

/**
 * The **Templates** button and its searchable list (R-TPL-01). Templates come from the
 * adapter for `channel`, loaded when the list first opens. Choosing one fires
 * `cc-template-select`; what the template does (insert, lock, ask for parameters) is
 * up to the widget that hosts the picker.
 *
 * Keyboard: Enter or Space opens; focus goes to the search box; ArrowDown/ArrowUp move
 * through the list; Enter chooses; Escape closes and returns focus to the button.
 *
 * @summary Searchable template list behind a Templates button.
 * @fires cc-template-select - A template was chosen. Detail: `{ template }`.
 * @csspart button - The Templates button.
 * @csspart panel - The pop-up list.
 * @csspart search - The search box.
 * @csspart option - One template in the list.
 * @cssprop --cc-color-surface - Pop-up background.
 * @cssprop --cc-color-border - Pop-up border and Locked marks.
 * @cssprop --cc-color-field-border - Search box border (3:1 against the surface, WCAG 1.4.11).
 * @cssprop --cc-color-primary - Button.
 * @cssprop --cc-color-surface-alt - The highlighted template.
 * @cssprop --cc-color-text-muted - Template previews, Locked marks and status text.
 * @cssprop --cc-color-danger - Load errors.
 */
@customElement('cc-template-picker')
export class CcTemplatePicker extends LitElement {
  static override styles = styles;

  /** Channel whose templates are listed. */
  @property()
  channel: Channel = 'webchat';

  /** True while the list is shown. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Disables the button (e.g. while no conversation is active). */
  @property({ type: Boolean, reflect: true })
  disabled = false;

  /** The store; optional inside `<cc-provider>`. */
  @property({ attribute: false })
  store: InteractionStore | undefined;

  @state()
  private query = '';

  @state()
  private load: Load = { state: 'idle' };

  @query('input[type="search"]')
  private search: HTMLInputElement | null | undefined;

  @query('button[part="button"]')
  private trigger: HTMLButtonElement | null | undefined;

  readonly #store = new StoreController(this, () => true);
  readonly #panelId = `cc-templates-${++nextId}`;
  #loadedFor: string | undefined;

  constructor() {
    super();
    new LocalizeController(this);
  }

  /** Opens the list and focuses its search box. */
  show(): void {
    if (this.disabled) return;
    this.open = true;
  }

  /** Closes the list; focus returns to the Templates button. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    void this.updateComplete.then(() => this.trigger?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('channel')) this.#loadedFor = undefined;
    if (this.open && this.#loadedFor !== this.channel) void this.#load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open') && this.open) this.search?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onOutside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  readonly #onOutside = (e: Event): void => {
    if (this.open && !e.composedPath().includes(this)) this.open = false;
  };

  async #load(): Promise<void> {
    const store = this.#store.store;
    const channel = this.channel;
    this.#loadedFor = channel;
    if (!store) return;
    this.load = { state: 'loading' };
    try {
      const templates = await store.listTemplates(channel);
      if (this.channel === channel) this.load = { state: 'loaded', templates };
    } catch (e) {
      this.#loadedFor = undefined;
      this.load = { state: 'failed', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  override render() {
    return html`<button
        class="btn secondary"
        part="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.#panelId}
        ?disabled=${this.disabled}
        @click=${() => (this.open ? this.hide() : this.show())}
      >
        ${t('templates')}
      </button>
      ${this.open ? this.#renderPanel() : nothing}`;
  }

  #renderPanel() {
    return html`<div class="panel" part="panel" id=${this.#panelId} @keydown=${this.#onKeydown}>
      <input
        type="search"
        part="search"
        aria-label=${t('templates.search')}
        placeholder=${t('templates.search')}
        .value=${this.query}
        @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
      />
      ${this.#renderList()}
    </div>`;
  }

  #renderList() {
    switch (this.load.state) {
      case 'idle':
      case 'loading':
        return html`<p class="message" role="status">${t('templates.loading')}</p>`;
      case 'failed':
        return html`<p class="message error" role="alert">${t('templates.loadFailed', { reason: this.load.reason })}</p>`;
      case 'loaded': {
        const shown = filterTemplates(this.load.templates, this.query, this.channel);
        if (shown.length === 0) return html`<p class="message" role="status">${t('templates.none')}</p>`;
        return html`<ul aria-label=${t('templates')}>
          ${shown.map(
            (tpl) => html`<li>
              <button part="option" data-id=${tpl.id} @click=${() => this.#choose(tpl)}>
                <span class="name">${tpl.name}${tpl.locked ? html`<span class="locked">${t('templates.locked')}</span>` : nothing}</span>
                <span class="body">${tpl.body}</span>
              </button>
            </li>`,
          )}
        </ul>`;
      }
    }
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.hide();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const options = [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="option"]') ?? [])];
    if (options.length === 0) return;
    e.preventDefault();
    const current = options.findIndex((o) => o === this.shadowRoot?.activeElement);
    const next = e.key === 'ArrowDown' ? Math.min(current + 1, options.length - 1) : current - 1;
    if (next < 0) this.search?.focus();
    else options[next]?.focus();
  }

  #choose(template: MessageTemplate): void {
    this.dispatchEvent(
      new CustomEvent<CcTemplateSelectDetail>('cc-template-select', { detail: { template }, bubbles: true, composed: true }),
    );
    this.query = '';
    this.hide();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-template-picker': CcTemplatePicker;
  }
  interface HTMLElementEventMap {
    'cc-template-select': CustomEvent<CcTemplateSelectDetail>;
  }
}
