import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/cc-transcript/cc-transcript.js';
import type { CcTranscript } from '../../src/components/cc-transcript/cc-transcript.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatMessage, EmailMessage } from '../../src/core/types.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

const T0 = Date.UTC(2026, 10, 3, 9, 30);

function chat(id: string, author: ChatMessage['author'], text: string, format: ChatMessage['format'] = 'plain', authorName?: string): ChatMessage {
  return { id, author, authorName, text, format, timestamp: T0 + Number(id.replace(/\D/g, '')) * 60_000, attachments: [] };
}

function email(id: string, fields: Partial<EmailMessage>): EmailMessage {
  return {
    id,
    direction: 'inbound',
    from: 'ana@example.com',
    to: ['support@example.com'],
    cc: [],
    subject: 'Order 1234',
    timestamp: T0,
    status: 'received',
    attachments: [],
    ...fields,
  };
}

describe('<cc-transcript>', () => {
  let calls = 0;
  beforeEach(() => {
    calls = 0;
    window.ccXss = () => calls++;
  });
  afterEach(() => {
    delete window.ccXss;
    disposeWorlds();
  });

  it('R-CTX-02: lists chat messages oldest first with author and time, in a list named by label', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript
      channel="sms"
      customer-name="Ana Lima"
      label="Transcript of 3 Nov"
      .messages=${[chat('m2', 'agent', 'Happy to help', 'plain', 'Sam'), chat('m1', 'customer', 'Hi there')]}
    ></cc-transcript>`);
    const list = shadow(el, 'ol');
    expect(list.getAttribute('aria-label')).to.equal('Transcript of 3 Nov');
    const items = shadowAll(el, 'ol > li');
    expect(items.map((li) => li.querySelector('.author')?.textContent)).to.deep.equal(['Ana Lima', 'Sam']);
    expect(items[0]?.querySelector('.body')?.textContent).to.equal('Hi there');
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(T0 + 60_000).toISOString());
    await expect(el).to.be.accessible();
  });

  it('R-CTX-02: Markdown is formatted only on a channel that has it, through the sanitizer', async () => {
    const messages = [chat('m1', 'customer', 'see **bold** text', 'markdown')];
    const rich = await fixture<CcTranscript>(html`<cc-transcript channel="messenger" .messages=${messages}></cc-transcript>`);
    await until(() => rich.shadowRoot?.querySelector('.rich strong') !== null, 'the Markdown to render');
    const plain = await fixture<CcTranscript>(html`<cc-transcript channel="sms" .messages=${messages}></cc-transcript>`);
    expect(shadow(plain, '.body').textContent).to.equal('see **bold** text');
    expect(plain.shadowRoot?.querySelector('strong')).to.equal(null);
  });

  it('R-CTX-02: hostile chat text and Markdown stay inert', async () => {
    const messages = XSS_PAYLOADS.slice(0, 10).flatMap((p, k) => [chat(`m${2 * k}`, 'customer', p, 'plain'), chat(`m${2 * k + 1}`, 'customer', p, 'markdown')]);
    const el = await fixture<CcTranscript>(html`<cc-transcript channel="messenger" .messages=${messages}></cc-transcript>`);
    await until(() => el.shadowRoot?.querySelectorAll('.rich').length === 10, 'the Markdown rows');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).to.equal(0);
    expect(el.shadowRoot?.querySelector('script, img[onerror], svg, iframe, [onload]')).to.equal(null);
    expect(shadowAll(el, 'ol > li')[4]?.querySelector('.body')?.textContent).to.equal('<img src=x onerror="window.ccXss()">');
  });

  it('R-CTX-02: emails show from, to, subject, date and the body; an HTML-only body is sanitized and shown as text', async () => {
    const el = await fixture<CcTranscript>(html`<cc-transcript
      channel="email"
      .emails=${[
        email('e1', { text: 'Where is my order?' }),
        email('e2', {
          direction: 'outbound',
          from: 'support@example.com',
          to: ['ana@example.com'],
          timestamp: T0 + 3_600_000,
          html: '<p>It ships <b>today</b>.</p><img src=x onerror="window.ccXss()"><script>window.ccXss()</script>',
        }),
      ]}
    ></cc-transcript>`);
    const items = shadowAll(el, 'ol > li');
    expect(items).to.have.length(2);
    expect(items[0]?.querySelector('dl')?.textContent).to.contain('ana@example.com').and.contain('Order 1234');
    expect(items[0]?.querySelector('.body')?.textContent).to.equal('Where is my order?');
    await until(() => items[1]?.querySelector('.body')?.textContent === 'It ships today.', 'the sanitized body');
    expect(el.shadowRoot?.querySelector('img, script, b')).to.equal(null);
    expect(calls).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('R-CTX-02: nothing to show says so; zh-CN', async () => {
    setLocale('zh-CN');
    const el = await fixture<CcTranscript>(html`<cc-transcript channel="webchat" .messages=${[chat('m1', 'agent', '您好')]}></cc-transcript>`);
    expect(shadow(el, 'ol').getAttribute('aria-label')).to.equal('对话记录');
    expect(shadow(el, '.author').textContent).to.equal('坐席');
    el.messages = [];
    await el.updateComplete;
    expect(shadow(el, '.empty').textContent).to.equal('此对话没有消息。');
    await expect(el).to.be.accessible();
  });
});
