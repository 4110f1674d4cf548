const SAFE_SCHEMES = new Set(['http:', 'https:', 'blob:', 'mailto:']);

/**
 * A URL from an untrusted source (an adapter, a customer) made safe for an `href`:
 * http(s), blob: and mailto: pass; anything else (javascript:, vbscript:, data:…) becomes
 * `undefined`, so the link is not rendered.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
