import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { FocusTrapController } from '../../controllers/focus-trap.js';
import { LocalizeController, registerEnglish, t } from '../../controllers/localize.js';
import { enShortcutHelp } from '../../locales/en-shortcut-help.js';
import {
  SHORTCUT_ACTIONS,
  detectPlatform,
  getShortcuts,
  shortcutKeys,
  type ShortcutAction,
  type ShortcutPlatform,
} from '../../controllers/shortcuts.js';
import { styles } from './cc-shortcut-help.styles.js';

registerEnglish(enShortcutHelp);

/** How the shortcut help was closed. */
export type CcShortcutHelpCloseReason = 'escape' | 'close-button' | 'api';

/** Detail of `cc-shortcut-help-close`. */
export interface CcShortcutHelpCloseDetail {
  readonly reason: CcShortcutHelpCloseReason;
}

// What a screen reader should say for the macOS key symbols.
const SPOKEN: Readonly<Record<string, string>> = { '⌃': 'Control', '⌥': 'Option', '⇧': 'Shift', '⌘': 'Command' };

// The focused element, looking inside shadow roots (a widget's composer, say).
function deepActiveElement(): HTMLElement | undefined {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : undefined;
}

/**
 * The keyboard shortcut help (R-CHAT-09): a modal dialog listing every action with its
 * current binding, on macOS with ⌃⌥ symbols. It follows `setShortcuts()` and the locale
 * while shown. Focus moves into the dialog when it opens, stays there (native modal
 * `<dialog>` and a focus trap), and returns to where it was when Escape or **Close** closes it (R-X-02).
 *
 * Pressing the help shortcut (default Ctrl+Alt+K) opens one through {@link openShortcutHelp}.
 *
 * @summary Modal list of the keyboard shortcuts.
 * @fires cc-shortcut-help-close - The dialog closed. Detail: `{ reason: 'escape' | 'close-button' | 'api' }`.
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The "Keyboard shortcuts" heading.
 * @csspart list - The list of actions and their keys.
 * @csspart row - One action with its keys.
 * @csspart keys - An action's key combination (`<kbd>`).
 * @csspart close - The Close button.
 * @cssprop --cc-color-surface - Dialog background.
 * @cssprop --cc-color-surface-alt - Key cap background.
 * @cssprop --cc-color-text - Text; the backdrop is a translucent shade of it.
 * @cssprop --cc-color-text-muted - "Not assigned" text.
 * @cssprop --cc-color-border - Dialog, row and key cap borders.
 * @cssprop --cc-color-primary - Close button.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-shortcut-help')
export class CcShortcutHelp extends LitElement {
  static override styles = styles;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Show keys as on macOS (`mac`: ⌃⌥A) or a PC (`pc`: Ctrl+Alt+A). Default: the agent's platform. */
  @property()
  platform: ShortcutPlatform | undefined;

  @query('dialog')
  private dialog: HTMLDialogElement | null | undefined;

  @query('button')
  private closeButton: HTMLButtonElement | null | undefined;

  #returnFocus: HTMLElement | undefined;
  #reason: CcShortcutHelpCloseReason | undefined;
  readonly #onShortcutsChanged = (): void => this.requestUpdate();

  constructor() {
    super();
    new LocalizeController(this);
    new FocusTrapController(this, () => (this.dialog?.open ? this.dialog : null));
  }

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cc-shortcuts-changed', this.#onShortcutsChanged);
    // Re-attached while open: show the dialog again.
    if (this.open) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('cc-shortcuts-changed', this.#onShortcutsChanged);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.#returnFocus = deepActiveElement();
      this.#reason = undefined;
      dialog.showModal();
      this.closeButton?.focus();
    } else if (!this.open && dialog.open) {
      this.#reason ??= 'api';
      dialog.close();
    }
  }

  override render() {
    const platform = this.platform ?? detectPlatform();
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <h2 id="title" part="heading">${t('shortcuts.title')}</h2>
      <dl part="list">
        ${SHORTCUT_ACTIONS.map(
          (action) => html`<div class="row" part="row" data-action=${action}>
            <dt>${t(`shortcuts.action.${action}`)}</dt>
            <dd>${this.#renderKeys(action, platform)}</dd>
          </div>`,
        )}
      </dl>
      <div class="actions">
        <button class="btn" part="close" @click=${this.#onCloseButton}>${t('shortcuts.close')}</button>
      </div>
    </dialog>`;
  }

  #renderKeys(action: ShortcutAction, platform: ShortcutPlatform) {
    const binding = getShortcuts()[action];
    if (!binding) return html`<span class="none">${t('shortcuts.none')}</span>`;
    const keys = shortcutKeys(binding, platform);
    const separator = platform === 'mac' ? '' : '+';
    // The symbols are shown; a screen reader gets the key names.
    return html`<kbd part="keys" aria-hidden="true"
        >${keys.map((k, i) => html`${i > 0 ? separator : ''}<kbd>${k}</kbd>`)}</kbd
      ><span class="visually-hidden">${keys.map((k) => SPOKEN[k] ?? k).join('+')}</span>`;
  }

  readonly #onCancel = (): void => {
    this.#reason = 'escape';
  };

  readonly #onCloseButton = (): void => {
    this.#reason = 'close-button';
    this.open = false;
  };

  readonly #onClose = (): void => {
    // Shown again before the close event arrived: nothing closed.
    if (this.dialog?.open) return;
    const reason = this.#reason ?? 'api';
    const target = this.#returnFocus;
    this.#reason = undefined;
    this.#returnFocus = undefined;
    this.open = false;
    if (target?.isConnected) target.focus();
    this.dispatchEvent(new CustomEvent<CcShortcutHelpCloseDetail>('cc-shortcut-help-close', { detail: { reason }, bubbles: true, composed: true }));
  };
}

let created: CcShortcutHelp | undefined;

/**
 * Opens the shortcut help: the page's own `<cc-shortcut-help>` if the host placed one in
 * the document (to theme or position it), else one created on first use and appended to
 * `document.body`. Returns the element shown.
 */
export function openShortcutHelp(): CcShortcutHelp {
  const help = document.querySelector('cc-shortcut-help') ?? (created ??= document.createElement('cc-shortcut-help'));
  if (!help.isConnected) document.body.append(help);
  help.show();
  return help;
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-shortcut-help': CcShortcutHelp;
  }
  interface HTMLElementEventMap {
    'cc-shortcut-help-close': CustomEvent<CcShortcutHelpCloseDetail>;
  }
}
