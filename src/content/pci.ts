/**
 * PCI guard (R-MAIL-16): finds payment card numbers in text the agent is about to
 * send, so the widget can block sending and say why.
 * @packageDocumentation
 */

/** A card number found in a text: `text.slice(start, end)` is the number as written. */
export interface CardNumberMatch {
  /** Index of the first digit. */
  readonly start: number;
  /** Index just past the last digit. */
  readonly end: number;
  /** The digits alone, separators removed. */
  readonly digits: string;
}

/** Digit groups joined by one space, one hyphen (any Unicode dash) or " - ". */
const RUN = /\d+(?:(?:[ \u00a0]?[-\u2010-\u2015][ \u00a0]?|[ \u00a0])\d+)*/g;
const GROUP = /\d+/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** People write card numbers in groups of 4 (or Amex's 4-6-5), never digit by digit. */
const MIN_GROUP = 3;

interface Group {
  readonly start: number;
  readonly digits: string;
}

interface Candidate extends CardNumberMatch {
  readonly cardLike: boolean;
}

/** The Luhn (mod 10) check every payment card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Grouped like a printed card: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners), or one block. */
function looksLikeCard(groups: readonly Group[]): boolean {
  if (groups.length === 1) return true;
  const lengths = groups.map((g) => g.digits.length).join('-');
  return /^4(?:-4)*(?:-[1-4])?$/.test(lengths) || lengths === '4-6-5' || lengths === '4-6-4';
}

function candidatesIn(groups: readonly Group[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      const group = groups[j];
      if (!group) break;
      digits += group.digits;
      if (digits.length > MAX_DIGITS) break;
      const window = groups.slice(i, j + 1);
      if (window.length > 1 && window.some((g) => g.digits.length < MIN_GROUP)) continue;
      if (digits.length < MIN_DIGITS || !luhnValid(digits) || /^(\d)\1*$/.test(digits)) continue;
      const first = groups[i];
      if (!first) continue;
      found.push({ start: first.start, end: group.start + group.digits.length, digits, cardLike: looksLikeCard(window) });
    }
  }
  return found;
}

/**
 * Card numbers in a text (R-MAIL-16): 13 to 19 digits, written as one block or in
 * groups separated by spaces or hyphens, passing the Luhn check. Not flagged: numbers
 * failing Luhn, shorter numbers (orders, phones), digits inside a longer digit block,
 * and runs of one repeated digit. Sorted by position, never overlapping.
 */
export function findCardNumbers(text: string): CardNumberMatch[] {
  const chosen: Candidate[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(GROUP)].map((g) => ({ start: run.index + g.index, digits: g[0] }));
    // Prefer windows grouped like a printed card, then the longest, then the first.
    const ranked = candidatesIn(groups).sort(
      (a, b) => Number(b.cardLike) - Number(a.cardLike) || b.digits.length - a.digits.length || a.start - b.start,
    );
    for (const c of ranked) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ start, end, digits }) => ({ start, end, digits }));
}

/** True when the text holds a card number ({@link findCardNumbers}); sending must then be blocked. */
export function containsCardNumber(text: string): boolean {
  return findCardNumbers(text).length > 0;
}

/**
 * The text with every card number masked except its last four digits
 * (`4111 1111 1111 1111` → `•••• •••• •••• 1111`), separators kept.
 */
export function redactCardNumbers(text: string, mask = '•'): string {
  let out = '';
  let last = 0;
  for (const match of findCardNumbers(text)) {
    out += text.slice(last, match.start);
    let keep = 4;
    const written = text.slice(match.start, match.end);
    let masked = '';
    for (let i = written.length - 1; i >= 0; i--) {
      const ch = written.charAt(i);
      const isDigit = ch >= '0' && ch <= '9';
      masked = (isDigit && keep-- <= 0 ? mask : ch) + masked;
    }
    out += masked;
    last = match.end;
  }
  return out + text.slice(last);
}
