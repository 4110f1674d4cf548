import { expect } from '@open-wc/testing';
import { createWorld, disposeWorlds, untilState } from '../helpers/world.js';

describe('store: sending email', () => {
  afterEach(disposeWorlds);

  it('R-MAIL-04: a reply goes out from the queue mailbox the customer wrote to, not from the agent name', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'email', customerName: 'Erin Mail', queue: 'q-email-billing', email: { subject: 'Invoice' } });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'the offer');
    await store.accept(id);
    const first = store.state.interactions[id]?.emails[0];
    expect(first?.to).to.deep.equal(['billing@acme.example']);
    const sending = store.sendEmail(id, {
      mode: 'reply',
      inReplyTo: first?.id ?? '',
      to: [first?.from ?? ''],
      cc: [],
      subject: 'Re: Invoice',
      html: '<p>Done</p>',
      text: 'Done',
    });
    // Shown at once, with the right sender, while it is being sent.
    const outbound = store.state.interactions[id]?.emails.find((e) => e.direction === 'outbound');
    expect(outbound?.from).to.equal('billing@acme.example');
    const emailId = await sending;
    expect(store.state.interactions[id]?.emails.find((e) => e.id === emailId)?.from).to.equal('billing@acme.example');
    expect(simulator.interaction(id)?.emails.find((e) => e.direction === 'outbound')?.from).to.equal('billing@acme.example');
  });
});
