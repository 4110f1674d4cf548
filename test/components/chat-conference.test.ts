import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** The header's labelled values, by label. */
function facts(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of shadowAll(el, 'header dl > div')) {
    out[row.querySelector('dt')?.textContent?.trim() ?? ''] = row.querySelector('dd')?.textContent?.trim() ?? '';
  }
  return out;
}

describe('chat pane in a conference', () => {
  afterEach(disposeWorlds);

  it('R-X-06: the header lists the participants once a second agent joins, in English and Chinese', async () => {
    const world = createWorld({ agentResponseMs: 10 });
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
    expect(facts(el)).to.not.have.property('Participants');

    await world.store.inviteToConference(id, 'agent-priya');
    await untilState(world.store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
    await el.updateComplete;
    expect(facts(el)['Participants']).to.equal('Jane Doe (customer), Alex Morgan (you), Priya Natarajan (agent)');
    await expect(el).to.be.accessible();

    // A conference peer's message is told apart from the customer's: its own part and the peer's name.
    world.simulator.peerMessage(id, 'I can take the refund part.');
    await until(() => shadowAll(el, '[part~="peer-bubble"]').length === 1, 'the peer bubble', 15000);
    const peer = shadow(el, '[part~="peer-bubble"]');
    expect(peer.getAttribute('part')).to.not.contain('customer-bubble');
    const customer = shadow(el, '[part~="customer-bubble"]');
    expect(getComputedStyle(peer).backgroundColor).to.not.equal(getComputedStyle(customer).backgroundColor);
    expect(peer.closest('.row, li, div')?.textContent).to.contain('Priya Natarajan');
    await expect(el).to.be.accessible();

    setLocale('zh-CN');
    await el.updateComplete;
    expect(facts(el)['参与者']).to.contain('Priya Natarajan（座席）');
    expect(shadow(el, 'header').textContent).to.contain('Jane Doe（客户）');
  });
});
