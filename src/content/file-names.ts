/**
 * Safe display of file names (customer and agent attachments).
 * @packageDocumentation
 */

/** The lower-case extension of a file name, without the dot; `''` when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).trim().toLowerCase();
}

/**
 * Control, bidirectional-override and invisible formatting characters. U+202E
 * (right-to-left override) turns `invoice‮fdp.exe` into what reads as `invoiceexe.pdf`.
 * Zero-width joiners stay: emoji sequences need them.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * A file name safe to show: hidden and direction-changing characters removed,
 * whitespace runs collapsed (so padding cannot push the real extension out of view),
 * trimmed. With `maxLength`, long names are shortened in the middle so the extension
 * stays visible (`a-very-long-na…me.pdf`).
 */
export function displayFileName(name: string, maxLength?: number): string {
  const clean = name.replace(/[\t\n\r\f\v]/g, ' ').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (maxLength === undefined || chars.length <= maxLength || maxLength < 8) return clean;
  const extension = extensionOf(clean);
  const tail = extension && extension.length <= 8 ? extension.length + 1 + 2 : 4;
  const head = maxLength - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
