import { expect } from '@open-wc/testing';
import { DEFERRED_STYLE_ATTRIBUTE } from '../../src/content/preparse.js';
import { applyDeferredStyles, setEmailDocument } from '../../src/content/email-document.js';
import { cidResolver, sanitizeEmailHtml } from '../../src/content/sanitize.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { CID_ATTACHMENTS, generateEmail } from './fixtures/large-email.js';

const SUSPECT_STYLE = /url\s*\(|expression\s*\(|javascript:|behavior|-moz-binding|position:\s*(?:fixed|absolute)|z-index/i;
const srcdocOf = (frame: HTMLIFrameElement): Document => new DOMParser().parseFromString(frame.getAttribute('srcdoc') ?? '', 'text/html');

/** A frame in the page, its srcdoc written, loaded, its deferred styles applied. */
async function shown(result: ReturnType<typeof sanitizeEmailHtml>): Promise<{ doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  document.body.append(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  setEmailDocument(frame, result, { title: 't' });
  await loaded;
  const doc = frame.contentDocument;
  if (!doc) throw new Error('no email document');
  applyDeferredStyles(doc);
  return { doc, frame };
}

describe("sanitizer: styles kept as text for the email's frame", () => {
  it('R-MAIL-02: the fragment carries cleaned style text, never a style; the report is the same as with styles applied', () => {
    const html =
      '<p style="color: rgb(0, 68, 0); position: fixed" onclick="x()">a</p><p style="behavior: url(x)">b</p>' +
      '<div style="background: url(https://t.example/x.png); margin: 0 auto">c</div><img src="https://t.example/y.png"><script>x()</script>';
    const text = sanitizeEmailHtml(html, { styles: 'text' });
    const applied = sanitizeEmailHtml(html);
    expect(text.fragment.querySelector('[style]')).to.equal(null);
    const [a, b] = [...text.fragment.querySelectorAll('p')];
    expect(a?.getAttribute(DEFERRED_STYLE_ATTRIBUTE)).to.equal('color: rgb(0, 68, 0);');
    expect(b?.hasAttribute(DEFERRED_STYLE_ATTRIBUTE)).to.equal(false);
    expect(text.fragment.querySelector('div')?.getAttribute(DEFERRED_STYLE_ATTRIBUTE)).to.equal(applied.fragment.querySelector('div')?.getAttribute('style'));
    expect([...text.removedAttributes].sort()).to.deep.equal([...applied.removedAttributes].sort());
    expect(text.removedAttributes).to.include('style');
    expect(text.removedAttributes).to.not.include(DEFERRED_STYLE_ATTRIBUTE);
    expect(text.removedElements).to.deep.equal(applied.removedElements);
    expect(text.blockedImages).to.equal(applied.blockedImages);
    expect(text.failed).to.equal(false);
  });

  it('R-MAIL-02: hostile markup leaves no suspect style text and no style in the email document', async () => {
    for (const payload of XSS_PAYLOADS) {
      const html = `${payload}<p style="color: red; background-image: url(javascript:alert(1))">x</p><span style="x: expression(alert(1)); z-index: 9">y</span>`;
      const result = sanitizeEmailHtml(html, { styles: 'text' });
      expect(result.fragment.querySelector('[style], script, iframe, object, embed, form, svg, math'), payload).to.equal(null);
      for (const el of result.fragment.querySelectorAll(`[${DEFERRED_STYLE_ATTRIBUTE}]`)) {
        expect(el.getAttribute(DEFERRED_STYLE_ATTRIBUTE) ?? '', payload).to.not.match(SUSPECT_STYLE);
      }
      const frame = document.createElement('iframe');
      setEmailDocument(frame, result, { title: 't' });
      expect(srcdocOf(frame).querySelector('[style], script'), payload).to.equal(null);
    }
  });

  it('R-MAIL-02: writing the email document leaves the fragment as it was, and a style added to it still travels deferred', () => {
    const result = sanitizeEmailHtml('<p style="color: red">a</p><div>b</div>', { styles: 'text' });
    const before = [...result.fragment.childNodes];
    const first = document.createElement('iframe');
    setEmailDocument(first, result, { title: 't' });
    expect([...result.fragment.childNodes]).to.deep.equal(before);
    result.fragment.querySelector('div')?.setAttribute('style', 'color: blue');
    const second = document.createElement('iframe');
    setEmailDocument(second, result, { title: 't' });
    const doc = srcdocOf(second);
    expect(doc.querySelector('[style]')).to.equal(null);
    expect(doc.querySelector('div')?.getAttribute(DEFERRED_STYLE_ATTRIBUTE)).to.equal('color: blue');
    expect(result.fragment.querySelector('div')?.getAttribute('style')).to.equal('color: blue');
  });

  it('R-MAIL-02: a 200 KB email shows the same document, styles applied, whichever way its styles travel', async () => {
    const email = generateEmail();
    const resolveCid = cidResolver(CID_ATTACHMENTS);
    const text = await shown(sanitizeEmailHtml(email.html, { resolveCid, styles: 'text' }));
    const applied = await shown(sanitizeEmailHtml(email.html, { resolveCid }));
    try {
      const parsed = new DOMParser().parseFromString(email.html, 'text/html').body;
      expect(text.doc.body.querySelectorAll('*').length).to.equal(parsed.querySelectorAll('*').length);
      expect(text.doc.body.querySelectorAll('[style]').length).to.equal(parsed.querySelectorAll('[style]').length);
      expect(text.doc.querySelector(`[${DEFERRED_STYLE_ATTRIBUTE}]`)).to.equal(null);
      expect(text.doc.body.innerHTML).to.equal(applied.doc.body.innerHTML);
    } finally {
      text.frame.remove();
      applied.frame.remove();
    }
  });
});
