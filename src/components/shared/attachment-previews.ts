/**
 * Thumbnails of image attachments in a composer's chips: the agent's own file, shown from
 * a `blob:` URL while it is attached (revoked when the chip is removed), or else the
 * image's URL from the backend.
 * @packageDocumentation
 */
import { safeUrl } from '../../content/url.js';
import type { Attachment } from '../../core/types.js';

const IMAGE = /^image\/(?:png|jpeg|gif|webp|avif|bmp)$/i;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);/i;

/** Local previews by attachment id. */
const previews = new Map<string, string>();

/** Keeps a preview of the local image `file` uploaded as attachment `id` (nothing for other files). */
export function rememberPreview(id: string, file: Blob): void {
  if (!IMAGE.test(file.type) || previews.has(id)) return;
  previews.set(id, URL.createObjectURL(file));
}

/** Revokes the preview of attachment `id`, if any: its chip was removed. */
export function forgetPreview(id: string): void {
  const url = previews.get(id);
  if (url === undefined) return;
  URL.revokeObjectURL(url);
  previews.delete(id);
}

/** Where a chip's thumbnail comes from, or `undefined` for a file that is not an image (or whose URL is not safe to load). */
export function thumbnailSrc(a: Pick<Attachment, 'id' | 'mimeType' | 'url'>): string | undefined {
  const local = previews.get(a.id);
  if (local !== undefined) return local;
  if (!IMAGE.test(a.mimeType) || !a.url) return undefined;
  return DATA_IMAGE.test(a.url) ? a.url : safeUrl(a.url);
}
