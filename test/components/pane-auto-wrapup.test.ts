import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { acceptContact } from '../helpers/dialogs.js';
import { createWrapupWorld } from '../helpers/wrapup.js';
import { disposeWorlds, shadowAll, until } from '../helpers/world.js';

const notice = (pane: Element): string =>
  shadowAll(pane, '[part="auto-wrapup-notice"]')
    .map((p) => p.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join('');

describe('a pane whose conversation auto wrap-up took', () => {
  afterEach(() => {
    disposeWorlds();
    setLocale('en');
  });

  it('R-CTX-04: the pane says the conversation was wrapped up automatically, and with which reason', async () => {
    const world = createWrapupWorld({ autoWrapup: { webchat: { afterMs: 200 } } });
    const id = await acceptContact(world, 'webchat', 'Ada Lovelace');
    const pane = await fixture<CcChatWidget>(html`<cc-chat-widget channel="webchat" .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(pane, 'textarea').length === 1, 'the conversation');
    await world.store.end(id);
    await until(() => world.store.state.recent.length === 1, 'the automatic wrap-up', 15000);
    await until(() => notice(pane) !== '', 'the notice');
    const reason = world.store.state.recent[0]?.wrapup?.reasonNames[0] ?? '';
    expect(reason).not.to.equal('');
    expect(notice(pane)).to.equal(`The conversation with Ada Lovelace was wrapped up automatically: ${reason}.`);
    expect(shadowAll(pane, '[role="status"][part="auto-wrapup-notice"]')).to.have.length(1);
    await expect(pane).to.be.accessible();
  });

  it('R-CTX-04: a conversation the agent wrapped up by hand leaves no such notice; zh-CN words the automatic one', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 60_000 }, webchat: { afterMs: 200 } } });
    const manual = await acceptContact(world, 'sms', 'Bo Chen');
    const pane = await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`);
    await world.store.end(manual);
    const reasons = await world.store.listWrapupReasons('sms');
    await world.store.submitWrapup(manual, [reasons[0]?.id ?? '']);
    await until(() => world.store.state.recent.length === 1, 'the manual wrap-up');
    await pane.updateComplete;
    expect(notice(pane)).to.equal('');
    setLocale('zh-CN');
    const auto = await acceptContact(world, 'webchat', 'Ada Lovelace');
    const chat = await fixture<CcChatWidget>(html`<cc-chat-widget channel="webchat" .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(chat, 'textarea').length === 1, 'the conversation');
    await world.store.end(auto);
    await until(() => notice(chat).startsWith('与 Ada Lovelace 的对话已自动完成话后处理'), 'the Chinese notice', 15000);
  });
});
