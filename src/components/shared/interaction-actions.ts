import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { capabilitiesOf } from '../../core/channels.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { ariaKeyShortcuts, getShortcuts, type ShortcutAction } from '../../controllers/shortcuts.js';
import type { CcConferenceDialog } from '../cc-conference-dialog/cc-conference-dialog.js';
import type { CcTransferDialog } from '../cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../cc-wrapup-dialog/cc-wrapup-dialog.js';
import { errorMessage as reason } from '../../core/format.js';
import { PreloadController, loadConversationDialogs } from './lazy.js';

/** `aria-keyshortcuts` for an action's current binding. */
export function keysFor(action: ShortcutAction): string | typeof nothing {
  const binding = getShortcuts()[action];
  return binding ? ariaKeyShortcuts(binding) : nothing;
}

/** Options of an {@link InteractionActionsController}. */
export interface InteractionActionsOptions {
  /** The interaction the pane shows. */
  readonly interaction: () => Interaction | undefined;
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** Fires the pane's cancelable `cc-transfer-request`; `false` when the host cancelled it (it shows its own dialog). */
  readonly requestTransfer: (i: Interaction) => boolean;
}

/**
 * The interaction-level actions a conversation pane offers — **Transfer**, **Conference**,
 * **End conference** (owner), **Exit conference** (invited agent), **Wrap up** — and the
 * dialogs behind them, rendered in the pane's shadow root. The wrap-up dialog opens by
 * itself when the shown interaction enters wrap-up: after End, a transfer (R-XFER-05) or
 * the end of a conference (R-CONF-03, R-END-05).
 *
 * The dialogs are loaded when the browser is first idle after the pane shows a
 * conversation, or when one is asked for, whichever comes first; an action asked for
 * before they have loaded opens its dialog once they have. A failed load is reported in
 * the header with a localised error, and the next attempt loads again.
 */
export class InteractionActionsController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #interaction: () => Interaction | undefined;
  readonly #store: () => InteractionStore | undefined;
  readonly #requestTransfer: (i: Interaction) => boolean;
  /** Status of each interaction when last seen, to notice it entering wrap-up. */
  readonly #lastStatus = new Map<string, Interaction['status']>();
  #error = '';
  #errorFor: string | undefined;

  constructor(host: ReactiveElement, options: InteractionActionsOptions) {
    this.#host = host;
    this.#interaction = options.interaction;
    this.#store = options.store;
    this.#requestTransfer = options.requestTransfer;
    host.addController(this);
    new PreloadController(host, () => this.#interaction() !== undefined, ['cc-wrapup-dialog', loadConversationDialogs]);
  }

  hostUpdated(): void {
    const i = this.#interaction();
    if (!i) return;
    const before = this.#lastStatus.get(i.id);
    this.#lastStatus.set(i.id, i.status);
    if (i.status === 'wrapup' && before !== undefined && before !== 'wrapup') this.openWrapup();
  }

  /**
   * Asks the host (`cc-transfer-request`), then opens the transfer dialog (R-XFER-01) unless
   * the host cancelled; `false` when the shown interaction cannot be transferred.
   */
  openTransfer(): boolean {
    const i = this.#interaction();
    if (!i || !this.#canTransfer(i)) return false;
    // A host that shows its own transfer dialog cancels the request.
    if (!this.#requestTransfer(i)) return true;
    this.#open(i, () => this.#dialog<CcTransferDialog>('cc-transfer-dialog')?.show());
    return true;
  }

  /** Opens the conference dialog (R-CONF-01); `false` when no conference can start now. */
  openConference(): boolean {
    const i = this.#interaction();
    if (!i || !this.#canInvite(i)) return false;
    this.#open(i, () => this.#dialog<CcConferenceDialog>('cc-conference-dialog')?.show());
    return true;
  }

  /** Opens (or reopens) the wrap-up dialog while the interaction is in wrap-up (R-END-02). */
  openWrapup(): boolean {
    const i = this.#interaction();
    if (!i || i.status !== 'wrapup') return false;
    this.#open(i, () => this.#dialog<CcWrapupDialog>('cc-wrapup-dialog')?.show());
    return true;
  }

  /** The pane's dialog element of `tag` (the pane renders one of each). */
  #dialog<T extends Element>(tag: 'cc-transfer-dialog' | 'cc-conference-dialog' | 'cc-wrapup-dialog'): T | null {
    return this.#host.renderRoot.querySelector<T>(tag);
  }

  /** Loads the dialogs if need be, then calls `show` once the pane has rendered them. */
  #open(i: Interaction, show: () => void): void {
    loadConversationDialogs().then(
      () => {
        if (this.#errorFor === i.id) this.#clearError();
        return this.#host.updateComplete.then(show);
      },
      (e: unknown) => {
        this.#error = t('actions.dialogFailed', { reason: reason(e) });
        this.#errorFor = i.id;
        this.#host.requestUpdate();
      },
    );
  }

  #canTransfer(i: Interaction): boolean {
    return i.role === 'owner' && (i.status === 'active' || i.status === 'conference');
  }

  #canInvite(i: Interaction): boolean {
    return i.role === 'owner' && i.status === 'active' && capabilitiesOf(i.channel).conference;
  }

  /** The action buttons for the pane's header. */
  buttons(i: Interaction): TemplateResult {
    const owner = i.role === 'owner';
    return html`${this.#canTransfer(i)
      ? html`<button class="btn secondary" part="transfer" aria-keyshortcuts=${keysFor('transfer')} @click=${() => this.openTransfer()}>
          ${t('transfer')}
        </button>`
      : nothing}
    ${this.#canInvite(i)
      ? html`<button class="btn secondary" part="conference" aria-keyshortcuts=${keysFor('conference')} @click=${() => this.openConference()}>
          ${t('conference')}
        </button>`
      : nothing}
    ${owner && i.status === 'conference'
      ? html`<button class="btn secondary" part="end-conference" @click=${() => void this.#run(i, 'endConference')}>${t('endConference')}</button>`
      : nothing}
    ${!owner && i.status === 'conference'
      ? html`<button class="btn secondary" part="exit-conference" @click=${() => void this.#run(i, 'exitConference')}>${t('exitConference')}</button>`
      : nothing}
    ${i.status === 'wrapup'
      ? html`<button class="btn" part="wrapup" @click=${() => this.openWrapup()}>${t('actions.wrapup')}</button>`
      : nothing}`;
  }

  /** Status lines for the header: a pending conference, a dropped transfer, a failed action. */
  notices(i: Interaction): TemplateResult {
    return html`${i.status === 'conference-requested' && i.conferenceAgent
      ? html`<p class="muted" role="status">${t('actions.conferenceRequested', { name: i.conferenceAgent.name })}</p>`
      : nothing}
    ${i.transfer?.state === 'dropped' ? html`<p class="warning" role="status">${t('actions.transferDropped')}</p>` : nothing}
    ${this.#error && this.#errorFor === i.id ? html`<p class="error header-error" role="alert">${this.#error}</p>` : nothing}`;
  }

  /** The dialogs, bound to the shown interaction. */
  dialogs(i: Interaction): TemplateResult {
    const store = this.#store();
    return html`<cc-transfer-dialog interaction-id=${i.id} .store=${store}></cc-transfer-dialog>
      ${capabilitiesOf(i.channel).conference
        ? html`<cc-conference-dialog interaction-id=${i.id} .store=${store}></cc-conference-dialog>`
        : nothing}
      <cc-wrapup-dialog interaction-id=${i.id} .store=${store}></cc-wrapup-dialog>`;
  }

  #clearError(): void {
    this.#error = '';
    this.#host.requestUpdate();
  }

  async #run(i: Interaction, command: 'endConference' | 'exitConference'): Promise<void> {
    const store = this.#store();
    if (!store) return;
    this.#clearError();
    try {
      await (command === 'endConference' ? store.endConference(i.id) : store.exitConference(i.id));
    } catch (e) {
      this.#error = t(command === 'endConference' ? 'actions.endConferenceFailed' : 'actions.exitConferenceFailed', { reason: reason(e) });
      this.#errorFor = i.id;
      this.#host.requestUpdate();
    }
  }
}
