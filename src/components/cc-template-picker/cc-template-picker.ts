import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { filterTemplates } from '../../content/templates.js';
import { errorMessage } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { PopoverPositionController } from '../../controllers/popover-position.js';
import { StoreConsumer } from '../../controllers/store-controller.js';
import { styles } from './cc-template-picker.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { typedDirection } from '../shared/text-direction.js';

let nextId = 0;

/**
 * The **Templates** button and its searchable list (R-TPL-01). Templates come from the
 * adapter for `channel`, loaded when the list first opens for that channel; when loading
 * fails the list says why and offers **Retry** (opening it again retries too). Choosing one fires
 * `cc-template-select`; what the template does (insert, lock, ask for parameters) is
 * up to the widget that hosts the picker.
 *
 * Keyboard: Enter or Space opens; focus goes to the search box; ArrowDown/ArrowUp move
 * through the list; Enter chooses. Escape, or a click outside on nothing focusable, closes
 * the list and returns focus to the button. Choosing closes the list without moving focus
 * to the button: the hosting pane decides where focus goes (its composer).
 *
 * The list opens in the top layer (the Popover API), so no ancestor's `overflow` clips
 * it: below the button when it fits, otherwise above it, always inside the viewport.
 * `align="end"` lines it up with the button's end edge instead of its start.
 *
 * @summary Searchable template list behind a Templates button.
 * @fires cc-template-select - A template was chosen. Detail: `{ template }`.
 * @csspart button - The Templates button.
 * @csspart panel - The pop-up list.
 * @csspart search - The search box.
 * @csspart option - One template in the list.
 * @csspart retry - Retry after the list failed to load.
 * @cssprop --cc-color-surface - Pop-up background.
 * @cssprop --cc-color-border - Pop-up border and Locked marks.
 * @cssprop --cc-color-field-border - Search box border (3:1 against the surface, WCAG 1.4.11).
 * @cssprop --cc-color-primary - Button.
 * @cssprop --cc-color-surface-alt - The highlighted template.
 * @cssprop --cc-color-text-muted - Template previews, Locked marks and status text.
 * @cssprop --cc-color-danger - Load errors.
 */
@customElement('cc-template-picker')
export class CcTemplatePicker extends CcStoreElement {
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

  @state()
  private query = '';

  @query('input[type="search"]')
  private search: HTMLInputElement | null | undefined;

  @query('button[part="button"]')
  private trigger: HTMLButtonElement | null | undefined;

  @query('.panel')
  private panel: HTMLElement | null | undefined;

  readonly #store = new StoreConsumer(this);
  readonly #panelId = `cc-templates-${++nextId}`;
  readonly #position = new PopoverPositionController(this, {
    panel: () => (this.open ? this.panel : null),
    trigger: () => this.trigger,
    align: () => (this.getAttribute('align') === 'end' ? 'end' : 'start'),
  });
  /** The channel whose templates are wanted: none until the list first opens, then the channel it last opened for. */
  #wanted: Channel | undefined;

    readonly #templates = new Task(this, {
    task: ([store, channel]: readonly [InteractionStore | undefined, Channel | undefined]) =>
      store && channel ? store.listTemplates(channel) : initialState,
    args: () => [this.#store.store, this.#wanted] as const,
  });

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

  /** Places the open list again next to the button (after the page moved it some other way than scrolling or resizing). */
  reposition(): void {
    this.#position.reposition();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The task runs when its args change, later in this update.
    if (this.open) this.#wanted = this.channel;
    if (changed.has('open') && this.open && this.#templates.status === TaskStatus.ERROR) void this.#templates.run();
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
    if (!this.open || e.composedPath().includes(this)) return;
    const focusWasInside = this.shadowRoot?.activeElement != null;
    this.open = false;
    if (!focusWasInside) return;
    // After the click has moved focus: when it landed on nothing focusable, it goes back to the button.
    setTimeout(() => {
      const active = this.ownerDocument.activeElement;
      if (this.isConnected && (active === null || active === this.ownerDocument.body || active === this)) this.trigger?.focus();
    });
  };

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
    return html`<div class="panel" part="panel" id=${this.#panelId} popover="manual" @keydown=${this.#onKeydown}>
      <input
        type="search"
        part="search"
        dir=${ifDefined(typedDirection(this.query))}
        aria-label=${t('templates.search')}
        placeholder=${t('templates.search')}
        .value=${this.query}
        @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
      />
      ${this.#renderList()}
    </div>`;
  }

  #renderList() {
    const loading = () => html`<p class="message" role="status">${t('templates.loading')}</p>`;
    return this.#templates.render({
      initial: loading,
      pending: loading,
      complete: (templates) => this.#renderTemplates(templates),
      error: (e) =>
        html`<p class="message error" role="alert">${t('templates.loadFailed', { reason: errorMessage(e) })}</p>
          <button class="btn secondary" part="retry" @click=${this.#retry}>${t('retry')}</button>`,
    });
  }

  #renderTemplates(templates: readonly MessageTemplate[]) {
    const shown = filterTemplates(templates, this.query, this.channel);
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

  readonly #retry = (): void => {
    // The Retry button goes away while loading: keep focus in the list.
    this.search?.focus();
    void this.#templates.run();
  };

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
    this.emit('cc-template-select', { template });
    this.query = '';
    // Closed without taking focus back: the hosting pane moves it to its composer.
    this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-template-picker': CcTemplatePicker;
  }
}
