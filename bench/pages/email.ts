/**
 * The email figure of the bench (bench/run.mjs, section `email`): a 200 KB marketing-style
 * HTML email shown the way the email pane shows it, in its sandboxed frame, until laid out:
 * - `ours`: `sanitizeEmailHtml` with the pane's options, `markDecorativeImages`, and the
 *   pane's own `emailBody` directive (setEmailDocument, then on load the deferred styles,
 *   the document's stylesheet and the frame's height);
 * - `dompurify`: `DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true })` with its defaults,
 *   its remote image sources taken out (as ours blocks them), serialized into the same frame
 *   (same sandbox, same document head, except that its policy lets the inline styles
 *   DOMPurify left in the markup apply).
 * `shadow` variants put each fragment into a fresh shadow root instead (no frame).
 */
import DOMPurify from 'dompurify';
import { render } from 'lit';
import { sanitizeEmailHtml } from '../../src/content/sanitize.js';
import { EMAIL_FRAME_SANDBOX, emailBody } from '../../src/components/cc-email-widget/email-frame.js';
import { loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import { markDecorativeImages } from '../../src/components/cc-email-widget/email-html.js';
import { textFor } from './common.js';

/** The pane resolves `cid:` images through the email's attachments; this email has none. */
const NO_CID = (): undefined => undefined;

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

/** A fresh container of the page's width; removed after each call. */
function container(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

/** Waits for a frame's next load, after the listeners added before this one (the pane's own). */
const loaded = (frame: HTMLIFrameElement): Promise<unknown> => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

/** Forces the layout of the page and, when given, of a frame's document. */
function layout(frame?: HTMLIFrameElement): void {
  void frame?.contentDocument?.documentElement.getBoundingClientRect();
  void document.body.offsetHeight;
}

/** The pane's path: sanitize as the thread does, show through the pane's frame directive, laid out. */
export async function paneShow(html: string, marks = '', resolveCid: (contentId: string) => string | undefined = NO_CID): Promise<number> {
  // The frame directive's document functions come with the sanitizer, which a pane has loaded before it shows an email.
  await loadSanitizer();
  const box = container();
  if (marks) performance.mark(`${marks}-start`);
  const start = performance.now();
  const result = markDecorativeImages(sanitizeEmailHtml(html, { allowRemoteImages: false, resolveCid, styles: 'text' }));
  render(emailBody(result, { title: 'Email', allowRemoteImages: false, original: html }), box);
  const frame = box.querySelector('iframe');
  if (!frame) throw new Error('the pane showed no frame');
  await loaded(frame);
  layout(frame);
  const ms = performance.now() - start;
  if (marks) performance.mark(`${marks}-end`);
  box.remove();
  return ms;
}

const HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'; base-uri 'none'">` +
  '<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light"><base target="_blank"><title>Email</title></head><body>';

/** DOMPurify alone, its fragment written into the same frame as the pane's, laid out. */
export async function dompurifyShow(html: string, marks = ''): Promise<number> {
  const box = container();
  if (marks) performance.mark(`${marks}-start`);
  const start = performance.now();
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  // The frame's policy refuses remote images anyway; refused there, each would cost a violation report ours never pays.
  for (const img of fragment.querySelectorAll('img[src^="http" i]')) img.removeAttribute('src');
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', EMAIL_FRAME_SANDBOX);
  frame.setAttribute('referrerpolicy', 'no-referrer');
  box.append(frame);
  const serializer = document.createElement('div');
  serializer.append(fragment);
  const done = loaded(frame);
  frame.srcdoc = `${HEAD}${serializer.innerHTML}</body></html>`;
  await done;
  layout(frame);
  const ms = performance.now() - start;
  if (marks) performance.mark(`${marks}-end`);
  box.remove();
  return ms;
}

/** Sanitizes `html` and appends the result into a fresh shadow root; milliseconds until laid out. */
function shadowShow(kind: 'ours' | 'dompurify', html: string): number {
  const host = container();
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

/** What one page measured: the first (cold) call, then `repeat` warm ones (frame path), and `repeat` warm ones into a shadow root. */
export interface EmailResult {
  readonly bytes: number;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  readonly shadowWarmMs: readonly number[];
  readonly elements: number;
}

async function emailBench(kind: 'ours' | 'dompurify', kb: number, repeat: number): Promise<EmailResult> {
  const html = emailOf(kb);
  const show = (): Promise<number> => (kind === 'ours' ? paneShow(html) : dompurifyShow(html));
  const coldMs = await show();
  const warmMs: number[] = [];
  for (let k = 0; k < repeat; k++) warmMs.push(await show());
  const shadowWarmMs: number[] = [];
  for (let k = 0; k < repeat; k++) shadowWarmMs.push(shadowShow(kind, html));
  const probe = kind === 'ours' ? sanitizeEmailHtml(html).fragment : DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  return { bytes: html.length, coldMs, warmMs, shadowWarmMs, elements: probe.querySelectorAll('*').length };
}

declare global {
  interface Window {
    ccEmail: typeof emailBench;
  }
}

window.ccEmail = emailBench;
