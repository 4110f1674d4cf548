import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { errorMessage } from '../../core/format.js';
import { selectAvailability } from '../../core/store/selectors.js';
import type { AgentAvailability } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { PopoverPositionController } from '../../controllers/popover-position.js';
import { StoreController } from '../../controllers/store-controller.js';
import { styles } from './cc-agent-state.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';

/** States the agent can choose; RONA is entered by the system, never chosen. */
const SELECTABLE: readonly AgentAvailability[] = ['available', 'idle'];

/**
 * The agent's availability, and the control to change it. In **RONA** (an offer went
 * unanswered) no new offers arrive; a notice explains why and **Set Available** is the
 * manual way back (R-OFFER-04).
 *
 * The element is one line high, so it fits a compact top bar: the RONA notice opens as a
 * panel in the top layer (the Popover API), anchored below the state picker and kept
 * inside the viewport; it covers what is under it rather than pushing the host's layout.
 *
 * @summary Agent availability: Available / Idle / RONA.
 * @fires cc-agent-state-change - The agent's state changed at their request (not when the store refused it). Detail: `{ availability }`.
 * @csspart select - The state picker.
 * @csspart indicator - The coloured dot.
 * @csspart rona-notice - The RONA explanation with its Set Available button.
 * @cssprop --cc-color-success - Available dot.
 * @cssprop --cc-color-warning - Idle and busy dot.
 * @cssprop --cc-color-danger - RONA dot, notice border and errors.
 * @cssprop --cc-color-text-muted - Offline dot.
 * @cssprop --cc-color-field-border - State picker border (3:1 against the surface, WCAG 1.4.11).
 */
@customElement('cc-agent-state')
export class CcAgentState extends CcStoreElement {
  static override styles = styles;

  @state()
  private error = '';

  @state()
  private pending = false;

  @query('select')
  private select: HTMLSelectElement | null | undefined;

  readonly #availability = new StoreController(this, selectAvailability);

  constructor() {
    super();
    // Keeps the RONA notice placed below the picker while it shows.
    new PopoverPositionController(this, {
      panel: () => this.renderRoot.querySelector<HTMLElement>('.rona-notice'),
      trigger: () => this.renderRoot.querySelector('.state'),
      maxHeight: 240,
    });
  }

  override render() {
    const current = this.#availability.value;
    if (!current) return html`<span>${t('error.noStore')}</span>`;
    const options = SELECTABLE.includes(current) ? SELECTABLE : [current, ...SELECTABLE];
    return html`<span class="state">
        <span class="dot ${current}" part="indicator" aria-hidden="true"></span>
        <label class="visually-hidden" for="state">${t('agent.state')}</label>
        <select id="state" part="select" ?disabled=${this.pending} @change=${this.#onChange}>
          ${options.map(
            (a) => html`<option value=${a} ?disabled=${!SELECTABLE.includes(a)} ?selected=${a === current}>${t(`agent.${a}`)}</option>`,
          )}
        </select>
      </span>
      ${current === 'rona'
        ? html`<div class="rona-notice" part="rona-notice" role="alert" popover="manual">
            <span>${t('agent.ronaNotice')}</span>
            <button class="btn" ?disabled=${this.pending} @click=${() => this.#set('available')}>${t('agent.setAvailable')}</button>
          </div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${t('agent.changeFailed', { reason: this.error })}</p>` : nothing}`;
  }

  protected override updated(): void {
    // After the options exist, and also after a refused change: the picker shows the store's state.
    const current = this.#availability.value;
    if (this.select && current) this.select.value = current;
  }

  #onChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    const chosen = SELECTABLE.find((a) => a === value);
    if (chosen) void this.#set(chosen);
  }

  async #set(availability: AgentAvailability): Promise<void> {
    const store = this.#availability.store;
    if (!store) return;
    this.error = '';
    this.pending = true;
    try {
      await store.setAgentState(availability);
      this.emit('cc-agent-state-change', { availability });
    } catch (e) {
      this.error = errorMessage(e);
      this.requestUpdate();
    } finally {
      this.pending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-agent-state': CcAgentState;
  }
}
