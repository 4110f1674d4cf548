import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DirectoryAgent } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enDialogs } from '../../locales/en-dialogs.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { SearchableListController } from '../../controllers/searchable-list.js';
import { agentOption, interactionGone, followDialogInteraction, listAgentsByAvailability } from '../shared/dialog-parts.js';
import { styles } from './cc-conference-dialog.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';

registerEnglish(enDialogs);

/**
 * The **Conference request** dialog (R-CONF-01): pick another agent for a three-party
 * chat (agent, customer, second agent). The agents are filtered by a searchbox named
 * **Search** and show their availability as a coloured icon (green = available) and in
 * words; **Refresh list** reloads them.
 *
 * **Conference** calls `store.inviteToConference()`; on success the dialog closes and
 * fires `cc-conference`. The interaction is then *conference requested*, and becomes
 * *conference* with an "… joined the chat" notice when the agent accepts (R-CONF-02),
 * or *active* again when the agent declines (the pane then says so). Every agent is
 * listed, whatever their status; supervisors are not. Showing another interaction
 * (`interaction-id` changes) while it is open closes it. On failure the dialog shows the
 * error and stays open.
 *
 * Modal (R-X-02): focus moves to the searchbox, is trapped in the dialog and returns to
 * where it was on close; Escape or **Cancel** closes it with no side effect.
 *
 * @summary Modal dialog to invite an agent to a conference.
 * @fires cc-conference - The invitation was sent. Detail: `{ interactionId, agentId }`.
 * @fires cc-dialog-close - The dialog closed. Detail: `{ reason: 'completed' | 'cancel' | 'escape' | 'api' }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The "Conference request" heading.
 * @csspart body - Search and list.
 * @csspart search - The searchbox.
 * @csspart refresh - The Refresh list button.
 * @csspart listbox - The list of agents.
 * @csspart option - One agent.
 * @csspart availability-icon - An agent's availability dot.
 * @csspart selection - The "Selected: …" line.
 * @csspart retry - Retry after the list failed to load.
 * @csspart error - The error shown when the invitation fails.
 * @csspart actions - The Cancel and Conference buttons.
 * @csspart dismiss - The Cancel button.
 * @csspart confirm - The Conference button.
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
@customElement('cc-conference-dialog')
export class CcConferenceDialog extends CcStoreElement {
  static override styles = styles;

  /** Id of the interaction to hold the conference in. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Whether the dialog is shown; `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  readonly #interaction = followDialogInteraction(this);

  readonly #agents = new SearchableListController<DirectoryAgent>(this, { label: () => t('conference.agents'), renderItem: agentOption });

  readonly #modal = new ModalDialogController(this, {
    onOpen: () => {
      const store = this.#interaction.store;
      this.#agents.reset();
      if (store) void this.#agents.load(() => listAgentsByAvailability(store));
    },
    initialFocus: () => this.#agents.searchbox,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another interaction while open: the invitation was meant for the one before.
    if (changed.has('interactionId') && changed.get('interactionId') !== undefined && this.open) this.#modal.close('api');
  }

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog without inviting anyone. */
  close(): void {
    this.#modal.close('api');
  }

  override render() {
    const interaction = this.#interaction.value;
    return this.#modal.render({
      title: t('conference.title'),
      body: interaction
        ? this.#agents.render({ onRefresh: () => void this.#agents.reload() })
        : interactionGone(),
      confirm: { label: t('conference'), ready: interaction !== undefined && this.#agents.selected.length > 0, run: () => void this.#invite() },
    });
  }

  async #invite(): Promise<void> {
    const store = this.#interaction.store;
    const interactionId = this.#interaction.value?.id;
    const agentId = this.#agents.selected[0]?.id;
    if (!store || !interactionId || !agentId) return;
    if (!(await this.#modal.run('conference.failed', () => store.inviteToConference(interactionId, agentId)))) return;
    this.#modal.close('completed');
    this.emit('cc-conference', { interactionId, agentId });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-conference-dialog': CcConferenceDialog;
  }
}
