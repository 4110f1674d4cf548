import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTranscript } from '../../src/components/cc-transcript/cc-transcript.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatMessage } from '../../src/core/types.js';
import { accessibleName } from '../helpers/dialogs.js';
import { createWorld, disposeWorlds, shadowAll, until, untilState } from '../helpers/world.js';

async function chat(channel: 'webchat' | 'messenger', ...texts: { text: string; format?: 'plain' | 'markdown' }[]) {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  for (const m of texts) world.simulator.customerMessage(id, m.text, { format: m.format ?? 'plain' });
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel} style="height: 480px"></cc-chat-widget>`);
  await el.updateComplete;
  return { ...world, id, el };
}

const links = (el: Element): HTMLAnchorElement[] => shadowAll<HTMLAnchorElement>(el, '[part="thread"] a.link');

describe('links in messages', () => {
  afterEach(disposeWorlds);

  it('R-COMP-04: a URL in a customer message is a link that opens in a new tab without opener', async () => {
    const { el } = await chat('webchat', { text: 'My order is at https://shop.example.com/orders/42, thanks.' });
    // The link module loads on the first text that may hold a link.
    await until(() => links(el).length > 0, 'the link');
    const [a, ...rest] = links(el);
    expect(rest).to.have.length(0);
    expect(a?.getAttribute('href')).to.equal('https://shop.example.com/orders/42');
    expect(a?.getAttribute('target')).to.equal('_blank');
    expect(a?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(accessibleName(a as Element)).to.equal('https://shop.example.com/orders/42');
    // The comma stays text after the link.
    expect(a?.parentElement?.textContent).to.contain('/orders/42, thanks.');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-04: a script URL is never a link; a look-alike host shows as punycode', async () => {
    const { el } = await chat('webchat', { text: 'try javascript:alert(1) or data:text/html,hi and https://\u0430pple.com/login' });
    await until(() => links(el).length > 0, 'the link');
    const found = links(el);
    expect(found).to.have.length(1);
    expect(found[0]?.getAttribute('href')).to.equal('https://xn--pple-43d.com/login');
    expect(accessibleName(found[0] as Element)).to.contain('(xn--pple-43d.com)');
    expect(shadowAll(el, '[part="thread"] a[href^="javascript"], [part="thread"] a[href^="data"]')).to.have.length(0);
  });

  it('R-COMP-04: a Markdown link whose text shows another host is flagged, visibly and in its name', async () => {
    const { el } = await chat('messenger', { text: 'Log in at [paypal.com](https://evil.example/login) or see [help](https://help.example.com)', format: 'markdown' });
    await until(() => links(el).length === 2, 'the Markdown links');
    const [flagged, help] = links(el);
    expect(flagged?.classList.contains('flagged')).to.equal(true);
    expect(accessibleName(flagged as Element)).to.equal('paypal.com (⚠ link text shows paypal.com but goes to evil.example)');
    expect(flagged?.querySelector('[part="link-warning"]')).to.exist;
    expect(accessibleName(help as Element)).to.equal('help (help.example.com)');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-04: the agent’s own messages get the same links', async () => {
    const { el, store, id } = await chat('webchat', { text: 'Hi' });
    await store.send(id, 'Track it on www.example.org/track.');
    await until(() => links(el).some((l) => l.closest('.agent')), 'the agent’s link');
    const a = links(el).find((l) => l.closest('.agent'));
    expect(a?.getAttribute('href')).to.equal('https://www.example.org/track');
  });

  it('R-COMP-04: the mismatch warning is in Chinese under zh-CN', async () => {
    setLocale('zh-CN');
    const { el } = await chat('messenger', { text: '[paypal.com](https://evil.example/)', format: 'markdown' });
    await until(() => links(el).length === 1, 'the Markdown link');
    expect(accessibleName(links(el)[0] as Element)).to.equal('paypal.com (⚠ 链接文字显示为 paypal.com，实际指向 evil.example)');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-04: the transcript links plain text the same way', async () => {
    const message: ChatMessage = {
      id: 'm1',
      author: 'customer',
      authorName: 'Jane Doe',
      text: 'Mail mailto:help@example.com or open https://example.com/a).',
      format: 'plain',
      timestamp: Date.now(),
      attachments: [],
    };
    const el = await fixture<CcTranscript>(html`<cc-transcript channel="webchat" .messages=${[message]}></cc-transcript>`);
    await until(() => shadowAll(el, 'a.link').length === 2, 'the links');
    const found = shadowAll<HTMLAnchorElement>(el, 'a.link');
    expect(found.map((a) => a.getAttribute('href'))).to.deep.equal(['mailto:help@example.com', 'https://example.com/a']);
    await expect(el).to.be.accessible();
  });
});
