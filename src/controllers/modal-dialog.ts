import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { CcDialogCloseDetail, CcDialogCloseReason } from '../element-events.js';
import type { MessageKey } from '../locales/en.js';
import { FocusTrapController } from './focus-trap.js';
import { t } from './localize.js';

/** An element that shows a modal dialog while its public `open` property is true. */
export interface ModalDialogHost extends ReactiveElement {
  open: boolean;
}

/** Options of a {@link ModalDialogController}. */
export interface ModalDialogOptions {
  /** Called as the dialog opens, before it renders (load lists, reset a form). */
  readonly onOpen?: () => void;
  /** What gets focus once the dialog is shown; default the first focusable element. */
  readonly initialFocus?: () => HTMLElement | null | undefined;
  /** Where focus goes when the dialog closes; default where it was when the dialog opened. */
  readonly returnFocus?: () => HTMLElement | null | undefined;
  /** Tells the host's page that the dialog closed; default: the host fires `cc-dialog-close` with `{ reason }`. */
  readonly onClose?: (reason: CcDialogCloseReason) => void;
  /**
   * `modal` (default): shown with `showModal()` over a backdrop; the rest of the page is
   * inert and focus is trapped. `inline`: shown in place with `show()`, in the flow of
   * the host, without backdrop or trap, so the rest of the page stays usable; Escape
   * inside it still closes it and focus still moves in and back. `contained`: shown in
   * place with `show()` and modal to its container only (see {@link ModalDialogVariant}).
   * A function is read each time the dialog renders, so a host can switch it by attribute.
   */
  readonly variant?: ModalDialogVariant | (() => ModalDialogVariant);
}

/**
 * How a {@link ModalDialogController} shows its dialog:
 * - `modal`: over the whole page, which is inert meanwhile; Tab is trapped in the dialog.
 * - `inline`: in the host's flow, blocking nothing; Tab moves freely.
 * - `contained`: in the host's flow and modal to its container only — the shadow root the
 *   host is rendered in (a conversation pane), or else the host's parent element. The rest
 *   of that container is inert while the dialog is open; the rest of the page stays usable
 *   by mouse and keyboard. Tab is trapped in the dialog while focus is in it; the agent
 *   leaves by clicking elsewhere, with a page shortcut, or with Escape (which closes it).
 *   It takes focus as it opens only if focus was in the container (or nowhere), and gives
 *   focus back on close only if focus is still in the dialog (or nowhere), so a dialog
 *   opening in one pane never pulls the agent out of another.
 */
export type ModalDialogVariant = 'modal' | 'inline' | 'contained';

/** Options of a controller that keeps the open state itself (see {@link ModalDialogController.show}). */
export interface OwnStateModalDialogOptions extends ModalDialogOptions {
  readonly ownState: true;
}

/** The frame {@link ModalDialogController.renderDialog} draws around a dialog's own content. */
export interface ModalDialogFrame {
  /** The heading, which names the dialog. */
  readonly title: string;
  /** A sentence under the heading that describes the dialog (`aria-describedby`). */
  readonly description?: string;
  readonly body?: unknown;
  /** The buttons at the foot of the dialog. */
  readonly actions: unknown;
  /** Part names of the `<dialog>`; default `dialog`. */
  readonly part?: string;
}

/** What {@link ModalDialogController.render} draws. */
export interface ModalDialogContent extends Omit<ModalDialogFrame, 'actions'> {
  /**
   * The confirm button: its name, whether it can be pressed, and what it does; `danger`
   * for a destructive one; its part name, default `confirm` (another when the dialog's own part is `confirm`).
   */
  readonly confirm: { readonly label: string; readonly ready: boolean; readonly run: () => void; readonly danger?: boolean; readonly part?: string };
  /** Name of the dismiss button; default **Cancel**. */
  readonly dismiss?: string;
}

// The focused element, looking inside shadow roots (a widget's Transfer button, say).
function deepActiveElement(): HTMLElement | undefined {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : undefined;
}

// Whether `node` is `container` or inside it, crossing shadow roots on the way up.
function composedContains(container: Node, node: Node | undefined): boolean {
  let n: Node | null = node ?? null;
  while (n) {
    if (n === container) return true;
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return false;
}

interface OpenState {
  get(): boolean;
  set(open: boolean): void;
}

// Ids are per shadow root, and one root may hold several dialogs (a pane and its confirm).
let dialogs = 0;

/**
 * The one dialog system of the library (R-X-02): a native `<dialog>` labelled by its
 * heading, shown while it is open; focus moves in, is trapped ({@link FocusTrapController})
 * and goes back to where it was when the dialog closes. Escape and the dismiss button
 * close it without side effects, except while its command runs. A command's failure is
 * shown inside the dialog (`role="alert"`), which stays open. Its look is
 * `dialogSurface` in `src/styles/dialog.ts`.
 *
 * Two ways to hold the open state:
 * - A dialog element (transfer, conference, wrap-up, shortcut help) passes itself as a
 *   {@link ModalDialogHost}: its public `open` property shows and closes the dialog.
 * - A dialog that is one part of a bigger element passes `{ ownState: true }` and calls
 *   {@link show} and {@link close}. A pane's confirm, for example:
 *
 * ```ts
 * readonly #confirmEnd = new ModalDialogController(this, { ownState: true, onClose: (reason) => … });
 * // on End: this.#confirmEnd.show();
 * // in render():
 * this.#confirmEnd.render({
 *   title: t('end.title'),
 *   description: t('end.consent'),
 *   part: 'confirm',
 *   confirm: { label: t('end.confirm'), ready: true, danger: true, part: 'end', run: () => { this.#confirmEnd.close('completed'); void this.#end(i); } },
 * });
 * ```
 *
 * Add `variant: 'inline'` for a non-blocking confirm shown in the pane's flow, or
 * `variant: 'contained'` for a dialog modal to its pane only ({@link ModalDialogVariant}).
 * {@link render} draws a confirm/dismiss pair; {@link renderDialog} takes any buttons.
 * Unless `onClose` is given, the host fires `cc-dialog-close` (bubbling, composed) with
 * the reason whenever the dialog closes.
 */
export class ModalDialogController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ModalDialogOptions;
  readonly #state: OpenState;
  readonly #ref = createRef<HTMLDialogElement>();
  readonly #id = `cc-dialog-${++dialogs}`;
  #shown = false;
  #returnFocus: HTMLElement | undefined;
  #pending = false;
  #error: { readonly key: MessageKey; readonly reason: string } | undefined;
  /** Elements this controller made inert for a `contained` dialog, to release on close. */
  #inerted: HTMLElement[] = [];
  /** Watches the container of a `contained` dialog, so content added while open is inert too. */
  #watcher: MutationObserver | undefined;

  constructor(host: ModalDialogHost, options?: ModalDialogOptions);
  constructor(host: ReactiveElement, options: OwnStateModalDialogOptions);
  constructor(host: ReactiveElement, options: ModalDialogOptions | OwnStateModalDialogOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.#state = 'ownState' in options || !('open' in host) ? ownState(host) : hostState(host);
    host.addController(this);
    new FocusTrapController(host, () => {
      const dialog = this.#dialog;
      return dialog?.open && this.#variant !== 'inline' ? dialog : null;
    });
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.#state.get();
  }

  /** True while the confirm command runs. */
  get pending(): boolean {
    return this.#pending;
  }

  /** Opens the dialog. */
  show(): void {
    this.#state.set(true);
  }

  hostConnected(): void {
    // Moved in the page while open: show it again.
    if (this.open) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#release();
  }

  hostUpdate(): void {
    if (this.open && !this.#shown) {
      this.#shown = true;
      this.#returnFocus = deepActiveElement();
      this.#error = undefined;
      this.#options.onOpen?.();
    }
  }

  hostUpdated(): void {
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open && !this.#displayed(dialog)) {
      if (!dialog.isConnected) return;
      const variant = this.#variant;
      const active = deepActiveElement();
      // Contained: take focus only from the container (or from nowhere), never from another pane.
      const takeFocus = variant !== 'contained' || active === undefined || composedContains(this.#container(), active);
      // Re-attached (or switched variant), the dialog may still be open but not as it should be.
      if (dialog.open) dialog.close();
      if (variant === 'modal') {
        this.#release();
        dialog.showModal();
      } else {
        dialog.show();
        if (variant === 'contained') this.#contain();
        else this.#release();
      }
      if (!takeFocus) {
        // `show()` focuses the dialog's first control: give focus back to where the agent is working.
        if (active && deepActiveElement() !== active) active.focus({ preventScroll: true });
        return;
      }
      const target = this.#options.initialFocus?.();
      if (target) target.focus();
      // `show()` leaves focus where it was; a confirm takes it like a modal does.
      else if (variant !== 'modal' && !dialog.contains(deepActiveElement() ?? null)) dialog.querySelector<HTMLElement>('button, [autofocus]')?.focus();
    } else if (this.open && this.#variant === 'contained') {
      this.#contain();
    } else if (!this.open && this.#shown) {
      this.#finish('api');
    }
  }

  /** Closes the dialog, restores focus and tells the page why (see `onClose`). */
  close(reason: CcDialogCloseReason = 'api'): void {
    if (this.#shown) this.#finish(reason);
    else this.#state.set(false);
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
    const { confirm } = content;
    return this.renderDialog({
      ...content,
      body: content.body === undefined ? undefined : html`<div class="body" part="body">${content.body}</div>`,
      actions: html`<button class="btn secondary" part="dismiss" @click=${() => !this.#pending && this.close('cancel')}>${content.dismiss ?? t('cancel')}</button>
        <button
          class="btn ${confirm.danger ? 'danger' : ''}"
          part=${confirm.part ?? 'confirm'}
          ?disabled=${!confirm.ready}
          aria-disabled=${this.#pending ? 'true' : 'false'}
          @click=${() => confirm.ready && !this.#pending && confirm.run()}
        >
          ${confirm.label}
        </button>`,
    });
  }

  /** The `<dialog>` with its heading, optional description, body, error, and the given buttons. */
  renderDialog(frame: ModalDialogFrame): TemplateResult {
    const { title, description } = frame;
    return html`<dialog
      ${ref(this.#ref)}
      class="modal-dialog"
      data-variant=${this.#variant}
      part=${frame.part ?? 'dialog'}
      aria-labelledby="${this.#id}-title"
      aria-describedby=${description === undefined ? nothing : `${this.#id}-description`}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
      @keydown=${this.#onKeydown}
    >
      <h2 id="${this.#id}-title" part="heading">${title}</h2>
      ${description === undefined ? nothing : html`<p class="description" id="${this.#id}-description" part="description">${description}</p>`}
      ${frame.body ?? nothing}
      ${this.#error ? html`<p class="message error" part="error" role="alert">${t(this.#error.key, { reason: this.#error.reason })}</p>` : nothing}
      <div class="actions" part="actions">${frame.actions}</div>
    </dialog>`;
  }

  get #variant(): ModalDialogVariant {
    const { variant } = this.#options;
    return (typeof variant === 'function' ? variant() : variant) ?? 'modal';
  }

  /** What a `contained` dialog is modal to: the shadow root the host is in, else the host's parent. */
  #container(): Node {
    const root = this.#host.getRootNode();
    return root instanceof ShadowRoot ? root : (this.#host.parentNode ?? root);
  }

  /** Makes everything in the container inert except the path down to the host (idempotent). */
  #contain(): void {
    const container = this.#container();
    const path: Node[] = [];
    for (let n: Node | null = this.#host; n && n !== container; n = n.parentNode) path.push(n);
    for (const node of path) {
      const parent = node.parentNode;
      if (!parent) continue;
      for (const sibling of parent.children) {
        if (sibling === node || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        sibling.inert = true;
        this.#inerted.push(sibling);
      }
    }
    if (!this.#watcher) {
      // Content the container renders while the dialog is open is inert too.
      this.#watcher = new MutationObserver(() => {
        if (this.open && this.#variant === 'contained' && this.#host.isConnected) this.#contain();
      });
      for (const node of path) if (node.parentNode) this.#watcher.observe(node.parentNode, { childList: true });
    }
  }

  /** Gives back what {@link #contain} made inert. */
  #release(): void {
    this.#watcher?.disconnect();
    this.#watcher = undefined;
    for (const el of this.#inerted) el.inert = false;
    this.#inerted = [];
  }

  get #dialog(): HTMLDialogElement | undefined {
    return this.#ref.value;
  }

  #displayed(dialog: HTMLDialogElement): boolean {
    return this.#variant === 'modal' ? dialog.matches(':modal') : dialog.open && !dialog.matches(':modal');
  }

  #finish(reason: CcDialogCloseReason): void {
    this.#shown = false;
    const dialog = this.#dialog;
    const active = deepActiveElement();
    // Contained: give focus back only if the agent has not moved on elsewhere.
    const giveFocus = this.#variant !== 'contained' || active === undefined || composedContains(this.#host, active);
    if (dialog?.open) dialog.close();
    this.#release();
    this.#state.set(false);
    const target = this.#options.returnFocus?.() ?? this.#returnFocus;
    this.#returnFocus = undefined;
    if (giveFocus && target?.isConnected) target.focus();
    if (this.#options.onClose) this.#options.onClose(reason);
    else this.#host.dispatchEvent(new CustomEvent<CcDialogCloseDetail>('cc-dialog-close', { detail: { reason }, bubbles: true, composed: true }));
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

  readonly #onKeydown = (e: KeyboardEvent): void => {
    // A dialog shown with `show()` gets no `cancel` event from Escape.
    if (this.#variant === 'modal' || e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    if (!this.#pending) this.close('escape');
  };
}

function ownState(host: ReactiveElement): OpenState {
  let open = false;
  return {
    get: () => open,
    set: (value) => {
      if (value === open) return;
      open = value;
      host.requestUpdate();
    },
  };
}

function hostState(host: ReactiveElement & Record<'open', unknown>): OpenState {
  return {
    get: () => host.open === true,
    set: (value) => {
      host.open = value;
    },
  };
}
