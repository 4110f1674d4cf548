/**
 * The one sanitizer configuration of the library. Every piece of untrusted markup
 * (Markdown output of customer and agent text, inbound email HTML) reaches the DOM
 * through {@link sanitizeChatHtml} or {@link sanitizeEmailHtml}, which hand back DOM
 * built by a private DOMPurify instance — never a string to assign to `innerHTML`.
 *
 * Trusted Types: DOMPurify parses the dirty string into an inert document through a
 * policy. We give it our own policy, named {@link TRUSTED_TYPES_POLICY_NAME}, so the
 * library does not collide with a host that also uses DOMPurify's default `dompurify`
 * policy; if the host's `trusted-types` directive does not allow our name, DOMPurify
 * falls back to its own `dompurify` policy.
 * @packageDocumentation
 */
import DOMPurify, { type Config } from 'dompurify';

/**
 * Name of the Trusted Types policy the sanitizer parses with. A host whose CSP lists
 * allowed policy names (`trusted-types …`) adds this name (and `lit-html` for Lit).
 */
export const TRUSTED_TYPES_POLICY_NAME = 'cc-digital-widgets';

/** What the sanitizer dropped, for logging and tests. */
export interface SanitizeReport {
  /** Lower-case names of elements removed (their text may have been kept). */
  readonly removedElements: readonly string[];
  /** Lower-case names of attributes removed (event handlers, unsafe URLs, unknown attributes…). */
  readonly removedAttributes: readonly string[];
}

/** Sanitized DOM plus the report. The fragment is the caller's: insert it (once) or clone it. */
export interface SanitizeResult extends SanitizeReport {
  readonly fragment: DocumentFragment;
}

/** Options of the email profile. */
export interface EmailSanitizeOptions {
  /**
   * Load remote (`http:`/`https:`) images. Off by default: remote images track when
   * and where an email is read, so they stay blocked until the agent allows them.
   */
  readonly allowRemoteImages?: boolean;
  /**
   * Maps a `cid:` reference (the Content-ID without `cid:` and without angle brackets)
   * to the URL of the inline attachment, or `undefined` when there is none.
   * {@link cidResolver} builds one from an email's attachments.
   */
  readonly resolveCid?: (contentId: string) => string | undefined;
}

/** The email profile's result: sanitized DOM, the report, and what was blocked. */
export interface EmailSanitizeResult extends SanitizeResult {
  /**
   * Remote images whose `src` was removed. Each such `<img>` keeps its `alt`, `width`
   * and `height` and carries the {@link BLOCKED_IMAGE_ATTRIBUTE} attribute so the UI can
   * style it and offer to show images.
   */
  readonly blockedImages: number;
  /** `cid:` references no attachment resolved (the image is shown by its `alt` only). */
  readonly unresolvedCids: readonly string[];
}

/** Attribute set on an `<img>` whose remote source was blocked. */
export const BLOCKED_IMAGE_ATTRIBUTE = 'data-cc-blocked-image';

type Profile = 'chat' | 'email';

interface Run {
  readonly profile: Profile;
  readonly options: EmailSanitizeOptions;
  blockedImages: number;
  readonly unresolvedCids: string[];
  readonly removedAttributes: Set<string>;
}

/** Link schemes allowed in `href` (after the browser's own URL parsing). */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Inline image data that cannot carry script or markup. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp|avif);base64,[a-z0-9+/=\s]*$/i;

/**
 * Chat profile: what Markdown produces, nothing more. Headings are mapped to bold
 * paragraphs by the Markdown renderer, images to links; both are absent here on purpose.
 */
const CHAT_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'hr', 'i', 'li', 'ol', 'p', 'pre', 's', 'strong', 'u', 'ul',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const CHAT_ATTRIBUTES = ['href', 'title', 'align', 'start'];

/** Email profile: the structural and presentational HTML that real emails use. */
const EMAIL_TAGS = [
  ...CHAT_TAGS,
  'abbr', 'address', 'article', 'aside', 'big', 'caption', 'center', 'cite', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'img', 'ins', 'kbd', 'mark',
  'q', 'samp', 'section', 'small', 'span', 'strike', 'sub', 'sup', 'tfoot', 'tt', 'var', 'wbr',
];
const EMAIL_ATTRIBUTES = [
  ...CHAT_ATTRIBUTES,
  'abbr', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'color', 'colspan', 'dir', 'face', 'frame', 'height',
  'hspace', 'lang', 'nowrap', 'reversed', 'rowspan', 'rules', 'scope', 'size', 'span', 'src', 'style', 'summary', 'type',
  'valign', 'vspace', 'width',
];

const COMMON_CONFIG = {
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_XML: true,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
  // Option lists and the like would otherwise leave their text behind as noise.
  ADD_FORBID_CONTENTS: ['select', 'datalist', 'object', 'applet', 'map', 'canvas'],
} satisfies Config;

const CHAT_CONFIG = { ...COMMON_CONFIG, ALLOWED_TAGS: CHAT_TAGS, ALLOWED_ATTR: CHAT_ATTRIBUTES } satisfies Config;
/**
 * `<style>` elements are removed, not scoped: scoping would mean rewriting selectors,
 * and emails are written to survive clients that drop them. Inline `style` is kept,
 * cleaned declaration by declaration ({@link cleanInlineStyle}).
 */
const EMAIL_CONFIG = { ...COMMON_CONFIG, ALLOWED_TAGS: EMAIL_TAGS, ALLOWED_ATTR: EMAIL_ATTRIBUTES } satisfies Config;

const purify = DOMPurify(window);
let current: Run | undefined;

function refuse(): never {
  throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: scripts are never created`);
}

function createPolicy(): TrustedTypePolicy | undefined {
  const factory = window.trustedTypes;
  if (!factory) return undefined;
  try {
    // Only DOMPurify sees this policy: it parses into an inert document, never a live one.
    // Script and script URLs are never produced: the profiles keep no element that needs them.
    return factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createHTML: (html: string) => html,
      createScript: refuse,
      createScriptURL: refuse,
    });
  } catch {
    return undefined;
  }
}

let policy: TrustedTypePolicy | undefined | null = null;
function trustedTypesPolicy(): TrustedTypePolicy | undefined {
  if (policy === null) policy = createPolicy();
  return policy;
}

/** An absolute link URL with an allowed scheme, or `undefined`. */
function safeLink(value: string): string | undefined {
  try {
    const url = new URL(value);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image URL that may be loaded without asking: an attachment (blob/http(s)) or inline raster data. */
function safeImageSource(value: string): string | undefined {
  if (SAFE_DATA_IMAGE.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'blob:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isRemote(value: string): boolean {
  return /^https?:/i.test(value.trim());
}

function contentIdOf(src: string): string {
  const raw = src.slice('cid:'.length).trim();
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray `%` is not an encoding; keep the text as written.
  }
  return decoded.replace(/^<|>$/g, '');
}

/** Properties that let an email escape its box, overlay the agent's UI, or load things. */
const FORBIDDEN_PROPERTY =
  /^(?:behavior|-moz-binding|content|cursor|z-index|pointer-events|transform|translate|rotate|scale|offset.*|animation.*|transition.*|will-change|filter|backdrop-filter|clip-path|mask.*|-webkit-mask.*|border-image.*|list-style-image|--.*)$/;
/** Values that load resources or run code (legacy IE `expression()`). */
const FORBIDDEN_VALUE = /url\s*\(|image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(|expression\s*\(|javascript:|vbscript:|-moz-binding|behavior|@import|\\/i;
const MAX_STYLE_LENGTH = 10_000;

let scratch: HTMLElement | undefined;
/**
 * An inline style cleaned declaration by declaration. The browser's own CSS parser
 * reads it (through CSSOM, which CSP allows), so escapes and comments cannot hide
 * a forbidden value; invalid and unknown declarations disappear on the way.
 */
export function cleanInlineStyle(value: string): string {
  if (value.length > MAX_STYLE_LENGTH) return '';
  scratch ??= document.implementation.createHTMLDocument('').createElement('div');
  const style = scratch.style;
  style.cssText = value;
  const names: string[] = [];
  for (let i = 0; i < style.length; i++) names.push(style.item(i));
  for (const name of names) {
    const declared = style.getPropertyValue(name);
    const positioned = name === 'position' && !/^(?:static|relative)$/i.test(declared.trim());
    if (positioned || FORBIDDEN_PROPERTY.test(name) || FORBIDDEN_VALUE.test(declared)) style.removeProperty(name);
  }
  const cleaned = style.cssText;
  style.cssText = '';
  return FORBIDDEN_VALUE.test(cleaned) ? '' : cleaned;
}

function dropAttribute(run: Run | undefined, element: Element, name: string): void {
  element.removeAttribute(name);
  run?.removedAttributes.add(name);
}

function sanitizeLink(run: Run | undefined, a: Element): void {
  const href = a.getAttribute('href');
  if (href === null) return;
  if (!run || safeLink(href) === undefined) {
    dropAttribute(run, a, 'href');
    return;
  }
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
}

function sanitizeImage(run: Run | undefined, img: Element): void {
  const src = img.getAttribute('src');
  if (src === null) return;
  if (!run || run.profile !== 'email') {
    dropAttribute(run, img, 'src');
    return;
  }
  let resolved: string | undefined;
  if (/^cid:/i.test(src)) {
    const contentId = contentIdOf(src);
    const url = run.options.resolveCid?.(contentId);
    resolved = url === undefined ? undefined : safeImageSource(url);
    if (resolved === undefined) run.unresolvedCids.push(contentId);
  } else if (isRemote(src)) {
    if (run.options.allowRemoteImages) {
      resolved = safeImageSource(src);
    } else {
      run.blockedImages++;
      img.removeAttribute('src');
      img.setAttribute(BLOCKED_IMAGE_ATTRIBUTE, '');
      return;
    }
  } else if (SAFE_DATA_IMAGE.test(src)) {
    resolved = src;
  }
  if (resolved === undefined) {
    dropAttribute(run, img, 'src');
    return;
  }
  img.setAttribute('src', resolved);
  // The sender learns nothing about where the email is read.
  img.setAttribute('referrerpolicy', 'no-referrer');
}

// Hooks are registered once, on the private instance; `current` says which profile runs.
purify.addHook('uponSanitizeAttribute', (_node, event) => {
  if (event.attrName !== 'style') return;
  if (current?.profile !== 'email') {
    event.keepAttr = false;
    return;
  }
  const cleaned = cleanInlineStyle(event.attrValue);
  if (cleaned === '') event.keepAttr = false;
  else event.attrValue = cleaned;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  const name = node.nodeName.toLowerCase();
  if (name === 'a') sanitizeLink(current, node);
  else if (name === 'img') sanitizeImage(current, node);
});

function textFragment(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(text);
  return fragment;
}

function run(dirty: string, profile: Profile, options: EmailSanitizeOptions): { fragment: DocumentFragment; run: Run; report: SanitizeReport } {
  const state: Run = { profile, options, blockedImages: 0, unresolvedCids: [], removedAttributes: new Set() };
  const previous = current;
  current = state;
  let fragment: DocumentFragment;
  try {
    const sanitized: unknown = purify.sanitize(dirty, {
      ...(profile === 'chat' ? CHAT_CONFIG : EMAIL_CONFIG),
      TRUSTED_TYPES_POLICY: trustedTypesPolicy(),
      RETURN_DOM_FRAGMENT: true,
    });
    // A browser DOMPurify cannot protect gets the input back unsanitized: show it as text.
    fragment = sanitized instanceof DocumentFragment ? sanitized : textFragment(dirty);
  } finally {
    current = previous;
  }
  const removedElements = new Set<string>();
  for (const removed of purify.removed) {
    if ('element' in removed) {
      const tag = removed.element.nodeName.toLowerCase();
      if (!tag.startsWith('#')) removedElements.add(tag);
    } else if (removed.attribute) {
      state.removedAttributes.add(removed.attribute.name.toLowerCase());
    }
  }
  return {
    fragment,
    run: state,
    report: { removedElements: [...removedElements], removedAttributes: [...state.removedAttributes] },
  };
}

/**
 * Sanitizes HTML with the chat profile: paragraphs, line breaks, bold, italic,
 * underline, strike-through, code, quotes, lists, tables and `http(s)`/`mailto`/`tel`
 * links (which open in a new tab with `rel="noopener noreferrer"`). No images, styles,
 * forms, frames, SVG, MathML or event handlers. Normally reached through
 * `renderMarkdown`; use it directly only for HTML an adapter delivers for a chat.
 */
export function sanitizeChatHtml(html: string): SanitizeResult {
  const { fragment, report } = run(html, 'chat', {});
  return { fragment, ...report };
}

/**
 * Sanitizes an inbound email's HTML with the email profile: tables and their
 * presentational attributes, cleaned inline styles, images (remote ones blocked unless
 * `allowRemoteImages`, `cid:` ones resolved through `resolveCid`), links opening in a
 * new tab. No script, style or link elements, forms, frames, `<base>`, `<meta>`,
 * comments (Outlook conditional comments included), event handlers or script URLs.
 */
export function sanitizeEmailHtml(html: string, options: EmailSanitizeOptions = {}): EmailSanitizeResult {
  const { fragment, run: state, report } = run(html, 'email', options);
  return { fragment, ...report, blockedImages: state.blockedImages, unresolvedCids: [...new Set(state.unresolvedCids)] };
}

/** The attachment fields {@link cidResolver} reads. */
export interface InlineAttachment {
  readonly contentId?: string;
  readonly url?: string;
}

const resolvers = new WeakMap<readonly InlineAttachment[], (contentId: string) => string | undefined>();
const normaliseCid = (id: string): string => id.trim().replace(/^<|>$/g, '').toLowerCase();

/**
 * A `resolveCid` for an email's attachments: matches Content-IDs with or without angle
 * brackets, case-insensitively. The same array always yields the same function, so the
 * `sanitizedEmail` directive sees stable options and does not sanitize again.
 */
export function cidResolver(attachments: readonly InlineAttachment[]): (contentId: string) => string | undefined {
  let resolver = resolvers.get(attachments);
  if (!resolver) {
    const byId = new Map<string, string>();
    for (const a of attachments) if (a.contentId && a.url) byId.set(normaliseCid(a.contentId), a.url);
    resolver = (contentId) => byId.get(normaliseCid(contentId));
    resolvers.set(attachments, resolver);
  }
  return resolver;
}
