import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { CcTaskList } from '../../src/components/cc-task-list/cc-task-list.js';
import { setLocale } from '../../src/controllers/localize.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

function fields(task: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of task.querySelectorAll('dt')) out[dt.textContent?.trim() ?? ''] = dt.nextElementSibling?.textContent?.trim() ?? '';
  return out;
}

describe('<cc-task-list>', () => {
  afterEach(disposeWorlds);

  it('R-OFFER-03: an SMS offer shows queue, phone number, source number, timer and Accept', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${store} channel="sms"></cc-task-list>`);
    const id = simulator.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Is my order shipped?' });
    simulator.offer({ channel: 'webchat', customerName: 'Not Listed' });
    await until(() => shadowAll(el, 'li').length === 1, 'the sms task');
    const task = shadow(el, 'li');
    const f = fields(task);
    expect(Object.keys(f)).to.deep.equal(['Queue', 'Phone number', 'Source number']);
    expect(f['Queue']).to.equal(store.state.interactions[id]?.queue.name);
    expect(f['Phone number']).to.equal(store.state.interactions[id]?.source.phoneNumber);
    expect(f['Source number']).to.equal(`${store.state.interactions[id]?.source.sourceNumber ?? ''} (long code)`);
    expect(shadow(el, '[role="timer"]').textContent).to.match(/^\d\d:\d\d$/);
    await expect(el).to.be.accessible();
    const accepted = oneEvent(el, 'cc-accept');
    button(el, 'Accept').click();
    expect((await accepted).detail).to.deep.equal({ interactionId: id, channel: 'sms' });
    await untilState(store, (s) => s.interactions[id]?.status === 'active', 'accepted');
  });

  it('R-CHAT-08: lists open tasks with unread badges; choosing one shows it', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${store}></cc-task-list>`);
    const a = simulator.offer({ channel: 'webchat', customerName: 'Ann A', text: 'one' });
    const b = simulator.offer({ channel: 'webchat', customerName: 'Bea B', text: 'two' });
    await untilState(store, (s) => s.order.length === 2, 'offers');
    await store.accept(a);
    await store.accept(b);
    simulator.customerMessage(a, 'are you there?');
    await until(() => shadowAll(el, '[part="badge"]').length === 2, 'badges');
    const badgeText = shadowAll(el, '[part="badge"]').map((x) => x.textContent?.replace(/\s+/g, ' ').trim());
    expect(badgeText[0]).to.contain('2 unread');
    await expect(el).to.be.accessible();
    const selected = oneEvent(el, 'cc-task-select');
    button(el, 'Open conversation with Ann A').click();
    expect((await selected).detail).to.deep.equal({ interactionId: a, channel: 'webchat' });
    expect(store.state.focused.webchat).to.equal(a);
    await el.updateComplete;
    expect(button(el, 'Open conversation with Ann A').getAttribute('aria-current')).to.equal('true');
  });

  it('R-OFFER-01: hide-offers leaves offers to the contact request, so each offer has one Accept', async () => {
    const { simulator, store } = createWorld();
    const page = await fixture<HTMLElement>(
      html`<div><cc-contact-request .store=${store}></cc-contact-request><cc-task-list .store=${store} hide-offers></cc-task-list></div>`,
    );
    const list = page.querySelector('cc-task-list');
    if (!list) throw new Error('no task list');
    const open = simulator.offer({ channel: 'webchat', customerName: 'Ann Open', text: 'one' });
    await untilState(store, (s) => s.order.length === 1, 'the first offer');
    await store.accept(open);
    simulator.offer({ channel: 'sms', customerName: 'Sam Waiting', text: 'two' });
    await untilState(store, (s) => s.order.length === 2, 'the second offer');
    await until(() => shadowAll(list, 'li').length === 1, 'the open task alone');
    expect(shadow(list, 'li').textContent).to.contain('Ann Open');
    expect(shadowAll(list, '[part="accept"]')).to.have.length(0);
    const request = page.querySelector('cc-contact-request');
    if (!request) throw new Error('no contact request');
    await until(() => shadowAll(request, 'button').some((b) => b.textContent?.trim() === 'Accept'), 'the offer in the contact request');
    await expect(list).to.be.accessible();
    list.hideOffers = false;
    await until(() => shadowAll(list, '[part="accept"]').length === 1, 'offers listed again');
  });

  it('R-X-01: speaks Chinese, and is accessible empty', async () => {
    const { store } = createWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${store}></cc-task-list>`);
    expect(shadow(el, '[part="empty"]').textContent).to.equal('No tasks');
    await expect(el).to.be.accessible();
    setLocale('zh-CN');
    await el.updateComplete;
    expect(shadow(el, '[part="empty"]').textContent).to.equal('没有任务');
  });
});
