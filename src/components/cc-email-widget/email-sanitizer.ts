/**
 * The email sanitizer (DOMPurify with the library's email rules) and the frame documents
 * built from its output, loaded on first need: they are the largest part of the email
 * pane, and a page loading the pane's module does not wait for them.
 * @packageDocumentation
 */
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage } from '../../core/format.js';
import { lazyModule } from '../../core/lazy-module.js';
import { t } from '../../controllers/localize.js';

const code = lazyModule(async () => {
  const [sanitize, document] = await Promise.all([import('../../content/sanitize.js'), import('../../content/email-document.js')]);
  return {
    sanitizeEmailHtml: sanitize.sanitizeEmailHtml,
    cidResolver: sanitize.cidResolver,
    setEmailDocument: document.setEmailDocument,
    applyDeferredStyles: document.applyDeferredStyles,
  };
});

/** Loads the sanitizer (once; a failed load may be retried). */
export const loadSanitizer: () => Promise<EmailSanitizer> = code.load;

/** The sanitizer's functions. */
export type EmailSanitizer = Awaited<ReturnType<typeof code.load>>;

/**
 * The sanitizer, once loaded. Everything that shows, reads or sends email HTML runs only
 * after the pane's {@link SanitizerGate} opened: called before, it throws, so that nothing
 * unsanitized can show meanwhile.
 */
export function sanitizer(): EmailSanitizer {
  const loaded = code.loaded();
  if (!loaded) throw new Error('The email sanitizer has not loaded yet');
  return loaded;
}

/**
 * What the email pane shows before the sanitizer is in: the pane starts loading it when
 * it connects, says "Loading the email…" meanwhile, and after a failed load (a flaky
 * network) says why with **Retry**. Once loaded (by this pane or another), it is open.
 */
export class SanitizerGate implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #fetch: () => Promise<unknown>;
  #error = '';

  /** `load` fetches the sanitizer ({@link loadSanitizer}; another loader stands in for a network failing). */
  constructor(host: ReactiveElement, load: () => Promise<unknown> = loadSanitizer) {
    this.#host = host;
    this.#fetch = load;
    host.addController(this);
  }

  /** Whether the sanitizer is in. */
  get open(): boolean {
    return code.loaded() !== undefined;
  }

  hostConnected(): void {
    this.#load();
  }

  /** Runs `action` once the sanitizer is in: at once when it is. */
  whenOpen(action: () => void): void {
    if (this.open) action();
    else this.#load(action);
  }

  #load(then?: () => void): void {
    if (this.open && !then) return;
    this.#fetch().then(
      () => {
        this.#error = '';
        then?.();
        this.#host.requestUpdate();
      },
      (e: unknown) => {
        this.#error = errorMessage(e);
        this.#host.requestUpdate();
      },
    );
  }

  readonly #retry = (): void => {
    this.#error = '';
    this.#host.requestUpdate();
    this.#load();
  };

  /** The loading line, or why the load failed with **Retry**. */
  render(): TemplateResult {
    return gateNotice(t('email.loading'), this.#error && t('email.loadFailed', { reason: this.#error }), this.#retry);
  }
}

/**
 * What the email pane shows where a part still loading goes: `loading` as a status line, or,
 * once a load failed, `failed` as an alert with **Retry**.
 */
export function gateNotice(loading: string, failed: string, retry: () => void): TemplateResult {
  if (!failed) return html`<p class="gate" part="status" role="status">${loading}</p>`;
  return html`<div class="gate" role="alert">
    <p class="error" part="error">${failed}</p>
    <button class="btn secondary" @click=${retry}>${t('retry')}</button>
  </div>`;
}
