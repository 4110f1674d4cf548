/**
 * Email bodies as DOM: every piece of HTML here (inbound emails, the editor's output,
 * stored drafts, pasted markup) goes through the one email sanitizer of `src/content`
 * and comes back as DOM; strings are only ever produced from that DOM.
 * @packageDocumentation
 */
import { BLOCKED_IMAGE_ATTRIBUTE } from '../../content/blocked-image.js';
import type { EmailSanitizeOptions } from '../../content/sanitize.js';
import { sanitizer } from './email-sanitizer.js';
import type { Attachment, EmailMessage } from '../../core/types.js';

/** Markup of a sanitized fragment (the fragment is consumed). */
export function serialize(fragment: DocumentFragment): string {
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

/** Sanitized DOM for an untrusted HTML string (a draft, pasted markup, an email body). */
export function sanitizedFragment(html: string, options: EmailSanitizeOptions = {}): DocumentFragment {
  return sanitizer().sanitizeEmailHtml(html, options).fragment;
}

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'dt', 'dd', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]);

/** The text of some DOM as a reader sees it: blocks and `<br>` become line breaks. */
export function textOf(node: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) {
      out += n.textContent ?? '';
      return;
    }
    const name = n.nodeName.toLowerCase();
    if (name === 'br') {
      out += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) out += '\n';
    if (name === 'td' || name === 'th') out += ' ';
    for (const child of n.childNodes) walk(child);
    if (block) out += '\n';
  };
  walk(node);
  return out
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const textCache = new Map<string, string>();

/** The text of an untrusted HTML string (for the PCI check and previews), cached per string. */
export function htmlText(html: string): string {
  let text = textCache.get(html);
  if (text === undefined) {
    text = textOf(sanitizedFragment(html));
    if (textCache.size > 50) textCache.clear();
    textCache.set(html, text);
  }
  return text;
}

/**
 * Replaces images that show nothing (remote source blocked, or source removed by the
 * sanitizer) with their alt text, for content the agent sends on (forwarded, pasted).
 */
export function dropBlockedImages(fragment: DocumentFragment): DocumentFragment {
  for (const img of fragment.querySelectorAll(`img[${BLOCKED_IMAGE_ATTRIBUTE}], img:not([src])`)) {
    const alt = img.getAttribute('alt') ?? '';
    img.replaceWith(alt ? `[${alt}]` : '');
  }
  return fragment;
}

/** The number of images {@link dropBlockedImages} would take out of a fragment (remote, or without a source). */
export function blockedImageCount(fragment: DocumentFragment): number {
  return fragment.querySelectorAll(`img[${BLOCKED_IMAGE_ATTRIBUTE}], img:not([src])`).length;
}

const DATA_IMAGE = /^data:(image\/(?:png|gif|jpe?g|webp|bmp|avif));base64,([a-z0-9+/=\s]*)$/i;

/**
 * Takes the images embedded as `data:` URLs out of a fragment and returns them as files
 * (named after their alt text, else `prefix-1.png`, …), to be uploaded and attached like
 * any image; one that cannot be decoded is left in place.
 */
export function takeDataImages(fragment: DocumentFragment, prefix: string): File[] {
  const files: File[] = [];
  for (const img of fragment.querySelectorAll('img[src^="data:" i]')) {
    const match = DATA_IMAGE.exec(img.getAttribute('src') ?? '');
    const type = match?.[1]?.toLowerCase();
    const payload = match?.[2];
    if (!type || payload === undefined) continue;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = Uint8Array.from(atob(payload.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    } catch {
      continue;
    }
    const extension = type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length);
    const alt = (img.getAttribute('alt') ?? '').trim().replace(/[\\/:*?"<>|]+/g, ' ');
    const name = alt && !alt.includes('.') ? `${alt}.${extension}` : alt || `${prefix}-${files.length + 1}.${extension}`;
    files.push(new File([bytes], name, { type }));
    img.remove();
  }
  return files;
}

/** Images an email shows without alt text are taken as decorative (`alt=""`), so they are not announced as unnamed. */
export function markDecorativeImages<T extends { readonly fragment: DocumentFragment }>(result: T): T {
  for (const img of result.fragment.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  return result;
}

/** The plain text of an email: its text part, else the text of its sanitized HTML. */
export function emailText(email: Pick<EmailMessage, 'html' | 'text'>): string {
  if (email.text !== undefined && email.text.trim() !== '') return email.text;
  return email.html === undefined ? '' : htmlText(email.html);
}

/**
 * Points inline images back at their attachment: an `<img>` showing an attachment's URL
 * gets `src="cid:<contentId>"`. Drafts and sent emails hold `cid:` references; only the
 * screen shows URLs. Returns the attachments referenced.
 */
export function canonicalize(fragment: DocumentFragment, attachments: readonly Attachment[]): Attachment[] {
  const byUrl = new Map<string, Attachment>();
  for (const a of attachments) if (a.contentId && a.url) byUrl.set(a.url, a);
  const used = new Set<Attachment>();
  for (const img of fragment.querySelectorAll('img')) {
    const inline = byUrl.get(img.getAttribute('src') ?? '');
    if (!inline?.contentId) continue;
    img.setAttribute('src', `cid:${inline.contentId}`);
    used.add(inline);
  }
  return [...used];
}

/**
 * The editor's content as draft HTML: its DOM copied, inline images turned into `cid:`
 * references. The result is untrusted like any draft: it is sanitized whenever it is
 * shown or sent.
 */
export function editorHtml(editor: Node, attachments: readonly Attachment[]): string {
  const fragment = document.createDocumentFragment();
  for (const child of editor.childNodes) fragment.append(child.cloneNode(true));
  canonicalize(fragment, attachments);
  return serialize(fragment);
}

/** Draft HTML as sanitized DOM for the editor: `cid:` images resolved to the draft's attachments. */
export function draftFragment(html: string, attachments: readonly Attachment[]): DocumentFragment {
  return sanitizedFragment(html, { allowRemoteImages: true, resolveCid: sanitizer().cidResolver(attachments) });
}

/** Labels of the forwarded-message header, in the agent's language. */
export interface ForwardLabels {
  readonly title: string;
  readonly from: string;
  readonly date: string;
  readonly subject: string;
  readonly to: string;
  readonly cc: string;
}

/**
 * The answered email as a forwarded message for the editor (R-MAIL-09): a header block
 * (From, Date, Subject, To, Cc) and its sanitized body. Its inline images keep their
 * `cid:` references (the caller forwards the email's attachments with it); remote images
 * come along only when the agent allowed them for that email, else they become their alt text.
 */
export function forwardedHtml(email: EmailMessage, labels: ForwardLabels, date: string, allowRemoteImages: boolean): string {
  const root = document.createDocumentFragment();
  root.append(document.createElement('p'));
  const header = document.createElement('p');
  const lines: [string, string][] = [
    [labels.from, email.from],
    [labels.date, date],
    [labels.subject, email.subject],
    [labels.to, email.to.join(', ')],
  ];
  if (email.cc.length > 0) lines.push([labels.cc, email.cc.join(', ')]);
  header.append(labels.title);
  for (const [label, value] of lines) header.append(document.createElement('br'), `${label}: ${value}`);
  root.append(header);
  const quote = document.createElement('blockquote');
  if (email.html !== undefined) {
    const body = sanitizedFragment(email.html, { allowRemoteImages, resolveCid: sanitizer().cidResolver(email.attachments) });
    canonicalize(body, email.attachments);
    quote.append(dropBlockedImages(body));
  } else {
    for (const line of (email.text ?? '').split('\n')) quote.append(line, document.createElement('br'));
  }
  root.append(quote);
  return serialize(root);
}

/**
 * Draft HTML without the forwarded message it carries: the paragraph that starts with a
 * forwarded-message title of `titles` and everything after it (the header and the quoted email),
 * then any empty lines left at the end. What the agent wrote above it is kept; inline
 * images keep their `cid:` references. Unchanged when there is no such paragraph.
 */
export function withoutForwardQuote(html: string, attachments: readonly Attachment[], titles: readonly string[]): string {
  const fragment = draftFragment(html, attachments);
  const starts = (text: string) => titles.some((title) => title.trim() !== '' && text.trim().startsWith(title.trim()));
  const header = [...fragment.querySelectorAll('p, div')].find((p) => starts(p.textContent ?? ''));
  if (!header) return html;
  let node: Node | null = header;
  while (node && node !== fragment) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: Node | null = node.parentNode;
    if (node === header) header.remove();
    node = parent;
  }
  for (let last = fragment.lastChild; last && (last.textContent ?? '').trim() === '' && !(last instanceof Element && last.querySelector('img')) && !(last instanceof HTMLImageElement); last = fragment.lastChild) {
    last.remove();
  }
  canonicalize(fragment, attachments);
  return serialize(fragment);
}

/** What Send sends of the standard reply's body. */
export interface OutgoingBody {
  readonly html: string;
  readonly text: string;
  /** Inline images the body still shows (others were deleted in the editor and are not sent as inline). */
  readonly inline: readonly Attachment[];
}

/**
 * The draft's HTML as sent (R-MAIL-12): sanitized once more, with inline images as
 * `cid:` references to their attachments.
 */
export function outgoingBody(html: string, attachments: readonly Attachment[]): OutgoingBody {
  const fragment = draftFragment(html, attachments);
  const inline = canonicalize(fragment, attachments);
  return { text: textOf(fragment), html: serialize(fragment), inline };
}
