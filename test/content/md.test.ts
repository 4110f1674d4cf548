import { expect } from '@open-wc/testing';
import { renderMarkdown } from '../../src/content/markdown.js';
import { markdownToHtml } from '../../src/content/md.js';
import { sanitizeChatHtml } from '../../src/content/sanitize.js';

/** The rendered and sanitized Markdown in a detached div, for inspection. */
function md(text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div;
}

/** Every element name in the rendered HTML, once each. */
function tags(html: string): string[] {
  const div = document.createElement('div');
  div.append(new DOMParser().parseFromString(html, 'text/html').body.cloneNode(true));
  return [...new Set([...div.querySelectorAll('body *')].map((e) => e.localName))].sort();
}

describe('markdownToHtml (the renderer, before the sanitizer)', () => {
  it('R-CHAT-07: escapes every character of the input first: & < > " \' never make markup', () => {
    expect(markdownToHtml(`<b>"x" & 'y'</b>`)).to.equal('<p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p>');
    expect(markdownToHtml('<div>\n<script>alert(1)</script>\n</div>')).to.equal(
      '<p>&lt;div&gt;<br>&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;/div&gt;</p>',
    );
    expect(markdownToHtml('x &copy; y')).to.equal('<p>x &amp;copy; y</p>');
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
    expect(markdownToHtml('**a** __b__ *c* _d_ ~~e~~ ~f~')).to.equal(
      '<p><strong>a</strong> <strong>b</strong> <em>c</em> <em>d</em> <del>e</del> <del>f</del></p>',
    );
    expect(markdownToHtml('***both*** **bold *nested* bold** *a **b** c*')).to.equal(
      '<p><em><strong>both</strong></em> <strong>bold <em>nested</em> bold</strong> <em>a <strong>b</strong> c</em></p>',
    );
    expect(markdownToHtml('**two\nlines**')).to.equal('<p><strong>two<br>lines</strong></p>');
  });

  it('R-CHAT-07: no intraword emphasis with _, unmatched and spaced delimiters stay as typed', () => {
    expect(markdownToHtml('snake_case_name and a_b_ and 2*3*4')).to.equal('<p>snake_case_name and a_b_ and 2<em>3</em>4</p>');
    expect(markdownToHtml('* not a list? no: a * b * c and **open')).to.equal('<ul><li>not a list? no: a * b * c and **open</li></ul>');
    expect(markdownToHtml('x * y * z, ~~~not struck~~~')).to.equal('<p>x * y * z, ~~~not struck~~~</p>');
  });

  it('R-CHAT-07: code spans take precedence over everything inside them', () => {
    expect(markdownToHtml('`**not bold** [no](https://link.com) <b>`')).to.equal(
      '<p><code>**not bold** [no](https://link.com) &lt;b&gt;</code></p>',
    );
    expect(markdownToHtml('`` a ` tick ``, `one\ntwo`, `unclosed *em*')).to.equal(
      '<p><code>a ` tick</code>, <code>one two</code>, `unclosed <em>em</em></p>',
    );
    expect(markdownToHtml('*a `*` b*')).to.equal('<p><em>a <code>*</code> b</em></p>');
  });

  it('R-CHAT-07: fenced and indented code blocks keep their text as typed', () => {
    expect(markdownToHtml('```js\nif (a < b && c) **x**\n\n  indented\n```\nafter')).to.equal(
      '<pre><code>if (a &lt; b &amp;&amp; c) **x**\n\n  indented\n</code></pre><p>after</p>',
    );
    expect(markdownToHtml('~~~\ntilde\n~~~')).to.equal('<pre><code>tilde\n</code></pre>');
    expect(markdownToHtml('```\nnever closed\n- x')).to.equal('<pre><code>never closed\n- x\n</code></pre>');
    expect(markdownToHtml('    four spaces\n    more\n\ntext')).to.equal('<pre><code>four spaces\nmore\n</code></pre><p>text</p>');
  });

  it('R-CHAT-07: inline links, autolinks and bare URLs as GFM does', () => {
    expect(markdownToHtml('[site](https://example.com/a?b=1&c=2)')).to.equal('<p><a href="https://example.com/a?b=1&amp;c=2">site</a></p>');
    expect(markdownToHtml('<https://example.com/x> <me@example.com> <mailto:a@b.c>')).to.equal(
      '<p><a href="https://example.com/x">https://example.com/x</a> <a href="mailto:me@example.com">me@example.com</a> <a href="mailto:a@b.c">mailto:a@b.c</a></p>',
    );
    expect(markdownToHtml('Visit www.example.com/path. Or (https://x.com/a_(b)), "https://q.com"!')).to.equal(
      '<p>Visit <a href="http://www.example.com/path">www.example.com/path</a>. Or (<a href="https://x.com/a_(b)">https://x.com/a_(b)</a>), &quot;<a href="https://q.com">https://q.com</a>&quot;!</p>',
    );
    expect(markdownToHtml('**https://bold.com**')).to.equal('<p><strong><a href="https://bold.com">https://bold.com</a></strong></p>');
    expect(markdownToHtml('[a](https://x.com/(foo)) [b]( https://y.com ) [c](tel:+15550100)')).to.equal(
      '<p><a href="https://x.com/(foo)">a</a> <a href="https://y.com">b</a> <a href="tel:+15550100">c</a></p>',
    );
  });

  it('R-CHAT-07: no link inside a link, and link text may hold emphasis and code', () => {
    expect(markdownToHtml('[https://x.com](https://y.com)')).to.equal('<p><a href="https://y.com">https://x.com</a></p>');
    expect(markdownToHtml('[see https://x.com](https://y.com)')).to.equal('<p><a href="https://y.com">see https://x.com</a></p>');
    // The outer brackets are text once the inner link formed; its URL is then a bare URL.
    expect(markdownToHtml('[a [b](https://in.com) c](https://out.com)')).to.equal(
      '<p>[a <a href="https://in.com">b</a> c](<a href="https://out.com">https://out.com</a>)</p>',
    );
    expect(markdownToHtml('[**bold** `code]`](https://x.com)')).to.equal('<p><a href="https://x.com"><strong>bold</strong> <code>code]</code></a></p>');
  });

  it('R-CHAT-07: only http(s), mailto and tel links: other URLs leave the text unlinked', () => {
    const html = markdownToHtml(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) [d](/relative) [e](vbscript:x) <javascript:alert(1)> ![f](javascript:x) [g](blob:https://x.com/1)',
    );
    expect(html).not.to.contain('href');
    expect(html).to.equal('<p>a b c d e &lt;javascript:alert(1)&gt; f g</p>');
  });

  it('R-CHAT-07: bullet and numbered lists, nested by indentation, with start numbers', () => {
    expect(markdownToHtml('- one\n- two\n  - nested\n    - deeper\n- three')).to.equal(
      '<ul><li>one</li><li>two<ul><li>nested<ul><li>deeper</li></ul></li></ul></li><li>three</li></ul>',
    );
    expect(markdownToHtml('3. three\n4. four\n\n1) a\n2) b')).to.equal('<ol start="3"><li>three</li><li>four</li></ol><ol><li>a</li><li>b</li></ol>');
    expect(markdownToHtml('1. first\n   - sub\n2. second')).to.equal('<ol><li>first<ul><li>sub</li></ul></li><li>second</li></ol>');
    expect(markdownToHtml('Steps:\n- a\n+ b\n* c')).to.equal('<p>Steps:</p><ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul>');
  });

  it('R-CHAT-07: loose lists wrap items in paragraphs; lazy lines continue an item', () => {
    expect(markdownToHtml('- a\n\n- b')).to.equal('<ul><li><p>a</p></li><li><p>b</p></li></ul>');
    expect(markdownToHtml('- a\n\n  more\n- b')).to.equal('<ul><li><p>a</p><p>more</p></li><li><p>b</p></li></ul>');
    expect(markdownToHtml('- a\nlazy\n- b')).to.equal('<ul><li>a<br>lazy</li><li>b</li></ul>');
    expect(markdownToHtml('text\n2. is no list (only 1. interrupts a paragraph)')).to.equal('<p>text<br>2. is no list (only 1. interrupts a paragraph)</p>');
  });

  it('R-CHAT-07: task items become ☐ / ☑ glyphs', () => {
    expect(markdownToHtml('- [ ] todo\n- [x] done\n- [X] also\n1. [x] numbered\n- [y] not a task')).to.equal(
      '<ul><li>☐ todo</li><li>☑ done</li><li>☑ also</li></ul><ol><li>☑ numbered</li></ol><ul><li>[y] not a task</li></ul>',
    );
  });

  it('R-CHAT-07: block quotes, nested and with lazy continuation lines', () => {
    expect(markdownToHtml('> quoted\nlazy\n> > nested\n\nafter')).to.equal(
      '<blockquote><p>quoted<br>lazy</p><blockquote><p>nested</p></blockquote></blockquote><p>after</p>',
    );
    expect(markdownToHtml('text\n> interrupts')).to.equal('<p>text</p><blockquote><p>interrupts</p></blockquote>');
  });

  it('R-CHAT-07: headings (ATX and setext) become bold paragraphs', () => {
    expect(markdownToHtml('# One\n## Two ##\n###### Six\n####### seven')).to.equal(
      '<p><strong>One</strong></p><p><strong>Two</strong></p><p><strong>Six</strong></p><p>####### seven</p>',
    );
    expect(markdownToHtml('Title\n===\nSub\n---\n#hashtag')).to.equal('<p><strong>Title</strong></p><p><strong>Sub</strong></p><p>#hashtag</p>');
  });

  it('R-CHAT-07: images become links to their source, labelled by their description', () => {
    expect(markdownToHtml('![a cat](https://example.com/cat.png) ![](https://example.com/x.png)')).to.equal(
      '<p><a href="https://example.com/cat.png">a cat</a> <a href="https://example.com/x.png">https://example.com/x.png</a></p>',
    );
    expect(markdownToHtml('[![badge](https://i.com/b.svg)](https://l.com)')).to.equal('<p><a href="https://l.com">badge</a></p>');
  });

  it('R-CHAT-07: single newlines are line breaks, blank lines paragraphs, and rules', () => {
    expect(markdownToHtml('one\ntwo  \nthree\\\nfour\n\nnext')).to.equal('<p>one<br>two<br>three<br>four</p><p>next</p>');
    expect(markdownToHtml('a\r\nb\n\n***\n\n- - -\n___')).to.equal('<p>a<br>b</p><hr><hr><hr>');
  });

  it('R-CHAT-07: backslash escapes show the character as typed', () => {
    expect(markdownToHtml('\\*not em\\* \\_no\\_ \\[no](link) \\<b\\> \\\\ \\`x\\` \\# \\a')).to.equal(
      '<p>*not em* _no_ [no](link) &lt;b&gt; \\ `x` # \\a</p>',
    );
    expect(markdownToHtml('\\- not a list\n1\\. not a list either')).to.equal('<p>- not a list<br>1. not a list either</p>');
  });

  it('R-CHAT-07: GFM tables, with alignment and escaped pipes', () => {
    expect(markdownToHtml('| Item | Qty |\n|:--|--:|\n| `a\\|b` | **2** |\n| c |')).to.equal(
      '<table><thead><tr><th align="left">Item</th><th align="right">Qty</th></tr></thead>' +
        '<tbody><tr><td align="left"><code>a|b</code></td><td align="right"><strong>2</strong></td></tr><tr><td align="left">c</td><td align="right"></td></tr></tbody></table>',
    );
    expect(markdownToHtml('intro\na | b\n:-:|-\n1 | 2\n\nafter')).to.equal(
      '<p>intro</p><table><thead><tr><th align="center">a</th><th>b</th></tr></thead><tbody><tr><td align="center">1</td><td>2</td></tr></tbody></table><p>after</p>',
    );
    expect(markdownToHtml('a | b\n--|--|--')).to.equal('<p>a | b<br>--|--|--</p>');
  });
});

describe('renderMarkdown with the renderer (sanitized DOM)', () => {
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
});

describe('markdownToHtml: hostile input (linear time)', () => {
  const SIZE = 100_000;
  const hostile: ReadonlyArray<readonly [string, string]> = [
    ['*', '*'.repeat(SIZE)],
    ['[', '['.repeat(SIZE)],
    ['[](', '[]('.repeat(SIZE / 3)],
    ['*a', '*a'.repeat(SIZE / 2)],
    ['*a**', '*a**'.repeat(SIZE / 4)],
    ['_a', '_a'.repeat(SIZE / 2)],
    ['` ``', '` ``'.repeat(SIZE / 4)],
    ['>', '>'.repeat(SIZE)],
    ['- ', `${'- '.repeat(SIZE / 2)}x`],
    ['<http:', '<http:'.repeat(SIZE / 6)],
    ['(http://', '(http://'.repeat(SIZE / 8)],
    ['www._', 'www._'.repeat(SIZE / 5)],
    ['![', '!['.repeat(SIZE / 2)],
    ['[a](', '[a]('.repeat(SIZE / 4)],
    ['lines', 'a\n'.repeat(SIZE / 2)],
    ['nested lists', Array.from({ length: 300 }, (_, k) => `${' '.repeat(k * 2)}- x`).join('\n')],
    ['mixed', '*_[`~<>!](\\'.repeat(SIZE / 11)],
  ];
  /**
   * Best of three runs after one to warm the JIT up, in ms: other jobs share this machine,
   * and what is tested is the absence of super-linear work (seconds on 100 KB), not a
   * stopwatch.
   */
  function fastest(run: () => void): number {
    run();
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  for (const [name, text] of hostile) {
    it(`R-CHAT-07 / Reliability: 100 KB of ${JSON.stringify(name)} renders in well under 100 ms`, () => {
      expect(markdownToHtml(text).length).to.be.greaterThan(0);
      const ms = fastest(() => markdownToHtml(text));
      expect(ms, `${ms.toFixed(1)} ms`).to.be.below(100);
    });
  }

  it('R-CHAT-07 / Reliability: 100 KB of * and of [ render and sanitize in well under 100 ms', () => {
    // A line of stars alone is a rule; with a letter after it, 100 KB of text.
    expect(md('*'.repeat(SIZE)).querySelector('hr')).to.exist;
    for (const text of [`${'*'.repeat(SIZE)}x`, '['.repeat(SIZE)]) {
      expect(md(text).textContent).to.equal(text);
      const ms = fastest(() => sanitizeChatHtml(markdownToHtml(text)));
      expect(ms, `${ms.toFixed(1)} ms`).to.be.below(100);
    }
  });
});
