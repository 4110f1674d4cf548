/**
 * Elapsed time as `m:ss`-style text: `mm:ss` under an hour, `h:mm:ss` past it (R-OFFER-02).
 * Negative spans (clock skew) show as `00:00`.
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Initials of a display name, at most two letters (customer avatars, R-CHAT-02). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A byte count as short human text (B, KB, MB). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit] ?? 'B'}`;
}

/** The message of a failure, for a localised error line (`{reason}`). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The styles a cached date formatter takes (see {@link dateTimeFormat}). */
export type DateTimeStyle = Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'>;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date and time formatter of a locale and style, made once and kept: making an Intl
 * formatter costs far more than using one (a page's first one, tens of milliseconds), and
 * the elements format on every render.
 */
export function dateTimeFormat(locale: string, style: DateTimeStyle): Intl.DateTimeFormat {
  const key = `${locale} ${style.dateStyle ?? ''} ${style.timeStyle ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, style);
    dateTimeFormats.set(key, format);
  }
  return format;
}
