import { expect, waitUntil } from '@open-wc/testing';
import { renderMarkdown } from '../../src/content/markdown.js';
import { DEFERRED_STYLE_ATTRIBUTE, preparse } from '../../src/content/preparse.js';
import { applyDeferredStyles, setEmailDocument } from '../../src/content/email-document.js';
import {
  BLOCKED_IMAGE_ATTRIBUTE,
  cidResolver,
  cleanInlineStyle,
  sanitizeChatHtml,
  sanitizeEmailHtml,
  type EmailSanitizeResult,
} from '../../src/content/sanitize.js';
import { markDecorativeImages } from '../../src/components/cc-email-widget/email-html.js';
import { XSS_PAYLOADS as PAYLOADS } from '../fixtures/xss-payloads.js';
import { CID_ATTACHMENTS, generateEmail } from './fixtures/large-email.js';

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, object, embed, form, input, button, textarea, select, svg, math, style, link, meta, base, template, video, audio, source';
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];
const SCRIPT_URL = /^(?:javascript|vbscript):|^data:(?!image\/(?:png|gif|jpe?g|webp))/i;

/** Every reason `root` could run script or load a script URL; empty when clean. */
function hazards(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      // eslint-disable-next-line no-control-regex -- what the URL parser ignores
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (attr.name.toLowerCase().startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
      if (URL_ATTRIBUTES.includes(attr.name.toLowerCase()) && SCRIPT_URL.test(value)) found.push(`${el.localName}[${attr.name}=${attr.value}]`);
      if (attr.name === 'style' && /url\(|expression|behavior|binding/i.test(attr.value)) found.push(`${el.localName}[style=${attr.value}]`);
    }
  }
  return found;
}

const RENDERERS: ReadonlyArray<readonly [string, (payload: string) => DocumentFragment]> = [
  ['markdown', (p) => renderMarkdown(p)],
  ['chat profile', (p) => sanitizeChatHtml(p).fragment],
  ['email profile', (p) => sanitizeEmailHtml(p).fragment],
  ['email profile, remote images allowed', (p) => sanitizeEmailHtml(p, { allowRemoteImages: true, resolveCid: () => 'javascript:window.ccXss()' }).fragment],
];

describe('sanitizer: XSS payloads', () => {
  let executed = 0;
  let stage: HTMLDivElement;
  beforeEach(() => {
    executed = 0;
    window.ccXss = () => {
      executed++;
    };
    stage = document.createElement('div');
    document.body.append(stage);
  });
  afterEach(() => {
    stage.remove();
    delete window.ccXss;
  });

  for (const [name, renderPayload] of RENDERERS) {
    it(`R-CHAT-07 / R-MAIL-02: ${name} leaves nothing executable and nothing executes`, async () => {
      const problems: string[] = [];
      for (const payload of PAYLOADS) {
        const fragment = renderPayload(payload);
        const detached = document.createElement('div');
        detached.append(fragment.cloneNode(true));
        for (const h of hazards(detached)) problems.push(`${payload} → ${h}`);
        const attached = document.createElement('div');
        attached.append(fragment);
        stage.append(attached);
        // Focus and toggle events need a chance to fire.
        for (const el of attached.querySelectorAll<HTMLElement>('*')) el.focus();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(problems).to.deep.equal([]);
      expect(executed, 'payloads executed').to.equal(0);
    });
  }

  it('control: the inspection finds every HTML payload hazardous before sanitizing', () => {
    const htmlPayloads = PAYLOADS.filter((p) => p.startsWith('<') && !p.startsWith('<javascript:'));
    const missed = htmlPayloads.filter((p) => hazards(new DOMParser().parseFromString(p, 'text/html')).length === 0);
    // These three attack other parsers (filters, scripting-enabled <noscript>); parsed here they are inert.
    expect(missed).to.have.members([
      '<img src="x` `<script>window.ccXss()</script>"` `>',
      '<scr<script>ipt>window.ccXss()</script>',
      '<noscript><p title="</noscript><img src=x onerror=window.ccXss()>">',
    ]);
  });

  it('control: the payload hook does run when markup is not sanitized', async () => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.ccXss()');
    img.setAttribute('src', 'data:,not-an-image');
    stage.append(img);
    await new Promise((r) => setTimeout(r, 100));
    expect(executed).to.equal(1);
  });
});

describe('sanitizer: chat profile', () => {
  it('R-CHAT-07: keeps the formatting elements and drops everything else', () => {
    const { fragment, removedElements } = sanitizeChatHtml(
      '<p><strong>b</strong><em>i</em><u>u</u><s>s</s><code>c</code></p><ul><li>x</li></ul><img src="https://x/y.png"><h2>h</h2><span style="color:red">t</span>',
    );
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.querySelectorAll('strong, em, u, s, code, ul, li')).to.have.length(7);
    expect(div.querySelector('img, h2, span, [style]')).to.equal(null);
    expect(div.textContent).to.contain('h').and.contain('t');
    expect(removedElements).to.include.members(['img', 'h2', 'span']);
  });
});

describe('sanitizer: email profile', () => {
  function email(htmlText: string, options: Parameters<typeof sanitizeEmailHtml>[1] = {}) {
    const result = sanitizeEmailHtml(htmlText, options);
    const div = document.createElement('div');
    div.append(result.fragment);
    return { ...result, div };
  }

  it('R-MAIL-02: keeps tables with their layout attributes', () => {
    const { div } = email(
      '<table border="1" cellpadding="4" cellspacing="0" width="100%" bgcolor="#eeeeee"><thead><tr><th colspan="2" align="left">Order</th></tr></thead>' +
        '<tbody><tr><td valign="top">Item</td><td rowspan="1" style="color: rgb(255, 0, 0); padding: 4px;">2</td></tr></tbody></table>',
    );
    const table = div.querySelector('table');
    expect(table?.getAttribute('cellpadding')).to.equal('4');
    expect(table?.getAttribute('bgcolor')).to.equal('#eeeeee');
    expect(div.querySelector('th')?.getAttribute('colspan')).to.equal('2');
    expect(div.querySelectorAll('tbody td')).to.have.length(2);
    const styled = div.querySelector<HTMLElement>('td[style]');
    expect(styled?.style.color).to.equal('rgb(255, 0, 0)');
    expect(styled?.style.padding).to.equal('4px');
  });

  it('R-MAIL-02: blocks and counts remote images unless allowed', () => {
    const body = '<p>Hi</p><img src="https://tracker.example/open.gif?u=1" alt="logo" width="10"><img src="http://cdn.example/b.png"><img src="data:image/png;base64,iVBORw0KGgo=">';
    const blocked = email(body);
    expect(blocked.blockedImages).to.equal(2);
    const placeholders = blocked.div.querySelectorAll(`img[${BLOCKED_IMAGE_ATTRIBUTE}]`);
    expect(placeholders).to.have.length(2);
    for (const img of placeholders) expect(img.hasAttribute('src')).to.be.false;
    expect(placeholders[0]?.getAttribute('alt')).to.equal('logo');
    expect(placeholders[0]?.getAttribute('width')).to.equal('10');
    expect(blocked.div.querySelector('img[src^="data:image/png"]'), 'inline data images are not remote').to.exist;

    const allowed = email(body, { allowRemoteImages: true });
    expect(allowed.blockedImages).to.equal(0);
    const remote = allowed.div.querySelector('img[src^="https://tracker.example/"]');
    expect(remote?.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it('R-MAIL-02: a blocked image is never requested', async () => {
    const probe = `${location.origin}/cc-blocked-probe-${Math.random().toString(36).slice(2)}.png`;
    const stage = document.createElement('div');
    document.body.append(stage);
    try {
      stage.append(sanitizeEmailHtml(`<img src="${probe}?blocked">`).fragment);
      stage.append(sanitizeEmailHtml(`<img src="${probe}?allowed">`, { allowRemoteImages: true }).fragment);
      const requested = (suffix: string) => performance.getEntriesByType('resource').some((e) => e.name === `${probe}?${suffix}`);
      await waitUntil(() => requested('allowed'), 'control: an allowed image is requested', { timeout: 3000 });
      expect(requested('blocked')).to.be.false;
    } finally {
      stage.remove();
    }
  });

  it('R-MAIL-02: resolves cid: images through the attachments and reports the rest', () => {
    const attachments = [
      { contentId: '<Logo@Mail.Example>', url: 'blob:https://app.example/1234' },
      { contentId: 'evil@x', url: 'javascript:alert(1)' },
    ];
    const { div, unresolvedCids, blockedImages } = email(
      '<img src="cid:logo@mail.example" alt="logo"><img src="cid:missing@x" alt="gone"><img src="cid:evil@x" alt="evil">',
      { resolveCid: cidResolver(attachments) },
    );
    expect(div.querySelector('img[alt="logo"]')?.getAttribute('src')).to.equal('blob:https://app.example/1234');
    expect(div.querySelector('img[alt="gone"]')?.hasAttribute('src')).to.be.false;
    expect(div.querySelector('img[alt="evil"]')?.hasAttribute('src')).to.be.false;
    expect(unresolvedCids).to.deep.equal(['missing@x', 'evil@x']);
    expect(blockedImages).to.equal(0);
    expect(cidResolver(attachments)).to.equal(cidResolver(attachments));
  });

  it('R-MAIL-02: links open in a new tab without opener or referrer; only absolute safe links keep their href', () => {
    const { div } = email(
      '<a href="https://shop.example/order/1" target="_self" rel="opener">order</a> <a href="mailto:help@shop.example">mail</a>' +
        ' <a href="#top">top</a> <a href="/relative">rel</a> <a href="javascript:alert(1)">js</a>',
    );
    const [order, mail, top, relative, js] = [...div.querySelectorAll('a')];
    for (const a of [order, mail]) {
      expect(a?.getAttribute('target')).to.equal('_blank');
      expect(a?.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    for (const a of [top, relative, js]) {
      expect(a?.hasAttribute('href')).to.be.false;
      expect(a?.hasAttribute('target')).to.be.false;
    }
  });

  it('R-MAIL-02: removes Outlook conditional comments, keeping what other clients show', () => {
    const { div } = email(
      '<!--[if mso]><table><tr><td>OUTLOOK ONLY</td></tr></table><![endif]-->' +
        '<!--[if !mso]><!--><p>for everyone</p><!--<![endif]--><!-- a note --><p>end</p>',
    );
    expect(div.textContent).not.to.contain('OUTLOOK ONLY');
    expect(div.textContent).to.contain('for everyone');
    const comments = document.createTreeWalker(div, NodeFilter.SHOW_COMMENT);
    expect(comments.nextNode()).to.equal(null);
  });

  it('R-MAIL-02: drops head, style, link, meta, base and form elements of a full document', () => {
    const { div, removedElements } = email(
      '<html><head><title>Secret title</title><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
        '<style>p { display: none }</style><link rel="stylesheet" href="https://evil.example/x.css"></head>' +
        '<body bgcolor="red"><style>.x{}</style><p>Dear customer</p><form action="https://evil.example"><input name="pw"><select><option>Pick</option></select>Form text</form></body></html>',
    );
    expect(div.querySelector('title, meta, base, style, link, form, input, select, option')).to.equal(null);
    expect(div.textContent).to.equal('Dear customerForm text');
    expect(removedElements).to.include.members(['style', 'form', 'input']);
  });

  it('R-MAIL-02: cleans inline styles of resource loads, code and escapes from the box', () => {
    const { div } = email(
      '<p style="color: blue; position: fixed; top: 0; background: #fff url(https://t.example/bg.png); behavior: url(x.htc); -moz-binding: url(x.xml#b); z-index: 9999">a</p>' +
        '<p style="background-image: u\\72l(https://t.example/e.png); font-weight: bold">b</p>' +
        '<p style="width: expression(alert(1))">c</p><p style="position: relative; margin: 0 auto">d</p>',
    );
    const [a, b, c, d] = [...div.querySelectorAll('p')];
    expect(a?.style.color).to.equal('blue');
    expect(a?.style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(a?.style.position).to.equal('');
    expect(a?.style.zIndex).to.equal('');
    expect(a?.getAttribute('style')).not.to.match(/url|behavior|binding|fixed/i);
    expect(b?.getAttribute('style')).to.equal('font-weight: bold;');
    expect(c?.hasAttribute('style')).to.be.false;
    expect(d?.style.position).to.equal('relative');
    expect(d?.style.marginLeft).to.equal('auto');
  });

  it('cleanInlineStyle keeps harmless declarations', () => {
    expect(cleanInlineStyle('color: red; font-size: 14px')).to.equal('color: red; font-size: 14px;');
    expect(cleanInlineStyle('list-style: square url(https://t.example/b.png) inside')).not.to.contain('url');
    expect(cleanInlineStyle('cursor: url(https://t.example/c.cur), auto; --cc-color-text: red')).to.equal('');
  });
});

describe('sanitizer: DOM clobbering', () => {
  const NAMES = [
    'nodeName', 'nodeType', 'attributes', 'parentNode', 'childNodes', 'firstChild', 'removeChild', 'removeAttributeNode',
    'setAttribute', 'getAttribute', 'innerHTML', 'textContent', 'namespaceURI', 'insertBefore', 'hasChildNodes', 'elements',
  ];
  const CASES: readonly (readonly [html: string, text: string])[] = [
    ['<form onsubmit=alert(1)><input onfocus=alert(2) name=nodeName>123</form>', '123'],
    ...NAMES.map((n) => [`<form><input name=${n}>named ${n}</form>`, `named ${n}`] as const),
    ...NAMES.map((n) => [`<form><input id=${n}>id ${n}</form>`, `id ${n}`] as const),
    ...NAMES.map((n) => [`<form id=f>outside ${n}</form><input form=f name=${n}>`, `outside ${n}`] as const),
    ['<form><img name=nodeName><img id=attributes>images</form>', 'images'],
    ['<img name=body><p>image named body</p>', 'image named body'],
    ['<form><input name=innerHTML>inner</form>', 'inner'],
    ['<form><input name=nodeName><input name=nodeName>twice</form>', 'twice'],
    ['<form><object name=nodeType></object><button name=attributes>b</button>controls</form>', 'controls'],
  ];

  for (const [profile, sanitize] of [
    ['email', (h: string) => sanitizeEmailHtml(h)],
    ['chat', (h: string) => sanitizeChatHtml(h)],
  ] as const) {
    it(`R-MAIL-02, R-CHAT-07: the ${profile} profile never throws on clobbering markup, keeps its text and drops the form`, () => {
      for (const [html, text] of CASES) {
        const result = sanitize(html);
        expect(result.failed, html).to.equal(false);
        const div = document.createElement('div');
        div.append(result.fragment);
        expect(div.textContent, html).to.contain(text);
        expect(div.querySelector('form, input, img[name], [id], [name]'), html).to.equal(null);
        expect(hazards(div), html).to.deep.equal([]);
        if (html.includes('<form')) expect(result.removedElements, html).to.include('form');
      }
    });
  }

  it('R-MAIL-02: the report names what clobbering markup lost', () => {
    const { removedElements, removedAttributes } = sanitizeEmailHtml('<form onsubmit=alert(1)><input onfocus=alert(2) name=nodeName>123</form>');
    expect(removedElements).to.include.members(['form', 'input']);
    expect(removedAttributes).to.include.members(['onsubmit', 'onfocus']);
  });
});

describe('sanitizer: event handlers and styles leave the markup before it is parsed', () => {
  const pass = (html: string): { out: string; removed: string[] } => {
    const removed = new Set<string>();
    const out = preparse(html, removed);
    return { out, removed: [...removed] };
  };

  it('drops on* attributes however they are written, and renames style', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['<img src=x onerror=alert(1)>', '<img src=x  >'],
      ['<img src="a"onerror="b"alt="c">', '<img src="a" alt="c">'],
      ['<IMG SRC=x ONERROR="alert(1)">', '<IMG SRC=x  >'],
      ['<img/src=x/onerror=alert(1)>', '<img/src=x/onerror=alert(1)>'],
      ['<img/onerror=alert(1)/src=x>', '<img/ >'],
      ["<svg><a onclick='x' href=y>t</a></svg>", '<svg><a   href=y>t</a></svg>'],
      ['<p onclick\n=\n"x">t</p>', '<p  >t</p>'],
      ['<p title=">" onclick=x>t</p>', '<p title=">"  >t</p>'],
      ['<p style="color: red" onmouseover>t</p>', `<p ${DEFERRED_STYLE_ATTRIBUTE}="color: red"  >t</p>`],
      ['<b onclick=x', '<b  '],
    ];
    for (const [input, output] of cases) expect(pass(input).out, input).to.equal(output);
    expect(pass('<img src=x onerror=a onload=b>').removed).to.deep.equal(['onerror', 'onload']);
  });

  it('leaves text, comments and raw text as the browser reads them', () => {
    for (const text of [
      'add-on=yes and onclick="x" in text',
      '<!-- <img onerror=x> -->after',
      '<!--> <p>still text: onclick=1</p>',
      '<textarea><b>  </b></textarea>',
      '1 < 2 and 3 > 2',
      '<p>A&amp;B</p>',
    ]) {
      const { out } = pass(text);
      if (!text.includes('<p>still')) expect(out, text).to.equal(text);
    }
  });

  it('reads raw text both ways: as text in HTML, as markup inside SVG and MathML', () => {
    // In HTML, the <style> ends at </style> and the image is markup; inside SVG, <style> content is markup too.
    expect(pass('<style><!--</style><img src=x onerror=a>-->').out).to.equal('<style><!--</style><img src=x  >-->');
    expect(pass('<svg><style><img src=x onerror=a></style></svg>').out).to.equal('<svg><style><img src=x  ></style></svg>');
    expect(pass('<math><mtext><title><img src onerror=a></title>').out).to.equal('<math><mtext><title><img src  ></title>');
    expect(pass('<svg><![CDATA[x>]]><img onerror=a>').out).to.equal('<svg><![CDATA[x>]]><img  >');
  });

  it('R-MAIL-02: a styled email keeps its cleaned inline styles', () => {
    const { fragment, removedAttributes } = sanitizeEmailHtml('<p style="color: rgb(0, 68, 0); position: fixed">a</p><p style="behavior: url(x)">b</p>');
    const [a, b] = [...fragment.querySelectorAll('p')];
    expect(a?.getAttribute('style')).to.equal('color: rgb(0, 68, 0);');
    expect(b?.hasAttribute('style')).to.equal(false);
    expect(fragment.querySelector(`[${DEFERRED_STYLE_ATTRIBUTE}]`)).to.equal(null);
    expect(removedAttributes).to.include('style');
    expect(removedAttributes).to.not.include(DEFERRED_STYLE_ATTRIBUTE);
  });
});

describe('sanitizer: email documents', () => {
  const frame = (): HTMLIFrameElement => document.createElement('iframe');
  const parsed = (f: HTMLIFrameElement): Document => new DOMParser().parseFromString(f.getAttribute('srcdoc') ?? '', 'text/html');

  it('R-MAIL-02: the srcdoc has its own CSP, no referrer, links to a new tab, an escaped title and the sanitized body', () => {
    const f = frame();
    const result = sanitizeEmailHtml('<p style="color: red">Hi <a href="https://shop.example/">shop</a></p><img src="https://t.example/x.png"><script>x()</script>');
    setEmailDocument(f, result, { title: 'Email from a@b: </title><script>alert(1)</script>', lang: 'en' });
    const doc = parsed(f);
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(policy).to.equal("default-src 'none'; img-src data: blob:; style-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'");
    expect(doc.querySelector('meta[name="referrer"]')?.getAttribute('content')).to.equal('no-referrer');
    expect(doc.querySelector('base')?.getAttribute('target')).to.equal('_blank');
    expect(doc.title).to.equal('Email from a@b: </title><script>alert(1)</script>');
    expect(doc.querySelector('script')).to.equal(null);
    expect(doc.documentElement.lang).to.equal('en');
    // Inline styles travel deferred, so parsing the document trips no style-src-attr check.
    expect(doc.querySelector('[style]')).to.equal(null);
    expect(doc.querySelector('p')?.getAttribute(DEFERRED_STYLE_ATTRIBUTE)).to.equal('color: red;');
    applyDeferredStyles(doc);
    expect(doc.querySelector('p')?.getAttribute('style')).to.equal('color: red;');
    expect(doc.querySelector(`[${DEFERRED_STYLE_ATTRIBUTE}]`)).to.equal(null);
    expect(doc.querySelector('a')?.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('R-MAIL-02: remote images only once allowed; inline images by their attachment origin', () => {
    const attachments = [{ contentId: 'logo@x', url: 'https://files.acme.example/att/1;script-src *' }];
    const blocked = frame();
    setEmailDocument(blocked, sanitizeEmailHtml('<img src="cid:logo@x"><img src="https://t.example/x.png">', { resolveCid: cidResolver(attachments) }), { title: 't' });
    const blockedPolicy = parsed(blocked).querySelector('meta[http-equiv]')?.getAttribute('content') ?? '';
    expect(blockedPolicy).to.contain('img-src data: blob: https://files.acme.example;');
    const allowed = frame();
    setEmailDocument(allowed, sanitizeEmailHtml('<img src="https://t.example/x.png">', { allowRemoteImages: true }), { title: 't', allowRemoteImages: true });
    expect(parsed(allowed).querySelector('meta[http-equiv]')?.getAttribute('content')).to.contain('img-src data: blob: https: http:;');
  });

  it('R-MAIL-02: only what the sanitizer produced becomes a document', () => {
    const fragment = document.createDocumentFragment();
    const script = document.createElement('script');
    script.textContent = 'window.ccXss()';
    fragment.append(script);
    const forged: EmailSanitizeResult = { fragment, failed: false, removedElements: [], removedAttributes: [], blockedImages: 0, unresolvedCids: [] };
    const f = frame();
    expect(() => setEmailDocument(f, forged, { title: 't' })).to.throw(TypeError);
    expect(() => setEmailDocument(f, { ...sanitizeEmailHtml('<p>x</p>'), fragment }, { title: 't' })).to.throw(TypeError);
    expect(f.hasAttribute('srcdoc')).to.equal(false);
  });
});

describe('sanitizer: a 200 KB email', () => {
  const email = generateEmail();
  const resolveCid = cidResolver(CID_ATTACHMENTS);
  /** What the email holds, as the browser parses it (inert, never shown). */
  const parsed = new DOMParser().parseFromString(email.html, 'text/html').body;

  it('R-MAIL-02: renders completely and safely into a shadow root, as the pane prepares it', () => {
    expect(email.html.length).to.be.at.least(200_000);
    const result = markDecorativeImages(sanitizeEmailHtml(email.html, { resolveCid }));
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.append(result.fragment);
    try {
      expect(result.failed).to.equal(false);
      expect(hazards(root)).to.deep.equal([]);
      // Everything the body holds is kept: every element (all of them allowed), all its text.
      expect(root.querySelectorAll('*').length).to.equal(parsed.querySelectorAll('*').length);
      expect(root.querySelectorAll('table').length).to.equal(parsed.querySelectorAll('table').length);
      expect(root.textContent).to.equal(parsed.textContent);
      // Inline styles are all kept, cleaned; none is left in transit.
      expect(root.querySelectorAll('[style]').length).to.equal(parsed.querySelectorAll('[style]').length);
      expect(root.querySelector(`[${DEFERRED_STYLE_ATTRIBUTE}]`)).to.equal(null);
      // Remote images are blocked and counted; cid: images point at their attachment; every image has alt text or is decorative.
      const images = [...root.querySelectorAll('img')];
      expect(images.length).to.equal(email.remoteImages + email.cidImages);
      expect(result.blockedImages).to.equal(email.remoteImages);
      expect(root.querySelectorAll(`img[${BLOCKED_IMAGE_ATTRIBUTE}]:not([src])`).length).to.equal(email.remoteImages);
      expect(images.filter((img) => /^https?:/i.test(img.getAttribute('src') ?? '')).map((img) => img.getAttribute('src'))).to.deep.equal([
        'https://files.example/att/logo.png',
        'https://files.example/att/sig.png',
      ]);
      expect(images.filter((img) => img.hasAttribute('src')).every((img) => img.getAttribute('referrerpolicy') === 'no-referrer')).to.equal(true);
      expect(result.unresolvedCids).to.deep.equal(['missing@shop.example']);
      expect(images.every((img) => img.hasAttribute('alt'))).to.equal(true);
      // Links are all kept, absolute https, opening in a new tab without opener or referrer.
      const links = [...root.querySelectorAll('a')];
      expect(links.length).to.equal(email.links);
      for (const a of links) {
        expect(a.getAttribute('href'), a.outerHTML).to.match(/^https:\/\/click\.shop\.example\//);
        expect(a.getAttribute('target')).to.equal('_blank');
        expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      }
    } finally {
      host.remove();
    }
  });

  it('R-MAIL-02: its email document holds the whole body, with its styles applied', async () => {
    const result = sanitizeEmailHtml(email.html, { resolveCid });
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    document.body.append(frame);
    // Listened for once the frame is in: its first, empty document loads on insertion.
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    try {
      setEmailDocument(frame, result, { title: 'Summer sale' });
      await loaded;
      const doc = frame.contentDocument;
      if (!doc) throw new Error('no email document');
      applyDeferredStyles(doc);
      expect(doc.body.querySelectorAll('*').length).to.equal(parsed.querySelectorAll('*').length);
      expect(doc.body.querySelectorAll('img').length).to.equal(email.remoteImages + email.cidImages);
      expect(doc.body.querySelectorAll('img[src^="http"]').length).to.equal(2);
      expect(doc.body.querySelectorAll('[style]').length).to.equal(parsed.querySelectorAll('[style]').length);
      expect(hazards(doc.body)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
