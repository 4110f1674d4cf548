import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { capabilitiesOf } from '../../core/channels.js';
import { selectCapabilities } from '../../core/store/selectors.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Consult, Interaction, TransferTarget } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { ariaKeyShortcuts, getShortcuts, type ShortcutAction } from '../../controllers/shortcuts.js';
import { StoreController, type StoreHost } from '../../controllers/store-controller.js';
import type { CcConferenceDialog } from '../cc-conference-dialog/cc-conference-dialog.js';
import type { CcTransferDialog } from '../cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../cc-wrapup-dialog/cc-wrapup-dialog.js';
import { errorMessage as reason } from '../../core/format.js';
import type { CcConsultDetail } from '../../element-events.js';
import type { ConsultPanel } from './consult-panel.js';
import { consultRunning } from './consult-running.js';
import { transferTargetName } from './dialog-parts.js';
import { PreloadController, loadConversationDialogs } from './lazy.js';
import { LazyPart } from './lazy-part.js';

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
  /**
   * Moves focus to the pane's composer, once wrap-up is submitted and the pane shows
   * another interaction; default the host's own `focusComposer()` when it has one.
   */
  readonly focusComposer?: () => void;
  /** The consult thread completed or cancelled a consult: the pane fires `cc-consult`. */
  readonly consulted?: (detail: CcConsultDetail) => void;
}

/** What the controller remembers of an interaction between renders. */
interface Seen {
  readonly status: Interaction['status'];
  readonly conferenceAgent: Interaction['conferenceAgent'];
}

/**
 * The interaction-level actions a conversation pane offers — **Transfer**, **Conference**,
 * **End conference** (owner), **Exit conference** (invited agent), **Wrap up** — and the
 * dialogs behind them, rendered in the pane's shadow root. The wrap-up dialog opens by
 * itself when the shown interaction enters wrap-up: after End, a transfer (R-XFER-05) or
 * the end of a conference (R-CONF-03, R-END-05). It is modal to the pane only
 * (`contained`): other panes, the task list and offers stay usable meanwhile. Once
 * wrap-up is submitted, focus goes to the composer of the interaction the pane shows next,
 * or to the pane's empty-state text.
 *
 * The header notices say what happened to a request made from here: "Transferring to
 * Priya Natarajan…" while a transfer is pending, why it failed or was dropped, and
 * "Samuel Okafor declined the conference" when an invitation is declined (shown until
 * dismissed or the next action).
 *
 * Only what the backend supports is offered (R-CTX-07): **Transfer** without capability
 * `transfer` and **Conference** without `conference` are not shown, and come back as soon as
 * a `capabilities` event says so. While a consult is asked or in progress, Transfer and
 * Conference wait; {@link consult} renders its private thread (chat and SMS panes).
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
  readonly #focusComposer: (() => void) | undefined;
  /** Each interaction when last seen, to notice it entering wrap-up or an invitation being declined. */
  readonly #seen = new Map<string, Seen>();
  /** The interaction shown at the last render. */
  #shownId: string | undefined;
  /** Names of the targets of pending transfers, by interaction. */
  readonly #transferNames = new Map<string, string>();
  /** What became of a conference invitation that came to nothing (declined or unanswered), by interaction, until dismissed or the next action. */
  readonly #declined = new Map<string, { readonly name: string; readonly unanswered: boolean }>();
  #error = '';
  #errorFor: string | undefined;
  /** What the backend supports, followed so that buttons come and go without a reload. */
  readonly #capabilities: StoreController<ReturnType<typeof selectCapabilities>>;
  /** The consult thread: its code loads once the backend can consult, or when a consult shows. */
  readonly #consult: LazyPart<ConsultPanel>;
  /** Why the consult thread's code did not load, until the agent asks again. */
  #consultError = '';
  /** Whether the pane shows consults (chat and SMS do; email does not). */
  #showsConsult = false;
  /** Where each interaction's consult stood at the renders before the thread's code was in. */
  readonly #consultSeen = new Map<string, Consult['state'] | undefined>();

  constructor(host: StoreHost, options: InteractionActionsOptions) {
    this.#host = host;
    this.#interaction = options.interaction;
    this.#store = options.store;
    this.#requestTransfer = options.requestTransfer;
    this.#focusComposer = options.focusComposer;
    host.addController(this);
    this.#capabilities = new StoreController(host, selectCapabilities);
    this.#consult = new LazyPart(host, async () => {
      const { ConsultPanel, consultStyles } = await import('./consult-panel.js');
      const panel = new ConsultPanel(host, {
        store: options.store,
        focusAfter: () => (this.#focusComposer ?? hostFocusComposer(host))?.(),
        reported: options.consulted,
        seenBefore: (id) => this.#consultSeen.get(id),
      });
      return { value: panel, styles: [consultStyles] };
    });
    new PreloadController(host, () => this.#interaction() !== undefined, ['cc-wrapup-dialog', loadConversationDialogs]);
  }

  hostUpdate(): void {
    const i = this.#interaction();
    if (i?.id !== this.#shownId) {
      // Another interaction: a dialog open for the one before has nothing more to do.
      this.#shownId = i?.id;
      for (const tag of ['cc-transfer-dialog', 'cc-conference-dialog', 'cc-wrapup-dialog'] as const) {
        const dialog = this.#dialog<CcTransferDialog | CcConferenceDialog | CcWrapupDialog>(tag);
        if (dialog?.open) dialog.close();
      }
    }
    if (!i) return;
    const before = this.#seen.get(i.id);
    this.#seen.set(i.id, { status: i.status, conferenceAgent: i.conferenceAgent });
    if (before?.status === 'conference-requested' && i.status === 'active' && before.conferenceAgent) {
      this.#declined.set(i.id, { name: before.conferenceAgent.name, unanswered: i.conferenceDeclined?.reason === 'timeout' });
    }
    if (i.status === 'wrapup' && before !== undefined && before.status !== 'wrapup') this.openWrapup();
    const transfer = i.transfer;
    if (transfer?.state === 'pending' && !this.#transferNames.has(i.id)) this.#nameTransferTarget(i, transfer.target);
  }

  /** Looks up the name of a pending transfer's target for the notice. */
  #nameTransferTarget(i: Interaction, target: TransferTarget): void {
    const store = this.#store();
    if (!store) return;
    this.#transferNames.set(i.id, '');
    void transferTargetName(store, i.channel, target).then((name) => {
      if (!name || this.#transferNames.get(i.id) !== '') return;
      this.#transferNames.set(i.id, name);
      this.#host.requestUpdate();
    });
  }

  /** After Submit wrap-up: focus the next conversation's composer, else the pane's empty text. */
  readonly #afterWrapup = (): void => {
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot;
      const inPane = (): boolean => {
        const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
        return active !== null && active !== document.body;
      };
      // Only if focus went nowhere: the agent may already be working elsewhere.
      const lost = document.activeElement === null || document.activeElement === document.body || document.activeElement === this.#host;
      if (!lost) return;
      if (this.#interaction()) {
        const focusComposer = this.#focusComposer ?? hostFocusComposer(this.#host);
        focusComposer?.();
        if (inPane()) return;
      }
      const target = root.querySelector<HTMLElement>('[part~="empty"]') ?? root.querySelector<HTMLElement>('h2');
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
      target.focus();
    });
  };

  /**
   * Asks the host (`cc-transfer-request`), then opens the transfer dialog (R-XFER-01) unless
   * the host cancelled; `false` when the shown interaction cannot be transferred.
   */
  openTransfer(): boolean {
    const i = this.#interaction();
    if (!i || !this.canTransfer(i)) return false;
    this.#dismissDeclined(i.id);
    // A host that shows its own transfer dialog cancels the request.
    if (!this.#requestTransfer(i)) return true;
    // A consult starts from this dialog: its thread's code comes while the agent chooses.
    if (this.#showsConsult && this.#capabilities.value?.consult !== false) this.#consult.preload('now');
    this.#open(i, () => this.#dialog<CcTransferDialog>('cc-transfer-dialog')?.show());
    return true;
  }

  /** Opens the conference dialog (R-CONF-01); `false` when no conference can start now. */
  openConference(): boolean {
    const i = this.#interaction();
    if (!i || !this.#canInvite(i)) return false;
    this.#dismissDeclined(i.id);
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

  #supports(capability: 'transfer' | 'conference'): boolean {
    return this.#capabilities.value?.[capability] !== false;
  }

  /** Whether **Transfer** is offered for `i` now: the backend supports it, the agent owns `i` and works on it, no consult runs. */
  canTransfer(i: Interaction): boolean {
    return this.#supports('transfer') && i.role === 'owner' && (i.status === 'active' || i.status === 'conference') && !consultRunning(i.consult);
  }

  #canInvite(i: Interaction): boolean {
    return (
      this.#supports('conference') && i.role === 'owner' && i.status === 'active' && capabilitiesOf(i.channel).conference && !consultRunning(i.consult)
    );
  }

  /** The consult thread with another agent (R-CTX-06), for the chat and SMS panes; nothing without a consult. */
  consult(i: Interaction): TemplateResult | typeof nothing {
    this.#showsConsult = true;
    const panel = this.#consult.value;
    if (panel) return panel.render(i);
    this.#consultSeen.set(i.id, i.consult?.state);
    if (!i.consult) {
      if (this.#capabilities.value?.consult !== false) this.#consult.preload();
      return nothing;
    }
    if (this.#consultError) {
      return html`<p class="error" part="consult-error" role="alert">
        ${t('consult.loadFailed', { reason: this.#consultError })}
        <button class="btn secondary" @click=${() => this.#loadConsult()}>${t('retry')}</button>
      </p>`;
    }
    this.#loadConsult();
    return nothing;
  }

  #loadConsult(): void {
    if (this.#consultError) {
      this.#consultError = '';
      this.#host.requestUpdate();
    }
    this.#consult.load().then(
      () => undefined,
      (e: unknown) => {
        this.#consultError = reason(e);
        this.#host.requestUpdate();
      },
    );
  }

  /** The action buttons for the pane's header. */
  buttons(i: Interaction): TemplateResult {
    const owner = i.role === 'owner';
    return html`${this.canTransfer(i)
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

  /**
   * Status lines for the header: a pending conference or a declined invitation, a pending,
   * dropped or failed transfer, a failed action.
   */
  notices(i: Interaction): TemplateResult {
    const declined = this.#declined.get(i.id);
    return html`${i.status === 'conference-requested' && i.conferenceAgent
      ? html`<p class="muted" role="status">${t('actions.conferenceRequested', { name: i.conferenceAgent.name })}</p>`
      : nothing}
    ${declined !== undefined && i.status === 'active'
      ? html`<p class="warning" part="conference-declined">
          <span role="status">${t(declined.unanswered ? 'actions.conferenceUnanswered' : 'actions.conferenceDeclined', { name: declined.name })}</span>
          <button class="btn secondary" part="dismiss-notice" @click=${() => this.#dismissDeclined(i.id)}>${t('actions.dismiss')}</button>
        </p>`
      : nothing}
    ${this.#transferNotice(i)}
    ${this.#error && this.#errorFor === i.id ? html`<p class="error header-error" role="alert">${this.#error}</p>` : nothing}`;
  }

  #transferNotice(i: Interaction): TemplateResult | typeof nothing {
    const transfer = i.transfer;
    if (!transfer) return nothing;
    const name = this.#transferNames.get(i.id);
    switch (transfer.state) {
      case 'pending':
        return html`<p class="muted" role="status" part="transfer-pending">
          ${name ? t('actions.transferringTo', { name }) : t('actions.transferring')}
        </p>`;
      case 'dropped':
        return html`<p class="warning" role="status">${name ? t('actions.transferDroppedBy', { name }) : t('actions.transferDropped')}</p>`;
      case 'failed':
        return html`<p class="error header-error" role="alert">${t('actions.transferFailed', { reason: transfer.error || t('actions.transferUnknownReason') })}</p>`;
      case 'completed':
        return nothing;
    }
  }

  #dismissDeclined(id: string): void {
    if (this.#declined.delete(id)) this.#host.requestUpdate();
  }

  /** The dialogs, bound to the shown interaction. The wrap-up dialog is modal to the pane only. */
  dialogs(i: Interaction): TemplateResult {
    const store = this.#store();
    return html`<cc-transfer-dialog interaction-id=${i.id} .store=${store}></cc-transfer-dialog>
      ${capabilitiesOf(i.channel).conference
        ? html`<cc-conference-dialog interaction-id=${i.id} .store=${store}></cc-conference-dialog>`
        : nothing}
      <cc-wrapup-dialog contained interaction-id=${i.id} .store=${store} @cc-wrapup=${this.#afterWrapup}></cc-wrapup-dialog>`;
  }

  #clearError(): void {
    this.#error = '';
    this.#host.requestUpdate();
  }

  async #run(i: Interaction, command: 'endConference' | 'exitConference'): Promise<void> {
    const store = this.#store();
    if (!store) return;
    this.#clearError();
    this.#dismissDeclined(i.id);
    try {
      await (command === 'endConference' ? store.endConference(i.id) : store.exitConference(i.id));
    } catch (e) {
      this.#error = t(command === 'endConference' ? 'actions.endConferenceFailed' : 'actions.exitConferenceFailed', { reason: reason(e) });
      this.#errorFor = i.id;
      this.#host.requestUpdate();
    }
  }
}

/** The host's own `focusComposer()`, when it has one (the conversation panes do). */
function hostFocusComposer(host: ReactiveElement): (() => void) | undefined {
  const candidate: unknown = (host as ReactiveElement & { focusComposer?: unknown }).focusComposer;
  return typeof candidate === 'function' ? () => (candidate as () => void).call(host) : undefined;
}
