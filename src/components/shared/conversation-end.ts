import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage as reason } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import type { ModalDialogController } from '../../controllers/modal-dialog.js';
import { lazyDialog } from './lazy-dialog.js';
import type { LazyPart } from './lazy-part.js';

/** The confirmation's words and parts, as the pane wants them for one interaction. */
export interface EndConfirmation {
  readonly title: string;
  readonly description: string;
  /** The confirming button's label. */
  readonly label: string;
  /** The confirming button's part name. */
  readonly part: string;
}

/** What ending a conversation needs from its pane. */
export interface ConversationEndOptions {
  /** The store in use. */
  readonly store: () => InteractionStore | undefined;
  /** The store ended the interaction: the pane reports it (`cc-end`). */
  readonly ended: (interactionId: string) => void;
  /** Whether the agent may end `i` from the pane now. */
  readonly canEnd: (i: Interaction) => boolean;
  /** The End button's `aria-keyshortcuts`, when a shortcut ends the conversation. */
  readonly keys?: () => string | typeof nothing;
  /** The header line for a failed end after a sent reply (the email pane ends on Send). */
  readonly failedAfterSend?: (reason: string) => string;
}

/** Why the last attempt to end an interaction failed, and when. */
interface EndError {
  readonly interactionId: string;
  /** `send`: ending after a sent reply; `end`: the End button. */
  readonly after: 'send' | 'end';
  readonly reason: string;
}

/**
 * Ending a conversation from its pane (R-END-01): **End** asks for confirmation in a
 * dialog, then the store ends the interaction and the pane reports it; a refusal is shown
 * in the header with its reason, and the conversation stays usable. The dialog's code comes
 * once End shows and the browser is idle, or when the agent presses End first. Wrap-up
 * follows through the pane's interaction actions.
 */
export class ConversationEnd {
  readonly #host: ReactiveElement;
  readonly #options: ConversationEndOptions;
  readonly #confirm: LazyPart<ModalDialogController>;
  #error: EndError | undefined;

  constructor(host: ReactiveElement, options: ConversationEndOptions) {
    this.#host = host;
    this.#options = options;
    this.#confirm = lazyDialog(host, {
      ownState: true,
      // Back to End whichever way the confirm closes (when End is still there).
      returnFocus: () => host.renderRoot.querySelector<HTMLElement>('button[part="end"]'),
      // The pane reports ending with `cc-end`; the confirm's own closing is not the page's business.
      onClose: () => undefined,
    });
  }

  /** Whether the agent may end `i` from the pane now. */
  canEnd(i: Interaction): boolean {
    return this.#options.canEnd(i);
  }

  /** Asks the agent to confirm ending the interaction. */
  request(i: Interaction): void {
    if (!this.#options.canEnd(i)) return;
    this.#clear(i.id);
    this.#confirm.load().then(
      (confirm) => confirm.show(),
      (e: unknown) => this.#fail(i, 'end', e),
    );
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
      this.#fail(i, after, e);
      return false;
    }
    this.#options.ended(i.id);
    return true;
  }

  #fail(i: Interaction, after: 'send' | 'end', e: unknown): void {
    this.#error = { interactionId: i.id, after, reason: reason(e) };
    this.#host.requestUpdate();
  }

  #clear(interactionId: string): void {
    if (this.#error?.interactionId !== interactionId) return;
    this.#error = undefined;
    this.#host.requestUpdate();
  }

  /** The End button for the header's actions, while the agent may end the interaction. */
  renderButton(i: Interaction): TemplateResult | typeof nothing {
    if (!this.#options.canEnd(i)) return nothing;
    return html`<button class="btn danger" part="end" aria-keyshortcuts=${this.#options.keys?.() ?? nothing} @click=${() => this.request(i)}>
      ${t('end')}
    </button>`;
  }

  /** The header line of a failed end, for the shown interaction. */
  renderError(i: Interaction): TemplateResult | typeof nothing {
    const error = this.#error;
    if (error?.interactionId !== i.id || i.status !== 'active') return nothing;
    const after = this.#options.failedAfterSend;
    const text = error.after === 'send' && after ? after(error.reason) : t('end.failed', { reason: error.reason });
    return html`<p class="error header-error" part="error" role="alert">${text}</p>`;
  }

  /** The confirmation dialog, once its code is in (until then nothing, and it loads when the browser is idle). */
  renderConfirm(i: Interaction, words: EndConfirmation): TemplateResult | typeof nothing {
    const confirm = this.#confirm.value;
    if (!confirm) {
      if (this.#options.canEnd(i)) this.#confirm.preload();
      return nothing;
    }
    return confirm.render({
      title: words.title,
      description: words.description,
      part: 'confirm',
      confirm: {
        label: words.label,
        ready: true,
        danger: true,
        part: words.part,
        run: () => {
          confirm.close('completed');
          void this.end(i, 'end');
        },
      },
    });
  }
}
