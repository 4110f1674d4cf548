import { html, nothing, type TemplateResult } from 'lit';
import { displayFileName } from '../../content/file-names.js';
import { formatBytes } from '../../core/format.js';
import type { Attachment } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import { forgetPreview, thumbnailSrc } from './attachment-previews.js';

/**
 * The chips under a composer: the files it will send, each with a thumbnail when it is an
 * image and a button that removes it (`remove` gets the file's id), then the names of
 * files still uploading. Nothing when there are neither.
 */
export function attachmentList(files: readonly Attachment[], uploading: readonly string[], remove: (id: string) => void): TemplateResult | typeof nothing {
  if (files.length === 0 && uploading.length === 0) return nothing;
  const locale = getLocale();
  return html`<ul class="pending" aria-label=${t('attach.list')}>
    ${files.map((a) => {
      const name = displayFileName(a.name);
      const thumb = thumbnailSrc(a);
      return html`<li class="chip">
        ${thumb ? html`<img class="chip-thumb" part="thumbnail" src=${thumb} alt=${name} />` : nothing}
        <span>${t('chat.attachment', { name, size: formatBytes(a.size, locale) })}</span>
        <button
          class="chip-remove"
          aria-label=${t('attach.remove', { name })}
          @click=${() => {
            forgetPreview(a.id);
            remove(a.id);
          }}
        >
          ×
        </button>
      </li>`;
    })}
    ${uploading.map((name) => html`<li class="chip uploading"><span role="status">${t('attach.uploading', { name })}</span></li>`)}
  </ul>`;
}
