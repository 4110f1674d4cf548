/**
 * How many SMS a text takes: what an agent needs to know before a long or emoji-laden
 * message turns into several billed parts.
 * @packageDocumentation
 */

/** The GSM 03.38 default alphabet (each character one septet), without the escape code. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The GSM extension table: each character is sent as an escape plus itself, two septets. */
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

/** How a text is encoded for SMS. */
export type SmsEncoding = 'gsm7' | 'ucs2';

/** The size of a text as SMS. */
export interface SmsSegments {
  /** GSM-7 when every character is in the GSM alphabet or its extension, UCS-2 otherwise. */
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  readonly units: number;
  /** How many SMS it is sent as; 0 for an empty text. */
  readonly segments: number;
  /** Units one SMS holds at this size: 160 / 70 for a single SMS, 153 / 67 per part of a longer one. */
  readonly perSegment: number;
}

const LIMITS: Readonly<Record<SmsEncoding, { readonly single: number; readonly part: number }>> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

/** Units each character takes, by code point. */
function costs(text: string): { encoding: SmsEncoding; costs: number[] } {
  const chars = [...text];
  if (chars.every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c))) {
    return { encoding: 'gsm7', costs: chars.map((c) => (GSM7_EXTENSION.has(c) ? 2 : 1)) };
  }
  // Outside the Basic Multilingual Plane (most emoji) a character is a surrogate pair: two units.
  return { encoding: 'ucs2', costs: chars.map((c) => c.length) };
}

/**
 * The SMS a text is sent as. A text that fits one SMS (160 GSM-7 septets, 70 UCS-2 units)
 * is one; a longer one is split into parts of 153 / 67 (the rest of each carries the
 * header that joins them), and a part never splits an escaped GSM character or a
 * surrogate pair, so a part may hold one unit less.
 */
export function smsSegments(text: string): SmsSegments {
  const { encoding, costs: each } = costs(text);
  const { single, part } = LIMITS[encoding];
  const units = each.reduce((sum, n) => sum + n, 0);
  if (units === 0) return { encoding, units, segments: 0, perSegment: single };
  if (units <= single) return { encoding, units, segments: 1, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const n of each) {
    if (used + n > part) {
      segments++;
      used = 0;
    }
    used += n;
  }
  return { encoding, units, segments, perSegment: part };
}
