/**
 * Chat Markdown → HTML string (R-CHAT-07), by a private `marked` instance: GFM, single
 * newlines are line breaks. Not sanitized: `./markdown.js` runs the chat profile of the
 * sanitizer on the result.
 *
 * What the instance changes from marked's defaults, and why:
 * - Raw HTML is not recognised (its tokenizers are switched off), so `<b>` typed by a
 *   customer is escaped like any other text and shown as typed.
 * - Links keep http(s), mailto and tel URLs only; any other link shows its text alone.
 * - Headings become bold paragraphs (a heading in a bubble would break the page's
 *   outline), images links to their source (remote images track the reader), task boxes
 *   glyphs (checkboxes would be form controls), code blocks lose their language class.
 * - Quotes and lists nest at most {@link MAX_NESTING} deep: marked recurses once per
 *   level, and 10 KB of `>` would otherwise overflow the stack.
 *
 * marked's emphasis and text scanning is quadratic in a paragraph's length on some
 * inputs (`._a._a…`, `.*a.*a…`); callers that render untrusted text bound its length
 * (see `formatsAsMarkdown` in `./lazy-markdown.js`).
 * @packageDocumentation
 */
import { Marked, Tokenizer, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const LINK_SCHEME = /^(?:https?:|mailto:|tel:)/i;

/** The escaped `href` for a link target, or `undefined` unless it is an absolute http(s), mailto or tel URL. */
function safeHref(target: string): string | undefined {
  if (!LINK_SCHEME.test(target)) return undefined;
  try {
    new URL(target);
    return escapeHtml(target);
  } catch {
    return undefined;
  }
}

/** Deeper quotes and lists are read as paragraph text. */
export const MAX_NESTING = 12;

let nesting = 0;
/** Rendering a link's text: an image in it shows its description only (a link inside a link is no link). */
let inLink = false;

/** Runs marked's own block tokenizer for a container, unless containers are nested too deep already. */
function nested<T>(tokenize: () => T): T | undefined {
  if (nesting >= MAX_NESTING) return undefined;
  nesting++;
  try {
    return tokenize();
  } finally {
    nesting--;
  }
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  tokenizer: {
    html: () => undefined,
    tag: () => undefined,
    blockquote(src: string): Tokens.Blockquote | undefined {
      return nested(() => Tokenizer.prototype.blockquote.call(this, src));
    },
    list(src: string): Tokens.List | undefined {
      return nested(() => Tokenizer.prototype.list.call(this, src));
    },
  },
  renderer: {
    heading({ tokens }: Tokens.Heading): string {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    link({ href, tokens }: Tokens.Link): string {
      const outer = inLink;
      inLink = true;
      let text: string;
      try {
        text = this.parser.parseInline(tokens);
      } finally {
        inLink = outer;
      }
      const target = safeHref(href);
      return target === undefined ? text : `<a href="${target}">${text}</a>`;
    },
    image({ href, text }: Tokens.Image): string {
      const target = safeHref(href);
      const label = escapeHtml(text || (target === undefined ? '' : href));
      return target === undefined || inLink ? label : `<a href="${target}">${label}</a>`;
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '☑ ' : '☐ ';
    },
    code({ text, escaped }: Tokens.Code): string {
      const code = text.replace(/\n$/, '');
      return `<pre><code>${escaped ? code : escapeHtml(code)}\n</code></pre>\n`;
    },
  },
});

/**
 * Chat Markdown to an HTML string (R-CHAT-07). Raw HTML shows as typed; single newlines
 * are line breaks. Not sanitized: the caller runs the chat sanitizer on the result.
 */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
