/**
 * The email figure of the bench (bench/run.mjs, section `email`): a 200 KB marketing-style
 * HTML email, sanitized and put into a shadow root — ours through `sanitizeEmailHtml`,
 * the peer through DOMPurify alone with its defaults — until laid out.
 */
import DOMPurify from 'dompurify';
import { sanitizeEmailHtml } from '../../src/content/sanitize.js';
import { textFor } from './common.js';

const COLOURS = ['#1a73e8', '#333333', '#f4f4f4', '#e8f0fe', '#ffffff', '#5f6368'];

/** One product block: nested divs and a table with inline styles, a remote image, links. */
function block(k: number): string {
  const colour = COLOURS[k % COLOURS.length] ?? '#000000';
  const text = textFor(k);
  return (
    `<div class="row" style="margin:0 auto;max-width:600px;background-color:${colour};padding:${k % 5}px 12px">` +
    `<div style="display:block;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;color:#202124">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;mso-table-lspace:0pt">` +
    `<tr><td width="120" valign="top" style="padding:8px;border-bottom:1px solid #dadce0">` +
    `<a href="https://shop.example.com/p/${k}?utm_source=mail&amp;utm_campaign=c${k % 7}" target="_blank">` +
    `<img src="https://cdn.example.com/img/${k}.jpg" width="120" height="90" alt="Product ${k}" style="display:block;border:0;width:120px;height:auto"></a></td>` +
    `<td valign="top" style="padding:8px 12px;border-bottom:1px solid #dadce0;text-align:left">` +
    `<h3 style="margin:0 0 4px;font-size:16px;color:${colour === '#ffffff' ? '#1a73e8' : '#202124'}">Item ${k}</h3>` +
    `<p style="margin:0 0 8px">${text} <b>${k % 100}% off</b> <span style="color:#d93025;font-weight:bold">today</span></p>` +
    `<font face="Verdana" size="2" color="#5f6368">Ref. ${k * 7919}</font><br>` +
    `<a href="mailto:sales+${k}@example.com" style="color:#1a73e8;text-decoration:underline">Ask about it</a> · ` +
    `<a href="https://shop.example.com/cart/add/${k}" style="display:inline-block;padding:6px 12px;background:#1a73e8;color:#ffffff;border-radius:4px">Add to cart</a>` +
    `</td></tr></table></div></div>`
  );
}

/** A deterministic email of about `kb` kilobytes. */
export function emailOf(kb: number): string {
  const head =
    '<html><head><meta charset="utf-8"><style>.row{margin:0}</style><!--[if mso]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>' +
    '<body style="margin:0;padding:0;background:#f4f4f4"><center><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">' +
    '<img src="https://track.example.com/open.gif?u=123" width="1" height="1" alt="">';
  const tail = '</td></tr></table><p style="font-size:11px;color:#999">Unsubscribe: <a href="https://example.com/u?id=1">here</a></p></center></body></html>';
  let body = '';
  for (let k = 0; body.length + head.length + tail.length < kb * 1024; k++) body += block(k);
  return head + body + tail;
}

/** Sanitizes `html` and appends the result into a fresh shadow root; milliseconds until laid out. */
function render(kind: 'ours' | 'dompurify', html: string): number {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const start = performance.now();
  const fragment = kind === 'ours' ? sanitizeEmailHtml(html).fragment : DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  root.append(fragment);
  void host.getBoundingClientRect();
  void document.body.offsetHeight;
  const ms = performance.now() - start;
  host.remove();
  return ms;
}

/** What one page measured: the first (cold) call, then the median of `repeat` warm ones. */
export interface EmailResult {
  readonly bytes: number;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  readonly elements: number;
}

function emailBench(kind: 'ours' | 'dompurify', kb: number, repeat: number): EmailResult {
  const html = emailOf(kb);
  const coldMs = render(kind, html);
  const warmMs: number[] = [];
  for (let k = 0; k < repeat; k++) warmMs.push(render(kind, html));
  const probe = kind === 'ours' ? sanitizeEmailHtml(html).fragment : DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  return { bytes: html.length, coldMs, warmMs, elements: probe.querySelectorAll('*').length };
}

declare global {
  interface Window {
    ccEmail: typeof emailBench;
  }
}

window.ccEmail = emailBench;
