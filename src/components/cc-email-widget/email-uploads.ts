import type { InteractionStore } from '../../core/store/store.js';
import type { Attachment, Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import type { EmailComposerState } from './email-composer-state.js';
import type { EmailDraft } from './email-draft.js';

/** The images the **Image** button offers to pick. */
export const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/** What uploading files into a reply needs from the email pane. */
export interface EmailUploadsOptions {
  readonly store: () => InteractionStore | undefined;
  /** Whether the backend takes attachments (its `attachments` capability). */
  readonly supported: () => boolean;
  readonly composer: EmailComposerState;
  /** Changes the interaction's draft. */
  readonly patch: (i: Interaction, change: (d: EmailDraft) => EmailDraft) => void;
  /** Puts an uploaded inline image at the editor's caret. */
  readonly insertImage: (img: HTMLImageElement) => void;
}

/**
 * Files going into a reply: picked with **Attach** or **Image**, or dropped on the editor.
 * Each is uploaded through the store while the composer shows its progress; an attachment
 * joins the draft's list, an inline image goes in at the caret. Without the backend's
 * attachments the composer says so and nothing is uploaded.
 */
export class EmailUploads {
  readonly #options: EmailUploadsOptions;

  constructor(options: EmailUploadsOptions) {
    this.#options = options;
  }

  /** The files of a file input's `change` (the input is emptied, so the same file may be picked again). */
  async fromInput(i: Interaction, e: Event, inline: boolean): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    await this.all(i, files, () => inline);
  }

  /** Uploads `files`, each inline or as an attachment as `inline` says. */
  async all(i: Interaction, files: readonly File[], inline: (file: File) => boolean): Promise<void> {
    const store = this.#options.store();
    if (!store || files.length === 0) return;
    if (!this.#options.supported()) {
      this.#options.composer.notify(i.id, { kind: 'error', text: t('attach.unsupported') });
      return;
    }
    await Promise.all(files.map((file) => this.#upload(store, i, file, inline(file))));
  }

  async #upload(store: InteractionStore, i: Interaction, file: File, inline: boolean): Promise<void> {
    await this.#options.composer.upload(store, i.id, file, inline, (attachment: Attachment, name: string) => {
      this.#options.patch(i, (d) => ({ ...d, attachments: [...d.attachments, attachment] }));
      if (inline && attachment.url) {
        const img = document.createElement('img');
        img.src = attachment.url;
        img.alt = name;
        this.#options.insertImage(img);
      }
    });
  }
}
