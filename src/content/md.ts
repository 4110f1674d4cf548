/**
 * Markdown → HTML for chat text (R-CHAT-07): the part of GFM people type in a
 * conversation, in a few kilobytes instead of a general-purpose parser.
 *
 * Every character of the input is HTML-escaped before any Markdown is read, so no
 * markup the sender wrote can pass: the only tags in the result are the ones written
 * here — p, br, strong, em, del, code, pre, a, ul, ol, li, blockquote, hr and table
 * parts. Headings become bold paragraphs (a heading in a bubble would break the
 * page's outline), images links to their source (remote images track the reader),
 * task boxes ☐/☑ (checkboxes would be form controls). Links keep http(s), mailto and
 * tel URLs only. The result still goes through the chat sanitizer: defence in depth.
 *
 * Linear time on any input: no pattern that can backtrack over the text, container
 * nesting capped, code-span closers and link destinations looked up in tables built
 * once per paragraph.
 *
 * Not supported (shown as typed): reference links and their definitions, link titles
 * (`[a](url "title")`), `<…>` link destinations, HTML entities (`&copy;` stays
 * `&copy;`), bare e-mail addresses (`<a@b.c>` is a link), footnotes.
 * @packageDocumentation
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text back to what was typed (only the five escapes above ever occur). */
function unescapeHtml(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e] ?? e);
}

/** Deeper quotes and lists are shown as text: bounds the work on `> > > …` and `- - - …`. */
const MAX_DEPTH = 12;

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** ASCII looked up rather than matched (the scans ask about nearly every character): 1 whitespace, 2 punctuation. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return WHITESPACE.test(ch) ? 1 : ASCII_PUNCTUATION.test(ch) ? 2 : 0;
});

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? ASCII_CLASS[c] === 1 : WHITESPACE.test(ch);
}

/** 1 whitespace, 2 punctuation, 0 anything else. */
function classOf(code: number): number {
  if (code < 128) return ASCII_CLASS[code] ?? 0;
  const ch = String.fromCodePoint(code);
  return WHITESPACE.test(ch) ? 1 : PUNCTUATION.test(ch) ? 2 : 0;
}

/** The class of the character before `i`; the start of the text counts as whitespace. */
function classBefore(src: string, i: number): number {
  if (i === 0) return 1;
  const low = src.charCodeAt(i - 1);
  return classOf(low >= 0xdc00 && low <= 0xdfff && i >= 2 ? (src.codePointAt(i - 2) ?? low) : low);
}

/** The class of the character at `i`; the end of the text counts as whitespace. */
function classAfter(src: string, i: number): number {
  const code = src.codePointAt(i);
  return code === undefined ? 1 : classOf(code);
}
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

// ---- URLs ------------------------------------------------------------------------

const LINK_SCHEME = /^(?:https?:\/\/|mailto:|tel:)/i;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

/** The escaped `href` for a typed URL, or `undefined` when it is not an absolute http(s), mailto or tel URL. */
function href(typed: string): string | undefined {
  if (!LINK_SCHEME.test(typed)) return undefined;
  try {
    new URL(typed);
    return escapeHtml(typed);
  } catch {
    return undefined;
  }
}

/** Characters GFM leaves out at the end of a bare URL (the sentence's, not the URL's). */
const URL_TRAILING = new Set(['?', '!', '.', ',', ':', '*', '_', '~', "'", '"']);

/** A bare URL without what follows it in the sentence: trailing punctuation, unbalanced `)`, an entity. */
function trimUrl(url: string): string {
  let open = 0;
  let close = 0;
  for (const c of url) {
    if (c === '(') open++;
    else if (c === ')') close++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    if (URL_TRAILING.has(last)) end--;
    else if (last === ')' && close > open) {
      end--;
      close--;
    } else if (last === ';') {
      let k = end - 2;
      while (k >= 0 && /[a-z0-9]/i.test(url[k] ?? '')) k--;
      if (k < 0 || url[k] !== '&' || k === end - 2) break;
      end = k;
    } else break;
  }
  return url.slice(0, end);
}

// ---- inline --------------------------------------------------------------------

/** A run of `*`, `_` or `~` that may open or close emphasis; the tags it gets are added as runs pair up. */
interface Delimiter {
  readonly kind: 'delimiter';
  readonly char: string;
  /** The run's length as typed (the "rule of 3" uses it). */
  readonly length: number;
  /** Characters not yet used by a pair: shown as typed. */
  count: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  /** Opening tags, after the characters left. */
  opens: string;
  /** Closing tags, before the characters left. */
  closes: string;
  prev: Delimiter | null;
  next: Delimiter | null;
}

/** The start or end of a link; a link inside a link (an image in a link) shows its text only. */
interface LinkEdge {
  readonly kind: 'open' | 'close';
  readonly html: string;
}

/** An autolink: a link unless it sits inside another link's text. */
interface AutoLink {
  readonly kind: 'auto';
  readonly href: string;
  readonly text: string;
}

type Piece = string | Delimiter | LinkEdge | AutoLink;

interface Bracket {
  /** Index of its `[` or `![` in the pieces. */
  readonly piece: number;
  readonly image: boolean;
  active: boolean;
  /** The delimiter stack's top when the bracket opened: emphasis inside the link text stops there. */
  readonly bottom: Delimiter | null;
}

/** What a link destination scan needs, built once per text on its first `](`. */
interface LinkTables {
  /** For a destination starting at k: index of the `)` that ends it, or -1 (unbalanced, or whitespace first). */
  readonly close: Int32Array;
  /** Index of the next whitespace at or after k (the length when none). */
  readonly space: Int32Array;
  /** Index of the next non-whitespace at or after k (the length when none). */
  readonly nonSpace: Int32Array;
}

function linkTables(src: string): LinkTables {
  const n = src.length;
  const match = new Int32Array(n).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = src[k] ?? '';
    if (c === '(') open.push(k);
    else if (c === ')') {
      const o = open.pop();
      if (o !== undefined) match[o] = k;
    } else if (isSpace(c)) open.length = 0;
  }
  const close = new Int32Array(n + 1).fill(-1);
  const space = new Int32Array(n + 1).fill(n);
  const nonSpace = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 0; k--) {
    const c = src[k] ?? '';
    const blank = isSpace(c);
    space[k] = blank ? k : (space[k + 1] ?? n);
    nonSpace[k] = blank ? (nonSpace[k + 1] ?? n) : k;
    if (c === ')') close[k] = k;
    else if (c === '(') {
      const m = match[k] ?? -1;
      close[k] = m < 0 ? -1 : (close[m + 1] ?? -1);
    } else close[k] = blank ? -1 : (close[k + 1] ?? -1);
  }
  return { close, space, nonSpace };
}

/** Positions of every maximal backtick run, by length: where a code span of that length may close. */
function backtickRuns(src: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let k = src.indexOf('`'); k >= 0; k = src.indexOf('`', k)) {
    let end = k + 1;
    while (src[end] === '`') end++;
    const list = runs.get(end - k);
    if (list) list.push(k);
    else runs.set(end - k, [k]);
    k = end;
  }
  return runs;
}

function charBefore(src: string, i: number): string {
  if (i === 0) return '\n';
  const low = src.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? src.slice(i - 2, i) : src.charAt(i - 1);
}

function charAfter(src: string, i: number): string {
  const code = src.codePointAt(i);
  return code === undefined ? '\n' : String.fromCodePoint(code);
}

/** Characters that may start inline Markdown: `&` as the `&lt;` of an autolink, h and w a bare URL. */
const SPECIAL = new Uint8Array(128);
for (const c of '\\`*_~![]\n&hHwW') SPECIAL[c.charCodeAt(0)] = 1;
const BARE_URL_START = /https?:\/\/|www\./iy;

/**
 * Inline Markdown of one paragraph, cell or heading — already HTML-escaped — to HTML.
 * Emphasis follows CommonMark's delimiter-run algorithm (with its bound on the search
 * for openers), links its bracket stack.
 */
function inline(src: string): string {
  const n = src.length;
  const pieces: Piece[] = [];
  let top: Delimiter | null = null;
  const brackets: Bracket[] = [];
  let text = '';
  let ticks: Map<number, number[]> | undefined;
  const tickCursor = new Map<number, number>();
  let tables: LinkTables | undefined;

  const flush = (): void => {
    if (text) pieces.push(text);
    text = '';
  };

  /** Start of the first backtick run of exactly `length` at or after `from`, or -1. */
  const closingTicks = (from: number, length: number): number => {
    ticks ??= backtickRuns(src);
    const list = ticks.get(length);
    if (!list) return -1;
    let cursor = tickCursor.get(length) ?? 0;
    while (cursor < list.length && (list[cursor] ?? n) < from) cursor++;
    tickCursor.set(length, cursor);
    return list[cursor] ?? -1;
  };

  /** An inline link destination after `](` at `paren`: the typed URL and where the link ends. */
  const destination = (paren: number): { url: string; end: number } | undefined => {
    tables ??= linkTables(src);
    const start = tables.nonSpace[paren + 1] ?? n;
    if (src[start] === ')') return { url: '', end: start + 1 };
    const close = tables.close[start] ?? -1;
    const space = tables.space[start] ?? n;
    if (close >= 0 && close < space) return { url: src.slice(start, close), end: close + 1 };
    // Spaces may end the destination before `)`; titles (`[a](url "title")`) are not supported.
    const after = tables.nonSpace[space] ?? n;
    return src[after] === ')' ? { url: src.slice(start, space), end: after + 1 } : undefined;
  };

  const unlink = (d: Delimiter): void => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
  };

  /** Pairs the delimiters above `bottom` into emphasis, then drops them from the stack. */
  const emphasis = (bottom: Delimiter | null): void => {
    let closer: Delimiter | null = top;
    if (closer === bottom) return;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    const openersBottom = new Map<string, Delimiter | null>();
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = closer.char === '~' ? `~${closer.length}` : `${closer.char}${closer.canOpen ? 'o' : ''}${closer.length % 3}`;
      const floor = openersBottom.has(key) ? openersBottom.get(key) : bottom;
      let opener: Delimiter | null = closer.prev;
      while (opener && opener !== bottom && opener !== floor && !pairs(opener, closer)) opener = opener.prev;
      if (opener && opener !== bottom && opener !== floor) {
        const use = closer.char === '~' ? closer.count : closer.count >= 2 && opener.count >= 2 ? 2 : 1;
        const tag = closer.char === '~' ? 'del' : use === 2 ? 'strong' : 'em';
        opener.count -= use;
        closer.count -= use;
        opener.opens = `<${tag}>${opener.opens}`;
        closer.closes += `</${tag}>`;
        // Runs between the two stay as typed.
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) unlink(opener);
        if (closer.count === 0) {
          const next: Delimiter | null = closer.next;
          unlink(closer);
          closer = next;
        }
      } else {
        openersBottom.set(key, closer.prev);
        const next: Delimiter | null = closer.next;
        if (!closer.canOpen) unlink(closer);
        closer = next;
      }
    }
    top = bottom;
    if (bottom) bottom.next = null;
  };

  const pushDelimiter = (i: number, char: string, length: number): void => {
    const before = classBefore(src, i);
    const after = classAfter(src, i + length);
    const spaceBefore = before === 1;
    const spaceAfter = after === 1;
    const punctBefore = before === 2;
    const punctAfter = after === 2;
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    // No intraword emphasis with `_` (snake_case stays as typed).
    const canOpen = char === '_' ? left && (!right || punctBefore) : left;
    const canClose = char === '_' ? right && (!left || punctAfter) : right;
    const run = src.slice(i, i + length);
    if (!canOpen && !canClose) {
      text += run;
      return;
    }
    flush();
    const d: Delimiter = { kind: 'delimiter', char, length, count: length, canOpen, canClose, opens: '', closes: '', prev: top, next: null };
    if (top) top.next = d;
    top = d;
    pieces.push(d);
  };

  /** `<scheme:…>` or `<name@domain>` (escaped as `&lt;…&gt;`) at `i`. */
  const angleLink = (i: number): { end: number; link: AutoLink } | undefined => {
    const start = i + 4;
    let k = start;
    for (; k < n; k++) {
      const c = src[k] ?? '';
      if (isSpace(c)) return undefined;
      if (c === '&' && src.startsWith('&gt;', k)) break;
      if (c === '&' && src.startsWith('&lt;', k)) return undefined;
    }
    if (k >= n) return undefined;
    const inner = src.slice(start, k);
    const typed = unescapeHtml(inner);
    const target = EMAIL.test(typed) ? href(`mailto:${typed}`) : href(typed);
    return target === undefined ? undefined : { end: k + 4, link: { kind: 'auto', href: target, text: inner } };
  };

  /** A GFM bare URL (`https://…`, `www.…`) at `i`. */
  const bareLink = (i: number): { end: number; link: AutoLink } | undefined => {
    BARE_URL_START.lastIndex = i;
    if (!BARE_URL_START.test(src)) return undefined;
    const prefix = BARE_URL_START.lastIndex - i;
    const before = charBefore(src, i);
    const www = prefix === 4;
    if (www ? !(i === 0 || /[\s*_~(;]/.test(before)) : ALPHANUMERIC.test(before)) return undefined;
    let k = i + prefix;
    if (!ALPHANUMERIC.test(charAfter(src, k))) return undefined;
    // Inside link text a `]` ends the URL: `[see https://x](…)` is a link with a URL in its text.
    while (k < n && !isSpace(src[k] ?? '') && !src.startsWith('&lt;', k) && !(brackets.length > 0 && src[k] === ']')) k++;
    const typed = trimUrl(unescapeHtml(src.slice(i, k)));
    const shown = escapeHtml(typed);
    const target = href(www ? `http://${typed}` : typed);
    return target === undefined ? undefined : { end: i + shown.length, link: { kind: 'auto', href: target, text: shown } };
  };

  let i = 0;
  while (i < n) {
    let j = i;
    for (; j < n; j++) {
      const code = src.charCodeAt(j);
      if (code < 128 && SPECIAL[code] === 1 && (code !== 38 || src.startsWith('&lt;', j))) break;
    }
    if (j > i) {
      text += src.slice(i, j);
      i = j;
      if (i >= n) break;
    }
    const c = src[i] ?? '';
    switch (c) {
      case '\\': {
        const next = src[i + 1] ?? '';
        if (next === '\n') {
          flush();
          pieces.push('<br>');
          i += 2;
        } else if (next === '&') {
          // An escaped < > & " or ': the whole entity, as text.
          const end = src.indexOf(';', i) + 1;
          text += src.slice(i + 1, end);
          i = end;
        } else if (ASCII_PUNCTUATION.test(next)) {
          text += next;
          i += 2;
        } else {
          text += c;
          i++;
        }
        break;
      }
      case '`': {
        let end = i + 1;
        while (src[end] === '`') end++;
        const length = end - i;
        const close = closingTicks(end, length);
        if (close < 0) {
          text += src.slice(i, end);
          i = end;
          break;
        }
        let code = src.slice(end, close).replace(/\n/g, ' ');
        if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        flush();
        pieces.push(`<code>${code}</code>`);
        i = close + length;
        break;
      }
      case '*':
      case '_':
      case '~': {
        let end = i + 1;
        while (src[end] === c) end++;
        // GFM strike-through is one or two tildes; longer runs are text.
        if (c === '~' && end - i > 2) text += src.slice(i, end);
        else pushDelimiter(i, c, end - i);
        i = end;
        break;
      }
      case '!':
      case '[': {
        const image = c === '!';
        if (image && src[i + 1] !== '[') {
          text += c;
          i++;
          break;
        }
        flush();
        pieces.push(image ? '![' : '[');
        brackets.push({ piece: pieces.length - 1, image, active: true, bottom: top });
        i += image ? 2 : 1;
        break;
      }
      case ']': {
        const opener = brackets.pop();
        const link = opener?.active && src[i + 1] === '(' ? destination(i + 1) : undefined;
        if (!opener || !link) {
          text += c;
          i++;
          break;
        }
        flush();
        emphasis(opener.bottom);
        const typed = unescapeHtml(link.url.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
        const target = href(typed);
        // An image has no text of its own to show but its description; without one, its address.
        if (opener.image && opener.piece === pieces.length - 1) pieces.push(escapeHtml(typed));
        if (target === undefined) {
          pieces[opener.piece] = '';
        } else {
          pieces[opener.piece] = { kind: 'open', html: `<a href="${target}">` };
          pieces.push({ kind: 'close', html: '</a>' });
        }
        // No links inside links: the brackets before this one are text now.
        if (!opener.image) {
          for (let b = brackets.length - 1; b >= 0; b--) {
            const earlier = brackets[b];
            if (!earlier?.active) break;
            earlier.active = false;
          }
        }
        i = link.end;
        break;
      }
      case '&': {
        // Only `&lt;` stops the scan: the start of an autolink?
        const auto = angleLink(i);
        if (auto) {
          flush();
          pieces.push(auto.link);
          i = auto.end;
        } else {
          text += '&lt;';
          i += 4;
        }
        break;
      }
      case '\n':
        flush();
        pieces.push('<br>');
        i++;
        break;
      default: {
        const auto = bareLink(i);
        if (auto) {
          flush();
          pieces.push(auto.link);
          i = auto.end;
        } else {
          text += c;
          i++;
        }
      }
    }
  }
  flush();
  emphasis(null);

  let html = '';
  let depth = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      html += piece;
      continue;
    }
    switch (piece.kind) {
      case 'delimiter':
        html += piece.closes + piece.char.repeat(piece.count) + piece.opens;
        break;
      case 'open':
        if (depth++ === 0) html += piece.html;
        break;
      case 'close':
        if (--depth === 0) html += piece.html;
        break;
      case 'auto':
        html += depth > 0 ? piece.text : `<a href="${piece.href}">${piece.text}</a>`;
        break;
    }
  }
  return html;
}

/** Can `opener` pair with `closer`? Same character; for `*` and `_` CommonMark's rule of 3, for `~` the same length. */
function pairs(opener: Delimiter, closer: Delimiter): boolean {
  if (opener.char !== closer.char || !opener.canOpen) return false;
  if (closer.char === '~') return opener.length === closer.length;
  const sum = opener.length + closer.length;
  return !((opener.canClose || closer.canOpen) && sum % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0));
}

// ---- blocks ----------------------------------------------------------------------

/** A paragraph's inline HTML (wrapped in `<p>` unless its list is tight), or finished HTML. */
type Block = string | { readonly inline: string };

interface Blocks {
  readonly blocks: readonly Block[];
  /** A blank line separates two of the blocks (the list item holding them makes its list loose). */
  readonly loose: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
const QUOTE = /^ {0,3}&gt; ?/;
const BULLET = /^ {0,3}([-+*])(?=[ \t]|$)/;
const ORDERED = /^ {0,3}(\d{1,9})([.)])(?=[ \t]|$)/;
const TASK = /^\[([ xX])\](?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** What a block that ends a paragraph starts with (`&` of `&gt;`); a table row has a `|`. */
const BLOCK_START = /[-`~*_#&+0-9]/;
const ALIGN = /^(:?)-+(:?)$/;

function isBlank(line: string): boolean {
  return BLANK.test(line);
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Leading tabs as spaces (tab stops of 4), for indentation. */
function expandTabs(line: string): string {
  const first = line.charCodeAt(0);
  if (first !== 9 && first !== 32) return line;
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (!lead.includes('\t')) return line;
  let spaces = '';
  for (const c of lead) spaces += c === '\t' ? ' '.repeat(4 - (spaces.length % 4)) : ' ';
  return spaces + line.slice(lead.length);
}

function isRule(line: string): boolean {
  return indentOf(line) < 4 && RULE.test(line.replace(/[ \t]/g, ''));
}

/** The fence opening a code block on `line`, or `undefined`. */
function fenceOf(line: string): string | undefined {
  const m = FENCE.exec(line);
  const mark = m?.[1];
  if (!m || !mark) return undefined;
  // A backtick fence's info string has no backtick (otherwise it is inline code).
  return mark.startsWith('`') && line.includes('`', m[0].length) ? undefined : mark;
}

interface ListMarker {
  readonly ordered: boolean;
  /** `-`, `+`, `*`, `.` or `)`: another character starts another list. */
  readonly type: string;
  readonly start: number;
  /** Column of the item's content: continuation lines indented this far belong to it. */
  readonly indent: number;
  readonly content: string;
}

function listMarker(line: string): ListMarker | undefined {
  const bullet = BULLET.exec(line);
  const ordered = bullet ? null : ORDERED.exec(line);
  const m = bullet ?? ordered;
  if (!m) return undefined;
  const end = m[0].length;
  let spaces = 0;
  while (spaces < 5 && (line[end + spaces] === ' ' || line[end + spaces] === '\t')) spaces++;
  const empty = isBlank(line.slice(end));
  // Five spaces or more: one belongs to the marker, the rest make indented code.
  const indent = end + (empty || spaces >= 5 ? 1 : spaces);
  return {
    ordered: ordered !== null,
    type: (bullet ? bullet[1] : ordered?.[2]) ?? '',
    start: ordered ? Number(ordered[1]) : 1,
    indent,
    content: empty ? '' : line.slice(indent),
  };
}

/** A GFM table row's cells; `\|` is a pipe inside a cell. */
function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const out: string[] = [];
  let cell = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k] ?? '';
    if (c === '\\' && s[k + 1] === '|') {
      cell += '|';
      k++;
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/** The column alignments if `lines[at]` is a table header followed by its delimiter row. */
function tableAt(lines: readonly string[], at: number): string[] | undefined {
  const head = lines[at] ?? '';
  const delimiter = lines[at + 1];
  if (delimiter === undefined || !head.includes('|') || !delimiter.includes('-') || indentOf(head) >= 4 || indentOf(delimiter) >= 4) return undefined;
  const aligns: string[] = [];
  for (const cell of cells(delimiter)) {
    const m = ALIGN.exec(cell);
    if (!m) return undefined;
    aligns.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : '');
  }
  return cells(head).length === aligns.length ? aligns : undefined;
}

/** Does `lines[at]` start a block that ends a paragraph (and is no lazy continuation line)? */
function interrupts(lines: readonly string[], at: number): boolean {
  const line = lines[at] ?? '';
  const indent = indentOf(line);
  if (indent >= 4 || (!BLOCK_START.test(line.charAt(indent)) && !line.includes('|'))) return false;
  if (fenceOf(line) !== undefined || isRule(line) || ATX_HEADING.test(line) || QUOTE.test(line)) return true;
  const marker = listMarker(line);
  if (marker && marker.content !== '' && (!marker.ordered || marker.start === 1)) return true;
  return tableAt(lines, at) !== undefined;
}

function renderBlocks(blocks: readonly Block[], tight: boolean): string {
  let html = '';
  for (const b of blocks) html += typeof b === 'string' ? b : tight ? b.inline : `<p>${b.inline}</p>`;
  return html;
}

function codeBlock(lines: readonly string[]): string {
  return `<pre><code>${lines.length > 0 ? `${lines.join('\n')}\n` : ''}</code></pre>`;
}

function paragraphText(lines: readonly string[]): string {
  return lines.map((l) => l.trim()).join('\n');
}

/** Strips up to `n` leading spaces. */
function outdent(line: string, n: number): string {
  return line.slice(Math.min(n, indentOf(line)));
}

function parseBlocks(lines: readonly string[], depth: number): Blocks {
  const blocks: Block[] = [];
  const nest = depth < MAX_DEPTH;
  let loose = false;
  let blankBefore = false;
  const add = (block: Block): void => {
    if (blankBefore && blocks.length > 0) loose = true;
    blankBefore = false;
    blocks.push(block);
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      blankBefore = true;
      i++;
      continue;
    }

    if (indentOf(line) >= 4) {
      const code: string[] = [];
      let end = i;
      let last = i;
      for (; end < lines.length; end++) {
        const l = lines[end] ?? '';
        if (!isBlank(l) && indentOf(l) < 4) break;
        code.push(outdent(l, 4));
        if (!isBlank(l)) last = end;
      }
      add(codeBlock(code.slice(0, last - i + 1)));
      i = last + 1;
      continue;
    }

    const fence = fenceOf(line);
    if (fence !== undefined) {
      const indent = indentOf(line);
      const code: string[] = [];
      let end = i + 1;
      for (; end < lines.length; end++) {
        const l = lines[end] ?? '';
        const m = FENCE.exec(l);
        const mark = m?.[1];
        if (m && mark && mark[0] === fence[0] && mark.length >= fence.length && isBlank(l.slice(m[0].length))) break;
        code.push(outdent(l, indent));
      }
      add(codeBlock(code));
      i = end + 1;
      continue;
    }

    if (isRule(line)) {
      add('<hr>');
      i++;
      continue;
    }

    if (ATX_HEADING.test(line)) {
      let heading = line.trim().replace(/^#+/, '');
      let end = heading.length;
      while (end > 0 && heading[end - 1] === '#') end--;
      // A closing sequence of `#` is dropped when a space separates it (or it is all there is).
      if (end === 0 || heading[end - 1] === ' ' || heading[end - 1] === '\t') heading = heading.slice(0, end);
      heading = heading.trim();
      if (heading) add(`<p><strong>${inline(heading)}</strong></p>`);
      i++;
      continue;
    }

    if (nest && QUOTE.test(line)) {
      const quoted: string[] = [];
      let lazy = false;
      let end = i;
      for (; end < lines.length; end++) {
        const l = lines[end] ?? '';
        const m = QUOTE.exec(l);
        if (m) {
          const content = l.slice(m[0].length);
          quoted.push(content);
          lazy = !isBlank(content) && fenceOf(content) === undefined;
        } else if (lazy && !isBlank(l) && !interrupts(lines, end)) {
          quoted.push(l);
        } else break;
      }
      add(`<blockquote>${renderBlocks(parseBlocks(quoted, depth + 1).blocks, false)}</blockquote>`);
      i = end;
      continue;
    }

    const first = nest ? listMarker(line) : undefined;
    if (first) {
      const items: Blocks[] = [];
      let blankBetween = false;
      let marker: ListMarker | undefined = first;
      let end = i;
      while (marker) {
        const task = TASK.exec(marker.content);
        const item = [task ? `${task[1] === ' ' ? '☐' : '☑'} ${marker.content.slice(task[0].length)}` : marker.content];
        let text = marker.content !== '';
        let blanks = 0;
        for (end++; end < lines.length; end++) {
          const l = lines[end] ?? '';
          if (isBlank(l)) {
            item.push('');
            blanks++;
            text = false;
          } else if (indentOf(l) >= marker.indent) {
            item.push(l.slice(marker.indent));
            blanks = 0;
            text = true;
          } else if (text && !listMarker(l) && !interrupts(lines, end)) {
            // A lazy continuation line of the item's paragraph (a list marker is the next item).
            item.push(l);
          } else break;
        }
        item.length -= blanks;
        items.push(parseBlocks(item, depth + 1));
        const next = end < lines.length && !isRule(lines[end] ?? '') ? listMarker(lines[end] ?? '') : undefined;
        if (next && next.ordered === first.ordered && next.type === first.type) {
          if (blanks > 0) blankBetween = true;
          marker = next;
        } else {
          end -= blanks;
          marker = undefined;
        }
      }
      const tight = !blankBetween && !items.some((item) => item.loose);
      const tag = first.ordered ? 'ol' : 'ul';
      const start = first.ordered && first.start !== 1 ? ` start="${first.start}"` : '';
      add(`<${tag}${start}>${items.map((item) => `<li>${renderBlocks(item.blocks, tight)}</li>`).join('')}</${tag}>`);
      i = end;
      continue;
    }

    const aligns = tableAt(lines, i);
    if (aligns) {
      const row = (source: string, tag: 'th' | 'td'): string => {
        const values = cells(source);
        let html = '<tr>';
        for (const [k, align] of aligns.entries()) html += `<${tag}${align ? ` align="${align}"` : ''}>${inline(values[k] ?? '')}</${tag}>`;
        return `${html}</tr>`;
      };
      let body = '';
      let end = i + 2;
      for (; end < lines.length; end++) {
        const l = lines[end] ?? '';
        if (isBlank(l) || interrupts(lines, end)) break;
        body += row(l, 'td');
      }
      add(`<table><thead>${row(line, 'th')}</thead>${body ? `<tbody>${body}</tbody>` : ''}</table>`);
      i = end;
      continue;
    }

    const paragraph = [line];
    let heading = false;
    let end = i + 1;
    for (; end < lines.length; end++) {
      const l = lines[end] ?? '';
      if (isBlank(l)) break;
      if (SETEXT_UNDERLINE.test(l)) {
        heading = true;
        end++;
        break;
      }
      if (interrupts(lines, end)) break;
      paragraph.push(l);
    }
    const html = inline(paragraphText(paragraph));
    add(heading ? `<p><strong>${html}</strong></p>` : { inline: html });
    i = end;
  }
  return { blocks, loose };
}

/**
 * Chat Markdown to an HTML string (R-CHAT-07). The input is escaped first, so raw HTML
 * shows as typed; single newlines are line breaks. Not sanitized: the caller runs the
 * chat sanitizer on the result.
 */
export function markdownToHtml(markdown: string): string {
  const lines = escapeHtml(markdown.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD'))
    .split('\n')
    .map(expandTabs);
  return renderBlocks(parseBlocks(lines, 0).blocks, false);
}
