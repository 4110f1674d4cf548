import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { lazyMarkdown, loadMarkdown, markdownLoaded } from '../../src/content/lazy-markdown.js';

const until = async (predicate: () => boolean, what: string): Promise<void> => {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('lazyMarkdown directive (issue 7)', () => {
  it('R-CHAT-07: shows the plain text until the content module loads, then the sanitized Markdown; raw HTML never becomes markup', async () => {
    expect(markdownLoaded(), 'nothing loaded the Markdown module yet').to.equal(false);
    const container = document.createElement('div');
    document.body.append(container);
    const text = '**bold** and [a link](https://example.com) <img src=x onerror="window.__lazyPwned=1">';
    render(html`<div class="m">${lazyMarkdown(text)}</div>`, container);
    expect(container.querySelector('.m')?.textContent).to.equal(text);
    expect(container.querySelector('strong, a, img')).to.equal(null);
    await loadMarkdown();
    await until(() => container.querySelector('strong') !== null, 'the Markdown');
    expect(container.querySelector('a')?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(container.querySelector('img')).to.equal(null);
    expect(container.textContent).to.contain('<img src=x');
    expect((window as unknown as { __lazyPwned?: number }).__lazyPwned).to.equal(undefined);
    // Once loaded, it renders at once and parses again only when the text changes.
    render(html`<div class="m">${lazyMarkdown('_now_')}</div>`, container);
    expect(container.querySelector('.m em')?.textContent).to.equal('now');
    container.remove();
  });

  it('refuses attribute position', () => {
    const container = document.createElement('div');
    expect(() => render(html`<div title=${lazyMarkdown('x')}></div>`, container)).to.throw();
  });
});
