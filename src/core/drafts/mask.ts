/**
 * Masks payment card numbers in what is about to be stored (R-MAIL-16 applied to drafts):
 * a stored draft never holds one, whatever the storage. Every string of a JSON value is
 * checked; text that is HTML (the email editor's body) is also checked as the agent sees
 * it, so a number split by markup (`4111 <b>1111</b> …`) is found too.
 * @packageDocumentation
 */
import { findCardNumbers, redactCardNumbers } from '../../content/pci.js';

/** A value with its card numbers masked, and whether there were any. */
export interface Masked<T> {
  readonly value: T;
  readonly masked: boolean;
}

const MASK = '•';

/** Elements whose edges separate words: text on either side is not one number. */
const BREAKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Looks like markup: a tag, a comment or a character reference. */
const MARKUP = /<[a-z!/]|&#?\w+;/i;

/**
 * The text of some HTML, roughly, for a cheap first look: tags dropped, character
 * references read as a separator. It may see a number where the DOM has none (then the
 * DOM decides), never the other way round.
 */
function roughText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&#?\w+;/g, '-');
}

interface Run {
  readonly node: Text;
  readonly start: number;
}

/** Masks, in the text nodes of `root`, the digits of every card number but its last four. */
function maskTextNodes(root: Node): boolean {
  const runs: Run[] = [];
  let text = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child instanceof Text) {
        runs.push({ node: child, start: text.length });
        text += child.data;
      } else if (child instanceof Element) {
        const breaks = BREAKS.has(child.localName);
        if (breaks) text += '\n';
        walk(child instanceof HTMLTemplateElement ? child.content : child);
        if (breaks) text += '\n';
      }
    }
  };
  walk(root);
  const matches = findCardNumbers(text);
  if (matches.length === 0) return false;
  const hidden = new Set<number>();
  for (const m of matches) {
    const digits: number[] = [];
    for (let p = m.start; p < m.end; p++) if (/\d/.test(text.charAt(p))) digits.push(p);
    for (const p of digits.slice(0, -4)) hidden.add(p);
  }
  for (const run of runs) {
    const data = run.node.data;
    let next = '';
    for (let k = 0; k < data.length; k++) next += hidden.has(run.start + k) ? MASK : data.charAt(k);
    if (next !== data) run.node.data = next;
  }
  return true;
}

/** HTML with the card numbers of its text masked; `undefined` when its text has none. */
function maskHtmlText(html: string): string | undefined {
  // A template's content is inert: parsing runs no script and loads no image.
  const template = document.createElement('template');
  template.innerHTML = html;
  return maskTextNodes(template.content) ? template.innerHTML : undefined;
}

/** One string with every card number masked but its last four digits, as written and, for HTML, as read. */
export function maskString(value: string): Masked<string> {
  let out = redactCardNumbers(value, MASK);
  if (MARKUP.test(out) && findCardNumbers(roughText(out)).length > 0) {
    const html = maskHtmlText(out);
    // Serialising may have written a card number out of a character reference: mask the result as text too.
    if (html !== undefined) out = redactCardNumbers(html, MASK);
  }
  return { value: out, masked: out !== value };
}

/**
 * A copy of a JSON value with every card number in every string masked (see
 * {@link maskString}); object keys are kept as they are.
 */
export function maskCardNumbers(value: unknown): Masked<unknown> {
  if (typeof value === 'string') return maskString(value);
  if (Array.isArray(value)) {
    let masked = false;
    const items = value.map((item: unknown) => {
      const m = maskCardNumbers(item);
      masked ||= m.masked;
      return m.value;
    });
    return masked ? { value: items, masked } : { value, masked };
  }
  if (typeof value === 'object' && value !== null) {
    let masked = false;
    const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
      const m = maskCardNumbers(item);
      masked ||= m.masked;
      return [key, m.value];
    });
    return masked ? { value: Object.fromEntries(entries), masked } : { value, masked };
  }
  return { value, masked: false };
}
