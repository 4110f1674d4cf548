/**
 * Links in untrusted text (R-COMP-04): finding URLs in plain text, and what a link shows
 * about where it really goes. Only http(s), mailto and tel links are made; the host shown
 * is the one the browser will contact, in ASCII (punycode), so a look-alike Unicode host
 * cannot pass for another; link text that names a different host than the target is a
 * mismatch the caller flags.
 * @packageDocumentation
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A link candidate: a scheme or `www.` not preceded by a word character (so nothing inside a
 * word is linked), then a run of characters that are not space, angle brackets, quotes or
 * CJK punctuation. The run is one character class with nothing after it, so the engine never
 * backtracks and a scan is linear in the text's length.
 */
const CANDIDATE = /(?<![\p{L}\p{N}_@./:+-])(?:https?:\/\/|mailto:|tel:|www\.)[^\s<>"'`\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/giu;
/** Cheap test before a scan: most messages have no link. */
const MAYBE_LINK = /https?:\/\/|mailto:|tel:|www\./i;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '*', '_', '~']);
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** A link found in plain text: `text.slice(start, end)` is what it shows, `href` where it goes. */
export interface LinkMatch {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

/** The end of a candidate once sentence punctuation and unmatched closing brackets are left out. */
function trimEnd(candidate: string): number {
  const counts = new Map<string, number>();
  for (const c of candidate) if (c === '(' || c === '[' || c === '{' || c in CLOSERS) counts.set(c, (counts.get(c) ?? 0) + 1);
  let end = candidate.length;
  while (end > 0) {
    const c = candidate.charAt(end - 1);
    const opener = CLOSERS[c];
    if (TRAILING.has(c)) {
      end--;
    } else if (opener !== undefined && (counts.get(c) ?? 0) > (counts.get(opener) ?? 0)) {
      counts.set(c, (counts.get(c) ?? 0) - 1);
      end--;
    } else {
      break;
    }
  }
  return end;
}

/** An absolute http(s), mailto or tel URL, normalised by the URL parser, or `undefined`. */
export function linkHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!LINK_PROTOCOLS.has(parsed.protocol)) return undefined;
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.hostname.includes('.')) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/**
 * The links in plain text, in order: `http://`, `https://`, `mailto:`, `tel:` and `www.`
 * (which links to https). Not inside words; sentence punctuation and an unmatched closing
 * bracket after a URL stay text. Linear in the text's length.
 */
export function findLinks(text: string): LinkMatch[] {
  if (!MAYBE_LINK.test(text)) return [];
  const links: LinkMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const shown = match[0].slice(0, trimEnd(match[0]));
    const href = linkHref(/^www\./i.test(shown) ? `https://${shown}` : shown);
    if (href !== undefined && shown.length > 4) links.push({ start, end: start + shown.length, href });
  }
  return links;
}

/** Where a link goes, as a reader should see it: the ASCII host of a web link, the address of mailto, the number of tel. */
export function linkDestination(href: string): string {
  try {
    const url = new URL(href);
    if (url.protocol === 'mailto:') return decodeURIComponent(url.pathname);
    if (url.protocol === 'tel:') return decodeURIComponent(url.pathname);
    return url.hostname;
  } catch {
    return href;
  }
}

const HOST_LIKE = /^(?:(?:https?:\/\/)?[^\s/?#@:]+\.[^\s/?#@:]*[\p{L}]{2,}\.?)(?::\d+)?(?:[/?#]\S*)?$/iu;

/** The host that link text names (`paypal.com`, `https://paypal.com/login`), in ASCII, or `undefined` for other text. */
export function shownHost(text: string): string | undefined {
  const trimmed = text.trim();
  if (!HOST_LIKE.test(trimmed)) return undefined;
  try {
    return new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
}

const bare = (host: string): string => host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');

/** What a link shows beside its text. */
export interface LinkReport {
  /** The destination to show after the text, or `undefined` when the text already shows it as it is. */
  readonly destination: string | undefined;
  /** Set when the text names another host than the target: what the text shows and where the link goes. */
  readonly mismatch: { readonly shown: string; readonly actual: string } | undefined;
}

/**
 * What a link with this text and target must show: its real destination (unless the text
 * already shows exactly that) and, when the text names a different host, the mismatch.
 */
export function reportLink(text: string, href: string): LinkReport {
  const actual = linkDestination(href);
  const shown = shownHost(text);
  const web = /^https?:/i.test(href);
  const targetHost = web ? actual : actual.includes('@') ? actual.slice(actual.lastIndexOf('@') + 1) : '';
  if (shown !== undefined && bare(shown) !== bare(targetHost)) return { destination: actual, mismatch: { shown, actual } };
  // The text shows the destination as the browser reads it (an IDN host in Unicode does not).
  const literal = text.trim().toLowerCase();
  const showsIt = web ? shown !== undefined && literal.replace(/^https?:\/\//, '').startsWith(actual.toLowerCase()) : literal.includes(actual.toLowerCase());
  return { destination: showsIt ? undefined : actual, mismatch: undefined };
}
