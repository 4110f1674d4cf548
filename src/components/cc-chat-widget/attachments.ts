import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { capabilitiesOf } from '../../core/channels.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { ChatChannel } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { attachmentList } from '../shared/attachment-list.js';
import { uploadFile } from '../shared/upload.js';
import { enCompose } from '../../locales/en-compose.js';
import { fileDrop, type FileDropDirective } from '../shared/file-drop.js';
import type { DirectiveResult } from 'lit/directive.js';
import type { ComposerState, ComposerStates } from './composer-state.js';

registerEnglish(enCompose);

/** Options of a {@link ComposerAttachments}. */
export interface ComposerAttachmentsOptions {
  readonly store: () => InteractionStore | undefined;
  /** The composers whose files, uploads and notices this keeps. */
  readonly composers: ComposerStates;
  /** The channel the files go to: its capabilities set their size limit. */
  readonly channel: () => ChatChannel;
}

/**
 * The composer's files (R-CHAT-06): the **Attach file** button, files pasted or dropped
 * into the composer (R-COMP-03), the checks and upload of each file, and the chips of
 * files attached (images with a thumbnail) or still uploading. A refused or
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

  /**
   * Makes the composer element a paste and drop target for files of interaction `id`
   * (R-COMP-03): they are checked and uploaded as if picked with **Attach file**; a
   * channel or backend that takes no files says so instead.
   */
  dropTarget(id: string): DirectiveResult<typeof FileDropDirective> {
    return fileDrop({ accepts: () => this.#accepts(), files: (files) => void this.add(id, files) });
  }

  /** Whether files can go: `true`, or why not. */
  #accepts(): true | string {
    const channel = this.#options.channel();
    if (!capabilitiesOf(channel).attachments) return t('attach.noFilesHere', { channel: t(`channel.${channel}`) });
    if (this.#options.store()?.state.capabilities.attachments === false) return t('attach.unsupported');
    return true;
  }

  async #onFiles(id: string, e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    await this.add(id, files);
  }

  /** Checks and uploads files for interaction `id`; a refused or failed file is reported under the composer. */
  async add(id: string, files: readonly File[]): Promise<void> {
    const store = this.#options.store();
    const composers = this.#options.composers;
    if (!store || files.length === 0) return;
    const refused = this.#accepts();
    if (refused !== true) {
      composers.notify(id, { kind: 'error', text: refused });
      return;
    }
    const accepted = capabilitiesOf(this.#options.channel()).attachments;
    if (!accepted) return;
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
