import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { markdown, renderMarkdown, sanitizedEmail } from '../../src/content/markdown.js';
import { cidResolver, sanitizeEmailHtml } from '../../src/content/sanitize.js';

/** The Markdown rendered into a detached div, for inspection. */
function md(text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div;
}

describe('renderMarkdown', () => {
  it('R-CHAT-07: renders bold and italic', () => {
    const div = md('Some **bold**, __also bold__, *italic* and _also italic_ text');
    expect([...div.querySelectorAll('strong')].map((e) => e.textContent)).to.deep.equal(['bold', 'also bold']);
    expect([...div.querySelectorAll('em')].map((e) => e.textContent)).to.deep.equal(['italic', 'also italic']);
  });

  it('R-CHAT-07: renders bullet and numbered lists', () => {
    const div = md('Steps:\n\n- one\n- two\n\n1. first\n2. second\n3. third');
    expect(div.querySelectorAll('ul > li')).to.have.length(2);
    expect(div.querySelectorAll('ol > li')).to.have.length(3);
    expect(div.querySelector('ol > li')?.textContent).to.equal('first');
  });

  it('R-CHAT-07: renders links that open in a new tab without opener or referrer', () => {
    const div = md('See [our site](https://example.com/help) or https://example.org');
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/help', 'https://example.org']);
    for (const a of links) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    // R-COMP-04: the link's real host follows its text.
    expect(links[0]?.textContent).to.equal('our site (example.com)');
  });

  it('R-CHAT-07: renders inline code and code blocks', () => {
    const div = md('Run `npm start` then:\n\n```js\nconst a = 1 < 2;\n```');
    expect(div.querySelector('p > code')?.textContent).to.equal('npm start');
    expect(div.querySelector('pre > code')?.textContent).to.equal('const a = 1 < 2;\n');
    expect(div.querySelector('pre > code')?.hasAttribute('class')).to.be.false;
  });

  it('R-CHAT-07: renders strike-through, quotes and single newlines as line breaks', () => {
    const div = md('~~old~~ new\n> quoted\n\nline one\nline two');
    expect(div.querySelector('del')?.textContent).to.equal('old');
    expect(div.querySelector('blockquote')?.textContent?.trim()).to.equal('quoted');
    expect(div.querySelectorAll('br').length).to.be.greaterThan(0);
  });

  it('R-CHAT-07: shows raw HTML as the text the customer typed', () => {
    const div = md('I typed <b>this</b> and <img src=x onerror=alert(1)>\n\n<div>block</div>');
    expect(div.querySelector('b, img, div')).to.equal(null);
    expect(div.textContent).to.contain('<b>this</b>');
    expect(div.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(div.textContent).to.contain('<div>block</div>');
  });

  it('R-CHAT-07: maps headings to bold paragraphs, images to links, task boxes to glyphs', () => {
    const div = md('# Title\n\n![a cat](https://example.com/cat.png)\n\n- [x] done\n- [ ] todo');
    expect(div.querySelector('h1, h2, h3, h4, h5, h6, img, input')).to.equal(null);
    expect(div.querySelector('p > strong')?.textContent).to.equal('Title');
    const link = div.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://example.com/cat.png');
    expect(link?.textContent).to.equal('a cat (example.com)');
    expect(div.querySelector('ul')?.textContent).to.contain('☑ done').and.contain('☐ todo');
  });

  it('R-CHAT-07: drops script links written in Markdown', () => {
    const div = md('[click](javascript:alert(1)) [x](vbscript:msgbox) [y](data:text/html,hi) [rel](/relative)');
    for (const a of div.querySelectorAll('a')) expect(a.hasAttribute('href')).to.be.false;
    expect(div.textContent).to.contain('click');
  });

  it('returns a fresh fragment on every call', () => {
    const a = renderMarkdown('**same**');
    const b = renderMarkdown('**same**');
    expect(a).not.to.equal(b);
    const host = document.createElement('div');
    host.append(a, b);
    expect(host.querySelectorAll('strong')).to.have.length(2);
  });
});

describe('markdown directive', () => {
  it('R-CHAT-07: renders Markdown in a Lit template and keeps the DOM while the text is unchanged', () => {
    const container = document.createElement('div');
    const view = (text: string, n: number) => html`<div class="text">${markdown(text)}</div><span>${n}</span>`;
    render(view('**hi**', 1), container);
    const strong = container.querySelector('.text strong');
    expect(strong?.textContent).to.equal('hi');
    render(view('**hi**', 2), container);
    expect(container.querySelector('.text strong')).to.equal(strong);
    expect(container.querySelector('span')?.textContent).to.equal('2');
    render(view('*bye*', 3), container);
    expect(container.querySelector('.text strong')).to.equal(null);
    expect(container.querySelector('.text em')?.textContent).to.equal('bye');
  });

  it('renders the same text in many places (cached fragments are cloned)', () => {
    const container = document.createElement('div');
    render(html`${['a', 'b', 'c'].map(() => html`<p class="m">${markdown('**same**')}</p>`)}`, container);
    expect(container.querySelectorAll('.m strong')).to.have.length(3);
    const again = document.createElement('div');
    render(html`<p>${markdown('**same**')}</p>`, again);
    expect(again.querySelectorAll('strong')).to.have.length(1);
  });

  it('refuses attribute position', () => {
    const container = document.createElement('div');
    expect(() => render(html`<div title=${markdown('x')}></div>`, container)).to.throw();
  });
});

describe('sanitizedEmail directive', () => {
  it('R-MAIL-02: renders sanitized email HTML and re-sanitizes only when inputs change', () => {
    const container = document.createElement('div');
    const attachments = [{ contentId: '<logo@x>', url: 'blob:https://example.com/abc' }];
    const view = (body: string, allow: boolean) =>
      html`<div class="body">${sanitizedEmail(body, { allowRemoteImages: allow, resolveCid: cidResolver(attachments) })}</div>`;
    const body = '<table><tr><td>Cell</td></tr></table><img src="https://t.example/p.gif"><img src="cid:logo@x"><script>1</script>';
    render(view(body, false), container);
    const table = container.querySelector('.body table');
    expect(table).to.exist;
    expect(container.querySelector('script')).to.equal(null);
    expect(container.querySelector('img[data-cc-blocked-image]')).to.exist;
    expect(container.querySelector('img[src^="blob:"]')).to.exist;
    render(view(body, false), container);
    expect(container.querySelector('.body table')).to.equal(table);
    render(view(body, true), container);
    expect(container.querySelector('img[data-cc-blocked-image]')).to.equal(null);
    expect(container.querySelector('img[src="https://t.example/p.gif"]')).to.exist;
  });

  it('R-MAIL-02: accepts a kept result and clones it, so the result can be rendered again', () => {
    const result = sanitizeEmailHtml('<p>Hello <img src="http://t.example/a.png"></p>');
    expect(result.blockedImages).to.equal(1);
    const one = document.createElement('div');
    const two = document.createElement('div');
    render(html`${sanitizedEmail(result)}`, one);
    render(html`${sanitizedEmail(result)}`, two);
    expect(one.textContent).to.equal('Hello ');
    expect(two.textContent).to.equal('Hello ');
    expect(result.fragment.childNodes.length).to.be.greaterThan(0);
  });
});
