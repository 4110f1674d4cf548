import { expect } from '@open-wc/testing';
import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import { clearSimulatedWorld } from '../../src/adapters/simulated/persistence.js';
import type { Channel } from '../../src/core/types.js';
import type { ContactCenterEvent, ContactCenterEventType } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { CcState } from '../../src/core/store/state.js';

type EventOf<T extends ContactCenterEventType> = Extract<ContactCenterEvent, { readonly type: T }>;

interface World {
  readonly sim: SimulatedContactCenter;
  readonly store: InteractionStore;
  readonly events: ContactCenterEvent[];
  close(): void;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function world(options: SimulatedContactCenterOptions = {}): World {
  const sim = new SimulatedContactCenter({ seed: 3, latencyMs: 0, agentResponseMs: 10, readDelayMs: 5, typingTimeoutMs: 40, ...options });
  const events: ContactCenterEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const store = createInteractionStore(sim, { agent: sim.agent });
  const close = (): void => {
    store.dispose();
    sim.dispose();
  };
  cleanups.push(close);
  return { sim, store, events, close };
}

function ofType<T extends ContactCenterEventType>(events: readonly ContactCenterEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Polls every 5 ms, at most `tries` times: a hang guard counted in polls. */
async function until(condition: () => boolean, what: string, tries = 400): Promise<void> {
  for (let left = tries; !condition(); left--) {
    if (left <= 0) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const untilState = (store: InteractionStore, condition: (s: CcState) => boolean, what: string): Promise<void> => until(() => condition(store.state), what);

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`, { cause: e });
  }
  throw new Error('expected a rejection');
}

async function accepted(w: World, channel: Channel = 'webchat'): Promise<string> {
  const id = w.sim.offer({ channel, customerName: 'Jane Doe', text: channel === 'email' ? undefined : 'Hello' });
  await untilState(w.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await w.store.accept(id);
  return id;
}

async function started(w: World, agentId = 'agent-priya'): Promise<string> {
  const id = await accepted(w);
  await w.sim.startConsult({ interactionId: id, agentId });
  await untilState(w.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the consult to start');
  return id;
}

describe('SimulatedContactCenter consult', () => {
  it('R-CTX-06: an available agent joins the private thread and greets; nothing reaches the customer', async () => {
    const w = world();
    const id = await accepted(w);
    await w.sim.startConsult({ interactionId: id, agentId: 'agent-priya' });
    expect(w.store.state.interactions[id]?.consult).to.deep.include({ state: 'requested', agent: { id: 'agent-priya', name: 'Priya Natarajan' } });
    await untilState(w.store, (s) => (s.interactions[id]?.consult?.messages.length ?? 0) === 1, 'the greeting');
    const consult = w.store.state.interactions[id]?.consult;
    expect(consult?.state).to.equal('started');
    expect(consult?.messages[0]).to.include({ author: 'peer', authorName: 'Priya Natarajan' });
    expect(ofType(w.events, 'consult').map((e) => e.state)).to.deep.equal(['requested', 'started']);

    const messageId = await w.store.sendConsultMessage(id, 'Can you take a refund question?');
    await untilState(w.store, (s) => (s.interactions[id]?.consult?.messages.length ?? 0) === 3, 'the reply');
    const messages = w.store.state.interactions[id]?.consult?.messages ?? [];
    expect(messages.find((m) => m.id === messageId)).to.include({ author: 'agent', status: 'sent', text: 'Can you take a refund question?' });
    expect(messages[2]).to.include({ author: 'peer', text: 'Got it. I can take this one.' });

    // The private thread is never the customer's conversation.
    const customerSide = w.sim.interaction(id)?.transcript.map((m) => m.text) ?? [];
    expect(customerSide.join('\n')).to.not.contain('refund question');
    expect(customerSide.join('\n')).to.not.contain('I can take this one');
    expect(ofType(w.events, 'message-received').some((e) => e.message.author === 'peer')).to.equal(false);
    expect(w.store.state.interactions[id]?.messages.filter((m) => m.author !== 'system').map((m) => m.text)).to.deep.equal(['Hello']);
  });

  it('R-CTX-06: an agent who is busy declines; one who is offline does not answer (timeout)', async () => {
    const w = world();
    const busy = await accepted(w);
    await w.sim.startConsult({ interactionId: busy, agentId: 'agent-mei' });
    await untilState(w.store, (s) => s.interactions[busy]?.consult?.state === 'declined', 'the decline');
    expect(w.store.state.interactions[busy]?.consult?.reason).to.equal('declined');

    const offline = await accepted(w, 'messenger');
    await w.sim.startConsult({ interactionId: offline, agentId: 'agent-hannah' });
    await untilState(w.store, (s) => s.interactions[offline]?.consult?.state === 'declined', 'the timeout');
    expect(w.store.state.interactions[offline]?.consult?.reason).to.equal('timeout');
    // A declined consult leaves the interaction as it was, and another can start.
    expect(w.store.state.interactions[offline]?.status).to.equal('active');
    await w.sim.startConsult({ interactionId: offline, agentId: 'agent-tom' });
    await untilState(w.store, (s) => s.interactions[offline]?.consult?.state === 'started', 'the second consult');
  });

  it('R-CTX-06: Complete transfer hands the customer over: consult completed, transfer completed, wrap-up (transferred)', async () => {
    const w = world();
    const id = await started(w);
    await w.store.completeConsultTransfer(id);
    const i = w.store.state.interactions[id];
    expect(i?.consult?.state).to.equal('completed');
    expect(i?.transfer).to.deep.equal({ target: { kind: 'agent', agentId: 'agent-priya' }, state: 'completed' });
    expect(i).to.include({ status: 'wrapup', endReason: 'transferred' });
    const order = w.events.filter((e) => e.type === 'consult' || e.type === 'transfer' || e.type === 'interaction-ended').map((e) => e.type);
    expect(order.slice(-3)).to.deep.equal(['consult', 'transfer', 'interaction-ended']);
  });

  it('R-CTX-06: Cancel consult keeps the customer; the agent can still write to them', async () => {
    const w = world();
    const id = await started(w);
    await w.store.cancelConsult(id);
    expect(w.store.state.interactions[id]).to.deep.include({ status: 'active' });
    expect(w.store.state.interactions[id]?.consult?.state).to.equal('cancelled');
    await w.store.send(id, 'Still here with you');
    expect(w.sim.interaction(id)?.sentMessages.map((m) => m.text)).to.deep.equal(['Still here with you']);
    // Cancelling a request before the answer stops the answer.
    const other = await accepted(w, 'sms');
    await w.sim.startConsult({ interactionId: other, agentId: 'agent-tom' });
    await w.store.cancelConsult(other);
    await new Promise((r) => setTimeout(r, 40));
    expect(w.store.state.interactions[other]?.consult?.state).to.equal('cancelled');
  });

  it('R-CTX-06: rejects email, self, unknown agents, inactive interactions, pending transfers, conferences, a second consult and a customer gone', async () => {
    const w = world({ agentResponseMs: 2000 });
    const email = await accepted(w, 'email');
    expect((await rejection(w.sim.startConsult({ interactionId: email, agentId: 'agent-priya' }))).message).to.contain('Email');

    const id = await accepted(w);
    expect((await rejection(w.sim.startConsult({ interactionId: id, agentId: w.sim.agent.id }))).message).to.contain('yourself');
    expect((await rejection(w.sim.startConsult({ interactionId: id, agentId: 'agent-nobody' }))).message).to.contain('unknown agent');
    expect((await rejection(w.sim.startConsult({ interactionId: 'nope', agentId: 'agent-priya' }))).message).to.contain('unknown interaction');

    await w.sim.startConsult({ interactionId: id, agentId: 'agent-priya' });
    expect((await rejection(w.sim.startConsult({ interactionId: id, agentId: 'agent-tom' }))).message).to.contain('already');
    await w.sim.cancelConsult(id);

    const transferring = await accepted(w, 'messenger');
    await w.store.transfer(transferring, { kind: 'agent', agentId: 'agent-tom' });
    expect((await rejection(w.sim.startConsult({ interactionId: transferring, agentId: 'agent-priya' }))).message).to.contain('transfer');

    const conference = await accepted(w, 'sms');
    await w.store.inviteToConference(conference, 'agent-tom');
    expect((await rejection(w.sim.startConsult({ interactionId: conference, agentId: 'agent-priya' }))).message).to.contain('conference');

    const gone = await accepted(w);
    w.sim.customerLeaves(gone);
    expect((await rejection(w.sim.startConsult({ interactionId: gone, agentId: 'agent-priya' }))).message).to.contain('left');

    const ended = await accepted(w);
    await w.store.end(ended);
    expect((await rejection(w.sim.startConsult({ interactionId: ended, agentId: 'agent-priya' }))).message).to.contain('wrapup');

    // Without a consult in progress, nothing to send, complete or cancel.
    expect((await rejection(w.sim.sendConsultMessage({ interactionId: id, clientMessageId: 'c1', text: 'x' }))).message).to.contain('no consult');
    expect((await rejection(w.sim.completeConsultTransfer(id))).message).to.contain('no consult');
    expect((await rejection(w.sim.cancelConsult(id))).message).to.contain('none in progress');
  });

  it('R-CTX-06: with failureRate 1 the commands fail and nothing changes; the same client id is sent once', async () => {
    const w = world();
    const id = await started(w);
    const first = await w.sim.sendConsultMessage({ interactionId: id, clientMessageId: 'consult-client-1', text: 'Once' });
    const again = await w.sim.sendConsultMessage({ interactionId: id, clientMessageId: 'consult-client-1', text: 'Once' });
    expect(again.messageId).to.equal(first.messageId);

    w.sim.failureRate = 1;
    const failedId = await w.store.sendConsultMessage(id, 'Lost in the network');
    const failed = w.store.state.interactions[id]?.consult?.messages.find((m) => m.id === failedId);
    expect(failed).to.include({ status: 'failed', text: 'Lost in the network' });
    expect(failed?.error).to.contain('simulated failure');
    expect((await rejection(w.store.completeConsultTransfer(id))).message).to.contain('simulated failure');
    expect(w.store.state.interactions[id]).to.deep.include({ status: 'active' });
    expect(w.store.state.interactions[id]?.consult?.state).to.equal('started');
    const other = await accepted(w, 'messenger');
    expect((await rejection(w.sim.startConsult({ interactionId: other, agentId: 'agent-tom' }))).message).to.contain('simulated failure');
    expect(w.store.state.interactions[other]?.consult).to.equal(undefined);
    // Cancel never fails at random: the agent can always get out.
    await w.store.cancelConsult(id);
    expect(w.store.state.interactions[id]?.consult?.state).to.equal('cancelled');
  });

  it('R-CTX-06: an agent gone by Complete transfer makes the consult fail; the agent keeps the customer', async () => {
    const w = world();
    const id = await started(w);
    w.sim.setAgentAvailability('agent-priya', 'offline');
    await w.store.completeConsultTransfer(id);
    const i = w.store.state.interactions[id];
    expect(i?.consult).to.deep.include({ state: 'failed', error: 'Priya Natarajan is no longer available' });
    expect(i?.status).to.equal('active');
    expect(i?.transfer).to.equal(undefined);
  });

  it('R-CTX-06: ending the conversation mid-consult ends the consult too', async () => {
    const w = world();
    const id = await started(w);
    await w.store.end(id);
    expect(w.store.state.interactions[id]?.status).to.equal('wrapup');
    expect(w.store.state.interactions[id]?.consult?.state).to.equal('cancelled');
  });

  it('R-CTX-07: with consult switched off the commands reject and the store hides it', async () => {
    const w = world({ capabilities: { consult: false } });
    const id = await accepted(w);
    expect(w.store.supports('consult')).to.equal(false);
    expect((await rejection(w.sim.startConsult({ interactionId: id, agentId: 'agent-priya' }))).message).to.contain('does not support consult');
    w.sim.setCapabilities({ consult: true });
    await untilState(w.store, (s) => s.capabilities.consult, 'consult on');
    await w.store.startConsult(id, 'agent-priya');
    await untilState(w.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the consult');
  });

  describe('a reload', () => {
    const keys: string[] = [];
    afterEach(() => {
      for (const key of keys.splice(0)) clearSimulatedWorld(sessionStorage, key);
    });
    const persisted = (key: string, options: SimulatedContactCenterOptions = {}): World => world({ seed: 5, persist: { storage: sessionStorage, key }, ...options });

    it('R-CTX-06: a consult in progress survives, with its private thread; it can then complete', async () => {
      const key = `cc-test:consult:${Math.random().toString(36).slice(2, 8)}`;
      keys.push(key);
      const before = persisted(key);
      const id = await started(before);
      await before.store.sendConsultMessage(id, 'Before the reload');
      await untilState(before.store, (s) => (s.interactions[id]?.consult?.messages.length ?? 0) === 3, 'the reply');
      before.close();

      const after = persisted(key);
      await untilState(after.store, (s) => (s.interactions[id]?.consult?.messages.length ?? 0) === 3, 'the thread after the reload');
      const consult = after.store.state.interactions[id]?.consult;
      expect(consult?.state).to.equal('started');
      expect(consult?.messages.map((m) => m.author)).to.deep.equal(['peer', 'agent', 'peer']);
      expect(consult?.messages[1]).to.include({ text: 'Before the reload', status: 'sent' });
      await after.store.completeConsultTransfer(id);
      expect(after.store.state.interactions[id]).to.include({ status: 'wrapup', endReason: 'transferred' });
    });

    it('R-CTX-06: a request unanswered at the reload is answered after it', async () => {
      const key = `cc-test:consult:${Math.random().toString(36).slice(2, 8)}`;
      keys.push(key);
      const before = persisted(key, { agentResponseMs: 100_000 });
      const id = await accepted(before);
      await before.sim.startConsult({ interactionId: id, agentId: 'agent-tom' });
      await new Promise((r) => setTimeout(r, 0));
      before.close();

      const after = persisted(key);
      await untilState(after.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the answer after the reload');
      expect(after.store.state.interactions[id]?.consult?.agent.name).to.equal('Tom Becker');
    });
  });
});
