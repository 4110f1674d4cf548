import type * as Files from '../../content/files.js';
import { displayFileName } from '../../content/file-names.js';
import { errorMessage, formatBytes } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Attachment } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import type { Notice } from './notices.js';
import { rememberPreview } from './attachment-previews.js';

/** Where a file picked in a composer goes, and how the composer hears of it. */
export interface UploadTarget {
  readonly store: InteractionStore;
  /** The interaction the file is attached to. */
  readonly interactionId: string;
  /** The largest file accepted, in bytes; without it, the library's default limits. */
  readonly maxBytes?: number | undefined;
  /** Reports a refused or failed file under the composer. */
  readonly notify: (notice: Notice) => void;
  /** Changes the names of the files listed as uploading. */
  readonly uploading: (change: (names: readonly string[]) => readonly string[]) => void;
  /** Receives the uploaded file, with the name shown for it, while it still counts as uploading. */
  readonly attach: (attachment: Attachment, name: string) => void;
}

/** `names` without the first `name`. */
function without(names: readonly string[], name: string): readonly string[] {
  const k = names.indexOf(name);
  return k < 0 ? names : [...names.slice(0, k), ...names.slice(k + 1)];
}

/**
 * Checks a file against the limits and uploads it, listing it as uploading meanwhile. A
 * refused or failed file is reported through `notify`; an uploaded one goes to `attach`
 * before it leaves the uploading list, so Send never sees a moment without it. The checks
 * load with the first file: a pane that does not use them does not carry them.
 */
export async function uploadFile(file: File, target: UploadTarget): Promise<void> {
  const name = displayFileName(file.name);
  const failed = (err: unknown) => target.notify({ kind: 'error', text: t('attach.failed', { name, reason: errorMessage(err) }) });
  let files: typeof Files;
  try {
    files = await import('../../content/files.js');
  } catch (err) {
    failed(err);
    return;
  }
  const limits = target.maxBytes === undefined ? files.DEFAULT_ATTACHMENT_LIMITS : { ...files.DEFAULT_ATTACHMENT_LIMITS, maxBytes: target.maxBytes };
  const check = files.checkAttachment(file, limits);
  if (!check.ok) {
    target.notify({ kind: 'error', text: t(`attach.${check.reason}`, { name, max: formatBytes(limits.maxBytes, getLocale()) }) });
    return;
  }
  target.uploading((names) => [...names, name]);
  try {
    const uploaded = await target.store.uploadAttachment(target.interactionId, file);
    rememberPreview(uploaded.id, file);
    target.attach(uploaded, name);
  } catch (err) {
    failed(err);
  } finally {
    target.uploading((names) => without(names, name));
  }
}
