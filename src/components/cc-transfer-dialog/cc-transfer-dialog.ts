import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { canTransferTo } from '../../core/channels.js';
import { selectCapabilities } from '../../core/store/selectors.js';
import { isChatChannel, type DirectoryAgent, type Queue, type TransferTarget } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enConsult } from '../../locales/en-consult.js';
import { enDialogs } from '../../locales/en-dialogs.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { StoreController } from '../../controllers/store-controller.js';
import { SearchableListController } from '../../controllers/searchable-list.js';
import {
  agentOption,
  canTransferToSupervisor,
  followDialogInteraction,
  interactionGone,
  isSupervisor,
  listAgentsByAvailability,
  listQueuesFor,
} from '../shared/dialog-parts.js';
import { styles } from './cc-transfer-dialog.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';

registerEnglish(enDialogs);
registerEnglish(enConsult);

/**
 * The **Transfer request** dialog (R-XFER-01…07): transfer a conversation to a **Queue**
 * or an **Agent**. Each list is filtered by a searchbox named **Search**; queues are
 * those serving the interaction's channel, agents show their availability as a coloured
 * icon and in words. Only available agents can be chosen: the others are listed, disabled,
 * with their status. WebChat lists supervisors too, as a group **Supervisors** after the
 * group **Agents**. **Refresh list** reloads both with current availability. Email goes
 * to queues only (R-XFER-07, R-MAIL-17), so it has no Agent choice. Showing another
 * interaction (`interaction-id` changes) while it is open closes it.
 *
 * **Transfer** calls `store.transfer()`; on success the dialog closes and fires
 * `cc-transfer` (the host then shows wrap-up, R-XFER-05). What becomes of the transfer
 * (`completed`, or `dropped` when the agent does not take it, R-XFER-06) is recorded in
 * the store, on `interaction.transfer`. On failure the dialog shows the error and stays
 * open; the interaction is untouched.
 *
 * **Consult** (R-CTX-06), beside Transfer when an agent is chosen on a chat channel and the
 * backend supports consult (capability `consult`, followed live): calls
 * `store.startConsult()` and closes; the pane then shows the private thread with that agent.
 * On failure the dialog shows the error and stays open, the choice kept.
 *
 * Modal (R-X-02): focus moves into the dialog (on the Queue/Agent choice), is trapped
 * there, and returns to where it was on close; Escape or **Cancel** closes it with no
 * side effect. The lists reload each time it opens.
 *
 * @summary Modal dialog to transfer a conversation to a queue or an agent.
 * @fires cc-transfer - The transfer was started. Detail: `{ interactionId, target }`.
 * @fires cc-consult - The consult was asked for (**Consult**). Detail: `{ interactionId, agentId, step: 'started' }`.
 * @fires cc-dialog-close - The dialog closed. Detail: `{ reason: 'completed' | 'cancel' | 'escape' | 'api' }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The "Transfer request" heading.
 * @csspart body - Choice, search and list.
 * @csspart kind - The Queue / Agent choice.
 * @csspart search - The searchbox.
 * @csspart refresh - The Refresh list button.
 * @csspart listbox - The list of queues or agents.
 * @csspart option - One queue or agent.
 * @csspart option-disabled - An agent who cannot take the transfer now (also `option`).
 * @csspart group - The Agents or Supervisors group of the WebChat agent list.
 * @csspart group-label - The name of a group.
 * @csspart availability-icon - An agent's availability dot.
 * @csspart selection - The "Selected: …" line.
 * @csspart retry - Retry after the list failed to load.
 * @csspart error - The error shown when the transfer fails.
 * @csspart actions - The Cancel, Consult and Transfer buttons.
 * @csspart dismiss - The Cancel button.
 * @csspart consult - The Consult button (an agent chosen on a chat channel, when the backend supports consult).
 * @csspart confirm - The Transfer button.
 * @cssprop --cc-color-surface - Dialog background.
 * @cssprop --cc-color-surface-alt - Hovered and selected options.
 * @cssprop --cc-color-text - Text; the backdrop is a translucent shade of it.
 * @cssprop --cc-color-text-muted - Hints and availability text.
 * @cssprop --cc-color-border - Dialog border.
 * @cssprop --cc-color-field-border - Searchbox and list borders (3:1 against the surface, WCAG 1.4.11).
 * @cssprop --cc-color-primary - Buttons and the selection mark.
 * @cssprop --cc-color-success - Available agents' dot.
 * @cssprop --cc-color-warning - Idle and busy agents' dot.
 * @cssprop --cc-color-danger - RONA agents' dot and errors.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-transfer-dialog')
export class CcTransferDialog extends CcStoreElement {
  static override styles = styles;

  /** Id of the interaction to transfer. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Whether the dialog is shown; `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Transfer to a queue or to an agent (always `queue` for email). */
  @state()
  private kind: TransferTarget['kind'] = 'queue';

  readonly #interaction = followDialogInteraction(this);

  // Followed so that Consult comes and goes with the backend's capabilities while open.
  readonly #capabilities = new StoreController(this, selectCapabilities);

  readonly #queues = new SearchableListController<Queue>(this, { label: () => t('transfer.queues') });

  readonly #agents = new SearchableListController<DirectoryAgent>(this, {
    label: () => t('transfer.agents'),
    renderItem: agentOption,
    // Only an available agent can take the conversation: a transfer to anyone else drops it.
    disabled: (agent) => agent.availability !== 'available',
    group: (agent) => (this.#supervisors ? t(isSupervisor(agent) ? 'transfer.supervisors' : 'transfer.agents') : undefined),
  });

  readonly #modal = new ModalDialogController(this, {
    onOpen: () => this.#onOpen(),
    initialFocus: () => this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]:checked') ?? this.#list.searchbox,
  });

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog without transferring. */
  close(): void {
    this.#modal.close('api');
  }

  /** Whether the interaction's channel may go to an agent, or to queues only (email). */
  get #queuesOnly(): boolean {
    const channel = this.#interaction.value?.channel;
    return channel !== undefined && !canTransferTo(channel, 'agent');
  }

  /** Whether supervisors are listed, after the agents (WebChat). */
  get #supervisors(): boolean {
    const channel = this.#interaction.value?.channel;
    return channel !== undefined && canTransferToSupervisor(channel);
  }

  get #list(): SearchableListController<Queue> | SearchableListController<DirectoryAgent> {
    return this.kind === 'agent' && !this.#queuesOnly ? this.#agents : this.#queues;
  }

  get #target(): TransferTarget | undefined {
    if (this.kind === 'agent' && !this.#queuesOnly) {
      const agent = this.#agents.selected[0];
      return agent && { kind: 'agent', agentId: agent.id };
    }
    const queue = this.#queues.selected[0];
    return queue && { kind: 'queue', queueId: queue.id };
  }

  #onOpen(): void {
    this.kind = 'queue';
    this.#queues.reset();
    this.#agents.reset();
    this.#load();
  }

  #load(): void {
    const store = this.#interaction.store;
    const channel = this.#interaction.value?.channel;
    if (!store || !channel) return;
    void this.#queues.load(() => listQueuesFor(store, channel));
    const supervisors = canTransferToSupervisor(channel);
    if (canTransferTo(channel, 'agent')) void this.#agents.load(() => listAgentsByAvailability(store, { supervisors }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another interaction while open: the target was chosen for the one before.
    if (changed.has('interactionId') && changed.get('interactionId') !== undefined && this.open) this.#modal.close('api');
  }

  readonly #refresh = (): void => {
    void this.#queues.reload();
    if (!this.#queuesOnly) void this.#agents.reload();
  };

  /** Whether **Consult** is offered: an agent target on a chat channel the owner works on, and a backend with consult. */
  get #consultOffered(): boolean {
    const i = this.#interaction.value;
    if (!i || this.kind !== 'agent' || this.#queuesOnly || !isChatChannel(i.channel)) return false;
    const running = i.consult?.state === 'requested' || i.consult?.state === 'started';
    return this.#capabilities.value?.consult === true && i.role === 'owner' && i.status === 'active' && !running;
  }

  override render() {
    const interaction = this.#interaction.value;
    const target = this.#target;
    const ready = interaction !== undefined && target !== undefined;
    const busy = this.#modal.pending ? 'true' : 'false';
    const press = (run: () => void) => () => ready && !this.#modal.pending && run();
    return this.#modal.renderDialog({
      title: t('transfer.title'),
      body: html`<div class="body" part="body">${interaction ? this.#renderBody() : interactionGone()}</div>`,
      actions: html`<button class="btn secondary" part="dismiss" @click=${() => !this.#modal.pending && this.#modal.close('cancel')}>${t('cancel')}</button>
        ${this.#consultOffered
          ? html`<button class="btn secondary" part="consult" ?disabled=${!ready} aria-disabled=${busy} @click=${press(() => void this.#consult())}>
              ${t('consult')}
            </button>`
          : nothing}
        <button class="btn" part="confirm" ?disabled=${!ready} aria-disabled=${busy} @click=${press(() => void this.#transfer())}>${t('transfer')}</button>`,
    });
  }

  #renderBody() {
    return html`${this.#queuesOnly
        ? html`<p class="note">${t('transfer.emailQueuesOnly')}</p>`
        : html`<fieldset part="kind">
            <legend>${t('transfer.to')}</legend>
            ${(['queue', 'agent'] as const).map(
              (kind) => html`<label>
                <input type="radio" name="kind" .checked=${live(this.kind === kind)} @change=${() => (this.kind = kind)} />
                ${t(kind === 'queue' ? 'transfer.queue' : 'transfer.agent')}
              </label>`,
            )}
          </fieldset>`}
      ${this.#list.render({ onRefresh: this.#refresh })}
      ${this.#list === this.#agents ? html`<p class="note">${t('transfer.availableOnly')}</p>` : nothing}`;
  }

  async #consult(): Promise<void> {
    const store = this.#interaction.store;
    const interactionId = this.#interaction.value?.id;
    const target = this.#target;
    if (!store || !interactionId || target?.kind !== 'agent') return;
    if (!(await this.#modal.run('consult.startFailed', () => store.startConsult(interactionId, target.agentId)))) return;
    this.#modal.close('completed');
    this.emit('cc-consult', { interactionId, agentId: target.agentId, step: 'started' });
  }

  async #transfer(): Promise<void> {
    const store = this.#interaction.store;
    const interactionId = this.#interaction.value?.id;
    const target = this.#target;
    if (!store || !interactionId || !target) return;
    if (!(await this.#modal.run('transfer.failed', () => store.transfer(interactionId, target)))) return;
    this.#modal.close('completed');
    this.emit('cc-transfer', { interactionId, target });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-transfer-dialog': CcTransferDialog;
  }
}
