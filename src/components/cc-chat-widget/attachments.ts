import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { capabilitiesOf } from '../../core/channels.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { ChatChannel } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { attachmentList } from '../shared/attachment-list.js';
import { uploadFile } from '../shared/upload.js';
import type { ComposerState, ComposerStates } from './composer-state.js';

/** Options of a {@link ComposerAttachments}. */
export interface ComposerAttachmentsOptions {
  readonly store: () => InteractionStore | undefined;
  /** The composers whose files, uploads and notices this keeps. */
  readonly composers: ComposerStates;
  /** The channel the files go to: its capabilities set their size limit. */
  readonly channel: () => ChatChannel;
}

/**
 * The composer's files (R-CHAT-06): the **Attach file** button, the checks and upload of
 * each file picked, and the chips of files attached or still uploading. A refused or
 * failed file is reported under the composer and the others carry on.
 */
export class ComposerAttachments {
  readonly #options: ComposerAttachmentsOptions;
  readonly #input = createRef<HTMLInputElement>();

  constructor(options: ComposerAttachmentsOptions) {
    this.#options = options;
  }

  /** The **Attach file** button and its hidden file input, for interaction `id`; nothing when the backend takes no files (R-CTX-07). */
  renderButton(id: string): TemplateResult | typeof nothing {
    if (this.#options.store()?.state.capabilities.attachments === false) return nothing;
    return html`<button class="btn secondary" @click=${() => this.#input.value?.click()}>${t('attach.button')}</button>
      <input ${ref(this.#input)} type="file" multiple hidden tabindex="-1" aria-hidden="true" @change=${(e: Event) => this.#onFiles(id, e)} />`;
  }

  /** The chips of attached files (each removable) and of files still uploading. */
  renderPending(id: string, composer: ComposerState): TemplateResult | typeof nothing {
    return attachmentList(composer.attachments, composer.uploading, (removed) =>
      this.#options.composers.patch(id, (s) => ({ attachments: s.attachments.filter((x) => x.id !== removed) })),
    );
  }

  async #onFiles(id: string, e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const store = this.#options.store();
    const accepted = capabilitiesOf(this.#options.channel()).attachments;
    if (!store || !accepted || !store.state.capabilities.attachments) return;
    const composers = this.#options.composers;
    await Promise.all(
      files.map((file) =>
        uploadFile(file, {
          store,
          interactionId: id,
          maxBytes: accepted.maxBytes,
          notify: (notice) => composers.notify(id, notice),
          uploading: (change) => composers.patch(id, (s) => ({ uploading: change(s.uploading) })),
          attach: (attachment) => composers.patch(id, (s) => ({ attachments: [...s.attachments, attachment] })),
        }),
      ),
    );
  }
}
