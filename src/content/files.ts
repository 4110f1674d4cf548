/**
 * Attachment checks before upload. Safe display of file names is in `file-names.ts`
 * (re-exported here), which panes load up front; these checks load with the first file
 * the agent picks, so a pane that never uploads does not carry them.
 * @packageDocumentation
 */
import { ATTACHMENT_MAX_BYTES } from '../core/channels.js';
import { displayFileName, extensionOf } from './file-names.js';

export { displayFileName } from './file-names.js';

/** What {@link checkAttachment} reads of a file (a `File` fits). */
export interface AttachmentCandidate {
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** MIME type; browsers give `''` when they do not know it (the extension decides then). */
  readonly type: string;
}

/** Limits for attachments. */
export interface AttachmentLimits {
  /** Largest size accepted, in bytes. */
  readonly maxBytes: number;
  /**
   * Accepted types: exact MIME types (`application/pdf`), wildcards (`image/*`, `*\/*`)
   * or extensions (`.csv`), matched case-insensitively.
   */
  readonly allowedTypes: readonly string[];
}

/** Why an attachment was refused. */
export type AttachmentRefusal = 'too-large' | 'type-not-allowed' | 'empty';

/** The outcome of {@link checkAttachment}. */
export type AttachmentCheck = { readonly ok: true } | { readonly ok: false; readonly reason: AttachmentRefusal };

/**
 * Default limits: 10 MB; raster images, PDF, plain text and CSV, Microsoft Office and
 * OpenDocument files. SVG is left out on purpose: opened on its own it can run script.
 */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: ATTACHMENT_MAX_BYTES,
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'image/bmp',
    'image/heic',
    'application/pdf',
    'text/plain',
    'text/csv',
    'application/rtf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.presentation',
  ],
};

/** MIME types of common extensions, for files the browser gives no type. */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  rtf: 'application/rtf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

function typeMatches(pattern: string, mime: string, extension: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p.startsWith('.')) return extension !== '' && p.slice(1) === extension;
  if (!mime) return false;
  if (p === '*' || p === '*/*') return true;
  if (p.endsWith('/*')) return mime.startsWith(p.slice(0, -1));
  return p === mime;
}

/**
 * Whether a file may be attached: refused when empty, larger than `maxBytes`, or of a
 * type `allowedTypes` does not list. A file without a MIME type is judged by its
 * extension.
 */
export function checkAttachment(file: AttachmentCandidate, limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS): AttachmentCheck {
  if (file.size <= 0) return { ok: false, reason: 'empty' };
  if (file.size > limits.maxBytes) return { ok: false, reason: 'too-large' };
  const extension = extensionOf(displayFileName(file.name));
  const mime = (file.type.split(';')[0] ?? '').trim().toLowerCase() || (TYPE_BY_EXTENSION[extension] ?? '');
  return limits.allowedTypes.some((p) => typeMatches(p, mime, extension)) ? { ok: true } : { ok: false, reason: 'type-not-allowed' };
}
