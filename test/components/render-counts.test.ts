/**
 * An element re-renders only when its slice of the state changes. Each element is
 * subclassed to count its renders, shown on the real simulated contact center, and the
 * store is made busy with changes it does not show, then with one it does.
 * (<cc-chat-widget> has its own in cc-chat-thread.test.ts.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { CcAgentState } from '../../src/components/cc-agent-state/cc-agent-state.js';
import { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { CcTaskList } from '../../src/components/cc-task-list/cc-task-list.js';
import { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import type { LitElement } from 'lit';
import { createWorld, disposeWorlds, shadowAll, until, untilState, type World } from '../helpers/world.js';

class CountingAgentState extends CcAgentState {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
class CountingContactRequest extends CcContactRequest {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
class CountingEmailWidget extends CcEmailWidget {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
class CountingTaskList extends CcTaskList {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
class CountingWrapupDialog extends CcWrapupDialog {
  renders = 0;
  override render() {
    this.renders++;
    return super.render();
  }
}
customElements.define('counting-wrapup-dialog', CountingWrapupDialog);
customElements.define('counting-agent-state', CountingAgentState);
customElements.define('counting-task-list', CountingTaskList);
customElements.define('counting-contact-request', CountingContactRequest);
customElements.define('counting-email-widget', CountingEmailWidget);

async function settled(el: LitElement): Promise<void> {
  do await el.updateComplete;
  while (el.isUpdatePending);
}

/** A WebChat conversation the agent has accepted. */
async function activeChat(world: World): Promise<string> {
  const id = world.simulator.offer({ channel: 'webchat', customerName: 'Ann Lee', text: 'Hello' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the chat offer');
  await world.store.accept(id);
  return id;
}

/** Traffic none of the elements below shows: customer messages, typing, read marks in a chat. */
async function chatTraffic(world: World, id: string): Promise<void> {
  for (let k = 0; k < 20; k++) world.simulator.customerMessage(id, `Message ${k}`);
  world.simulator.customerTyping(id);
  await untilState(world.store, (s) => (s.interactions[id]?.messages.length ?? 0) >= 20 && s.interactions[id]?.customerTyping === true, 'the chat traffic');
  world.store.markRead(id);
}

describe('elements re-render only when their slice changes', () => {
  afterEach(disposeWorlds);

  it('<cc-agent-state> renders for the agent state, not for conversations', async () => {
    const world = createWorld({ autoplay: false });
    const el = await fixture<CountingAgentState>(html`<counting-agent-state .store=${world.store}></counting-agent-state>`);
    await settled(el);
    const id = await activeChat(world);
    await settled(el);
    const before = el.renders;
    await chatTraffic(world, id);
    await settled(el);
    expect(el.renders, 'renders during chat traffic').to.equal(before);
    const next = world.store.state.agent.availability === 'idle' ? 'available' : 'idle';
    await world.store.setAgentState(next);
    await untilState(world.store, (s) => s.agent.availability === next, 'the new state');
    await settled(el);
    expect(el.renders - before, 'renders after the agent state changed').to.be.at.least(1);
  });

  it('<cc-contact-request> renders for offers, not for accepted conversations', async () => {
    const world = createWorld({ autoplay: false });
    const id = await activeChat(world);
    const el = await fixture<CountingContactRequest>(html`<counting-contact-request .store=${world.store}></counting-contact-request>`);
    await settled(el);
    const before = el.renders;
    await chatTraffic(world, id);
    await settled(el);
    expect(el.renders, 'renders during chat traffic').to.equal(before);
    world.simulator.offer({ channel: 'sms', customerName: 'Bo Chen', text: 'Hi' });
    await until(() => shadowAll(el, '[part="offer"]').length === 1, 'the new offer');
    expect(el.renders - before, 'renders after an offer').to.be.at.least(1);
  });

  it('<cc-email-widget> renders for its email conversation, not for chats', async () => {
    const world = createWorld({ autoplay: false });
    const mail = world.simulator.offer({ channel: 'email', customerName: 'Dana Fox', email: { subject: 'Invoice 118', text: 'It is wrong.' } });
    await untilState(world.store, (s) => s.interactions[mail] !== undefined, 'the email offer');
    await world.store.accept(mail);
    const id = await activeChat(world);
    const el = await fixture<CountingEmailWidget>(html`<counting-email-widget .store=${world.store}></counting-email-widget>`);
    await until(() => (el.shadowRoot?.textContent ?? '').includes('Invoice 118'), 'the email');
    await settled(el);
    const before = el.renders;
    await chatTraffic(world, id);
    await settled(el);
    expect(el.renders, 'renders during chat traffic').to.equal(before);
    world.simulator.inboundEmail(mail, { from: 'dana.fox@example.com', to: ['support@acme.example'], subject: 'Re: Invoice 118', text: 'Any news?' });
    await untilState(world.store, (s) => s.interactions[mail]?.emails.length === 2, 'the new email');
    await settled(el);
    expect(el.renders - before, 'renders after a new email').to.be.at.least(1);
  });

  it('R-OFFER-02: the timers of offers, tasks and the email header tick without re-rendering their element', async () => {
    const world = createWorld({ autoplay: false });
    const mail = world.simulator.offer({ channel: 'email', customerName: 'Dana Fox', email: { subject: 'Invoice 118', text: 'It is wrong.' } });
    await untilState(world.store, (s) => s.interactions[mail] !== undefined, 'the email offer');
    await world.store.accept(mail);
    world.simulator.offer({ channel: 'sms', customerName: 'Bo Chen', text: 'Hi' });
    await untilState(world.store, (s) => s.order.length === 2, 'the SMS offer');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <counting-contact-request .store=${world.store}></counting-contact-request>
      <counting-task-list .store=${world.store}></counting-task-list>
      <counting-email-widget .store=${world.store}></counting-email-widget>
    </div>`);
    const elements = [...wrapper.children].filter((e): e is CountingContactRequest | CountingTaskList | CountingEmailWidget =>
      e instanceof CountingContactRequest || e instanceof CountingTaskList || e instanceof CountingEmailWidget,
    );
    expect(elements).to.have.length(3);
    for (const el of elements) await settled(el);
    const timers = elements.flatMap((el) => shadowAll(el, '[role="timer"]'));
    expect(timers.length, 'an offer timer, two task timers and the email header timer').to.equal(4);
    const shown = timers.map((timer) => timer.textContent);
    const before = elements.map((el) => el.renders);
    await until(() => timers.every((timer, k) => timer.textContent !== shown[k]), 'every timer to tick', 2500);
    for (const timer of timers) expect(timer.textContent).to.match(/^\d\d:\d\d$/);
    expect(elements.map((el) => el.renders)).to.deep.equal(before);
  });

  it('a conversation dialog renders when its interaction ends, not for each of its messages', async () => {
    const world = createWorld({ autoplay: false });
    const id = await activeChat(world);
    const el = await fixture<CountingWrapupDialog>(html`<counting-wrapup-dialog .store=${world.store} interaction-id=${id}></counting-wrapup-dialog>`);
    await settled(el);
    const before = el.renders;
    await chatTraffic(world, id);
    await settled(el);
    expect(el.renders, 'renders while its conversation got messages').to.equal(before);
    await world.store.end(id);
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    await settled(el);
    expect(el.renders - before, 'renders once the conversation ended').to.be.at.least(1);
  });

  it('<cc-task-list> renders for what its tasks show (status, unread), not for receipts or typing', async () => {
    const world = createWorld({ autoplay: false, readDelayMs: 0 });
    const id = await activeChat(world);
    const el = await fixture<CountingTaskList>(html`<counting-task-list .store=${world.store}></counting-task-list>`);
    await settled(el);
    world.store.markRead(id);
    await settled(el);
    const before = el.renders;
    // The agent's messages with their receipts, and the customer typing: nothing a task shows.
    await world.store.send(id, 'Let me check that for you.');
    await world.store.send(id, 'One moment please.');
    world.simulator.customerTyping(id);
    await untilState(
      world.store,
      (s) => s.interactions[id]?.customerTyping === true && (s.interactions[id]?.messages.filter((m) => m.author === 'agent' && m.status !== 'sending').length ?? 0) >= 2,
      'messages sent and the customer typing',
    );
    await settled(el);
    expect(el.renders, 'renders for receipts and typing').to.equal(before);
    world.simulator.customerMessage(id, 'Thanks!');
    await untilState(world.store, (s) => (s.interactions[id]?.unread ?? 0) > 0, 'an unread message');
    await settled(el);
    expect(el.renders - before, 'renders for the unread count').to.be.at.least(1);
  });
});
