import { expect } from '@open-wc/testing';
import { SimulatedContactCenter } from '../../src/adapters/simulated/index.js';
import { COMMAND_ARGS } from '../../src/adapters/websocket/protocol.js';
import { validateEvent } from '../../src/core/validate.js';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('simulator: Bcc and From of a sent email', () => {
  let sim: SimulatedContactCenter;
  afterEach(() => sim.dispose());

  async function emailInteraction(queue?: string): Promise<{ id: string; latest: string }> {
    sim = new SimulatedContactCenter({ latencyMs: 0, autoplay: false });
    const id = sim.offer({ channel: 'email', ...(queue ? { queue } : {}), email: { subject: 'Help' } });
    await sim.acceptOffer(id);
    return { id, latest: sim.interaction(id)?.emails[0]?.id ?? '' };
  }

  const request = (interactionId: string, inReplyTo: string) => ({
    interactionId,
    clientEmailId: `c-${Math.random()}`,
    mode: 'reply' as const,
    inReplyTo,
    to: ['x@example.com'],
    cc: [],
    subject: 'Re: Help',
    html: '<p>hi</p>',
    text: 'hi',
    attachments: [],
  });

  it("R-COMP-05: email queues list their mailboxes", async () => {
    sim = new SimulatedContactCenter({ latencyMs: 0, autoplay: false });
    const queues = await sim.listQueues('email');
    expect(queues.map((q) => q.mailboxes)).to.deep.equal([
      ['support@acme.example', 'help@acme.example'],
      ['billing@acme.example', 'accounts@acme.example'],
    ]);
  });

  it('R-COMP-05: Bcc addresses are checked like Cc and kept on the sent email', async () => {
    const { id, latest } = await emailInteraction();
    const bad = await rejection(sim.sendEmail({ ...request(id, latest), bcc: ['not an address'] }));
    expect(bad.message).to.contain('invalid email address "not an address"');
    const { emailId } = await sim.sendEmail({ ...request(id, latest), bcc: ['audit@acme.example'] });
    const sent = sim.interaction(id)?.emails.find((e) => e.id === emailId);
    expect(sent?.bcc).to.deep.equal(['audit@acme.example']);
    expect(sent?.from).to.equal('support@acme.example');
    // What the backend reports of it passes the store's event checks.
    const checked = validateEvent({ type: 'email-received', interactionId: id, email: sent, at: sent?.timestamp });
    expect(checked.ok ? '' : checked.error).to.equal('');
  });

  it("R-COMP-05: From must be one of the queue's mailboxes", async () => {
    const { id, latest } = await emailInteraction('q-email-billing');
    const foreign = await rejection(sim.sendEmail({ ...request(id, latest), from: 'help@acme.example' }));
    expect(foreign.message).to.contain('not a mailbox of this queue');
    const { emailId } = await sim.sendEmail({ ...request(id, latest), from: 'accounts@acme.example' });
    expect(sim.interaction(id)?.emails.find((e) => e.id === emailId)?.from).to.equal('accounts@acme.example');
  });

  it('R-COMP-05: the WebSocket protocol accepts bcc and from, and checks their types', () => {
    const base = request('i-1', 'e-1');
    expect(COMMAND_ARGS.sendEmail({ ...base, bcc: ['a@b.example'], from: 'help@acme.example' }, 'args')).to.equal(undefined);
    expect(COMMAND_ARGS.sendEmail(base, 'args')).to.equal(undefined);
    expect(COMMAND_ARGS.sendEmail({ ...base, bcc: 'a@b.example' }, 'args')).to.be.a('string');
    expect(COMMAND_ARGS.sendEmail({ ...base, from: 5 }, 'args')).to.be.a('string');
  });
});
