import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { displayFileName } from '../../content/files.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Attachment } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { draftMaskedNotice } from '../shared/draft-notice.js';
import { noticeLines, withNotice, type Notice } from '../shared/notices.js';
import { uploadFile } from '../shared/upload.js';
import { forgetPreview } from '../shared/attachment-previews.js';
import type { ReplyMode } from './email-draft.js';
import type { PciProblem } from './email-readiness.js';

/** Per-interaction composer state that is not part of the draft. */
export interface ComposerUi {
  readonly uploading: readonly string[];
  readonly notices: readonly Notice[];
  readonly sending: boolean;
  /** A reply mode the agent chose while a send was under way: it opens once the email has left. */
  readonly queued?: ReplyMode | undefined;
}

const IDLE_UI: ComposerUi = { uploading: [], notices: [], sending: false };

const MODE_LABEL = { reply: 'email.reply', 'reply-all': 'email.replyAll', forward: 'email.forward' } as const;

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
    this.set(id, (ui) => ({ notices: withNotice(ui.notices, notice) }));
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
    await uploadFile(file, {
      store,
      interactionId: id,
      notify: (notice) => this.notify(id, notice),
      uploading: (change) => this.set(id, (ui) => ({ uploading: change(ui.uploading) })),
      attach: (uploaded, name) => {
        // An inline image shows in the body, never as a chip: it needs no thumbnail.
        if (inline) forgetPreview(uploaded.id);
        attach(inline ? { ...uploaded, contentId: `cc-inline-${uploaded.id}` } : uploaded, name);
      },
    });
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
      ${ui.sending && ui.queued ? html`<p class="status" part="status" role="status">${t('email.queued', { mode: t(MODE_LABEL[ui.queued]) })}</p>` : nothing}
      ${noticeLines(ui.notices)}
      ${draftMaskedNotice(masked)}`;
  }
}
