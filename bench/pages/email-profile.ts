/**
 * The email body figure, for bench/profile-email.mjs: a deterministic 200 KB marketing-style
 * email (nested layout tables, inline styles everywhere, many remote images, tracked links,
 * nested divs, a few `cid:` images, a `<style>` head and an Outlook conditional comment),
 * and two ways to put it into a shadow root:
 * - `ours`: `sanitizeEmailHtml` with the pane's options, `markDecorativeImages` as the pane
 *   does, the fragment appended into a shadow root;
 * - `plain`: `DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true })` (its defaults, no hooks)
 *   and the same append.
 * Each call builds a fresh host, measures, and removes it again.
 */
import DOMPurify from 'dompurify';
import { BLOCKED_IMAGE_ATTRIBUTE, cidResolver, sanitizeEmailHtml, setEmailDocument, applyDeferredStyles } from '../../src/content/sanitize.js';
import { markDecorativeImages } from '../../src/components/cc-email-widget/email-html.js';

/** A small deterministic PRNG (mulberry32): the same email on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['order', 'delivery', 'your', 'account', 'offer', 'summer', 'sale', 'free', 'shipping', 'on', 'all', 'items', 'today', 'only', 'we', 'thank', 'you', 'for', 'shopping', 'with', 'us', 'discover', 'new', 'collection', 'invoice', 'refund', 'the', 'and'];
const COLOURS = ['#333333', '#666666', '#0066cc', '#ffffff', '#f4f4f4', '#e8e8e8', '#222222', '#c0392b'];
const FONTS = ['Arial, Helvetica, sans-serif', "'Segoe UI', Roboto, sans-serif", 'Georgia, serif'];

export const CID_ATTACHMENTS = [
  { contentId: '<logo@shop.example>', url: 'https://files.example/att/logo.png' },
  { contentId: 'banner@shop.example', url: 'https://files.example/att/banner.png' },
  { contentId: 'sig@shop.example', url: 'https://files.example/att/sig.png' },
];

export interface GeneratedEmail {
  readonly html: string;
  readonly remoteImages: number;
  readonly cidImages: number;
  readonly links: number;
}

/** About `bytes` characters of email HTML. */
export function generateEmail(bytes = 200_000, seed = 42): GeneratedEmail {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  let remoteImages = 0;
  let cidImages = 0;
  let links = 0;
  const td = (): string =>
    `padding:${Math.floor(rnd() * 20)}px ${Math.floor(rnd() * 24)}px;font-family:${pick(FONTS)};font-size:${12 + Math.floor(rnd() * 6)}px;line-height:1.5;color:${pick(COLOURS)};`;
  const link = (text: string): string => {
    links++;
    return `<a href="https://click.shop.example/ls/click?upn=${Math.floor(rnd() * 1e9).toString(36)}&amp;u=${links}" target="_blank" style="color:${pick(COLOURS)};text-decoration:underline;font-weight:bold">${text}</a>`;
  };
  const image = (k: number): string => {
    remoteImages++;
    const alt = k % 4 === 0 ? '' : ` alt="${words(3)}"`;
    return `<img src="https://cdn.shop.example/images/p${k}-${Math.floor(rnd() * 1e6)}.jpg" width="${100 + Math.floor(rnd() * 500)}" height="${50 + Math.floor(rnd() * 300)}"${alt} border="0" style="display:block;border:0;outline:none;text-decoration:none;max-width:100%;height:auto">`;
  };
  const head =
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">' +
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Summer sale</title>' +
    '<style type="text/css">body{margin:0;padding:0}table td{border-collapse:collapse}@media only screen and (max-width:600px){.col{width:100%!important}}</style>' +
    '<!--[if mso]><style>table{border-collapse:collapse}</style><![endif]--></head>' +
    '<body style="margin:0;padding:0;background-color:#f4f4f4">' +
    '<center><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center">' +
    `<table width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;background:#ffffff"><tr><td style="${td()}"><img src="cid:logo@shop.example" alt="Shop" width="120" height="40" style="display:block"></td></tr>`;
  cidImages++;
  const tail =
    `<tr><td style="${td()}"><img src="cid:sig@shop.example" width="200" height="60" style="display:block"><img src="cid:missing@shop.example" alt="missing" width="10" height="10"></td></tr>` +
    `<tr><td style="${td()}">${words(20)} ${link('Unsubscribe')} | ${link('View in browser')}</td></tr>` +
    '</table></td></tr></table></center>' +
    '<img src="https://track.shop.example/open.gif?u=1" width="1" height="1" style="display:block;width:1px;height:1px;border:0"></body></html>';
  cidImages += 2;
  remoteImages++;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let k = 0; size < bytes; k++) {
    let block: string;
    switch (k % 5) {
      case 0:
        // A product row: two columns, each an image, a title, a price and a button.
        block =
          `<tr><td style="${td()}"><table width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
          [0, 1]
            .map(
              (c) =>
                `<td class="col" width="50%" valign="top" style="${td()}">${image(k * 2 + c)}` +
                `<h3 style="margin:8px 0;font-size:16px;color:${pick(COLOURS)}">${words(4)}</h3>` +
                `<p style="margin:0 0 8px 0">${words(12)} <span style="color:#c0392b;font-weight:bold">$${(rnd() * 200).toFixed(2)}</span></p>` +
                `<table cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="#0066cc" style="border-radius:4px;padding:10px 18px">${link('Shop now')}</td></tr></table></td>`,
            )
            .join('') +
          '</tr></table></td></tr>';
        break;
      case 1:
        // Nested divs of text, as forwarded and quoted mail brings them.
        block =
          `<tr><td style="${td()}">` +
          `<div style="margin:0;padding:0"><div style="border-left:3px solid #cccccc;padding-left:8px"><div style="font-family:${pick(FONTS)}">` +
          `<p style="margin:0 0 10px 0">${words(30)} ${link(words(2))} ${words(15)}</p>` +
          `<div><span style="font-size:13px">${words(10)}</span><br><font face="Arial" color="#666666" size="2">${words(12)}</font></div>` +
          '</div></div></div></td></tr>';
        break;
      case 2:
        // A full-width banner image.
        block = `<tr><td align="center" style="${td()}">${link(image(k * 2))}</td></tr>`;
        break;
      case 3:
        // A data table.
        block =
          `<tr><td style="${td()}"><table width="100%" cellpadding="4" cellspacing="0" border="1" style="border-collapse:collapse;border-color:#e8e8e8">` +
          `<thead><tr><th align="left" style="background:#f4f4f4">${words(1)}</th><th align="right" style="background:#f4f4f4">${words(1)}</th></tr></thead><tbody>` +
          Array.from({ length: 4 }, () => `<tr><td style="padding:4px">${words(3)}</td><td align="right" style="padding:4px">${(rnd() * 99).toFixed(2)}</td></tr>`).join('') +
          '</tbody></table></td></tr>';
        break;
      default:
        block =
          `<tr><td style="${td()}"><ul style="margin:0;padding-left:20px">` +
          Array.from({ length: 3 }, () => `<li style="margin-bottom:4px">${words(8)} ${link(words(1))}</li>`).join('') +
          '</ul></td></tr>';
    }
    parts.push(block);
    size += block.length;
  }
  parts.push(tail);
  return { html: parts.join(''), remoteImages, cidImages, links };
}

const email = generateEmail();
const resolveCid = cidResolver(CID_ATTACHMENTS);

function host(): { element: HTMLElement; root: ShadowRoot } {
  const element = document.createElement('div');
  document.body.append(element);
  return { element, root: element.attachShadow({ mode: 'open' }) };
}

/** Our path: sanitize with the pane's options, mark decorative images, append. Milliseconds. */
function ours(): number {
  const { element, root } = host();
  performance.mark('ours-start');
  const t = performance.now();
  const result = markDecorativeImages(sanitizeEmailHtml(email.html, { allowRemoteImages: false, resolveCid }));
  root.append(result.fragment);
  const ms = performance.now() - t;
  performance.mark('ours-end');
  element.remove();
  return ms;
}

/** DOMPurify alone with its defaults, the same append. Milliseconds. */
function plain(): number {
  const { element, root } = host();
  performance.mark('plain-start');
  const t = performance.now();
  root.append(DOMPurify.sanitize(email.html, { RETURN_DOM_FRAGMENT: true }));
  const ms = performance.now() - t;
  performance.mark('plain-end');
  element.remove();
  return ms;
}

/** What the pane shows: the sanitized fragment written into a sandboxed srcdoc frame, styles applied on load. */
async function frame(): Promise<{ sanitizeMs: number; documentMs: number; loadMs: number; stylesMs: number }> {
  const t0 = performance.now();
  const result = markDecorativeImages(sanitizeEmailHtml(email.html, { allowRemoteImages: false, resolveCid }));
  const t1 = performance.now();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-same-origin');
  document.body.append(iframe);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  setEmailDocument(iframe, result, { title: 'Email', lang: 'en' });
  const t2 = performance.now();
  await loaded;
  const t3 = performance.now();
  const doc = iframe.contentDocument;
  if (doc) applyDeferredStyles(doc);
  const t4 = performance.now();
  iframe.remove();
  return { sanitizeMs: t1 - t0, documentMs: t2 - t1, loadMs: t3 - t2, stylesMs: t4 - t3 };
}

/** What ours produces, to check the benchmark measures a complete, safe rendering. */
function check(): Record<string, number> {
  const a = sanitizeEmailHtml(email.html, { allowRemoteImages: false, resolveCid });
  const f = a.fragment;
  const b = DOMPurify.sanitize(email.html, { RETURN_DOM_FRAGMENT: true });
  return {
    bytes: email.html.length,
    generatedRemoteImages: email.remoteImages,
    generatedCidImages: email.cidImages,
    generatedLinks: email.links,
    elements: f.querySelectorAll('*').length,
    plainElements: b.querySelectorAll('*').length,
    images: f.querySelectorAll('img').length,
    blockedImages: a.blockedImages,
    blockedMarked: f.querySelectorAll(`img[${BLOCKED_IMAGE_ATTRIBUTE}]`).length,
    links: f.querySelectorAll('a[href]').length,
    styled: f.querySelectorAll('[style]').length,
    plainStyled: b.querySelectorAll('[style]').length,
    unresolvedCids: a.unresolvedCids.length,
  };
}

const api = { ours, plain, frame, check };

declare global {
  interface Window {
    ccEmailProfile: typeof api;
  }
}

window.ccEmailProfile = api;
