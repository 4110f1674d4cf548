import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

/** A world with one accepted WebChat conversation shown in a chat widget. */
async function conversation(options: Parameters<typeof createWorld>[0] = {}, maxLength?: number) {
  const world = createWorld(options);
  const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'My order is late' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcChatWidget>(
    maxLength === undefined
      ? html`<cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>`
      : html`<cc-chat-widget .store=${world.store} channel="webchat" max-length=${maxLength}></cc-chat-widget>`,
  );
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  return { ...world, id, el };
}

function textarea(el: CcChatWidget): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

async function type(el: CcChatWidget, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

function sentTexts(world: World, id: string): string[] {
  return (world.store.state.interactions[id]?.messages ?? []).filter((m) => m.author === 'agent').map((m) => m.text);
}

describe('<cc-chat-widget>', () => {
  afterEach(disposeWorlds);

  it('R-CHAT-01: shows customer name, queue, agent name, date, timer and the thread', async () => {
    const { el, store, id } = await conversation();
    const interaction = store.state.interactions[id];
    expect(shadow(el, 'h2').textContent).to.equal('Jane Doe');
    const header = shadow(el, 'header').textContent ?? '';
    expect(header).to.contain(interaction?.queue.name);
    expect(header).to.contain(store.state.agent.name);
    expect(header).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.now()));
    expect(shadow(el, 'header [role="timer"]').textContent).to.match(/^\d\d:\d\d$/);
    expect(shadow(el, '[role="log"]').textContent).to.contain('My order is late');
    await expect(el).to.be.accessible();
  });

  it('R-CHAT-02: customer bubbles are grey with initials, agent bubbles solid blue, system messages centred notices', async () => {
    const { el, store, id, simulator } = await conversation();
    await store.send(id, 'Let me check that for you.');
    simulator.customerLeaves(id);
    await until(() => shadowAll(el, '.notice').some((n) => n.textContent?.includes('left the chat')), 'the left notice');
    const customer = shadow(el, '[part~="customer-bubble"]');
    const agent = shadow(el, '[part~="agent-bubble"]');
    expect(shadow(el, '[part="avatar"]').textContent).to.equal('JD');
    expect(getComputedStyle(customer).backgroundColor).to.equal('rgb(232, 234, 237)');
    expect(getComputedStyle(agent).backgroundColor).to.equal('rgb(10, 91, 211)');
    const notice = shadowAll(el, '.notice').find((n) => n.textContent?.includes('Jane Doe left the chat'));
    expect(notice, 'a customer-left notice').to.exist;
    expect(notice?.closest('.bubble')).to.equal(null);
    expect(getComputedStyle(notice as HTMLElement).alignSelf).to.equal('center');
    await expect(el).to.be.accessible();
  });

  it('R-CHAT-03: past 1000 characters Send is disabled, a red message says how to fix it, nothing is sent or cut', async () => {
    const world = await conversation();
    const { el, id } = world;
    const long = 'x'.repeat(1001);
    textarea(el).value = long;
    textarea(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const send = button(el, 'Send');
    expect(send.disabled).to.equal(true);
    const error = shadow(el, '[role="alert"]');
    expect(error.textContent).to.contain('1 characters too long');
    expect(error.textContent).to.contain('1001 / 1000');
    expect(getComputedStyle(error).color).to.equal('rgb(196, 18, 47)');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    textarea(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(sentTexts(world, id)).to.deep.equal([]);
    expect(textarea(el).value).to.equal(long);
    // Correcting it re-enables Send.
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(button(el, 'Send').disabled).to.equal(false);
    expect(shadowAll(el, '[role="alert"]')).to.have.length(0);
  });

  it('R-CHAT-03: the limit is configurable', async () => {
    const { el } = await conversation({}, 10);
    await type(el, 'exactly 10');
    expect(button(el, 'Send').disabled).to.equal(false);
    await type(el, '!');
    expect(button(el, 'Send').disabled).to.equal(true);
    expect(shadow(el, '[role="alert"]').textContent).to.contain('11 / 10');
  });

  it('R-CHAT-04: Enter sends, Shift+Enter adds a line, the customer receives it', async () => {
    const world = await conversation();
    const { el, id, simulator } = world;
    await type(el, 'First line');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    await el.updateComplete;
    expect(textarea(el).value).to.equal('First line\nsecond line');
    const sent = oneEvent(el, 'cc-send');
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail).to.deep.equal({ interactionId: id, channel: 'webchat', text: 'First line\nsecond line' });
    expect(textarea(el).value).to.equal('');
    await untilState(world.store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent' && m.status === 'sent') ?? false, 'sent');
    expect(simulator.sentMessages(id).map((m) => m.text)).to.deep.equal(['First line\nsecond line']);
    expect(shadow(el, '[part~="agent-bubble"]').textContent).to.contain('First line\nsecond line');
    expect(el.shadowRoot?.activeElement).to.equal(textarea(el));
    await expect(el).to.be.accessible();
  });

  it('R-CHAT-04: clicking Send sends; an empty or blank message cannot be sent', async () => {
    const world = await conversation();
    const { el, id } = world;
    expect(button(el, 'Send').disabled).to.equal(true);
    await type(el, '   ');
    expect(button(el, 'Send').disabled).to.equal(true);
    textarea(el).value = 'Clicked';
    textarea(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    button(el, 'Send').click();
    await untilState(world.store, (s) => (s.interactions[id]?.messages.filter((m) => m.author === 'agent').length ?? 0) === 1, 'one message');
    expect(sentTexts(world, id)).to.deep.equal(['Clicked']);
  });

  it('R-CHAT-05: a message the adapter fails to send shows Not sent and Retry sends it again without retyping', async () => {
    const world = await conversation({ failureRate: 1 });
    const { el, id, simulator } = world;
    await type(el, 'Please retry me');
    await sendKeys({ press: 'Enter' });
    await until(() => shadowAll(el, '.failed').length === 1, 'the failure');
    expect(shadow(el, '.failed').textContent).to.equal('Not sent');
    await expect(el).to.be.accessible();
    simulator.failureRate = 0;
    button(el, 'Retry').click();
    await untilState(world.store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent' && m.status === 'sent') ?? false, 'the retry');
    expect(simulator.sentMessages(id).map((m) => m.text)).to.deep.equal(['Please retry me']);
  });

  it('R-X-04: keeps each conversation’s unsent text when switching between them', async () => {
    const world = await conversation();
    const { el, id, simulator, store } = world;
    await type(el, 'draft for Jane');
    const other = simulator.offer({ channel: 'webchat', customerName: 'Ken Adams', text: 'Hello?' });
    await untilState(store, (s) => s.interactions[other] !== undefined, 'second offer');
    await store.accept(other);
    await el.updateComplete;
    expect(shadow(el, 'h2').textContent).to.equal('Ken Adams');
    expect(textarea(el).value).to.equal('');
    store.focus(id);
    await el.updateComplete;
    expect(textarea(el).value).to.equal('draft for Jane');
  });

  it('follows interaction-id when given, and says when there is nothing to show', async () => {
    const world = createWorld();
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    expect(shadow(el, '[part="empty"]').textContent).to.equal('No active conversation');
    await expect(el).to.be.accessible();
    const a = world.simulator.offer({ channel: 'webchat', customerName: 'Ann A' });
    const b = world.simulator.offer({ channel: 'webchat', customerName: 'Bea B' });
    await untilState(world.store, (s) => s.order.length === 2, 'offers');
    await world.store.accept(a);
    await world.store.accept(b);
    el.interactionId = a;
    await el.updateComplete;
    expect(shadow(el, 'h2').textContent).to.equal('Ann A');
  });

  it('R-CHAT-02: says when a conversation has ended and offers no composer', async () => {
    const world = await conversation();
    await world.store.end(world.id);
    await until(() => shadowAll(world.el, 'textarea').length === 0, 'the composer to go');
    expect(shadow(world.el, '.ended').textContent).to.equal('This conversation has ended.');
    await expect(world.el).to.be.accessible();
  });

  it('R-X-01: renders in Chinese (Send is 发送)', async () => {
    const { el } = await conversation();
    setLocale('zh-CN');
    await el.updateComplete;
    expect(button(el, '发送')).to.exist;
    expect(shadow(el, 'label').textContent).to.equal('消息');
    await expect(el).to.be.accessible();
  });

  it('gets its store from <cc-provider>', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Via Provider', text: 'hi' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'offer');
    await world.store.accept(id);
    const root = await fixture<HTMLElement>(html`<cc-provider .store=${world.store}><cc-chat-widget></cc-chat-widget></cc-provider>`);
    const el = root.querySelector('cc-chat-widget') as CcChatWidget;
    await el.updateComplete;
    expect(shadow(el, 'h2').textContent).to.equal('Via Provider');
  });
});
