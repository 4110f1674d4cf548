import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createWorld, disposeWorlds, shadowAll, until, untilState } from '../helpers/world.js';

/** The pane header's notice lines. */
const headerLines = (el: Element) => shadowAll(el, 'header p').map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('chat pane: a conference invitation nobody answers', () => {
  afterEach(disposeWorlds);

  it('R-CONF-01: an offline agent does not answer: the header says so (not "declined"), in English and Chinese', async () => {
    const world = createWorld({ agentResponseMs: 10 });
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', 15000);
    await world.store.inviteToConference(id, 'agent-hannah');
    await untilState(world.store, (s) => s.interactions[id]?.conferenceDeclined !== undefined, 'the invitation to come to nothing');
    expect(world.store.state.interactions[id]?.conferenceDeclined).to.deep.equal({ agent: { id: 'agent-hannah', name: 'Hannah Schmidt' }, reason: 'timeout' });
    await el.updateComplete;
    expect(headerLines(el).some((l) => l.includes('Hannah Schmidt did not answer the conference invitation.'))).to.equal(true);
    expect(headerLines(el).some((l) => l.includes('declined'))).to.equal(false);
    await expect(el).to.be.accessible();
    setLocale('zh-CN');
    await el.updateComplete;
    expect(headerLines(el).some((l) => l.includes('Hannah Schmidt 未回应会议邀请。'))).to.equal(true);
    // A new invitation forgets the old outcome.
    await world.store.inviteToConference(id, 'agent-priya');
    expect(world.store.state.interactions[id]?.conferenceDeclined).to.equal(undefined);
  });
});
