/**
 * The email body figure, for bench/profile-email.mjs: the deterministic 200 KB email of
 * test/content/fixtures/large-email.ts, and two ways to put it into a shadow root:
 * - `ours`: `sanitizeEmailHtml` with the pane's options, `markDecorativeImages` as the pane
 *   does, the fragment appended into a shadow root;
 * - `plain`: `DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true })` (its defaults, no hooks)
 *   and the same append.
 * Each call builds a fresh host, measures, and removes it again.
 */
import DOMPurify from 'dompurify';
import { applyDeferredStyles, setEmailDocument } from '../../src/content/email-document.js';
import { BLOCKED_IMAGE_ATTRIBUTE, cidResolver, sanitizeEmailHtml } from '../../src/content/sanitize.js';
import { markDecorativeImages } from '../../src/components/cc-email-widget/email-html.js';
import { dompurifyShow, paneShow } from './email.js';
import { CID_ATTACHMENTS, generateEmail } from '../../test/content/fixtures/large-email.js';

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
  const result = markDecorativeImages(sanitizeEmailHtml(email.html, { allowRemoteImages: false, resolveCid, styles: 'text' }));
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

/** The pane's path (sanitize, the pane's frame, laid out), between marks for the trace. */
const oursFrame = (): Promise<number> => paneShow(email.html, 'oursFrame', resolveCid);
/** DOMPurify alone and the same frame write, between marks for the trace. */
const plainFrame = (): Promise<number> => dompurifyShow(email.html, 'plainFrame');

const api = { ours, plain, oursFrame, plainFrame, frame, check };

declare global {
  interface Window {
    ccEmailProfile: typeof api;
  }
}

window.ccEmailProfile = api;
