import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { StoreError } from '../../src/core/store/store.js';
import { accessibleName } from '../helpers/dialogs.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

async function pane(world: World, channel: 'webchat' | 'sms', text: string) {
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el =
    channel === 'sms'
      ? await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${world.store} style="height: 520px; width: 320px"></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat" style="height: 520px; width: 320px"></cc-chat-widget>`);
  await el.updateComplete;
  return { id, el };
}

const group = (el: Element): HTMLElement | undefined => shadowAll(el, '[role="group"][part="suggestions"]')[0];
const replies = (el: Element): HTMLButtonElement[] => shadowAll<HTMLButtonElement>(el, '[part="suggestion"]');

describe('suggested replies', () => {
  afterEach(disposeWorlds);

  it('R-COMP-06: up to three replies in a group named Suggested replies; a click puts one in the composer and never sends', async () => {
    const world = createWorld();
    const { id, el } = await pane(world, 'webchat', 'My order has not arrived, where is my package?');
    await until(() => replies(el).length > 0, 'the suggestions');
    const g = group(el);
    expect(g && accessibleName(g)).to.equal('Suggested replies');
    expect(replies(el).length).to.be.within(1, 3);
    expect(replies(el)[0]?.textContent).to.equal('Could you share your order number, please?');
    await expect(el).to.be.accessible();
    const sent = world.store.state.interactions[id]?.messages.filter((m) => m.author === 'agent').length;
    replies(el)[0]?.click();
    await until(() => el.shadowRoot?.activeElement?.localName === 'textarea', 'focus in the composer');
    expect(shadow<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Could you share your order number, please?');
    expect(el.draft).to.equal('Could you share your order number, please?');
    expect(world.store.state.interactions[id]?.messages.filter((m) => m.author === 'agent').length).to.equal(sent);
  });

  it('R-COMP-06: a reply goes after what the agent typed', async () => {
    const world = createWorld();
    const { el } = await pane(world, 'webchat', 'thanks, that is great');
    await until(() => replies(el).length > 0, 'the suggestions');
    el.draft = 'Glad to help.';
    await el.updateComplete;
    const first = replies(el)[0];
    first?.click();
    await el.updateComplete;
    expect(el.draft).to.equal(`Glad to help. ${first?.textContent ?? ''}`);
  });

  it('R-COMP-06: replies follow the customer’s newest message', async () => {
    const world = createWorld();
    const { id, el } = await pane(world, 'sms', 'thank you');
    await until(() => replies(el).length > 0, 'the first suggestions');
    const before = replies(el).map((b) => b.textContent);
    world.simulator.customerMessage(id, 'The parcel tracking shows an error');
    await until(() => replies(el).map((b) => b.textContent).join() !== before.join() && replies(el).length > 0, 'new suggestions');
    expect(replies(el)[0]?.textContent).to.equal('Could you share your order number, please?');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-06: hidden without the suggestions capability', async () => {
    const world = createWorld({ capabilities: { suggestions: false } });
    const { el } = await pane(world, 'webchat', 'Where is my order?');
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(group(el)).to.equal(undefined);
    expect(world.store.supports('suggestions')).to.equal(false);
  });

  it('R-COMP-06: a failure shows no controls and is reported on errors$', async () => {
    const world = createWorld();
    const errors: StoreError[] = [];
    const sub = world.store.errors$.subscribe((e) => errors.push(e));
    const original = world.simulator.suggestReplies.bind(world.simulator);
    world.simulator.suggestReplies = () => Promise.reject(new Error('the suggestion service is down'));
    const { el } = await pane(world, 'webchat', 'Where is my order?');
    await until(() => errors.some((e) => e.command === 'suggestReplies'), 'the reported failure');
    await el.updateComplete;
    expect(group(el)).to.equal(undefined);
    expect(errors.find((e) => e.command === 'suggestReplies')?.message).to.contain('down');
    sub.unsubscribe();
    world.simulator.suggestReplies = original;
  });

  it('R-COMP-06: the group is named 建议回复 in zh-CN', async () => {
    setLocale('zh-CN');
    const world = createWorld();
    const { el } = await pane(world, 'webchat', 'Where is my order?');
    await until(() => replies(el).length > 0, 'the suggestions');
    const g = group(el);
    expect(g && accessibleName(g)).to.equal('建议回复');
    await expect(el).to.be.accessible();
  });
});
