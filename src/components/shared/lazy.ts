/**
 * Parts of a pane that load on demand, so that the chat path stays small. A host showing
 * chats fetches the template picker and the conversation dialogs only after the pane has
 * shown a conversation and the browser is idle, or when the agent first asks for one.
 * @packageDocumentation
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyModule } from '../../core/lazy-module.js';

/**
 * Wraps a dynamic import: the returned function loads once and returns the same promise
 * to every caller; after a failed load (a flaky network) the next call tries again.
 */
export function loadOnce(load: () => Promise<unknown>): () => Promise<void> {
  const module = lazyModule(load);
  return () => module.load().then(() => undefined);
}

/** Runs `work` when the browser is idle (after a short delay where it cannot say). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/** `<cc-transfer-dialog>`, `<cc-conference-dialog>` and `<cc-wrapup-dialog>`. */
export const loadConversationDialogs: () => Promise<void> = loadOnce(() =>
  Promise.all([
    import('../cc-transfer-dialog/cc-transfer-dialog.js'),
    import('../cc-conference-dialog/cc-conference-dialog.js'),
    import('../cc-wrapup-dialog/cc-wrapup-dialog.js'),
  ]),
);

/** `<cc-template-picker>`. */
export const loadTemplatePicker: () => Promise<void> = loadOnce(() => import('../cc-template-picker/cc-template-picker.js'));

/**
 * Preloads parts of a pane once it has rendered something worth acting on: when the
 * browser is first idle after `ready()` holds, each loader whose tag is not yet defined
 * runs, and the host re-renders once they are in (a failed preload is left for the
 * agent's own request). Nothing happens when the tags are already defined.
 */
export class PreloadController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #ready: () => boolean;
  readonly #parts: readonly (readonly [tag: string, load: () => Promise<void>])[];
  #scheduled = false;

  constructor(host: ReactiveControllerHost, ready: () => boolean, ...parts: (readonly [tag: string, load: () => Promise<void>])[]) {
    this.#host = host;
    this.#ready = ready;
    this.#parts = parts;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#scheduled || !this.#ready()) return;
    this.#scheduled = true;
    whenIdle(() => {
      const missing = this.#parts.filter(([tag]) => customElements.get(tag) === undefined);
      if (missing.length === 0) return;
      Promise.all(missing.map(([, load]) => load())).then(
        () => this.#host.requestUpdate(),
        () => (this.#scheduled = false),
      );
    });
  }
}

/**
 * Opens the page's keyboard-shortcut help (`<cc-shortcut-help>`), loading it on first use:
 * the elements that offer it do not carry it in their first load.
 */
export function showShortcutHelp(): void {
  void import('../cc-shortcut-help/cc-shortcut-help.js').then((m) => m.openShortcutHelp());
}
