import { expect } from '@open-wc/testing';
import {
  MAX_ATTACHMENT_BYTES,
  SEED_DIRECTORY,
  SimulatedContactCenter,
  type SimulatedContactCenterOptions,
} from '../../src/adapters/simulated/index.js';
import { SeededRandom } from '../../src/adapters/simulated/random.js';
import type { ContactCenterEvent, ContactCenterEventType } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore, type StoreError } from '../../src/core/store/store.js';
import type { CcState } from '../../src/core/store/state.js';
import { validateEvent } from '../../src/core/validate.js';

type EventOf<T extends ContactCenterEventType> = Extract<ContactCenterEvent, { readonly type: T }>;

interface World {
  readonly sim: SimulatedContactCenter;
  readonly store: InteractionStore;
  readonly events: ContactCenterEvent[];
  readonly errors: StoreError[];
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A simulator with fast timings, wired into a real store; every event and store error is recorded. */
function world(options: SimulatedContactCenterOptions = {}): World {
  const sim = new SimulatedContactCenter({
    seed: 1,
    latencyMs: 0,
    readDelayMs: 5,
    typingTimeoutMs: 40,
    agentResponseMs: 10,
    ...options,
  });
  const events: ContactCenterEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const store = createInteractionStore(sim, { agent: sim.agent });
  const errors: StoreError[] = [];
  store.errors$.subscribe((e) => errors.push(e));
  cleanups.push(() => {
    store.dispose();
    sim.dispose();
  });
  return { sim, store, events, errors };
}

function ofType<T extends ContactCenterEventType>(events: readonly ContactCenterEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls every 5 ms, at most `tries` times: a hang guard counted in polls, not measured on the clock. */
async function until(condition: () => boolean, what: string, tries = 400): Promise<void> {
  for (let left = tries; !condition(); left--) {
    if (left <= 0) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function untilState(store: InteractionStore, condition: (s: CcState) => boolean, what: string): Promise<void> {
  await until(() => condition(store.state), what);
}

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`, { cause: e });
  }
  throw new Error('expected a rejection');
}

/** Offers an interaction and accepts it through the store. */
async function accepted(w: World, options: Parameters<SimulatedContactCenter['offer']>[0]): Promise<string> {
  const id = w.sim.offer(options);
  await w.store.accept(id);
  await untilState(w.store, (s) => (s.interactions[id]?.participants.length ?? 0) > 0 || options.role === 'invitee', 'the customer to join');
  return id;
}

describe('SimulatedContactCenter', () => {
  describe('events', () => {
    it('stamps every event with the clock time and an increasing seq from 1, all valid for the store', async () => {
      let clock = 1000;
      const { sim, events, errors } = world({ now: () => (clock += 10) });
      const id = sim.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
      await sim.acceptOffer(id);
      sim.customerTyping(id);
      sim.customerMessage(id, 'Are you there?');
      expect(events.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5]);
      for (let i = 1; i < events.length; i++) expect((events[i] as ContactCenterEvent).at).to.be.greaterThan((events[i - 1] as ContactCenterEvent).at);
      for (const e of events) expect(validateEvent(e).ok, e.type).to.equal(true);
      expect(errors).to.deep.equal([]);
    });

    it('keeps the order when a subscriber scripts the simulator from its handler', () => {
      const sim = new SimulatedContactCenter({ latencyMs: 0 });
      cleanups.push(() => sim.dispose());
      sim.events$.subscribe((e) => {
        if (e.type === 'offer') sim.customerMessage(e.interactionId, 'right after the offer');
      });
      const seen: number[] = [];
      sim.events$.subscribe((e) => seen.push(e.seq ?? -1));
      sim.offer({ channel: 'sms' });
      expect(seen).to.deep.equal([1, 2]);
    });
  });

  describe('offers', () => {
    it('R-OFFER-01: builds the source per channel: page, phone + source number, customer email', () => {
      const { sim, events } = world();
      sim.offer({ channel: 'messenger', customerName: 'Ana Souza' });
      sim.offer({ channel: 'sms', customerName: 'Ana Souza' });
      sim.offer({ channel: 'webchat', customerName: 'Ana Souza' });
      sim.offer({ channel: 'email', customerName: 'Zed Unknown' });
      const [messenger, sms, webchat, email] = ofType(events, 'offer');
      expect(messenger?.source).to.deep.equal({ page: 'Acme Support' });
      expect(messenger?.queue).to.deep.equal({ id: 'q-messenger-support', name: 'Messenger Support' });
      expect(sms?.source).to.deep.equal({ phoneNumber: '+1 555 0123', sourceNumber: '+1 555 0100', sourceNumberKind: 'long-code' });
      expect(sms?.customer).to.deep.equal({ name: 'Ana Souza', phone: '+1 555 0123' });
      expect(webchat?.source).to.deep.equal({ email: 'ana.souza@example.com' });
      expect(email?.source).to.deep.equal({ email: 'zed.unknown@example.com' });
      expect(email?.customer.email).to.equal('zed.unknown@example.com');
    });

    it('R-OFFER-01: takes the queue by id or name and the source overrides; refuses queues that do not serve the channel', () => {
      const { sim, events } = world();
      sim.offer({ channel: 'sms', queue: 'general enquiries', source: { sourceNumber: '+44 20 7946 0000' } });
      sim.offer({ channel: 'webchat', queue: 'q-priority' });
      const [sms, webchat] = ofType(events, 'offer');
      expect(sms?.queue.name).to.equal('General Enquiries');
      expect(sms?.source.sourceNumber).to.equal('+44 20 7946 0000');
      expect(webchat?.queue.id).to.equal('q-priority');
      expect(() => sim.offer({ channel: 'email', queue: 'q-priority' })).to.throw(/does not serve email/);
      expect(() => sim.offer({ channel: 'sms', queue: 'nowhere' })).to.throw(/Unknown queue/);
    });

    it('turns text into the opening chat message and email into the opening email', () => {
      const { sim, events, store } = world();
      const chat = sim.offer({ channel: 'messenger', customerName: 'Li Wei', text: '**Hi**', format: 'markdown' });
      const mail = sim.offer({
        channel: 'email',
        customerName: 'Olivia Brown',
        queue: 'Billing (Email)',
        email: { subject: 'Invoice', html: '<p>See <b>table</b></p>', cc: ['boss@example.co.uk'] },
        attachments: [{ name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' }],
      });
      const [chatOffer, mailOffer] = ofType(events, 'offer');
      expect(chatOffer?.messages?.map((m) => [m.author, m.authorName, m.text, m.format])).to.deep.equal([['customer', 'Li Wei', '**Hi**', 'markdown']]);
      const email = mailOffer?.emails?.[0];
      expect(email).to.include({ direction: 'inbound', from: 'olivia.brown@example.co.uk', subject: 'Invoice', html: '<p>See <b>table</b></p>', status: 'received' });
      expect(email?.to).to.deep.equal(['billing@acme.example']);
      expect(email?.cc).to.deep.equal(['boss@example.co.uk']);
      expect(email?.attachments[0]).to.include({ name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' });
      expect(email?.attachments[0]?.url).to.match(/^blob:/);
      expect(store.state.interactions[chat]?.unread).to.equal(1);
      expect(store.state.interactions[mail]?.emails).to.have.length(1);
    });

    it('R-OFFER-05: acceptOffer emits interaction-accepted and the customer joining; the store shows the conversation', async () => {
      const { sim, store, events, errors } = world();
      const id = sim.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi' });
      await store.accept(id);
      await untilState(store, (s) => s.interactions[id]?.participants.length === 1, 'participant');
      expect(ofType(events, 'interaction-accepted').map((e) => e.interactionId)).to.deep.equal([id]);
      expect(ofType(events, 'participant-joined')[0]?.participant).to.deep.equal({
        id: SimulatedContactCenter.customerParticipantId(id),
        name: 'Jane Doe',
        kind: 'customer',
      });
      const i = store.state.interactions[id];
      expect(i?.status).to.equal('active');
      expect(i?.messages.map((m) => m.notice ?? m.text)).to.deep.equal(['customer-joined', 'Hi']);
      expect(sim.interaction(id)?.transcript.at(-1)).to.include({ author: 'system', notice: 'agent-joined', authorName: sim.agent.name });
      expect(errors).to.deep.equal([]);
    });

    it('acceptOffer rejects with a clear Error for an unknown id or an interaction not offered', async () => {
      const { sim } = world();
      expect((await rejection(sim.acceptOffer('nope'))).message).to.contain('unknown interaction nope');
      const id = sim.offer({ channel: 'sms' });
      await sim.acceptOffer(id);
      expect((await rejection(sim.acceptOffer(id))).message).to.contain('not offered');
    });

    it('R-OFFER-04: an unanswered offer is rescinded (timeout) and puts the agent in RONA; offers are held until Available', async () => {
      const { sim, store, events, errors } = world({ ronaTimeoutMs: 30 });
      const first = sim.offer({ channel: 'sms', customerName: 'Ignored' });
      expect(store.state.interactions[first]?.status).to.equal('offered');
      await untilState(store, (s) => s.agent.availability === 'rona', 'RONA');
      expect(store.state.interactions[first]).to.equal(undefined);
      expect(ofType(events, 'offer-rescinded').map((e) => [e.interactionId, e.reason])).to.deep.equal([[first, 'timeout']]);
      expect(sim.interaction(first)).to.include({ status: 'rescinded', rescindReason: 'timeout' });

      const held = sim.offer({ channel: 'webchat', customerName: 'During Rona', text: 'hello?' });
      sim.customerMessage(held, 'anyone?');
      await sleep(60);
      expect(ofType(events, 'offer')).to.have.length(1);
      expect(store.state.order).to.deep.equal([]);
      expect(sim.state.heldOffers).to.deep.equal([held]);
      expect(ofType(events, 'agent-state-changed')).to.have.length(1);

      expect((await rejection(sim.setAgentState('rona'))).message).to.contain('RONA');
      await store.setAgentState('available');
      expect(store.state.agent.availability).to.equal('available');
      expect(store.state.interactions[held]?.messages.map((m) => m.text)).to.deep.equal(['hello?', 'anyone?']);
      expect(sim.state.heldOffers).to.deep.equal([]);
      await store.accept(held);
      expect(errors).to.deep.equal([]);
    });

    it('R-OFFER-04: a held offer whose customer leaves is dropped without ever being offered', async () => {
      const { sim, events } = world({ ronaTimeoutMs: 10 });
      sim.offer({ channel: 'sms' });
      await until(() => sim.availability === 'rona', 'RONA');
      const held = sim.offer({ channel: 'sms' });
      sim.customerLeaves(held);
      await sim.setAgentState('available');
      expect(ofType(events, 'offer')).to.have.length(1);
      expect(sim.interaction(held)).to.include({ status: 'rescinded', rescindReason: 'customer-left' });
    });

    it('R-OFFER-04: offers (email included) wait while the agent is Idle and arrive, in order, on Available', async () => {
      const { sim, store, events } = world();
      await store.setAgentState('idle');
      const email = sim.offer({ channel: 'email', customerName: 'Waiting Email' });
      const chat = sim.offer({ channel: 'webchat', customerName: 'Waiting Chat' });
      await sleep(20);
      expect(ofType(events, 'offer')).to.have.length(0);
      expect(sim.state.heldOffers).to.deep.equal([email, chat]);
      await store.setAgentState('available');
      expect(ofType(events, 'offer').map((e) => e.interactionId)).to.deep.equal([email, chat]);
      expect(store.state.interactions[email]?.status).to.equal('offered');
    });

    it('ronaTimeoutMs Infinity never times out', async () => {
      const { sim } = world({ ronaTimeoutMs: Infinity });
      sim.offer({ channel: 'sms' });
      expect(sim.state.pendingTimers).to.equal(0);
    });
  });

  describe('chat', () => {
    it('R-CHAT-05: messenger: customer message, agent send, then sent → delivered → read in the store', async () => {
      const w = world();
      const { sim, store, events, errors } = w;
      const id = await accepted(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Where is my parcel?' });
      sim.customerMessage(id, 'It was due yesterday');
      expect(store.state.interactions[id]?.messages.filter((m) => m.author === 'customer').map((m) => m.text)).to.deep.equal([
        'Where is my parcel?',
        'It was due yesterday',
      ]);
      const messageId = await store.send(id, 'Let me check');
      const mine = (): string | undefined => store.state.interactions[id]?.messages.find((m) => m.id === messageId)?.status;
      expect(['sent', 'delivered', 'read']).to.include(mine());
      await until(() => mine() === 'read', 'the read receipt');
      expect(ofType(events, 'message-status').map((e) => [e.messageId, e.status])).to.deep.equal([
        [messageId, 'delivered'],
        [messageId, 'read'],
      ]);
      expect(sim.sentMessages(id).map((m) => [m.id, m.text, m.status])).to.deep.equal([[messageId, 'Let me check', 'read']]);
      expect(errors).to.deep.equal([]);
    });

    it('R-CHAT-05: sms gets receipts; webchat none; receipts wait for the latency', async () => {
      const w = world({ latencyMs: 20 });
      const sms = await accepted(w, { channel: 'sms' });
      const chat = await accepted(w, { channel: 'webchat' });
      const result = await w.sim.sendMessage({ interactionId: sms, clientMessageId: 'c-1', text: 'hi', format: 'plain', attachments: [] });
      expect(result.messageId).to.equal('c-1');
      expect(result.status).to.equal('sent');
      expect(ofType(w.events, 'message-status')).to.have.length(0);
      await w.sim.sendMessage({ interactionId: chat, clientMessageId: 'c-2', text: 'hi', format: 'plain', attachments: [] });
      await until(() => ofType(w.events, 'message-status').length === 2, 'sms receipts');
      await sleep(40);
      expect(ofType(w.events, 'message-status').every((e) => e.interactionId === sms)).to.equal(true);
    });

    it('sendMessage is idempotent on clientMessageId', async () => {
      const w = world();
      const id = await accepted(w, { channel: 'webchat' });
      const request = { interactionId: id, clientMessageId: 'same', text: 'once', format: 'plain' as const, attachments: [] };
      await w.sim.sendMessage(request);
      await w.sim.sendMessage(request);
      expect(w.sim.sentMessages(id)).to.have.length(1);
    });

    it('R-CHAT-05: with failureRate 1 a message fails; after setting 0 the retry is sent', async () => {
      const w = world({ failureRate: 1 });
      const { sim, store, errors } = w;
      const id = await accepted(w, { channel: 'messenger' });
      const messageId = await store.send(id, 'Please retry me');
      const failed = store.state.interactions[id]?.messages.find((m) => m.id === messageId);
      expect(failed?.status).to.equal('failed');
      expect(failed?.error).to.contain('simulated failure');
      expect(sim.sentMessages(id)).to.deep.equal([]);
      expect(errors.map((e) => e.code)).to.deep.equal(['command-failed']);
      sim.failureRate = 0;
      await store.retry(id, messageId);
      expect(store.state.interactions[id]?.messages.find((m) => m.id === messageId)?.status).to.be.oneOf(['sent', 'delivered', 'read']);
      expect(sim.sentMessages(id).map((m) => m.text)).to.deep.equal(['Please retry me']);
      expect(() => (sim.failureRate = 2)).to.throw(RangeError);
    });

    it('sendMessage rejects for an offer not accepted, an email, sms attachments, and a customer who left', async () => {
      const w = world();
      const { sim } = w;
      const send = (interactionId: string, attachments: readonly { id: string; name: string; size: number; mimeType: string }[] = []) =>
        sim.sendMessage({ interactionId, clientMessageId: `c-${Math.random()}`, text: 'x', format: 'plain', attachments });
      const offered = sim.offer({ channel: 'webchat' });
      expect((await rejection(send(offered))).message).to.contain('not active');
      const email = await accepted(w, { channel: 'email' });
      expect((await rejection(send(email))).message).to.contain('sendEmail');
      const sms = await accepted(w, { channel: 'sms' });
      expect((await rejection(send(sms, [{ id: 'a', name: 'a.png', size: 1, mimeType: 'image/png' }]))).message).to.contain('attachments');
      const chat = await accepted(w, { channel: 'webchat' });
      sim.customerLeaves(chat);
      expect((await rejection(send(chat))).message).to.contain('customer has left');
      expect((await rejection(send('nope'))).message).to.contain('unknown interaction');
    });

    it('R-X-05: typing shows, then stops after the timeout; a message ends it without a late stop', async () => {
      const w = world({ typingTimeoutMs: 30 });
      const { sim, store, events } = w;
      const id = await accepted(w, { channel: 'webchat' });
      sim.customerTyping(id);
      expect(store.state.interactions[id]?.customerTyping).to.equal(true);
      await untilState(store, (s) => s.interactions[id]?.customerTyping === false, 'typing to stop');
      expect(ofType(events, 'customer-typing').map((e) => e.typing)).to.deep.equal([true, false]);

      sim.customerTyping(id);
      sim.customerMessage(id, 'done typing');
      expect(store.state.interactions[id]?.customerTyping).to.equal(false);
      await sleep(60);
      expect(ofType(events, 'customer-typing').map((e) => e.typing)).to.deep.equal([true, false, true]);
    });

    it('R-CHAT-06: inbound attachments get a download URL', () => {
      const { sim, events } = world();
      const id = sim.offer({ channel: 'webchat' });
      const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
      sim.customerMessage(id, 'see files', { attachments: [file, { name: 'photo.jpg', mimeType: 'image/jpeg', size: 1234 }] });
      const received = ofType(events, 'message-received')[0]?.message;
      expect(received?.attachments.map((a) => [a.name, a.size, a.mimeType])).to.deep.equal([
        ['hello.txt', 5, 'text/plain'],
        ['photo.jpg', 1234, 'image/jpeg'],
      ]);
      expect(received?.attachments.every((a) => a.url?.startsWith('blob:'))).to.equal(true);
    });

    it('R-CHAT-06: uploadAttachment makes a blob: URL; refuses files over 10 MB and sms', async () => {
      const w = world();
      const id = await accepted(w, { channel: 'messenger' });
      const attachment = await w.sim.uploadAttachment(id, new File(['abc'], 'notes.txt', { type: 'text/plain' }));
      expect(attachment).to.include({ name: 'notes.txt', size: 3, mimeType: 'text/plain' });
      expect(await (await fetch(attachment.url ?? '')).text()).to.equal('abc');
      const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'big.bin');
      expect((await rejection(w.sim.uploadAttachment(id, big))).message).to.contain('10 MB');
      const sms = await accepted(w, { channel: 'sms' });
      expect((await rejection(w.sim.uploadAttachment(sms, new File(['a'], 'a.txt'))))).to.be.instanceOf(Error);
    });

    it('scripting throws on misuse: unknown id, email chat message, a customer who left', async () => {
      const w = world();
      const { sim } = w;
      expect(() => sim.customerMessage('nope', 'hi')).to.throw(/Unknown interaction nope/);
      const email = sim.offer({ channel: 'email' });
      expect(() => sim.customerTyping(email)).to.throw(/email/);
      const chat = await accepted(w, { channel: 'sms' });
      sim.customerLeaves(chat);
      sim.customerLeaves(chat);
      expect(() => sim.customerMessage(chat, 'back')).to.throw(/left/);
      expect(ofType(w.events, 'participant-left')).to.have.length(1);
    });
  });

  describe('end and wrap-up', () => {
    it('R-END-04: a customer leaving an offer rescinds it; leaving a webchat shows the notice and the agent ends', async () => {
      const w = world();
      const { sim, store, events, errors } = w;
      const offered = sim.offer({ channel: 'webchat' });
      sim.customerLeaves(offered);
      expect(ofType(events, 'offer-rescinded').map((e) => e.reason)).to.deep.equal(['customer-left']);
      expect(store.state.interactions[offered]).to.equal(undefined);

      const id = await accepted(w, { channel: 'webchat', customerName: 'Jane Doe' });
      sim.customerLeaves(id);
      const i = store.state.interactions[id];
      expect(i?.status).to.equal('active');
      expect(i?.participants).to.deep.equal([]);
      expect(i?.messages.at(-1)).to.include({ notice: 'customer-left', authorName: 'Jane Doe' });
      await store.end(id);
      expect(store.state.interactions[id]).to.include({ status: 'wrapup', endReason: 'agent-ended' });
      expect(errors).to.deep.equal([]);
    });

    it('R-END-04: ending a webchat tells the customer the agent left; R-END-02: wrap-up completes it', async () => {
      const w = world();
      const { sim, store, events } = w;
      const id = await accepted(w, { channel: 'webchat' });
      await store.end(id);
      expect(ofType(events, 'interaction-ended').map((e) => e.reason)).to.deep.equal(['agent-ended']);
      expect(sim.interaction(id)?.transcript.at(-1)).to.include({ author: 'system', notice: 'agent-left', authorName: sim.agent.name });
      expect((await rejection(sim.endInteraction(id))).message).to.contain('wrapup');
      expect((await rejection(sim.submitWrapup({ interactionId: id, reasonIds: [] }))).message).to.contain('at least one');
      expect((await rejection(sim.submitWrapup({ interactionId: id, reasonIds: ['wr-opt-out'] }))).message).to.contain('Unknown wrap-up reason');
      await store.submitWrapup(id, ['wr-resolved', 'wr-sales-lead']);
      expect(store.state.interactions[id]).to.equal(undefined);
      expect(sim.interaction(id)).to.deep.include({ status: 'completed', wrapupReasonIds: ['wr-resolved', 'wr-sales-lead'] });
    });

    it('endInteraction rejects for an offer not yet accepted', async () => {
      const { sim } = world();
      const id = sim.offer({ channel: 'messenger' });
      expect((await rejection(sim.endInteraction(id))).message).to.contain('offered');
    });
  });

  describe('transfer', () => {
    it('R-XFER-05: to a queue: pending, completed, then interaction-ended (transferred)', async () => {
      const w = world();
      const { store, events, errors } = w;
      const id = await accepted(w, { channel: 'sms' });
      await store.transfer(id, { kind: 'queue', queueId: 'q-general' });
      expect(store.state.interactions[id]?.transfer?.state).to.equal('pending');
      await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
      expect(ofType(events, 'transfer').map((e) => e.state)).to.deep.equal(['pending', 'completed']);
      expect(store.state.interactions[id]).to.deep.include({ endReason: 'transferred', transfer: { target: { kind: 'queue', queueId: 'q-general' }, state: 'completed' } });
      expect(errors).to.deep.equal([]);
    });

    it('R-XFER-06: to an agent who is not available: dropped, and the store records it', async () => {
      const w = world();
      const { sim, store } = w;
      const id = await accepted(w, { channel: 'messenger' });
      await store.transfer(id, { kind: 'agent', agentId: 'agent-mei' });
      await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
      expect(store.state.interactions[id]?.transfer?.state).to.equal('dropped');
      expect(sim.interaction(id)?.transfer?.state).to.equal('dropped');
    });

    it('R-XFER-06: to an available agent: completed; availability is read when the agent answers', async () => {
      const w = world({ agentResponseMs: 30 });
      const { sim, store } = w;
      const a = await accepted(w, { channel: 'webchat' });
      const b = await accepted(w, { channel: 'webchat' });
      await store.transfer(a, { kind: 'agent', agentId: 'agent-priya' });
      await store.transfer(b, { kind: 'agent', agentId: 'agent-samuel' });
      sim.setAgentAvailability('agent-samuel', 'available');
      await untilState(store, (s) => s.interactions[a]?.status === 'wrapup' && s.interactions[b]?.status === 'wrapup', 'both to end');
      expect(store.state.interactions[a]?.transfer?.state).to.equal('completed');
      expect(store.state.interactions[b]?.transfer?.state).to.equal('completed');
    });

    it('R-XFER-07: email goes to email queues only', async () => {
      const w = world();
      const id = await accepted(w, { channel: 'email' });
      const toAgent = await rejection(w.sim.transfer({ interactionId: id, target: { kind: 'agent', agentId: 'agent-priya' } }));
      expect(toAgent.message).to.contain('queue only');
      const toChatQueue = await rejection(w.sim.transfer({ interactionId: id, target: { kind: 'queue', queueId: 'q-general' } }));
      expect(toChatQueue.message).to.contain('does not serve email');
      await w.sim.transfer({ interactionId: id, target: { kind: 'queue', queueId: 'q-email-billing' } });
      expect(ofType(w.events, 'transfer')).to.have.length(1);
    });

    it('rejects a second transfer while one is pending, and unknown targets', async () => {
      const w = world({ agentResponseMs: 50 });
      const id = await accepted(w, { channel: 'sms' });
      expect((await rejection(w.sim.transfer({ interactionId: id, target: { kind: 'agent', agentId: 'ghost' } }))).message).to.contain('unknown agent');
      await w.sim.transfer({ interactionId: id, target: { kind: 'agent', agentId: 'agent-tom' } });
      expect((await rejection(w.sim.transfer({ interactionId: id, target: { kind: 'queue', queueId: 'q-general' } }))).message).to.contain('already in progress');
      expect((await rejection(w.sim.endInteraction(id))).message).to.contain('transfer');
    });
  });

  describe('conference', () => {
    it('R-CONF-02: requested, then started when the invited agent is available; webchat customers see the join', async () => {
      const w = world();
      const { sim, store, events, errors } = w;
      const id = await accepted(w, { channel: 'webchat' });
      await store.inviteToConference(id, 'agent-priya');
      expect(store.state.interactions[id]?.status).to.equal('conference-requested');
      await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
      const i = store.state.interactions[id];
      expect(i?.conferenceAgent).to.deep.equal({ id: 'agent-priya', name: 'Priya Natarajan' });
      expect(i?.participants.map((p) => p.kind)).to.deep.equal(['customer', 'agent']);
      expect(i?.messages.at(-1)).to.include({ notice: 'agent-joined', authorName: 'Priya Natarajan' });
      expect(sim.interaction(id)?.transcript.at(-1)).to.include({ notice: 'agent-joined', authorName: 'Priya Natarajan' });
      expect(ofType(events, 'conference').map((e) => e.state)).to.deep.equal(['requested', 'started']);
      sim.peerMessage(id, 'Hi, Priya here');
      expect(store.state.interactions[id]?.messages.at(-1)).to.include({ author: 'peer', authorName: 'Priya Natarajan', text: 'Hi, Priya here' });
      expect(errors).to.deep.equal([]);
    });

    it('R-CONF-02: an invited agent who is not available declines and the chat stays active', async () => {
      const w = world();
      const id = await accepted(w, { channel: 'sms' });
      await w.store.inviteToConference(id, 'agent-hannah');
      await until(() => ofType(w.events, 'conference').some((e) => e.state === 'declined'), 'the decline');
      expect(w.store.state.interactions[id]?.status).to.equal('active');
      expect(w.store.state.interactions[id]?.conferenceAgent).to.equal(undefined);
    });

    it('R-CONF-03: the owner ends the conference and the interaction goes to wrap-up', async () => {
      const w = world();
      const { sim, store } = w;
      const id = await accepted(w, { channel: 'messenger' });
      await store.inviteToConference(id, 'agent-tom');
      await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
      expect((await rejection(sim.exitConference(id))).message).to.contain('owner ends it');
      await store.endConference(id);
      expect(store.state.interactions[id]).to.include({ status: 'wrapup', endReason: 'conference-ended' });
      expect(ofType(w.events, 'conference').map((e) => e.state)).to.deep.equal(['requested', 'started', 'ended']);
    });

    it('R-CONF-04: the invited agent exits (owner view) and the chat with the customer continues', async () => {
      const w = world();
      const { sim, store } = w;
      const id = await accepted(w, { channel: 'webchat' });
      await store.inviteToConference(id, 'agent-lucia');
      await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
      sim.peerLeaves(id);
      const i = store.state.interactions[id];
      expect(i?.status).to.equal('active');
      expect(i?.messages.at(-1)).to.include({ notice: 'agent-left', authorName: 'Lucía Fernández' });
      await store.send(id, 'Still with you');
      expect(sim.sentMessages(id).map((m) => m.text)).to.deep.equal(['Still with you']);
    });

    it('R-CONF-04: as invitee, accepting joins the owner’s conference and Exit conference leaves it', async () => {
      const w = world();
      const { sim, store, errors } = w;
      const id = sim.offer({ channel: 'webchat', role: 'invitee', owner: 'agent-tom', text: 'hi' });
      expect(store.state.interactions[id]?.role).to.equal('invitee');
      await store.accept(id);
      await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
      expect(store.state.interactions[id]?.conferenceAgent).to.deep.equal({ id: 'agent-tom', name: 'Tom Becker' });
      expect((await rejection(sim.endConference(id))).message).to.contain('Only the owner');
      expect((await rejection(sim.endInteraction(id))).message).to.contain('exits');
      await store.exitConference(id);
      expect(store.state.interactions[id]).to.include({ status: 'wrapup', endReason: 'conference-exited' });
      expect(errors).to.deep.equal([]);
    });

    it('refuses conferences on email, with unknown agents, or twice', async () => {
      const w = world({ agentResponseMs: 50 });
      const email = await accepted(w, { channel: 'email' });
      expect((await rejection(w.sim.inviteToConference({ interactionId: email, agentId: 'agent-tom' }))).message).to.contain('no conference');
      const chat = await accepted(w, { channel: 'sms' });
      expect((await rejection(w.sim.inviteToConference({ interactionId: chat, agentId: 'ghost' }))).message).to.contain('unknown agent');
      await w.sim.inviteToConference({ interactionId: chat, agentId: 'agent-tom' });
      expect((await rejection(w.sim.inviteToConference({ interactionId: chat, agentId: 'agent-priya' }))).message).to.contain('already');
    });
  });

  describe('email', () => {
    it('R-MAIL-01: inbound emails arrive; a reply resolves and gets a delivery report', async () => {
      const w = world();
      const { sim, store, events, errors } = w;
      const id = await accepted(w, { channel: 'email', customerName: 'Erin Mail', email: { subject: 'Help' } });
      const first = store.state.interactions[id]?.emails[0];
      const emailId = await store.sendEmail(id, {
        mode: 'reply',
        inReplyTo: first?.id ?? '',
        to: ['erin.mail@example.com'],
        cc: [],
        subject: 'Re: Help',
        html: '<p>Hello</p>',
        text: 'Hello',
      });
      await untilState(store, (s) => s.interactions[id]?.emails.find((e) => e.id === emailId)?.status === 'delivery-report', 'the DR');
      expect(ofType(events, 'email-status').map((e) => e.status)).to.deep.equal(['delivery-report']);
      sim.inboundEmail(id, { from: 'erin.mail@example.com', to: ['support@acme.example'], subject: 'Re: Re: Help', html: '<table><tr><td>1</td></tr></table>' });
      expect(store.state.interactions[id]?.emails.map((e) => e.direction)).to.deep.equal(['inbound', 'outbound', 'inbound']);
      expect(sim.interaction(id)?.emails).to.have.length(3);
      expect(errors).to.deep.equal([]);
    });

    it('R-MAIL-06: a reply to an email that is no longer the latest is refused; invalid addresses too', async () => {
      const w = world();
      const { sim } = w;
      const id = await accepted(w, { channel: 'email' });
      const first = sim.interaction(id)?.emails[0]?.id ?? '';
      sim.inboundEmail(id, { from: 'x@example.com', to: ['support@acme.example'], subject: 'More' });
      const request = { interactionId: id, clientEmailId: 'e-1', mode: 'reply' as const, to: ['x@example.com'], cc: [], subject: 'Re', html: '', text: 'hi', attachments: [] };
      expect((await rejection(sim.sendEmail({ ...request, inReplyTo: first }))).message).to.contain('latest email');
      const latest = sim.interaction(id)?.emails[1]?.id ?? '';
      expect((await rejection(sim.sendEmail({ ...request, inReplyTo: latest, cc: ['not an address'] }))).message).to.contain('invalid email address');
      expect((await rejection(sim.sendEmail({ ...request, inReplyTo: latest, to: [] }))).message).to.contain('no recipient');
      await sim.sendEmail({ ...request, inReplyTo: latest });
      expect(() => sim.inboundEmail('nope', { from: 'a@b.c', to: [], subject: 's' })).to.throw(/Unknown interaction/);
    });
  });

  describe('directory, templates and workflows', () => {
    it('R-XFER-02: lists only the queues serving the channel', async () => {
      const { sim } = world();
      const email = await sim.listQueues('email');
      expect(email.map((q) => q.id)).to.deep.equal(['q-email-support', 'q-email-billing']);
      for (const channel of ['messenger', 'sms', 'webchat'] as const) {
        const queues = await sim.listQueues(channel);
        expect(queues.length).to.be.greaterThan(1);
        expect(queues.every((q) => q.channels.includes(channel))).to.equal(true);
      }
    });

    it('R-XFER-03 / R-XFER-04: lists other agents with current availability', async () => {
      const { sim } = world({ agent: { id: 'agent-tom', name: 'Tom Becker' } });
      const before = await sim.listAgents();
      expect(before.map((a) => a.id)).to.not.include('agent-tom');
      expect(new Set(before.map((a) => a.availability)).size).to.be.greaterThan(2);
      sim.setAgentAvailability('agent-priya', 'busy');
      const after = await sim.listAgents();
      expect(after.find((a) => a.id === 'agent-priya')?.availability).to.equal('busy');
      expect(SEED_DIRECTORY.find((a) => a.id === 'agent-priya')?.availability).to.equal('available');
      expect(() => sim.setAgentAvailability('ghost', 'busy')).to.throw(/Unknown directory agent/);
    });

    it('R-XFER-03: the directory marks supervisors; only WebChat can be transferred to one', async () => {
      const w = world();
      const agents = await w.sim.listAgents();
      expect(agents.filter((a) => a.role === 'supervisor').map((a) => a.name)).to.deep.equal(['Dana Whitfield', 'Marcus Reed']);
      expect(agents.filter((a) => a.role !== 'supervisor').length).to.be.greaterThan(3);
      const sms = await accepted(w, { channel: 'sms', customerName: 'Lee Wong', text: 'Hi' });
      expect((await rejection(w.sim.transfer({ interactionId: sms, target: { kind: 'agent', agentId: 'agent-supervisor' } }))).message).to.contain('Only WebChat');
      const webchat = await accepted(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hi' });
      await w.sim.transfer({ interactionId: webchat, target: { kind: 'agent', agentId: 'agent-supervisor' } });
      expect(w.sim.interaction(webchat)?.transfer?.target).to.deep.equal({ kind: 'agent', agentId: 'agent-supervisor' });
    });

    it('R-TPL-01..04: templates per channel include attached, locked, [[parameter]] and {{system}} kinds', async () => {
      const { sim } = world();
      for (const channel of ['messenger', 'sms', 'webchat', 'email'] as const) {
        const templates = await sim.listTemplates(channel);
        expect(templates.every((t) => t.channels.includes(channel))).to.equal(true);
        expect(templates.some((t) => t.locked), `${channel} locked`).to.equal(true);
        expect(templates.some((t) => !t.locked && !/\[\[|\{\{/.test(t.body)) || channel === 'email', `${channel} plain`).to.equal(true);
        expect(templates.some((t) => /\[\[\w+\]\]/.test(t.body)), `${channel} parameters`).to.equal(true);
        expect(templates.some((t) => t.body.includes('{{customerName}}')), `${channel} system`).to.equal(true);
      }
      const all = (await Promise.all((['messenger', 'sms', 'webchat', 'email'] as const).map((c) => sim.listTemplates(c)))).flat();
      for (const variable of ['{{customerName}}', '{{agentName}}', '{{queueName}}']) {
        expect(all.some((t) => t.body.includes(variable)), variable).to.equal(true);
      }
    });

    it('R-END-03: wrap-up reasons per channel', async () => {
      const { sim } = world();
      const webchat = await sim.listWrapupReasons('webchat');
      const sms = await sim.listWrapupReasons('sms');
      expect(webchat.map((r) => r.id)).to.include('wr-sales-lead');
      expect(sms.map((r) => r.id)).to.include('wr-opt-out').and.not.include('wr-sales-lead');
    });

    it('R-CHAT-10: workflows succeed, a "fail" workflow reports failure, an unknown one rejects', async () => {
      const w = world();
      const id = await accepted(w, { channel: 'webchat', customerName: 'Jane Doe' });
      const workflows = await w.sim.listWorkflows('webchat');
      expect(workflows.map((f) => f.id)).to.include.members(['wf-create-case', 'wf-refund-fail']);
      const ok = await w.store.triggerWorkflow(id, 'wf-create-case');
      expect(ok.ok).to.equal(true);
      expect(ok.message).to.contain('Jane Doe');
      const failed = await w.store.triggerWorkflow(id, 'wf-refund-fail');
      expect(failed.ok).to.equal(false);
      expect(failed.message).to.contain('failed');
      expect((await rejection(w.sim.triggerWorkflow({ interactionId: id, workflowId: 'wf-nope' }))).message).to.contain('Unknown workflow');
      expect(w.sim.interaction(id)?.workflows).to.deep.equal(['wf-create-case', 'wf-refund-fail']);
      expect((await w.sim.listWorkflows('email')).map((f) => f.id)).to.not.include('wf-send-survey');
    });
  });

  describe('determinism, latency and lifetime', () => {
    /** Runs the same script, random choices included, and returns its events. */
    async function script(seed: number): Promise<readonly ContactCenterEvent[]> {
      let clock = 0;
      const sim = new SimulatedContactCenter({ seed, latencyMs: 0, readDelayMs: 0, failureRate: 0.5, now: () => (clock += 1) });
      cleanups.push(() => sim.dispose());
      const events: ContactCenterEvent[] = [];
      sim.events$.subscribe((e) => events.push(e));
      const ids = [sim.offer({ channel: 'sms' }), sim.offer({ channel: 'webchat' }), sim.offer({ channel: 'email' }), sim.offer({ channel: 'messenger', customerName: 'New Person' })];
      for (const id of ids) await sim.acceptOffer(id);
      for (let n = 0; n < 6; n++) {
        await sim.sendMessage({ interactionId: ids[0] ?? '', clientMessageId: `m${n}`, text: `${n}`, format: 'plain', attachments: [] }).catch(() => undefined);
      }
      await sleep(20);
      return events;
    }

    it('the same seed and script give the same events; another seed other choices', async () => {
      const a = await script(42);
      const b = await script(42);
      const c = await script(43);
      expect(a).to.deep.equal(b);
      expect(a).to.not.deep.equal(c);
      const r1 = new SeededRandom(9);
      const r2 = new SeededRandom(9);
      const draws = Array.from({ length: 5 }, () => r1.next());
      expect(draws).to.deep.equal(Array.from({ length: 5 }, () => r2.next()));
      expect(draws.every((x) => x >= 0 && x < 1)).to.equal(true);
    });

    it('commands wait for latencyMs', async () => {
      const { sim } = world({ latencyMs: 40 });
      const before = sim.state.pendingTimers;
      let answered = false;
      const answer = sim.listAgents().then(() => (answered = true));
      expect(sim.state.pendingTimers, 'the latency timer').to.equal(before + 1);
      // Timers fire in the order they are due: one due at once runs while the command still waits.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(answered).to.equal(false);
      await answer;
      expect(sim.state.pendingTimers).to.equal(before);
    });

    it('dispose clears every timer, completes events$, rejects commands in flight and later, and throws on scripting', async () => {
      const sim = new SimulatedContactCenter({ latencyMs: 30, ronaTimeoutMs: 20, autoplay: true, autoplayIntervalMs: 40 });
      let completed = false;
      const events: ContactCenterEvent[] = [];
      sim.events$.subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
      sim.offer({ channel: 'sms' });
      const inFlight = sim.listQueues('sms');
      expect(sim.state.pendingTimers).to.be.greaterThan(0);
      sim.dispose();
      expect(sim.state.pendingTimers).to.equal(0);
      expect(completed).to.equal(true);
      expect((await rejection(inFlight)).message).to.contain('disposed');
      expect((await rejection(sim.setAgentState('available'))).message).to.contain('disposed');
      expect(() => sim.offer({ channel: 'sms' })).to.throw(/disposed/);
      const count = events.length;
      await sleep(80);
      expect(events.length).to.equal(count);
      expect(sim.disposed).to.equal(true);
      sim.dispose();
    });
  });

  describe('autoplay', () => {
    it('offers random contacts while available and customers answer agent messages', async () => {
      const w = world({ autoplay: true, autoplayIntervalMs: 40, typingTimeoutMs: 1000, seed: 3 });
      const { sim, store, errors } = w;
      await untilState(store, (s) => s.order.some((id) => s.interactions[id]?.channel !== 'email'), 'a random chat offer');
      const id = store.state.order.find((x) => store.state.interactions[x]?.channel !== 'email') ?? '';
      await store.accept(id);
      await store.send(id, 'How can I help?');
      await untilState(
        store,
        (s) => {
          const i = s.interactions[id];
          const last = i?.messages.at(-1);
          return i?.customerTyping === true || last?.author === 'customer' || (last?.notice === 'customer-left');
        },
        'the customer to react',
      );
      sim.setAutoplay(false);
      expect(sim.autoplay).to.equal(false);
      const offers = store.state.order.length;
      await sleep(120);
      expect(store.state.order.length).to.be.at.most(offers);
      expect(errors).to.deep.equal([]);
    });

    it('R-OFFER-04: random traffic offers nothing while the agent is not available', async () => {
      const { sim, events } = world({ autoplayIntervalMs: 20 });
      await sim.setAgentState('busy');
      sim.autoplay = true;
      await sleep(100);
      expect(ofType(events, 'offer')).to.have.length(0);
      await sim.setAgentState('available');
      await until(() => ofType(events, 'offer').length > 0, 'an offer');
    });
  });
});
