import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DEFAULT_ATTACHMENT_LIMITS, checkAttachment, displayFileName } from '../../content/files.js';
import { errorMessage as reason, formatBytes } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Attachment } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import { draftMaskedNotice } from '../shared/draft-notice.js';
import type { PciProblem } from './email-readiness.js';

/** A message under the composer. */
export interface Notice {
  readonly kind: 'error' | 'status';
  readonly text: string;
}

/** Per-interaction composer state that is not part of the draft. */
export interface ComposerUi {
  readonly uploading: readonly string[];
  readonly notices: readonly Notice[];
  readonly sending: boolean;
}

const IDLE_UI: ComposerUi = { uploading: [], notices: [], sending: false };

/**
 * What an email pane's composers show besides the draft, per interaction: files being
 * uploaded, errors and status notes, a send under way. Not persisted: a reload starts idle.
 */
export class EmailComposerState {
  readonly #host: ReactiveControllerHost;
  readonly #ui = new Map<string, ComposerUi>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  of(id: string): ComposerUi {
    return this.#ui.get(id) ?? IDLE_UI;
  }

  set(id: string, change: (ui: ComposerUi) => Partial<ComposerUi>): void {
    const current = this.of(id);
    this.#ui.set(id, { ...current, ...change(current) });
    this.#host.requestUpdate();
  }

  /** Adds a notice, replacing one with the same text. */
  notify(id: string, notice: Notice): void {
    this.set(id, (ui) => ({ notices: [...ui.notices.filter((n) => n.text !== notice.text), notice] }));
  }

  /** Back to idle (the draft was sent or discarded). */
  clear(id: string): void {
    this.#ui.delete(id);
  }

  /**
   * Checks a file against the limits and uploads it, listing it as uploading meanwhile;
   * `attach` receives the uploaded file (an inline one with its `contentId`) while it still
   * counts as uploading, so Send never sees a moment without it.
   */
  async upload(store: InteractionStore, id: string, file: File, inline: boolean, attach: (attachment: Attachment, name: string) => void): Promise<void> {
    const name = displayFileName(file.name);
    const check = checkAttachment(file, DEFAULT_ATTACHMENT_LIMITS);
    if (!check.ok) {
      this.notify(id, { kind: 'error', text: t(`attach.${check.reason}`, { name, max: formatBytes(DEFAULT_ATTACHMENT_LIMITS.maxBytes, getLocale()) }) });
      return;
    }
    this.set(id, (ui) => ({ uploading: [...ui.uploading, name] }));
    try {
      const uploaded = await store.uploadAttachment(id, file);
      attach(inline ? { ...uploaded, contentId: `cc-inline-${uploaded.id}` } : uploaded, name);
    } catch (err) {
      this.notify(id, { kind: 'error', text: t('attach.failed', { name, reason: reason(err) }) });
    } finally {
      this.set(id, (ui) => {
        const k = ui.uploading.indexOf(name);
        return { uploading: k < 0 ? ui.uploading : [...ui.uploading.slice(0, k), ...ui.uploading.slice(k + 1)] };
      });
    }
  }

  /** The notes under a composer: card numbers found (R-MAIL-16), sending, notices, a card number masked in the stored draft. */
  renderNotices(id: string, pci: readonly PciProblem[], masked: boolean): TemplateResult {
    const ui = this.of(id);
    return html`${pci.length > 0
        ? html`<div class="error" part="error" role="alert" id="pci">${pci.map(
            (p) => html`<p>${p.kind === 'text' ? t('email.pci') : t('email.pciAttachment', { name: displayFileName(p.name) })}</p>`,
          )}</div>`
        : nothing}
      ${ui.sending ? html`<p class="status" role="status">${t('email.sending')}</p>` : nothing}
      ${ui.notices.map(
        (n) => html`<p class=${n.kind === 'error' ? 'error' : 'status'} part=${n.kind === 'error' ? 'error' : 'status'} role=${n.kind === 'error' ? 'alert' : 'status'}>
          ${n.text}
        </p>`,
      )}
      ${draftMaskedNotice(masked)}`;
  }
}
