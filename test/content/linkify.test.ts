import { expect } from '@open-wc/testing';
import { findLinks, linkDestination, reportLink, shownHost } from '../../src/content/linkify.js';
import { renderMarkdown } from '../../src/content/markdown.js';

const shown = (text: string): string[] => findLinks(text).map((l) => text.slice(l.start, l.end));

describe('linkify', () => {
  it('R-COMP-04: finds http, https, www, mailto and tel links and nothing else', () => {
    const text = 'See https://example.com/a?b=1, http://x.example or www.example.org; mail mailto:help@example.com, call tel:+15550100.';
    expect(shown(text)).to.deep.equal([
      'https://example.com/a?b=1',
      'http://x.example',
      'www.example.org',
      'mailto:help@example.com',
      'tel:+15550100',
    ]);
    expect(findLinks(text)[2]?.href).to.equal('https://www.example.org/');
    expect(findLinks('plain words, no links at all')).to.deep.equal([]);
  });

  it('R-COMP-04: refuses javascript:, data:, vbscript:, file: and hostless URLs', () => {
    for (const text of [
      'javascript:alert(1)',
      'click javascript://example.com/%0aalert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'http://localhost',
      'https://',
    ]) {
      expect(findLinks(text), text).to.deep.equal([]);
    }
  });

  it('R-COMP-04: does not link inside words nor swallow trailing punctuation or an unmatched bracket', () => {
    expect(shown('foohttps://example.com')).to.deep.equal([]);
    expect(shown('abcwww.example.com')).to.deep.equal([]);
    expect(shown('me@www.example.com')).to.deep.equal([]);
    expect(shown('Go to https://example.com.')).to.deep.equal(['https://example.com']);
    expect(shown('(see https://example.com/x)')).to.deep.equal(['https://example.com/x']);
    expect(shown('https://en.wikipedia.org/wiki/Foo_(bar)!')).to.deep.equal(['https://en.wikipedia.org/wiki/Foo_(bar)']);
    expect(shown('"https://example.com/q"')).to.deep.equal(['https://example.com/q']);
    expect(shown('请看https://example.com/帮助。谢谢')).to.deep.equal([]);
    expect(shown('请看 https://example.com/帮助。谢谢')).to.deep.equal(['https://example.com/帮助']);
  });

  it('R-COMP-04: shows an IDN host as punycode, the host the browser contacts', () => {
    // Cyrillic "а" in place of Latin "a".
    const [link] = findLinks('https://\u0430pple.com/login');
    expect(link).to.exist;
    expect(linkDestination(link?.href ?? '')).to.equal('xn--pple-43d.com');
    const report = reportLink('https://\u0430pple.com/login', link?.href ?? '');
    expect(report.destination).to.equal('xn--pple-43d.com');
    expect(reportLink('https://example.com/x', 'https://example.com/x').destination).to.equal(undefined);
  });

  it('R-COMP-04: flags link text that names another host than the target', () => {
    expect(reportLink('paypal.com', 'https://evil.example/').mismatch).to.deep.equal({ shown: 'paypal.com', actual: 'evil.example' });
    expect(reportLink('https://www.paypal.com/login', 'https://paypal.com.evil.example/').mismatch?.actual).to.equal('paypal.com.evil.example');
    expect(reportLink('www.example.com', 'https://example.com/').mismatch).to.equal(undefined);
    expect(reportLink('our help page', 'https://help.example.com/').mismatch).to.equal(undefined);
    expect(reportLink('our help page', 'https://help.example.com/').destination).to.equal('help.example.com');
    expect(reportLink('Write to us', 'mailto:help@example.com').destination).to.equal('help@example.com');
    expect(shownHost('1.5 hours')).to.equal(undefined);
    expect(shownHost('e.g.')).to.equal(undefined);
  });

  it('R-COMP-04: stays linear on long and hostile input', () => {
    const inputs = [
      'https://'.repeat(20000),
      'a'.repeat(100000),
      `https://example.com/${'('.repeat(50000)}`,
      `https://example.com/${')'.repeat(50000)}`,
      `www.${'.'.repeat(100000)}`,
      'wwwwww.'.repeat(20000),
    ];
    for (const text of inputs) {
      const links = findLinks(text);
      for (const l of links) expect(l.end).to.be.at.most(text.length);
    }
    expect(findLinks(`${'x '.repeat(50000)}https://example.com`)).to.have.length(1);
  });

  it('R-COMP-04: Markdown links show their host and a flagged one says where it goes', () => {
    const fragment = renderMarkdown('Pay at [paypal.com](https://evil.example/pay) or read [the guide](https://docs.example.com/g) or [x](javascript:alert(1))');
    const links = [...fragment.querySelectorAll('a')];
    expect(links).to.have.length(2);
    expect(links[0]?.textContent).to.equal('paypal.com (⚠ link text shows paypal.com but goes to evil.example)');
    expect(links[0]?.classList.contains('flagged')).to.equal(true);
    expect(links[0]?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).to.equal('_blank');
    expect(links[1]?.textContent).to.equal('the guide (docs.example.com)');
  });
});
