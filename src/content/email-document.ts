/**
 * Showing a sanitized email: the `srcdoc` document of a sandboxed frame, with its own
 * Content-Security-Policy, and its inline styles applied through CSSOM once it has loaded.
 * Only the email pane needs this; chat Markdown never loads it.
 * @packageDocumentation
 */
import { DEFERRED_STYLE_ATTRIBUTE } from './preparse.js';
import { cleanInlineStyle, sanitizedEmailStyles, trustedTypesPolicy, type EmailSanitizeResult } from './sanitize.js';

/** Options of {@link setEmailDocument}. */
export interface EmailDocumentOptions {
  /** The document's title (the frame element should carry the same `title`). */
  readonly title: string;
  /** Language of the surrounding UI, for the document element. */
  readonly lang?: string;
  /** The agent allowed remote images for this email: the document's policy then loads `http(s)` images. */
  readonly allowRemoteImages?: boolean;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

const imagePolicy = (sources: readonly string[]): string =>
  `default-src 'none'; img-src ${sources.join(' ')}; style-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'`;

/**
 * The email document's own Content-Security-Policy: nothing loads but images, and remote
 * images only once the agent allowed them. Inline images resolved from attachments are
 * allowed by their origin (an attachment URL is the backend's, never the sender's).
 */
function emailDocumentPolicy(body: DocumentFragment, allowRemoteImages: boolean): string {
  const sources = new Set(['data:', 'blob:']);
  if (allowRemoteImages) return imagePolicy([...sources, 'https:', 'http:']);
  for (const img of body.querySelectorAll('img[src]')) {
    try {
      const url = new URL(img.getAttribute('src') ?? '');
      if (url.protocol === 'https:' || url.protocol === 'http:') sources.add(url.origin);
    } catch {
      // Not a URL: it loads nothing.
    }
  }
  return imagePolicy([...sources]);
}

/**
 * The markup of a sanitized email with every inline style in {@link DEFERRED_STYLE_ATTRIBUTE}.
 * A fragment whose styles are already text is read as it is (moved out and back, not
 * copied); otherwise a copy has its styles moved into the attribute.
 */
function bodyMarkup(fragment: DocumentFragment, textStyles: boolean): string {
  const inPlace = textStyles && fragment.querySelector('[style]') === null;
  const body = inPlace ? fragment : fragment.cloneNode(true);
  if (!(body instanceof DocumentFragment)) throw new TypeError('A fragment clone is a fragment');
  if (!inPlace) {
    for (const element of body.querySelectorAll('[style]')) {
      element.setAttribute(DEFERRED_STYLE_ATTRIBUTE, element.getAttribute('style') ?? '');
      element.removeAttribute('style');
    }
  }
  const box = (body.ownerDocument ?? document).createElement('div');
  box.append(body);
  const markup = box.innerHTML;
  if (inPlace) fragment.append(...box.childNodes);
  return markup;
}

/**
 * Writes a sanitized email into a frame as its `srcdoc`: a document with its own CSP
 * (`default-src 'none'`, images as allowed), no referrer, links opening in a new tab, and
 * the body. Inline styles travel as {@link DEFERRED_STYLE_ATTRIBUTE} and are applied by
 * {@link applyDeferredStyles} once the frame has loaded, so parsing the document trips no
 * `style-src-attr` check of the host's policy (a `srcdoc` document inherits it). The body
 * stays `hidden` until then, so it is styled and laid out once, with its styles.
 * The value is TrustedHTML made by the library's policy. Only a result of
 * `sanitizeEmailHtml` is accepted: anything else throws.
 */
export function setEmailDocument(frame: HTMLIFrameElement, result: EmailSanitizeResult, options: EmailDocumentOptions): void {
  const textStyles = sanitizedEmailStyles(result.fragment);
  if (result.failed || textStyles === undefined) throw new TypeError('Only a sanitized email can be shown');
  const policy = emailDocumentPolicy(result.fragment, options.allowRemoteImages === true);
  const markup =
    `<!doctype html><html lang="${escapeHtml(options.lang ?? '')}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">` +
    '<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light"><base target="_blank">' +
    `<title>${escapeHtml(options.title)}</title></head><body hidden>${bodyMarkup(result.fragment, textStyles)}</body></html>`;
  Reflect.set(frame, 'srcdoc', trustedTypesPolicy()?.createHTML(markup) ?? markup);
}

/** Applies the inline styles {@link setEmailDocument} deferred, through CSSOM, in a loaded email document, and shows its body. */
export function applyDeferredStyles(doc: Document): void {
  // Emails repeat a few styles on many elements: each distinct one is cleaned once.
  const cleaned = new Map<string, string>();
  for (const element of doc.querySelectorAll<HTMLElement>(`[${DEFERRED_STYLE_ATTRIBUTE}]`)) {
    const written = element.getAttribute(DEFERRED_STYLE_ATTRIBUTE) ?? '';
    let style = cleaned.get(written);
    if (style === undefined) {
      style = cleanInlineStyle(written);
      cleaned.set(written, style);
    }
    element.removeAttribute(DEFERRED_STYLE_ATTRIBUTE);
    // The document holds sanitized markup only (no forms): its elements' own properties can be trusted.
    element.style.cssText = style;
  }
  // Shown once styled: until then nothing in the body was styled or laid out, so it is done once, with its styles.
  doc.body.hidden = false;
}
