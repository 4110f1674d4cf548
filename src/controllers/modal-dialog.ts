import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { MessageKey } from '../locales/en.js';
import { FocusTrapController } from './focus-trap.js';
import { t } from './localize.js';

/**
 * Why a dialog closed: `completed` (its command succeeded), `cancel` (the dismiss
 * button), `escape`, or `api` (`close()` or `open = false`).
 */
export type CcDialogCloseReason = 'completed' | 'cancel' | 'escape' | 'api';

/** Detail of `cc-dialog-close`. */
export interface CcDialogCloseDetail {
  readonly reason: CcDialogCloseReason;
}

/** An element that shows a modal dialog while its `open` property is true. */
export interface ModalDialogHost extends ReactiveElement {
  open: boolean;
}

/** Options of a {@link ModalDialogController}. */
export interface ModalDialogOptions {
  /** Called as the dialog opens, before it renders (load lists, reset a form). */
  readonly onOpen?: () => void;
  /** What gets focus once the dialog is shown; default the first focusable element. */
  readonly initialFocus?: () => HTMLElement | null | undefined;
}

/** What {@link ModalDialogController.render} draws. */
export interface ModalDialogContent {
  /** The heading, which names the dialog. */
  readonly title: string;
  readonly body: unknown;
  /** The confirm button: its name, whether it can be pressed, and what it does. */
  readonly confirm: { readonly label: string; readonly ready: boolean; readonly run: () => void };
  /** Name of the dismiss button; default **Cancel**. */
  readonly dismiss?: string;
}

// The focused element, looking inside shadow roots (a widget's Transfer button, say).
function deepActiveElement(): HTMLElement | undefined {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : undefined;
}

/**
 * The modal part of the transfer, conference and wrap-up dialogs (R-X-02): a native
 * `<dialog>` shown with `showModal()` while the host's `open` is true, labelled by its
 * heading; focus moves in, is trapped ({@link FocusTrapController}) and goes back to
 * where it was when the dialog closes. Escape and the dismiss button close it without
 * side effects, except while its command runs. A command's failure is shown inside the
 * dialog (`role="alert"`), which stays open.
 *
 * The host fires `cc-dialog-close` (bubbling, composed) with the reason whenever the dialog closes.
 */
export class ModalDialogController implements ReactiveController {
  readonly #host: ModalDialogHost;
  readonly #options: ModalDialogOptions;
  #shown = false;
  #returnFocus: HTMLElement | undefined;
  #pending = false;
  #error: { readonly key: MessageKey; readonly reason: string } | undefined;

  constructor(host: ModalDialogHost, options: ModalDialogOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    new FocusTrapController(host, () => {
      const dialog = this.#dialog;
      return dialog?.open ? dialog : null;
    });
  }

  /** True while the confirm command runs. */
  get pending(): boolean {
    return this.#pending;
  }

  hostConnected(): void {
    // Moved in the page while open: show it again.
    if (this.#host.open) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.#host.open && !this.#shown) {
      this.#shown = true;
      this.#returnFocus = deepActiveElement();
      this.#error = undefined;
      this.#options.onOpen?.();
    }
  }

  hostUpdated(): void {
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.#host.open && !dialog.matches(':modal')) {
      if (!dialog.isConnected) return;
      // Re-attached, the dialog may still be open but no longer modal.
      if (dialog.open) dialog.close();
      dialog.showModal();
      const target = this.#options.initialFocus?.();
      if (target) target.focus();
    } else if (!this.#host.open && this.#shown) {
      this.#finish('api');
    }
  }

  /** Closes the dialog, restores focus and fires `cc-dialog-close`. */
  close(reason: CcDialogCloseReason = 'api'): void {
    if (this.#shown) this.#finish(reason);
    else this.#host.open = false;
  }

  /**
   * Runs the dialog's command: the confirm button is busy meanwhile. Resolves `true` on
   * success; on failure shows `t(errorKey, { reason })` in the dialog and resolves `false`.
   */
  async run(errorKey: MessageKey, command: () => Promise<unknown>): Promise<boolean> {
    if (this.#pending) return false;
    this.#pending = true;
    this.#error = undefined;
    this.#host.requestUpdate();
    try {
      await command();
      return true;
    } catch (e) {
      this.#error = { key: errorKey, reason: e instanceof Error ? e.message : String(e) };
      return false;
    } finally {
      this.#pending = false;
      this.#host.requestUpdate();
    }
  }

  /** The `<dialog>` with its heading, body, error and the dismiss and confirm buttons. */
  render(content: ModalDialogContent): TemplateResult {
    const { title, body, confirm } = content;
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <h2 id="title" part="heading">${title}</h2>
      <div class="body" part="body">${body}</div>
      ${this.#error ? html`<p class="message error" part="error" role="alert">${t(this.#error.key, { reason: this.#error.reason })}</p>` : nothing}
      <div class="actions" part="actions">
        <button class="btn secondary" part="dismiss" @click=${() => !this.#pending && this.close('cancel')}>${content.dismiss ?? t('cancel')}</button>
        <button
          class="btn"
          part="confirm"
          ?disabled=${!confirm.ready}
          aria-disabled=${this.#pending ? 'true' : 'false'}
          @click=${() => confirm.ready && !this.#pending && confirm.run()}
        >
          ${confirm.label}
        </button>
      </div>
    </dialog>`;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  #finish(reason: CcDialogCloseReason): void {
    this.#shown = false;
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
    this.#host.open = false;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
    this.#host.dispatchEvent(new CustomEvent<CcDialogCloseDetail>('cc-dialog-close', { detail: { reason }, bubbles: true, composed: true }));
  }

  readonly #onCancel = (e: Event): void => {
    // Closed by hand so focus and the event follow the same path as the buttons; kept open while a command runs.
    e.preventDefault();
    if (!this.#pending) this.close('escape');
  };

  readonly #onClose = (): void => {
    // The browser may close a dialog on Escape without a cancelable `cancel` event.
    if (this.#shown && !this.#dialog?.open) this.#finish('escape');
  };
}

declare global {
  interface HTMLElementEventMap {
    'cc-dialog-close': CustomEvent<CcDialogCloseDetail>;
  }
}
