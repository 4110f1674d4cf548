import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { MARKDOWN_MAX_LENGTH, formatsAsMarkdown, lazyMarkdown, loadMarkdown, markdownLoaded } from '../../src/content/lazy-markdown.js';

describe('lazyMarkdown directive', () => {
  it('R-CHAT-07: shows the plain text until the content module loads, then the sanitized Markdown; raw HTML never becomes markup', async () => {
    expect(markdownLoaded(), 'nothing loaded the Markdown module yet').to.equal(false);
    const container = document.createElement('div');
    document.body.append(container);
    const text = '**bold** and [a link](https://example.com) <img src=x onerror="window.__lazyPwned=1">';
    render(html`<div class="m">${lazyMarkdown(text)}</div>`, container);
    expect(container.querySelector('.m')?.textContent).to.equal(text);
    expect(container.querySelector('strong, a, img')).to.equal(null);
    await loadMarkdown();
    // The directive swaps the text for the Markdown in its own callback on the same load.
    await waitUntil(() => container.querySelector('strong') !== null, 'the Markdown', { timeout: 15000 });
    expect(container.querySelector('a')?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(container.querySelector('img')).to.equal(null);
    expect(container.textContent).to.contain('<img src=x');
    expect((window as unknown as { __lazyPwned?: number }).__lazyPwned).to.equal(undefined);
    // Once loaded, it renders at once and parses again only when the text changes.
    render(html`<div class="m">${lazyMarkdown('_now_')}</div>`, container);
    expect(container.querySelector('.m em')?.textContent).to.equal('now');
    container.remove();
  });

  it('R-CHAT-07: text up to MARKDOWN_MAX_LENGTH is Markdown; longer text is the plain text, as typed', async () => {
    await loadMarkdown();
    const unit = '**b** <i>x</i>\n';
    const count = Math.floor(MARKDOWN_MAX_LENGTH / unit.length);
    const atLimit = unit.repeat(count) + 'x'.repeat(MARKDOWN_MAX_LENGTH - count * unit.length);
    const over = `${atLimit}x`;
    expect(formatsAsMarkdown(atLimit)).to.equal(true);
    expect(formatsAsMarkdown(over)).to.equal(false);
    const container = document.createElement('div');
    render(html`<div class="m">${lazyMarkdown(atLimit)}</div>`, container);
    expect(container.querySelectorAll('strong')).to.have.length(count);
    expect(container.querySelector('i')).to.equal(null);
    render(html`<div class="m">${lazyMarkdown(over)}</div>`, container);
    const m = container.querySelector('.m');
    expect(m?.children).to.have.length(0);
    expect(m?.textContent).to.equal(over);
  });

  it('R-CHAT-07 / Reliability: 100 KB of hostile Markdown is shown as plain text, never handed to the parser', async () => {
    await loadMarkdown();
    const container = document.createElement('div');
    for (const unit of ['._a', '.*a', 'www._', '_a', '*a', '[', '>', '- ', '[](', '`', '**b** ']) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      render(html`<div class="m">${lazyMarkdown(text)}</div>`, container);
      const m = container.querySelector('.m');
      expect(m?.children, unit).to.have.length(0);
      expect(m?.textContent, unit).to.equal(text);
    }
  });

  it('refuses attribute position', () => {
    const container = document.createElement('div');
    expect(() => render(html`<div title=${lazyMarkdown('x')}></div>`, container)).to.throw();
  });
});
