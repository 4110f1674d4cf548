import { expect } from '@open-wc/testing';
import { renderMarkdown } from '../../src/content/markdown.js';
import { MAX_NESTING, markdownToHtml } from '../../src/content/markdown-html.js';
import { MARKDOWN_MAX_LENGTH } from '../../src/content/lazy-markdown.js';
import { sanitizeChatHtml } from '../../src/content/sanitize.js';

/**
 * marked's HTML without the newlines it puts between block tags (layout, not content).
 * Code blocks keep theirs: their `<` and `>` are escaped, so `>\n<` never occurs in them.
 */
function toHtml(markdown: string): string {
  return markdownToHtml(markdown).replace(/>\n+</g, '><').trim();
}

/** The rendered and sanitized Markdown in a detached div, for inspection. */
function md(text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div;
}

/** marked's HTML for `text` through the chat sanitizer, uncached, in a detached div, without the newlines between blocks. */
function sanitized(text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(sanitizeChatHtml(markdownToHtml(text)).fragment);
  for (const node of div.querySelectorAll('*')) {
    for (const child of [...node.childNodes]) if (child.nodeType === Node.TEXT_NODE && child.textContent === '\n') child.remove();
  }
  for (const child of [...div.childNodes]) if (child.nodeType === Node.TEXT_NODE && child.textContent === '\n') child.remove();
  return div;
}

/** Every element name in the rendered HTML, once each. */
function tags(html: string): string[] {
  const div = document.createElement('div');
  div.append(new DOMParser().parseFromString(html, 'text/html').body.cloneNode(true));
  return [...new Set([...div.querySelectorAll('body *')].map((e) => e.localName))].sort();
}

/** How deeply `selector` elements nest in `root`. */
function depth(root: Element, selector: string): number {
  let deepest = 0;
  for (const el of root.querySelectorAll(selector)) {
    let n = 0;
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (e.matches(selector)) n++;
    deepest = Math.max(deepest, n);
  }
  return deepest;
}

describe('markdownToHtml (marked, before the sanitizer)', () => {
  it('R-CHAT-07: raw HTML is text: & < > " \' never make markup', () => {
    expect(toHtml(`<b>"x" & 'y'</b>`)).to.equal('<p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p>');
    expect(toHtml('<div>\n<script>alert(1)</script>\n</div>')).to.equal('<p>&lt;div&gt;<br>&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;/div&gt;</p>');
    expect(toHtml('<a href="javascript:x">y</a> <!-- c --> <?php x ?> <![CDATA[x]]>')).to.equal(
      '<p>&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt; &lt;!-- c --&gt; &lt;?php x ?&gt; &lt;![CDATA[x]]&gt;</p>',
    );
    // Character references are read as GFM says (a character, never a tag): `&lt;b&gt;` shows as `<b>`.
    expect(toHtml('x &copy; y &lt;b&gt;')).to.equal('<p>x &copy; y &lt;b&gt;</p>');
    const div = md('x &copy; y &lt;script&gt;');
    expect(div.textContent).to.equal('x © y <script>');
    expect(div.querySelector('script')).to.equal(null);
  });

  it('R-CHAT-07: produces only the elements of the chat subset', () => {
    const all = [
      '# h', '**b** *i* ~~d~~ `c` [l](https://e.com) <https://e.com> https://e.com', '> q', '- u', '1. o', '---',
      '```\ncode\n```', 'a | b\n--|--\n1 | 2', '![img](https://e.com/i.png)', '- [x] t', '<img src=x><iframe></iframe>',
    ].join('\n\n');
    expect(tags(markdownToHtml(all))).to.deep.equal(
      ['a', 'blockquote', 'code', 'del', 'em', 'hr', 'li', 'ol', 'p', 'pre', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'],
    );
  });

  it('R-CHAT-07: bold, italic and strike-through', () => {
    expect(toHtml('**a** __b__ *c* _d_ ~~e~~ ~f~')).to.equal(
      '<p><strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> <del>e</del> <del>f</del></p>',
    );
    expect(toHtml('***both*** **bold *nested* bold** *a **b** c*')).to.equal(
      '<p><em><strong>both</strong></em> <strong>bold <em>nested</em> bold</strong> <em>a <strong>b</strong> c</em></p>',
    );
    expect(toHtml('**two\nlines**')).to.equal('<p><strong>two<br>lines</strong></p>');
  });

  it('R-CHAT-07: no intraword emphasis with _, unmatched and spaced delimiters stay as typed', () => {
    expect(toHtml('snake_case_name and a_b_ and 2*3*4')).to.equal('<p>snake_case_name and a_b_ and 2<em>3</em>4</p>');
    expect(toHtml('* not a list? no: a * b * c and **open')).to.equal('<ul><li>not a list? no: a * b * c and **open</li></ul>');
    expect(toHtml('x * y * z, ~~~not struck~~~')).to.equal('<p>x * y * z, ~~~not struck~~~</p>');
  });

  it('R-CHAT-07: code spans take precedence over everything inside them', () => {
    expect(toHtml('`**not bold** [no](https://link.com) <b>`')).to.equal('<p><code>**not bold** [no](https://link.com) &lt;b&gt;</code></p>');
    expect(toHtml('`` a ` tick ``, `one\ntwo`, `unclosed *em*')).to.equal('<p><code>a ` tick</code>, <code>one two</code>, `unclosed <em>em</em></p>');
    expect(toHtml('*a `*` b*')).to.equal('<p><em>a <code>*</code> b</em></p>');
  });

  it('R-CHAT-07: fenced and indented code blocks keep their text as typed, without a language class', () => {
    expect(toHtml('```js\nif (a < b && c) **x**\n\n  indented\n```\nafter')).to.equal(
      '<pre><code>if (a &lt; b &amp;&amp; c) **x**\n\n  indented\n</code></pre><p>after</p>',
    );
    expect(toHtml('~~~\ntilde\n~~~')).to.equal('<pre><code>tilde\n</code></pre>');
    expect(toHtml('```\nnever closed\n- x')).to.equal('<pre><code>never closed\n- x\n</code></pre>');
    expect(toHtml('    four spaces\n    more\n\ntext')).to.equal('<pre><code>four spaces\nmore\n</code></pre><p>text</p>');
  });

  it('R-CHAT-07: inline links, autolinks and bare URLs as GFM does', () => {
    expect(toHtml('[site](https://example.com/a?b=1&c=2)')).to.equal('<p><a href="https://example.com/a?b=1&amp;c=2">site</a></p>');
    expect(toHtml('<https://example.com/x> <me@example.com> <mailto:a@b.c>')).to.equal(
      '<p><a href="https://example.com/x">https://example.com/x</a> <a href="mailto:me@example.com">me@example.com</a> <a href="mailto:a@b.c">mailto:a@b.c</a></p>',
    );
    expect(toHtml('Visit www.example.com/path. Or (https://x.com/a_(b)), "https://q.com"!')).to.equal(
      '<p>Visit <a href="http://www.example.com/path">www.example.com/path</a>. Or (<a href="https://x.com/a_(b)">https://x.com/a_(b)</a>), &quot;<a href="https://q.com">https://q.com</a>&quot;!</p>',
    );
    expect(toHtml('**https://bold.com**')).to.equal('<p><strong><a href="https://bold.com">https://bold.com</a></strong></p>');
    expect(toHtml('[a](https://x.com/(foo)) [b]( https://y.com ) [c](tel:+15550100)')).to.equal(
      '<p><a href="https://x.com/(foo)">a</a> <a href="https://y.com">b</a> <a href="tel:+15550100">c</a></p>',
    );
    // Titles and reference links are GFM too; the title is not kept (the chat subset has no tooltips).
    expect(toHtml('[x](https://a.com "title") [r][ref]\n\n[ref]: https://ref.com')).to.equal(
      '<p><a href="https://a.com">x</a> <a href="https://ref.com">r</a></p>',
    );
    // Quotes and angle brackets in a destination are escaped in the attribute.
    expect(toHtml('[l](https://e.com/?a="b"&c=<d>)')).to.equal('<p><a href="https://e.com/?a=&quot;b&quot;&amp;c=&lt;d&gt;">l</a></p>');
  });

  it('R-CHAT-07: no link inside a link, and link text may hold emphasis and code', () => {
    expect(toHtml('[https://x.com](https://y.com)')).to.equal('<p><a href="https://y.com">https://x.com</a></p>');
    expect(toHtml('[see https://x.com](https://y.com)')).to.equal('<p><a href="https://y.com">see https://x.com</a></p>');
    // The outer brackets are text once the inner link formed; its URL is then a bare URL.
    expect(toHtml('[a [b](https://in.com) c](https://out.com)')).to.equal(
      '<p>[a <a href="https://in.com">b</a> c](<a href="https://out.com">https://out.com</a>)</p>',
    );
    expect(toHtml('[**bold** `code]`](https://x.com)')).to.equal('<p><a href="https://x.com"><strong>bold</strong> <code>code]</code></a></p>');
  });

  it('R-CHAT-07: only http(s), mailto and tel links: other URLs leave the text unlinked', () => {
    const html = toHtml(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](/relative) [e](vbscript:x) <javascript:alert(1)> ![f](javascript:x) [g](blob:https://x.com/1)',
    );
    expect(html).not.to.contain('href');
    expect(html).to.equal('<p>a b c d e javascript:alert(1) f g</p>');
    expect(toHtml('[h](java\tscript:x) [i](  javascript:x  ) [j](&#106;avascript:x) [k](https:) ![l](//x.com/i.png)')).not.to.contain('href');
  });

  it('R-CHAT-07: bullet and numbered lists, nested by indentation, with start numbers', () => {
    expect(toHtml('- one\n- two\n  - nested\n    - deeper\n- three')).to.equal(
      '<ul><li>one</li><li>two<ul><li>nested<ul><li>deeper</li></ul></li></ul></li><li>three</li></ul>',
    );
    expect(toHtml('3. three\n4. four\n\n1) a\n2) b')).to.equal('<ol start="3"><li>three</li><li>four</li></ol><ol><li>a</li><li>b</li></ol>');
    expect(toHtml('1. first\n   - sub\n2. second')).to.equal('<ol><li>first<ul><li>sub</li></ul></li><li>second</li></ol>');
    expect(toHtml('Steps:\n- a\n+ b\n* c')).to.equal('<p>Steps:</p><ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul>');
  });

  it('R-CHAT-07: loose lists wrap items in paragraphs; lazy lines continue an item', () => {
    expect(toHtml('- a\n\n- b')).to.equal('<ul><li><p>a</p></li><li><p>b</p></li></ul>');
    expect(toHtml('- a\n\n  more\n- b')).to.equal('<ul><li><p>a</p><p>more</p></li><li><p>b</p></li></ul>');
    expect(toHtml('- a\nlazy\n- b')).to.equal('<ul><li>a<br>lazy</li><li>b</li></ul>');
    expect(toHtml('text\n2. is no list (only 1. interrupts a paragraph)')).to.equal('<p>text<br>2. is no list (only 1. interrupts a paragraph)</p>');
  });

  it('R-CHAT-07: task items become ☐ / ☑ glyphs', () => {
    expect(toHtml('- [ ] todo\n- [x] done\n- [X] also\n1. [x] numbered\n- [y] not a task')).to.equal(
      '<ul><li>☐ todo</li><li>☑ done</li><li>☑ also</li></ul><ol><li>☑ numbered</li></ol><ul><li>[y] not a task</li></ul>',
    );
  });

  it('R-CHAT-07: block quotes, nested and with lazy continuation lines', () => {
    expect(toHtml('> quoted\nlazy\n> > nested\n\nafter')).to.equal(
      '<blockquote><p>quoted<br>lazy</p><blockquote><p>nested</p></blockquote></blockquote><p>after</p>',
    );
    expect(toHtml('text\n> interrupts')).to.equal('<p>text</p><blockquote><p>interrupts</p></blockquote>');
  });

  it('R-CHAT-07: headings (ATX and setext) become bold paragraphs', () => {
    expect(toHtml('# One\n## Two ##\n###### Six\n####### seven')).to.equal(
      '<p><strong>One</strong></p><p><strong>Two</strong></p><p><strong>Six</strong></p><p>####### seven</p>',
    );
    expect(toHtml('Title\n===\nSub\n---\n#hashtag')).to.equal('<p><strong>Title</strong></p><p><strong>Sub</strong></p><p>#hashtag</p>');
  });

  it('R-CHAT-07: images become links to their source, labelled by their description', () => {
    expect(toHtml('![a cat](https://example.com/cat.png) ![](https://example.com/x.png)')).to.equal(
      '<p><a href="https://example.com/cat.png">a cat</a> <a href="https://example.com/x.png">https://example.com/x.png</a></p>',
    );
    // Inside a link an image is its description only: a link in a link would split the outer one.
    expect(toHtml('[![badge](https://i.com/b.svg)](https://l.com)')).to.equal('<p><a href="https://l.com">badge</a></p>');
    expect(toHtml('![a *b* <c> & d](https://x.com/i.png)')).to.equal('<p><a href="https://x.com/i.png">a *b* &lt;c&gt; &amp; d</a></p>');
  });

  it('R-CHAT-07: single newlines are line breaks, blank lines paragraphs, and rules', () => {
    expect(toHtml('one\ntwo  \nthree\\\nfour\n\nnext')).to.equal('<p>one<br>two<br>three<br>four</p><p>next</p>');
    expect(toHtml('a\r\nb\n\n***\n\n- - -\n___')).to.equal('<p>a<br>b</p><hr><hr><hr>');
  });

  it('R-CHAT-07: backslash escapes show the character as typed', () => {
    expect(toHtml('\\*not em\\* \\_no\\_ \\[no](link) \\<b\\> \\\\ \\`x\\` \\# \\a')).to.equal(
      '<p>*not em* _no_ [no](link) &lt;b&gt; \\ `x` # \\a</p>',
    );
    expect(toHtml('\\- not a list\n1\\. not a list either')).to.equal('<p>- not a list<br>1. not a list either</p>');
  });

  it('R-CHAT-07: GFM tables, with alignment and escaped pipes', () => {
    expect(toHtml('| Item | Qty |\n|:--|--:|\n| `a\\|b` | **2** |\n| c |')).to.equal(
      '<table><thead><tr><th align="left">Item</th><th align="right">Qty</th></tr></thead>' +
        '<tbody><tr><td align="left"><code>a|b</code></td><td align="right"><strong>2</strong></td></tr><tr><td align="left">c</td><td align="right"></td></tr></tbody></table>',
    );
    expect(toHtml('intro\na | b\n:-:|-\n1 | 2\n\nafter')).to.equal(
      '<p>intro</p><table><thead><tr><th align="center">a</th><th>b</th></tr></thead><tbody><tr><td align="center">1</td><td>2</td></tr></tbody></table><p>after</p>',
    );
    expect(toHtml('a | b\n--|--|--')).to.equal('<p>a | b<br>--|--|--</p>');
  });
});

describe('renderMarkdown with marked (sanitized DOM)', () => {
  it('R-CHAT-07: every construct survives the chat sanitizer; links open in a new tab', () => {
    const div = md(
      '# Title\n\n**b** _i_ ~~d~~ `c` [l](https://e.com) www.e.com\n\n> q\n\n1. o\n   - [x] t\n\n```\npre\n```\n\n---\n\n| a |\n|---|\n| 1 |',
    );
    for (const selector of ['p > strong', 'em', 'del', 'p > code', 'blockquote > p', 'ol > li > ul > li', 'pre > code', 'hr', 'table th', 'table td']) {
      expect(div.querySelector(selector), selector).to.exist;
    }
    expect(div.querySelector('ol ul li')?.textContent).to.equal('☑ t');
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://e.com', 'http://www.e.com']);
    for (const a of links) expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('R-CHAT-07: an ordered list keeps its start number through the sanitizer', () => {
    expect(md('7. seven\n8. eight').querySelector('ol')?.getAttribute('start')).to.equal('7');
  });

  it('R-CHAT-07: no whitespace-only text between the blocks (marked separates them with newlines)', () => {
    const div = md('para\n\n- a\n- b\n\n> q');
    expect([...div.childNodes].map((n) => n.nodeName)).to.deep.equal(['P', 'UL', 'BLOCKQUOTE']);
  });
});

describe('markdownToHtml: hostile input', () => {
  const SIZE = 100_000;

  /**
   * 100 KB inputs that once made Markdown parsers backtrack or recurse without bound.
   * marked gets through each of them whole; each check is about what it rendered.
   */
  const whole: ReadonlyArray<readonly [string, string, (div: HTMLDivElement, text: string) => void]> = [
    ['[', '['.repeat(SIZE), (div, text) => expect(div.textContent).to.equal(text)],
    ['* then a letter', `${'*'.repeat(SIZE)}x`, (div, text) => expect(div.textContent).to.equal(text)],
    ['_ then a letter', `${'_'.repeat(SIZE)}x`, (div, text) => expect(div.textContent).to.equal(text)],
    ['` between letters', `x${'`'.repeat(SIZE)}x`, (div, text) => expect(div.textContent).to.equal(text)],
    // A line of backticks with an info string opens a fenced code block (never closed: it runs to the end).
    ['` then a letter', `${'`'.repeat(SIZE)}x`, (div) => expect(div.querySelector('pre > code')?.textContent).to.equal('')],
    ['` ``', '` ``'.repeat(SIZE / 4), (div) => expect(div.querySelectorAll('code').length).to.be.greaterThan(0)],
    ['![', '!['.repeat(SIZE / 2), (div, text) => expect(div.textContent).to.equal(text)],
    ['[](', '[]('.repeat(SIZE / 3), (div, text) => {
      expect(div.querySelector('a')).to.equal(null);
      expect(div.textContent).to.equal(text);
    }],
    ['[a](', '[a]('.repeat(SIZE / 4), (div) => expect(div.querySelector('a')).to.equal(null)],
    ['<http:', '<http:'.repeat(SIZE / 6), (div, text) => {
      expect(div.querySelector('a')).to.equal(null);
      expect(div.textContent).to.equal(text);
    }],
    ['lines', 'a\n'.repeat(SIZE / 2), (div) => expect(div.querySelectorAll('br')).to.have.length(SIZE / 2 - 1)],
    ['mixed', '*_[`~<>!](\\'.repeat(SIZE / 11), (div) => expect(div.textContent?.length).to.be.greaterThan(SIZE / 2)],
    // marked recurses once per quote or list level: past MAX_NESTING the rest is paragraph text.
    ['>', '>'.repeat(SIZE), (div) => {
      expect(depth(div, 'blockquote')).to.equal(MAX_NESTING);
      expect(div.textContent?.replace(/\s/g, '')).to.equal('>'.repeat(SIZE - MAX_NESTING));
    }],
    ['> and a space', `${'> '.repeat(SIZE / 2)}x`, (div) => expect(depth(div, 'blockquote')).to.equal(MAX_NESTING)],
    ['- and a space', `${'- '.repeat(SIZE / 2)}x`, (div) => expect(depth(div, 'ul')).to.equal(MAX_NESTING)],
    ['nested lists', Array.from({ length: 300 }, (_, k) => `${' '.repeat(k * 2)}- x`).join('\n'), (div) => {
      expect(depth(div, 'ul')).to.equal(MAX_NESTING);
      expect(div.textContent?.match(/x/g)).to.have.length(300);
    }],
  ];

  for (const [name, text, check] of whole) {
    it(`R-CHAT-07 / Reliability: 100 KB of ${JSON.stringify(name)} is rendered and sanitized`, () => {
      check(sanitized(text), text);
    });
  }

  it('R-CHAT-07 / Reliability: 100 KB of * alone is a rule, through the cached path too', () => {
    expect(md('*'.repeat(SIZE)).querySelector('hr')).to.exist;
  });

  /**
   * Inputs on which marked's emphasis and text scans grow with the square of the length.
   * A chat pane formats at most MARKDOWN_MAX_LENGTH characters (longer text is plain text:
   * lazy-markdown.test.ts); at that length marked renders them, their text intact.
   */
  const quadratic = ['._a', '.*a', 'www._', 'www.*', '_a', 'a_', '*a', '**a', '*a**', '*_[`~<>!](\\'];
  const letters = (s: string | null | undefined): string => (s ?? '').replace(/[*_~`\\]/g, '');

  for (const unit of quadratic) {
    it(`R-CHAT-07 / Reliability: ${JSON.stringify(unit)} repeated to the chat formatting limit renders with its text intact`, () => {
      const text = unit.repeat(Math.ceil(MARKDOWN_MAX_LENGTH / unit.length)).slice(0, MARKDOWN_MAX_LENGTH);
      expect(text.length).to.equal(MARKDOWN_MAX_LENGTH);
      expect(letters(sanitized(text).textContent)).to.equal(letters(text));
    });
  }

  it('R-CHAT-07 / Reliability: a long run of spaces inside a line renders (at the chat formatting limit)', () => {
    const text = `a${' '.repeat(MARKDOWN_MAX_LENGTH - 2)}b`;
    expect(sanitized(text).textContent).to.equal(text);
  });
});
