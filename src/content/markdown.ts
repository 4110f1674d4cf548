/**
 * Markdown for chat messages (R-CHAT-07) and the Lit directives that put sanitized
 * content into templates. Markdown is rendered by `marked` (`./markdown-html.js`: GFM,
 * single newlines become line breaks, raw HTML shown as typed, so what a customer types
 * as `<b>` is shown as `<b>`); the result goes through the chat profile of the
 * sanitizer and is handed over as DOM.
 * @packageDocumentation
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type DirectiveResult, type Part, type PartInfo } from 'lit/directive.js';
import { getLocale } from '../controllers/localize.js';
import { decorateLinks } from './linked-text.js';
import { markdownToHtml } from './markdown-html.js';
import { sanitizeChatHtml, sanitizeEmailHtml, type EmailSanitizeOptions, type EmailSanitizeResult } from './sanitize.js';

function cloneFragment(fragment: DocumentFragment): DocumentFragment {
  const clone = fragment.cloneNode(true);
  if (!(clone instanceof DocumentFragment)) throw new TypeError('A fragment clone is a fragment');
  return clone;
}

const CACHE_LIMIT = 500;
const cache = new Map<string, DocumentFragment>();

function cachedFragment(text: string): DocumentFragment {
  // Links carry localised words (a mismatch warning): one entry per locale.
  const key = `${getLocale()}\n${text}`;
  let fragment = cache.get(key);
  if (fragment) {
    // Refresh recency: Map keeps insertion order, so the oldest entry is evicted first.
    cache.delete(key);
  } else {
    // The sanitizer runs on the renderer's output too: defence in depth.
    fragment = sanitizeChatHtml(markdownToHtml(text)).fragment;
    // The newlines marked puts between blocks are not content (and would show where white-space is kept).
    for (const node of [...fragment.childNodes]) if (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()) node.remove();
    decorateLinks(fragment);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }
  cache.set(key, fragment);
  return fragment;
}

/**
 * Renders chat text as sanitized Markdown (R-CHAT-07): bold, italic, strike-through,
 * lists, links, code, quotes, tables; single newlines are line breaks; raw HTML shows
 * as typed. Returns a fresh fragment on every call (parsing is cached per text).
 */
export function renderMarkdown(text: string): DocumentFragment {
  return cloneFragment(cachedFragment(text));
}

function assertChildPart(partInfo: PartInfo, name: string): void {
  if (partInfo.type !== PartType.CHILD) throw new Error(`${name}() can only be used in child position`);
}

class MarkdownDirective extends Directive {
  #text: string | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    assertChildPart(partInfo, 'markdown');
  }

  render(text: string): DocumentFragment {
    return renderMarkdown(text);
  }

  override update(_part: Part, [text]: Parameters<this['render']>): DocumentFragment | typeof noChange {
    if (text === this.#text) return noChange;
    this.#text = text;
    return this.render(text);
  }
}

/**
 * Lit directive: `html\`<div class="text">${markdown(message.text)}</div>\``.
 * Child position only. Parses again only when the text changes.
 */
export const markdown: (text: string) => DirectiveResult<typeof MarkdownDirective> = directive(MarkdownDirective);

class SanitizedEmailDirective extends Directive {
  #source: string | EmailSanitizeResult | undefined;
  #allowRemoteImages: boolean | undefined;
  #resolveCid: EmailSanitizeOptions['resolveCid'];

  constructor(partInfo: PartInfo) {
    super(partInfo);
    assertChildPart(partInfo, 'sanitizedEmail');
  }

  render(source: string | EmailSanitizeResult, options: EmailSanitizeOptions = {}): DocumentFragment {
    return typeof source === 'string' ? sanitizeEmailHtml(source, options).fragment : cloneFragment(source.fragment);
  }

  override update(_part: Part, [source, options = {}]: Parameters<this['render']>): DocumentFragment | typeof noChange {
    const same =
      source === this.#source &&
      (typeof source !== 'string' ||
        (Boolean(options.allowRemoteImages) === this.#allowRemoteImages && options.resolveCid === this.#resolveCid));
    if (same) return noChange;
    this.#source = source;
    this.#allowRemoteImages = Boolean(options.allowRemoteImages);
    this.#resolveCid = options.resolveCid;
    return this.render(source, options);
  }
}

/**
 * Lit directive for an email body, child position only. Two forms:
 *
 * - `sanitizedEmail(result)` with a result of `sanitizeEmailHtml` the element keeps
 *   (for its `blockedImages` count): the result's fragment is cloned, never consumed.
 * - `sanitizedEmail(html, { allowRemoteImages, resolveCid })`: sanitizes in place;
 *   pass a stable `resolveCid` (e.g. `cidResolver(email.attachments)`).
 *
 * It sanitizes again only when the html (or result), `allowRemoteImages` or `resolveCid` change.
 */
export const sanitizedEmail: (
  source: string | EmailSanitizeResult,
  options?: EmailSanitizeOptions,
) => DirectiveResult<typeof SanitizedEmailDirective> = directive(SanitizedEmailDirective);
