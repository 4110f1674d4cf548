import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { MARKDOWN_MAX_LENGTH, markdownLoaded } from '../../src/content/lazy-markdown.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatChannel } from '../../src/core/types.js';
import { createWorld, disposeWorlds, shadowAll, until, untilState } from '../helpers/world.js';

/** Modules of DOMPurify, marked and the sanitizing content module this page has fetched. */
function contentModules(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /\/dompurify\/|\/marked\/|\/src\/content\/(markdown|markdown-html|sanitize)\./.test(name));
}

async function pane(channel: ChatChannel, text: string) {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  world.simulator.customerMessage(id, text, { format: 'markdown' });
  await untilState(world.store, (s) => s.interactions[id]?.messages.some((m) => m.text === text) ?? false, 'the message');
  const el =
    channel === 'sms'
      ? await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await el.updateComplete;
  return el;
}

describe('content loads only when needed', () => {
  afterEach(disposeWorlds);

  before(async () => {
    // Every module the panes fetch is recorded (the default buffer keeps 250 entries).
    performance.setResourceTimingBufferSize(100_000);
    // Only the panes: the package root would load the whole content API up front.
    await import('../../src/components/cc-chat-widget/cc-chat-widget.js');
    await import('../../src/components/cc-sms-widget/cc-sms-widget.js');
  });

  it('the template picker and the conversation dialogs load when the browser is idle after a pane shows a conversation', async () => {
    const tags = ['cc-template-picker', 'cc-transfer-dialog', 'cc-conference-dialog', 'cc-wrapup-dialog'];
    expect(tags.filter((tag) => customElements.get(tag) !== undefined), 'defined before any pane').to.deep.equal([]);
    const el = await pane('webchat', 'Hello');
    await until(() => tags.every((tag) => customElements.get(tag) !== undefined), 'the preload', 10_000);
    // The placeholder Templates button gives way to the picker's own.
    await until(() => shadowAll(el, 'cc-template-picker > button').length === 0, 'the placeholder to go');
    const picker = shadowAll(el, 'cc-template-picker')[0];
    expect(picker?.shadowRoot?.querySelector('button[part="button"]')?.textContent?.trim()).to.equal('Templates');
    await expect(el).to.be.accessible();
  });

  it('WebChat and SMS threads never load the Markdown renderer or DOMPurify', async () => {
    const web = await pane('webchat', '**not bold** <b>x</b>');
    const sms = await pane('sms', '**not bold either**');
    expect(shadowAll(web, '.text').some((t) => t.textContent === '**not bold** <b>x</b>')).to.equal(true);
    expect(shadowAll(sms, '.text').some((t) => t.textContent === '**not bold either**')).to.equal(true);
    expect(shadowAll(web, '.rich, b')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/src/components/cc-chat-widget/')), 'modules are recorded').to.equal(true);
    expect(contentModules()).to.deep.equal([]);
    expect(markdownLoaded()).to.equal(false);
  });

  it('R-CHAT-07, R-X-01: a Messenger message too long to format is shown as typed, with a note saying so, and loads no Markdown', async () => {
    // 100 KB a Markdown parser would spend a long time on: the page shows it at once, as text.
    const text = `**not bold** <i>x</i> ${'._a'.repeat(33_000)}`;
    expect(text.length).to.be.greaterThan(MARKDOWN_MAX_LENGTH);
    const el = await pane('messenger', text);
    const bubble = shadowAll(el, '.bubble').find((b) => b.querySelector('.text')?.textContent === text);
    expect(bubble, 'the message as typed').to.exist;
    expect(bubble?.querySelector('.unformatted')?.textContent).to.equal('Message too long to format, shown as text');
    expect(bubble?.querySelector('.rich, strong, em, i')).to.equal(null);
    expect(contentModules()).to.deep.equal([]);
    expect(markdownLoaded()).to.equal(false);
    await expect(el).to.be.accessible();
    const changed = oneEvent(window, 'cc-locale-change');
    setLocale('zh-CN');
    await changed;
    await el.updateComplete;
    expect(shadowAll(el, '.unformatted').map((n) => n.textContent)).to.deep.equal(['消息过长，无法设置格式，以纯文本显示']);
    await expect(el).to.be.accessible();
    const back = oneEvent(window, 'cc-locale-change');
    setLocale('en');
    await back;
  });

  it('R-CHAT-07: Messenger shows the plain text first, then the sanitized Markdown once the content module has loaded', async () => {
    const text = '**urgent** <img src=x onerror="window.__lazyChatPwned=1">';
    const el = await pane('messenger', text);
    const rich = () => shadowAll(el, '.rich').at(-1);
    expect(rich()?.textContent).to.equal(text);
    expect(rich()?.querySelector('strong, img')).to.equal(null);
    await until(() => rich()?.querySelector('strong') !== null, 'the Markdown', 10_000);
    expect(rich()?.querySelector('strong')?.textContent).to.equal('urgent');
    expect(rich()?.querySelector('img')).to.equal(null);
    expect((window as unknown as { __lazyChatPwned?: number }).__lazyChatPwned).to.equal(undefined);
    expect(markdownLoaded()).to.equal(true);
    expect(contentModules().length).to.be.greaterThan(0);
  });
});
