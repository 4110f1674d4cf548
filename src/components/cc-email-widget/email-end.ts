import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage as reason } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';

/** What ending an email conversation needs from its pane. */
export interface EmailEndOptions {
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** The store ended the interaction: the pane reports it (`cc-end`). */
  readonly ended: (interactionId: string) => void;
}

/** Why the last attempt to end an interaction failed, and when. */
interface EndError {
  readonly interactionId: string;
  /** `send`: ending after a sent reply; `end`: the End button. */
  readonly after: 'send' | 'end';
  readonly reason: string;
}

/**
 * Ending an email conversation: after a sent reply, or with **End** for an email that
 * needs no reply, which asks for confirmation first (and says that an unsent draft will be
 * discarded). A refusal is shown in the header with its reason; the conversation stays
 * usable. Wrap-up follows through the pane's interaction actions.
 */
export class EmailEnd {
  readonly #host: ReactiveElement;
  readonly #options: EmailEndOptions;
  readonly #confirm: ModalDialogController;
  #error: EndError | undefined;

  constructor(host: ReactiveElement, options: EmailEndOptions) {
    this.#host = host;
    this.#options = options;
    this.#confirm = new ModalDialogController(host, {
      ownState: true,
      // Back to End whichever way the confirm closes (when End is still there).
      returnFocus: () => host.renderRoot.querySelector<HTMLElement>('button[part="end"]'),
      // The pane reports ending with `cc-end`; the confirm's own closing is not the page's business.
      onClose: () => undefined,
    });
  }

  /** Whether the agent may end the interaction from the pane: it is active and theirs. */
  static canEnd(i: Interaction): boolean {
    return i.status === 'active' && i.role === 'owner';
  }

  /** Asks the agent to confirm ending the interaction. */
  request(i: Interaction): void {
    if (!EmailEnd.canEnd(i)) return;
    this.#clear(i.id);
    this.#confirm.show();
  }

  /**
   * Ends the interaction; `after` says why (a sent reply, or End). Resolves `true` once the
   * store ended it; on failure the header says why and the conversation stays as it was.
   */
  async end(i: Interaction, after: 'send' | 'end'): Promise<boolean> {
    const store = this.#options.store();
    if (!store) return false;
    this.#clear(i.id);
    try {
      await store.end(i.id);
    } catch (e) {
      this.#error = { interactionId: i.id, after, reason: reason(e) };
      this.#host.requestUpdate();
      return false;
    }
    this.#options.ended(i.id);
    return true;
  }

  #clear(interactionId: string): void {
    if (this.#error?.interactionId !== interactionId) return;
    this.#error = undefined;
    this.#host.requestUpdate();
  }

  /** The End button for the header's actions, while the agent may end the interaction. */
  renderButton(i: Interaction): TemplateResult | typeof nothing {
    if (!EmailEnd.canEnd(i)) return nothing;
    return html`<button class="btn danger" part="end" @click=${() => this.request(i)}>${t('end')}</button>`;
  }

  /** The header line of a failed end, for the shown interaction. */
  renderError(i: Interaction): TemplateResult | typeof nothing {
    const error = this.#error;
    if (error?.interactionId !== i.id || i.status !== 'active') return nothing;
    const text = error.after === 'send' ? t('email.endAfterSendFailed', { reason: error.reason }) : t('end.failed', { reason: error.reason });
    return html`<p class="error header-error" part="error" role="alert">${text}</p>`;
  }

  /** The confirmation dialog; `draft` when an unsent draft would be discarded. */
  renderConfirm(i: Interaction, draft: boolean): TemplateResult {
    return this.#confirm.render({
      title: t('email.end.title'),
      description: t(draft ? 'email.end.draft' : 'email.end.noReply'),
      part: 'confirm',
      confirm: {
        label: t('email.end.confirm'),
        ready: true,
        danger: true,
        part: 'confirm-end',
        run: () => {
          this.#confirm.close('completed');
          void this.end(i, 'end');
        },
      },
    });
  }
}
