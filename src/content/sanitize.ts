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
import DOMPurify, { type Config, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { BLOCKED_IMAGE_ATTRIBUTE } from './blocked-image.js';
import { DEFERRED_STYLE_ATTRIBUTE, preparse } from './preparse.js';

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
  /**
   * The markup could not be sanitized (the browser has no DOMPurify support, or it
   * failed on this input): the fragment then holds the input as plain text, and an
   * email pane shows a placeholder instead of the body.
   */
  readonly failed: boolean;
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
  /**
   * How the fragment carries inline styles. `'cssom'` (the default): as styles of its
   * elements, ready to insert into a page. `'text'`: as cleaned text in
   * {@link DEFERRED_STYLE_ATTRIBUTE}, for a fragment that is only ever shown through
   * {@link setEmailDocument}, which applies them in the email document; no style is
   * parsed twice then. Either way no style attribute is ever parsed in the page.
   */
  readonly styles?: 'cssom' | 'text';
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

export { BLOCKED_IMAGE_ATTRIBUTE };

type Profile = 'chat' | 'email';

interface Run {
  readonly profile: Profile;
  readonly options: EmailSanitizeOptions;
  blockedImages: number;
  readonly unresolvedCids: string[];
  readonly removedAttributes: Set<string>;
  /** Inline styles as written, cleaned and applied through CSSOM once an element's attributes are done. */
  readonly styles: Map<Element, string>;
  /** Cleaned text of each inline style met so far: emails repeat the same few styles on many elements. */
  readonly cleanedStyles: Map<string, string>;
  /** Styles stay text, in the deferred attribute ({@link EmailSanitizeOptions.styles}). */
  readonly textStyles: boolean;
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

/**
 * DOMPurify walks the parsed `<body>` as its root and returns only its children. A root it
 * does not allow is copied whole before it is dropped; allowed, it costs nothing and never
 * reaches the result (the parser never makes a second `<body>`).
 */
const WALK_ROOT = ['body'];

const CHAT_CONFIG = { ...COMMON_CONFIG, ALLOWED_TAGS: [...CHAT_TAGS, ...WALK_ROOT], ALLOWED_ATTR: CHAT_ATTRIBUTES } satisfies Config;
/**
 * `<style>` elements are removed, not scoped: scoping would mean rewriting selectors,
 * and emails are written to survive clients that drop them. Inline `style` is kept,
 * cleaned declaration by declaration ({@link cleanInlineStyle}).
 */
const EMAIL_CONFIG = { ...COMMON_CONFIG, ALLOWED_TAGS: [...EMAIL_TAGS, ...WALK_ROOT], ALLOWED_ATTR: EMAIL_ATTRIBUTES } satisfies Config;

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
/** The library's Trusted Types policy, where the browser has Trusted Types. */
export function trustedTypesPolicy(): TrustedTypePolicy | undefined {
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

/**
 * Removes the forbidden declarations from a parsed inline style and returns its text, or
 * `''` when what is left still matches {@link FORBIDDEN_VALUE}. Names are checked first;
 * values one declaration at a time only when the serialized style shows a suspect value,
 * since every value ends up in that text.
 */
function cleanDeclarations(style: CSSStyleDeclaration): string {
  const names: string[] = [];
  for (let i = 0; i < style.length; i++) names.push(style.item(i));
  for (const name of names) {
    const positioned = name === 'position' && !/^(?:static|relative)$/i.test(style.getPropertyValue(name).trim());
    if (positioned || FORBIDDEN_PROPERTY.test(name)) style.removeProperty(name);
  }
  const text = style.cssText;
  if (!FORBIDDEN_VALUE.test(text)) return text;
  for (const name of names) if (FORBIDDEN_VALUE.test(style.getPropertyValue(name))) style.removeProperty(name);
  const cleaned = style.cssText;
  return FORBIDDEN_VALUE.test(cleaned) ? '' : cleaned;
}

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
  const cleaned = cleanDeclarations(style);
  style.cssText = '';
  return cleaned;
}

/**
 * Platform accessors read from the prototypes: a form's named controls shadow its own
 * properties (`<input name=nodeName>` makes `form.nodeName` an element), so nothing the
 * hooks touch before DOMPurify has vetted a node is read as a property of that node.
 */
function accessor<T>(proto: object, name: string, check: (value: unknown) => value is T): (target: object) => T | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  return (target) => {
    const value: unknown = descriptor?.get?.call(target);
    return check(value) ? value : undefined;
  };
}
const isString = (value: unknown): value is string => typeof value === 'string';
const nodeNameOf = accessor(Node.prototype, 'nodeName', isString);
const formControlsOf = accessor(HTMLFormElement.prototype, 'elements', (v): v is HTMLFormControlsCollection => v instanceof HTMLFormControlsCollection);
const styleOf = accessor(HTMLElement.prototype, 'style', (v): v is CSSStyleDeclaration => v instanceof CSSStyleDeclaration);
const elementMethods = Element.prototype;

/** Lower-case name of a node, read without trusting the node's own properties. */
function nameOf(node: Node): string {
  return (nodeNameOf(node) ?? '').toLowerCase();
}

/**
 * Strips the names and ids that let a form's controls shadow its properties. DOMPurify
 * otherwise drops a clobbered form with everything in it; unclobbered, the form goes
 * (it is not allowed) and its text stays. Names and ids are not allowed either.
 */
function unclobberForm(form: Node): void {
  const clobbering: Element[] = [];
  const controls = formControlsOf(form);
  if (controls) for (let k = 0; k < controls.length; k++) {
    const control = controls.item(k);
    if (control) clobbering.push(control);
  }
  if (form instanceof Element) clobbering.push(...elementMethods.querySelectorAll.call(form, '[name], [id]'));
  for (const element of clobbering) {
    for (const name of ['name', 'id', 'form']) elementMethods.removeAttribute.call(element, name);
  }
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
purify.addHook('beforeSanitizeElements', (node) => {
  const raw = nodeNameOf(node);
  if (raw?.length === 4 && raw.toLowerCase() === 'form') unclobberForm(node);
});

/**
 * Gives an element its inline style through CSSOM, cleaned: parsed once, on the element
 * itself (in DOMPurify's inert document, where nothing loads), and stripped there; a style
 * seen before in the same email is set from its cleaned text.
 */
function applyStyle(run: Run, element: Element, written: string): void {
  const declarations = written.length > MAX_STYLE_LENGTH ? undefined : styleOf(element);
  let cleaned = '';
  if (declarations) {
    const known = run.cleanedStyles.get(written);
    if (known === undefined) {
      declarations.cssText = written;
      cleaned = cleanDeclarations(declarations);
      run.cleanedStyles.set(written, cleaned);
    } else {
      cleaned = known;
      if (cleaned !== '') declarations.cssText = cleaned;
    }
  }
  if (cleaned === '') {
    // The browser writes a style changed through CSSOM back to the attribute lazily; asking for it first makes the removal final.
    if (elementMethods.hasAttribute.call(element, 'style')) elementMethods.removeAttribute.call(element, 'style');
    run.removedAttributes.add('style');
  }
}

/** Leaves an element's deferred style as its cleaned text, or removes it when nothing is left. */
function keepStyleText(run: Run, element: Element, event: UponSanitizeAttributeHookEvent): void {
  const written = event.attrValue;
  let cleaned = run.cleanedStyles.get(written);
  if (cleaned === undefined) {
    cleaned = cleanInlineStyle(written);
    run.cleanedStyles.set(written, cleaned);
  }
  if (cleaned === '') {
    event.keepAttr = false;
    run.removedAttributes.add('style');
    return;
  }
  // Kept as it is, unchecked by DOMPurify: a data attribute it does not allow, holding text the browser's CSS parser wrote.
  event.forceKeepAttr = true;
  elementMethods.setAttribute.call(element, DEFERRED_STYLE_ATTRIBUTE, cleaned);
}

purify.addHook('uponSanitizeAttribute', (node, event) => {
  const deferred = event.attrName === DEFERRED_STYLE_ATTRIBUTE;
  if (event.attrName !== 'style' && !deferred) return;
  const run = current;
  if (deferred) {
    // Applied through CSSOM after the other attributes: set as an attribute, it would be checked against the page's CSP.
    if (run?.profile === 'email' && run.textStyles) {
      keepStyleText(run, node, event);
    } else if (run?.profile === 'email') {
      run.styles.set(node, event.attrValue);
      // Left for afterSanitizeAttributes to remove, which it always does: cheaper than DOMPurify's removal and its record.
      event.forceKeepAttr = true;
    } else {
      event.keepAttr = false;
      run?.removedAttributes.add('style');
    }
    return;
  }
  const cleaned = run?.profile === 'email' ? cleanInlineStyle(event.attrValue) : '';
  if (cleaned === '') event.keepAttr = false;
  else event.attrValue = cleaned;
});

purify.addHook('afterSanitizeAttributes', (node) => {
  const run = current;
  // Names compared by length first: lower-casing every element's name would allocate a string each.
  const raw = nodeNameOf(node) ?? '';
  const name = raw.length === 1 || raw.length === 3 ? raw.toLowerCase() : '';
  if (name === 'a') sanitizeLink(run, node);
  else if (name === 'img') sanitizeImage(run, node);
  const style = run?.styles.get(node);
  if (run && style !== undefined) {
    elementMethods.removeAttribute.call(node, DEFERRED_STYLE_ATTRIBUTE);
    applyStyle(run, node, style);
  }
});

function textFragment(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(text);
  return fragment;
}

interface Outcome {
  readonly fragment: DocumentFragment;
  readonly failed: boolean;
  readonly run: Run;
  readonly report: SanitizeReport;
}

function run(dirty: string, profile: Profile, options: EmailSanitizeOptions): Outcome {
  const state: Run = { profile, options, blockedImages: 0, unresolvedCids: [], removedAttributes: new Set(), styles: new Map(), cleanedStyles: new Map(), textStyles: options.styles === 'text' };
  const previous = current;
  current = state;
  const removedElements = new Set<string>();
  let sanitized: unknown;
  try {
    // Event handlers and inline styles leave the markup before a parser sees it (see preparse).
    sanitized = purify.sanitize(preparse(dirty, state.removedAttributes), {
      ...(profile === 'chat' ? CHAT_CONFIG : EMAIL_CONFIG),
      TRUSTED_TYPES_POLICY: trustedTypesPolicy(),
      RETURN_DOM_FRAGMENT: true,
    });
    for (const removed of purify.removed) {
      if ('element' in removed) {
        const tag = nameOf(removed.element);
        if (tag !== '' && !tag.startsWith('#')) removedElements.add(tag);
      } else if (removed.attribute) {
        const name = removed.attribute.name.toLowerCase();
        if (name !== DEFERRED_STYLE_ATTRIBUTE) state.removedAttributes.add(name);
      }
    }
  } catch {
    // Whatever the input, nothing throws out of the content pipeline: the caller gets the failure instead.
    sanitized = undefined;
  } finally {
    current = previous;
  }
  // A browser DOMPurify cannot protect, or an input it failed on: the text of the input, never its markup.
  const failed = !(sanitized instanceof DocumentFragment);
  return {
    fragment: sanitized instanceof DocumentFragment ? sanitized : textFragment(dirty),
    failed,
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
  const { fragment, failed, report } = run(html, 'chat', {});
  return { fragment, failed, ...report };
}

/**
 * Sanitizes an inbound email's HTML with the email profile: tables and their
 * presentational attributes, cleaned inline styles, images (remote ones blocked unless
 * `allowRemoteImages`, `cid:` ones resolved through `resolveCid`), links opening in a
 * new tab. No script, style or link elements, forms, frames, `<base>`, `<meta>`,
 * comments (Outlook conditional comments included), event handlers or script URLs.
 */
export function sanitizeEmailHtml(html: string, options: EmailSanitizeOptions = {}): EmailSanitizeResult {
  const { fragment, failed, run: state, report } = run(html, 'email', options);
  if (!failed) sanitizedEmails.set(fragment, state.textStyles);
  return { fragment, failed, ...report, blockedImages: state.blockedImages, unresolvedCids: [...new Set(state.unresolvedCids)] };
}

// ---- the registry of sanitized emails ------------------------------------------------------

/**
 * Fragments `sanitizeEmailHtml` returned, the only DOM an email document is built from,
 * each with whether its styles are text ({@link EmailSanitizeOptions.styles}).
 */
const sanitizedEmails = new WeakMap<DocumentFragment, boolean>();

/**
 * Whether `fragment` is one `sanitizeEmailHtml` returned (`undefined` if not) and, if so,
 * whether its styles are text: what `setEmailDocument` checks before it writes an email.
 */
export function sanitizedEmailStyles(fragment: DocumentFragment): boolean | undefined {
  return sanitizedEmails.get(fragment);
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
