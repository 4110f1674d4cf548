import { html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { registerEnglish, t } from '../../controllers/localize.js';
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
import { CcElement } from '../shared/cc-element.js';

registerEnglish(enShortcutHelp);

// What a screen reader should say for the macOS key symbols.
const SPOKEN: Readonly<Record<string, string>> = { '⌃': 'Control', '⌥': 'Option', '⇧': 'Shift', '⌘': 'Command' };

/**
 * The keyboard shortcut help (R-CHAT-09): a modal dialog listing every action with its
 * current binding, on macOS with ⌃⌥ symbols. It follows `setShortcuts()` and the locale
 * while shown. Focus moves into the dialog when it opens, stays there (native modal
 * `<dialog>` and a focus trap), and returns to where it was when Escape or **Close** closes it (R-X-02);
 * the library's one dialog system, `ModalDialogController`, does this.
 *
 * Pressing the help shortcut (default Ctrl+Alt+K) opens one through {@link openShortcutHelp}.
 *
 * @summary Modal list of the keyboard shortcuts.
 * @fires cc-dialog-close - The dialog closed. Detail: `{ reason: 'cancel' | 'escape' | 'api' }` (`cancel`: its Close button).
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The "Keyboard shortcuts" heading.
 * @csspart list - The list of actions and their keys.
 * @csspart row - One action with its keys.
 * @csspart keys - An action's key combination (`<kbd>`).
 * @csspart actions - The row holding the Close button.
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
export class CcShortcutHelp extends CcElement {
  static override styles = styles;

  /** Whether the dialog is shown. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Show keys as on macOS (`mac`: ⌃⌥A) or a PC (`pc`: Ctrl+Alt+A). Default: the agent's platform. */
  @property()
  platform: ShortcutPlatform | undefined;

  @query('button[part="close"]')
  private closeButton: HTMLButtonElement | null | undefined;

  readonly #modal = new ModalDialogController(this, {
    initialFocus: () => this.closeButton,
  });

  readonly #onShortcutsChanged = (): void => this.requestUpdate();

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog. */
  close(): void {
    this.#modal.close('api');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cc-shortcuts-change', this.#onShortcutsChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('cc-shortcuts-change', this.#onShortcutsChanged);
  }

  override render() {
    const platform = this.platform ?? detectPlatform();
    return this.#modal.renderDialog({
      title: t('shortcuts.title'),
      body: html`<dl part="list">
        ${SHORTCUT_ACTIONS.map(
          (action) => html`<div class="row" part="row" data-action=${action}>
            <dt>${t(`shortcuts.action.${action}`)}</dt>
            <dd>${this.#renderKeys(action, platform)}</dd>
          </div>`,
        )}
      </dl>`,
      actions: html`<button class="btn" part="close" @click=${() => this.#modal.close('cancel')}>${t('shortcuts.close')}</button>`,
    });
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
}
