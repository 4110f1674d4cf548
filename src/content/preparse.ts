/**
 * A pass over untrusted HTML before any parser sees it. Chromium checks the page's
 * Content-Security-Policy when it parses an event-handler (`on…`) or `style` attribute,
 * even into the inert document DOMPurify parses into, so hostile markup would fill a
 * host's CSP reports although nothing runs. This pass drops event-handler attributes and
 * renames `style` to {@link DEFERRED_STYLE_ATTRIBUTE}, which the sanitizer cleans and applies
 * through CSSOM (never checked against CSP).
 *
 * It follows the HTML tokenizer for tags, attributes, comments and raw text. Where the
 * tokenizer's state depends on the tree (raw text elements read as markup inside SVG or
 * MathML), both readings are processed, so the pass only ever rewrites more than the
 * browser would parse. Whatever it still misses reaches DOMPurify, which removes it: the
 * pass keeps reports quiet, DOMPurify and the email frame's sandbox keep scripts out.
 * @packageDocumentation
 */

/** Attribute that carries an inline style through parsing; the sanitizer applies it through CSSOM. */
export const DEFERRED_STYLE_ATTRIBUTE = 'data-cc-style';

/** Elements whose content the tokenizer reads as text (in HTML content). */
const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'script', 'style', 'textarea', 'title', 'xmp']);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Reads one tag from `<` at `start`; records edits for its attributes; returns the tag's name and where it ends. */
function readTag(html: string, start: number, limit: number, edits: Edit[], removed: Set<string>): { name: string; end: number } {
  let q = start + 1;
  if (html[q] === '/') q++;
  const nameStart = q;
  while (q < limit && !isSpace(html[q]) && html[q] !== '/' && html[q] !== '>') q++;
  const name = html.slice(nameStart, q).toLowerCase();
  for (;;) {
    while (q < limit && (isSpace(html[q]) || html[q] === '/')) q++;
    if (q >= limit) return { name, end: limit };
    if (html[q] === '>') return { name, end: q + 1 };
    const attrStart = q;
    // The first character belongs to the name whatever it is (`=` included).
    q++;
    while (q < limit && !isSpace(html[q]) && html[q] !== '/' && html[q] !== '>' && html[q] !== '=') q++;
    const attr = html.slice(attrStart, q).toLowerCase();
    let r = q;
    while (r < limit && isSpace(html[r])) r++;
    if (html[r] === '=') {
      r++;
      while (r < limit && isSpace(html[r])) r++;
      const quote = html[r];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, r + 1);
        q = close === -1 || close >= limit ? limit : close + 1;
      } else {
        while (r < limit && !isSpace(html[r]) && html[r] !== '>') r++;
        q = r;
      }
    }
    if (attr.startsWith('on')) {
      removed.add(attr);
      edits.push({ start: attrStart, end: q, text: ' ' });
    } else if (attr === 'style') {
      edits.push({ start: attrStart, end: attrStart + attr.length, text: DEFERRED_STYLE_ATTRIBUTE });
    }
  }
}

/** Where the raw text of `name` that starts at `from` ends: its end tag, or `limit`. */
function rawTextEnd(html: string, name: string, from: number, limit: number): number {
  const endTag = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  endTag.lastIndex = from;
  const match = endTag.exec(html);
  return match && match.index < limit ? match.index : limit;
}

/** Where a comment whose text starts at `from` ends: after `-->` or `--!>`, or at `limit`. */
function commentEnd(html: string, from: number, limit: number): number {
  let end = limit;
  for (const close of ['-->', '--!>']) {
    const k = html.indexOf(close, from);
    if (k !== -1 && k + close.length < end) end = k + close.length;
  }
  return end;
}

function scan(html: string, from: number, limit: number, edits: Edit[], removed: Set<string>): void {
  let i = from;
  while (i < limit) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt >= limit) return;
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const body = lt + 4;
      if (html[body] === '>') i = body + 1;
      else if (html.startsWith('->', body)) i = body + 2;
      else i = commentEnd(html, body, limit);
    } else if (next === '!' || next === '?' || (next === '/' && !isAlpha(html[lt + 2]))) {
      // Bogus comments, doctypes, and CDATA read as HTML content: up to the next `>`.
      const close = html.indexOf('>', lt + 2);
      i = close === -1 ? limit : close + 1;
    } else if (isAlpha(next) || (next === '/' && isAlpha(html[lt + 2]))) {
      const tag = readTag(html, lt, limit, edits, removed);
      i = tag.end;
      if (next !== '/' && RAW_TEXT.has(tag.name)) {
        const end = rawTextEnd(html, tag.name, i, limit);
        // Inside SVG or MathML the same content is markup: read it as such too.
        scan(html, i, end, edits, removed);
        i = end;
      }
    } else {
      i = lt + 1;
    }
  }
}

/**
 * `html` with event-handler attributes removed (their names added to `removed`) and
 * `style` attributes renamed to {@link DEFERRED_STYLE_ATTRIBUTE}; nothing else changes.
 */
export function preparse(html: string, removed: Set<string>): string {
  const edits: Edit[] = [];
  scan(html, 0, html.length, edits, removed);
  if (edits.length === 0) return html;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at);
}
