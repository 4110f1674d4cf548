import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createWorld, disposeWorlds, shadowAll, until, untilState } from '../helpers/world.js';

describe('chat pane notices', () => {
  afterEach(disposeWorlds);

  it('R-CHAT-02: an SMS thread speaks of a text conversation, not of a chat; WebChat keeps "joined the chat"', async () => {
    const world = createWorld();
    const sms = world.simulator.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Is my order shipped?' });
    const chat = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await untilState(world.store, (s) => s.interactions[sms] !== undefined && s.interactions[chat] !== undefined, 'the offers');
    await world.store.accept(sms);
    await world.store.accept(chat);
    const smsPane = await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store} interaction-id=${sms}></cc-sms-widget>`);
    const chatPane = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat" interaction-id=${chat}></cc-chat-widget>`);
    const notices = (el: Element) => shadowAll(el, '.notice').map((n) => n.textContent?.trim() ?? '');
    await until(() => notices(smsPane).length > 0 && notices(chatPane).length > 0, 'the join notices', 15000);
    expect(notices(smsPane)).to.deep.equal(['Sam Text started a text conversation']);
    expect(notices(chatPane)).to.deep.equal(['Jane Doe joined the chat']);
    await expect(smsPane).to.be.accessible();
    setLocale('zh-CN');
    await smsPane.updateComplete;
    expect(notices(smsPane)).to.deep.equal(['Sam Text 发起了短信对话']);
  });
});
