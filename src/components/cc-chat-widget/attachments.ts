import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { displayFileName } from '../../content/file-names.js';
import type * as Files from '../../content/files.js';
import { capabilitiesOf } from '../../core/channels.js';
import { errorMessage, formatBytes } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { ChatChannel } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
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

  /** The **Attach file** button and its hidden file input, for interaction `id`. */
  renderButton(id: string): TemplateResult {
    return html`<button class="btn secondary" @click=${() => this.#input.value?.click()}>${t('attach.button')}</button>
      <input ${ref(this.#input)} type="file" multiple hidden tabindex="-1" aria-hidden="true" @change=${(e: Event) => this.#onFiles(id, e)} />`;
  }

  /** The chips of attached files (each removable) and of files still uploading. */
  renderPending(id: string, composer: ComposerState): TemplateResult | typeof nothing {
    if (composer.attachments.length === 0 && composer.uploading.length === 0) return nothing;
    const locale = getLocale();
    return html`<ul class="pending" aria-label=${t('attach.list')}>
      ${composer.attachments.map(
        (a) => html`<li class="chip">
          <span>${t('chat.attachment', { name: displayFileName(a.name), size: formatBytes(a.size, locale) })}</span>
          <button
            class="chip-remove"
            aria-label=${t('attach.remove', { name: displayFileName(a.name) })}
            @click=${() => this.#options.composers.patch(id, (s) => ({ attachments: s.attachments.filter((x) => x.id !== a.id) }))}
          >
            ×
          </button>
        </li>`,
      )}
      ${composer.uploading.map((name) => html`<li class="chip uploading" role="status">${t('attach.uploading', { name })}</li>`)}
    </ul>`;
  }

  async #onFiles(id: string, e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const store = this.#options.store();
    const accepted = capabilitiesOf(this.#options.channel()).attachments;
    if (!store || !accepted) return;
    await Promise.all(files.map((file) => this.#upload(store, id, file, accepted.maxBytes)));
  }

  async #upload(store: InteractionStore, id: string, file: File, maxBytes: number): Promise<void> {
    const composers = this.#options.composers;
    const name = displayFileName(file.name);
    let files: typeof Files;
    try {
      // The checks load with the first file picked: the chat path does not carry them.
      files = await import('../../content/files.js');
    } catch (err) {
      composers.notify(id, { kind: 'error', text: t('attach.failed', { name, reason: errorMessage(err) }) });
      return;
    }
    const check = files.checkAttachment(file, { ...files.DEFAULT_ATTACHMENT_LIMITS, maxBytes });
    if (!check.ok) {
      composers.notify(id, {
        kind: 'error',
        text: t(`attach.${check.reason}`, { name, max: formatBytes(maxBytes, getLocale()) }),
      });
      return;
    }
    composers.patch(id, (s) => ({ uploading: [...s.uploading, name] }));
    try {
      const attachment = await store.uploadAttachment(id, file);
      composers.patch(id, (s) => ({ attachments: [...s.attachments, attachment] }));
    } catch (err) {
      composers.notify(id, { kind: 'error', text: t('attach.failed', { name, reason: errorMessage(err) }) });
    } finally {
      composers.patch(id, (s) => {
        const k = s.uploading.indexOf(name);
        return { uploading: k < 0 ? s.uploading : [...s.uploading.slice(0, k), ...s.uploading.slice(k + 1)] };
      });
    }
  }
}
