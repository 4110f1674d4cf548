import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

async function open(): Promise<CcSmsWidget> {
  const world = createWorld();
  const id = world.simulator.offer({ channel: 'sms', customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
  return el;
}

async function setText(el: CcSmsWidget, value: string): Promise<void> {
  const box = shadow<HTMLTextAreaElement>(el, 'textarea');
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const segments = (el: CcSmsWidget) => shadow(el, '[part="segments"]').textContent?.trim() ?? '';
const announced = (el: CcSmsWidget) => shadowAll(el, '[part="composer"] .visually-hidden[role="status"]')[0]?.textContent?.trim() ?? '';

describe('SMS segment counter', () => {
  afterEach(disposeWorlds);

  it('R-COMP-02: the SMS pane counts GSM-7 segments beside the character counter, announcing only a change of count', async () => {
    const el = await open();
    expect(segments(el)).to.equal('');
    await setText(el, 'a'.repeat(160));
    expect(segments(el)).to.equal('1 SMS · 160 / 160 characters');
    expect(announced(el)).to.equal('The message is now 1 SMS');
    await setText(el, 'a'.repeat(161));
    expect(segments(el)).to.equal('2 SMS · 161 / 306 characters');
    expect(announced(el)).to.equal('The message is now 2 SMS');
    await setText(el, 'a'.repeat(162));
    expect(announced(el)).to.equal('The message is now 2 SMS');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-02: an emoji makes the text Unicode: 70 / 67 per SMS, the emoji counting two', async () => {
    const el = await open();
    await setText(el, 'Thanks 😀');
    expect(segments(el)).to.equal('1 SMS · 9 / 70 characters (Unicode)');
    await setText(el, '€'.repeat(81));
    expect(segments(el)).to.equal('2 SMS · 162 / 306 characters');
  });

  it('R-COMP-02: the chat pane shows no SMS count', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello there' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    const el = await fixture(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
    expect(shadowAll(el, '[part="segments"]')).to.have.length(0);
  });

  it('R-COMP-02: zh-CN counts 条短信', async () => {
    const el = await open();
    setLocale('zh-CN');
    await setText(el, '您好'.repeat(40));
    expect(segments(el)).to.equal('2 条短信 · 80 / 134 个字符（Unicode）');
    expect(announced(el)).to.equal('消息现为 2 条短信');
    await expect(el).to.be.accessible();
  });
});
