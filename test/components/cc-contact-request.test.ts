import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { formatElapsed } from '../../src/core/format.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

function fields(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of shadowAll(el, 'dt')) out[dt.textContent?.trim() ?? ''] = dt.nextElementSibling?.textContent?.trim() ?? '';
  return out;
}

describe('<cc-contact-request>', () => {
  afterEach(disposeWorlds);

  it('R-OFFER-01: a WebChat offer shows customer name, email, queue, a timer and Accept', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await until(() => shadowAll(el, '.offer').length === 1, 'the offer');
    const f = fields(el);
    expect(f['Customer']).to.equal('Jane Doe');
    expect(f['Email']).to.match(/@/);
    expect(f['Queue']).to.be.a('string').and.not.equal('');
    expect(shadow(el, '[role="timer"]').textContent?.trim()).to.match(/^\d\d:\d\d$/);
    expect(button(el, 'Accept')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('R-OFFER-01: a Messenger offer shows the queue and source page; an SMS offer the phone and source numbers', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    const m = simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
    const s = simulator.offer({ channel: 'sms', customerName: 'Sam Text' });
    await until(() => shadowAll(el, '.offer').length === 2, 'two offers');
    el.interactionId = m;
    await el.updateComplete;
    expect(Object.keys(fields(el))).to.deep.equal(['Queue', 'Page']);
    expect(fields(el)['Page']).to.not.equal('');
    el.interactionId = s;
    await el.updateComplete;
    expect(Object.keys(fields(el))).to.deep.equal(['Queue', 'Phone number', 'Source number']);
    expect(fields(el)['Phone number']).to.match(/\d/);
    expect(fields(el)['Source number']).to.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it('R-OFFER-02: the timer shows time since the offer, mm:ss, h:mm:ss past an hour, ticking every second', async () => {
    expect(formatElapsed(0)).to.equal('00:00');
    expect(formatElapsed(65_000)).to.equal('01:05');
    expect(formatElapsed(3_725_000)).to.equal('1:02:05');
    expect(formatElapsed(-5)).to.equal('00:00');
    const { store } = createWorld();
    store.ingest({
      type: 'offer',
      at: Date.now() - 3_725_000,
      interactionId: 'old',
      channel: 'webchat',
      queue: { id: 'q', name: 'Support' },
      customer: { name: 'Slow Poke' },
      source: { email: 'slow@example.com' },
    });
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    const timer = shadow(el, '[role="timer"]');
    const first = timer.textContent?.trim() ?? '';
    expect(first).to.match(/^1:02:0[5-6]$/);
    await until(() => shadow(el, '[role="timer"]').textContent?.trim() !== first, 'the timer to tick', 2500);
  });

  it('R-OFFER-05: Accept opens the conversation with the composer focused', async () => {
    const { simulator, store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div>
      <cc-contact-request .store=${store}></cc-contact-request>
      <cc-chat-widget .store=${store} channel="webchat"></cc-chat-widget>
    </div>`);
    const request = root.querySelector('cc-contact-request') as CcContactRequest;
    const chat = root.querySelector('cc-chat-widget') as CcChatWidget;
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi there' });
    await until(() => shadowAll(request, '.offer').length === 1, 'the offer');
    const accepted = oneEvent(request, 'cc-accept');
    button(request, 'Accept').click();
    expect((await accepted).detail).to.deep.equal({ interactionId: id, channel: 'webchat' });
    await until(() => chat.shadowRoot?.activeElement?.localName === 'textarea', 'the composer to take focus');
    expect(store.state.interactions[id]?.status).to.equal('active');
    expect(shadowAll(request, '.offer')).to.have.length(0);
    await expect(request).to.be.accessible();
  });

  it('R-OFFER-04: offers stop while the agent is in RONA and resume once set Available', async () => {
    const { simulator, store } = createWorld({ ronaTimeoutMs: 50 });
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    simulator.offer({ channel: 'sms', customerName: 'Ignored Offer' });
    await until(() => store.state.agent.availability === 'rona', 'RONA');
    await until(() => shadowAll(el, '.offer').length === 0, 'the timed-out offer to go');
    simulator.offer({ channel: 'webchat', customerName: 'During Rona' });
    await new Promise((r) => setTimeout(r, 30));
    expect(shadowAll(el, '.offer')).to.have.length(0);
    await store.setAgentState('available');
    simulator.offer({ channel: 'webchat', customerName: 'After Rona' });
    await until(() => shadowAll(el, '.offer').length >= 1, 'offers to resume');
    expect(shadowAll(el, 'h3').map((h) => h.textContent)).to.satisfy((names: string[]) => names.some((n) => n.includes('After Rona')));
  });

  it('R-X-01: renders in Chinese after a run-time locale switch', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    simulator.offer({ channel: 'sms', customerName: 'Li Lei' });
    await until(() => shadowAll(el, '.offer').length === 1, 'the offer');
    setLocale('zh-CN');
    await el.updateComplete;
    expect(button(el, '接受')).to.exist;
    expect(Object.keys(fields(el))).to.deep.equal(['队列名称', '电话号码', '源号']);
    await expect(el).to.be.accessible();
  });

  it('shows a clear, localised error and keeps the offer when accepting fails', async () => {
    const { store } = createWorld();
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    // An offer the backend does not know: its acceptOffer rejects.
    store.ingest({
      type: 'offer',
      at: Date.now(),
      interactionId: 'phantom',
      channel: 'webchat',
      queue: { id: 'q', name: 'Support' },
      customer: { name: 'Phantom' },
      source: {},
    });
    await until(() => shadowAll(el, '.offer').some((o) => o.textContent?.includes('Phantom')), 'the phantom offer');
    const phantom = shadowAll(el, '.offer').find((o) => o.textContent?.includes('Phantom'));
    const accepted: string[] = [];
    el.addEventListener('cc-accept', (e) => accepted.push(e.detail.interactionId));
    phantom?.querySelector('button')?.click();
    await until(() => shadowAll(el, '[role="alert"]').length === 1, 'the error');
    // Events report what the store took: a refused accept fires no cc-accept.
    expect(accepted).to.deep.equal([]);
    expect(shadow(el, '[role="alert"]').textContent).to.contain('Could not accept the request');
    expect(store.state.interactions['phantom']?.status).to.equal('offered');
    await expect(el).to.be.accessible();
  });

  it('says when there is nothing to show, and is accessible empty', async () => {
    const { store } = createWorld();
    const el = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    expect(shadow(el, '[part="empty"]').textContent).to.equal('No contact requests');
    await expect(el).to.be.accessible();
  });
});
