import { expect } from '@open-wc/testing';
import { CommandError, createInteractionStore, type StoreError } from '../../src/core/store/store.js';
import { createWorld, disposeWorlds, untilState } from '../helpers/world.js';

describe('InteractionStore', () => {
  afterEach(disposeWorlds);

  it('select() emits the current slice at once and then only when that slice changes', async () => {
    const { simulator, store } = createWorld();
    const a = simulator.offer({ channel: 'webchat', customerName: 'Ann' });
    const b = simulator.offer({ channel: 'webchat', customerName: 'Bob' });
    await untilState(store, (s) => s.order.length === 2, 'two offers');
    const seen: unknown[] = [];
    const sub = store.select((s) => s.interactions[a]).subscribe((i) => seen.push(i));
    expect(seen).to.have.length(1);
    simulator.customerMessage(b, 'noise for Bob only');
    simulator.customerTyping(b);
    await untilState(store, (s) => s.interactions[b]?.customerTyping === true, 'typing');
    expect(seen, 'changes to another interaction do not re-emit').to.have.length(1);
    simulator.customerMessage(a, 'for Ann');
    await untilState(store, (s) => (s.interactions[a]?.messages.length ?? 0) > 0, 'message');
    expect(seen).to.have.length(2);
    sub.unsubscribe();
  });

  it('reports an invalid inbound event on errors$, leaves state untouched and never throws', () => {
    const { store } = createWorld();
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const before = store.state;
    for (const bad of [undefined, 42, 'offer', { type: 'offer' }, { type: 'message-received', at: 1, interactionId: 'x', message: {} }]) {
      expect(() => store.ingest(bad)).not.to.throw();
    }
    expect(store.state).to.equal(before);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event', 'invalid-event', 'invalid-event', 'invalid-event', 'invalid-event']);
    expect(errors[3]?.message).to.contain('offer.at');
  });

  it('reports a valid event about an unknown interaction without changing state', () => {
    const { store } = createWorld();
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const before = store.state;
    store.ingest({ type: 'customer-typing', at: Date.now(), interactionId: 'ghost', typing: true });
    expect(store.state).to.equal(before);
    expect(errors[0]).to.include({ code: 'unknown-interaction', interactionId: 'ghost' });
  });

  it('R-CHAT-04: send is optimistic (sending at once) and reconciles to sent', async () => {
    const { simulator, store } = createWorld({ latencyMs: 20 });
    const id = simulator.offer({ channel: 'webchat', customerName: 'Ann' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    const pending = store.send(id, 'hello');
    const optimistic = store.state.interactions[id]?.messages.find((m) => m.author === 'agent');
    expect(optimistic).to.include({ text: 'hello', status: 'sending' });
    const finalId = await pending;
    const sent = store.state.interactions[id]?.messages.find((m) => m.id === finalId);
    expect(sent?.status).to.equal('sent');
  });

  it('R-CHAT-05: a failed send keeps the message as failed, reports it, and retry delivers it', async () => {
    const { simulator, store } = createWorld({ failureRate: 1 });
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    const id = simulator.offer({ channel: 'sms', customerName: 'Sam' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    const messageId = await store.send(id, 'are you there?');
    const failed = store.state.interactions[id]?.messages.find((m) => m.id === messageId);
    expect(failed?.status).to.equal('failed');
    expect(failed?.error).to.be.a('string').and.not.equal('');
    expect(errors.some((e) => e.code === 'command-failed' && e.command === 'send')).to.equal(true);
    simulator.failureRate = 0;
    const retried = await store.retry(id, messageId);
    const message = store.state.interactions[id]?.messages.find((m) => m.id === retried);
    expect(message?.text).to.equal('are you there?');
    expect(message?.status).to.be.oneOf(['sent', 'delivered', 'read']);
    expect(store.state.interactions[id]?.messages.filter((m) => m.author === 'agent')).to.have.length(1);
  });

  it('no lost work: while the adapter fails, messages queue in order and are retried with backoff', async () => {
    const world = createWorld({ failureRate: 1 });
    const { simulator } = world;
    const store = createInteractionStore(simulator, { agent: simulator.agent, retry: { initialDelayMs: 30, maxDelayMs: 60, maxAttempts: 50 } });
    const id = simulator.offer({ channel: 'webchat', customerName: 'Queue' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    const first = await store.send(id, 'first');
    const second = store.send(id, 'second');
    const third = store.send(id, 'third');
    const texts = (): string[] => (store.state.interactions[id]?.messages ?? []).filter((m) => m.author === 'agent').map((m) => `${m.text}:${m.status}`);
    expect(store.state.interactions[id]?.messages.find((m) => m.id === first)?.status).to.equal('failed');
    expect(texts()).to.deep.equal(['first:failed', 'second:sending', 'third:sending']);
    // Several automatic retries fail; nothing is sent out of order meanwhile.
    await new Promise((r) => setTimeout(r, 150));
    expect(simulator.sentMessages(id)).to.deep.equal([]);
    simulator.failureRate = 0;
    await Promise.all([second, third]);
    await untilState(store, () => texts().every((t) => t.endsWith(':sent')), 'all sent');
    expect(simulator.sentMessages(id).map((m) => m.text)).to.deep.equal(['first', 'second', 'third']);
    store.dispose();
  });

  it('R-OFFER-05: accept is optimistic and reverts (with an error) when the adapter refuses', async () => {
    const { store } = createWorld();
    store.ingest({
      type: 'offer',
      at: Date.now(),
      interactionId: 'unknown-to-backend',
      channel: 'webchat',
      queue: { id: 'q', name: 'Q' },
      customer: { name: 'Nobody' },
      source: {},
    });
    const accepted: string[] = [];
    store.accepted$.subscribe((id) => accepted.push(id));
    const attempt = store.accept('unknown-to-backend');
    expect(store.state.interactions['unknown-to-backend']?.status).to.equal('active');
    let error: unknown;
    await attempt.catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CommandError);
    expect(store.state.interactions['unknown-to-backend']?.status).to.equal('offered');
    expect(accepted).to.deep.equal(['unknown-to-backend']);
  });

  it('R-XFER-07: refuses to transfer an email to an agent, without calling the adapter', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'email', customerName: 'Erin' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    let error: unknown;
    await store.transfer(id, { kind: 'agent', agentId: 'agent-priya' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CommandError);
    expect((error as CommandError).code).to.equal('invalid-command');
    expect(store.state.interactions[id]?.status).to.equal('active');
  });

  it('commands on an unknown interaction reject with a clear error', async () => {
    const { store } = createWorld();
    let error: unknown;
    await store.send('nope', 'hi').catch((e: unknown) => (error = e));
    expect((error as CommandError).code).to.equal('unknown-interaction');
    expect((error as CommandError).message).to.contain('nope');
  });

  it('dispose() completes the streams, ignores further events and rejects commands', async () => {
    const { simulator, store } = createWorld();
    let completed = false;
    store.state$.subscribe({ complete: () => (completed = true) });
    store.dispose();
    expect(completed).to.equal(true);
    expect(store.disposed).to.equal(true);
    simulator.offer({ channel: 'webchat', customerName: 'Late' });
    expect(store.state.order).to.deep.equal([]);
    let error: unknown;
    await store.setAgentState('available').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CommandError);
  });

  it('two stores on one page stay independent', async () => {
    const one = createWorld({ seed: 1 });
    const two = createWorld({ seed: 2 });
    const a = one.simulator.offer({ channel: 'webchat', customerName: 'Only In One' });
    await untilState(one.store, (s) => s.interactions[a] !== undefined, 'offer in one');
    expect(two.store.state.order).to.deep.equal([]);
    await one.store.accept(a);
    await one.store.send(a, 'hi');
    expect(two.store.state.interactions[a]).to.equal(undefined);
    two.store.dispose();
    one.simulator.customerMessage(a, 'still here');
    await untilState(one.store, (s) => s.interactions[a]?.messages.some((m) => m.text === 'still here') ?? false, 'one keeps working');
  });

  describe('a burst of events (a replayed history, a reconnect)', () => {
    const said = (interactionId: string, k: number, at: number) => ({
      type: 'message-received',
      at,
      interactionId,
      message: { id: `burst-${k}`, author: 'customer', text: `message ${k}`, format: 'plain', timestamp: at + k, attachments: [] },
    });

    async function conversation() {
      const world = createWorld();
      const id = world.simulator.offer({ channel: 'webchat', customerName: 'Long Thread' });
      await untilState(world.store, (s) => s.interactions[id] !== undefined, 'offer');
      await world.store.accept(id);
      return { ...world, id };
    }

    it('R-CHAT-01: 10,000 messages in one task all land, in order, published a handful of times instead of 10,000', async () => {
      const { store, id } = await conversation();
      const published: number[] = [];
      store.select((s) => s.interactions[id]?.messages).subscribe((m) => published.push(m?.length ?? 0));
      const before = store.state.interactions[id]?.messages ?? [];
      const held = before.length;
      const at = Date.now();
      for (let k = 0; k < 10_000; k++) store.ingest(said(id, k, at));
      await Promise.resolve();
      const messages = store.state.interactions[id]?.messages ?? [];
      expect(messages.length).to.equal(held + 10_000);
      expect(messages.slice(held).every((m, k) => m.id === `burst-${k}`)).to.equal(true);
      expect(published.length, 'the first few one by one, then the rest at once').to.be.at.most(10);
      expect(published.at(-1)).to.equal(held + 10_000);
      expect(before.length, 'a list once published never changes').to.equal(held);
    });

    it('R-CHAT-08: every message of a burst raises its notification, and the state already shows it', async () => {
      const { store, id } = await conversation();
      const seen: boolean[] = [];
      store.notifications$.subscribe((n) => seen.push(n.interactionId === id && (store.state.interactions[id]?.messages.length ?? 0) >= 300));
      const at = Date.now();
      for (let k = 0; k < 300; k++) store.ingest(said(id, k, at));
      store.ingest(said(id, 7, at));
      await Promise.resolve();
      expect(seen.length, 'one per new message, none for the duplicate').to.equal(300);
      expect(seen.slice(10).every(Boolean), 'the burst is published before its notifications').to.equal(true);
    });

    it('reading the state, subscribing or calling a command in the middle of a burst sees every event before it', async () => {
      const { store, id } = await conversation();
      const at = Date.now() - 60_000;
      for (let k = 0; k < 50; k++) store.ingest(said(id, k, at));
      expect(store.state.interactions[id]?.messages.filter((m) => m.id.startsWith('burst-')).length).to.equal(50);
      for (let k = 50; k < 100; k++) store.ingest(said(id, k, at));
      let latest = 0;
      store.select((s) => s.interactions[id]?.messages.length ?? 0).subscribe((n) => (latest = n));
      expect(latest).to.equal(store.state.interactions[id]?.messages.length);
      for (let k = 100; k < 150; k++) store.ingest(said(id, k, at));
      const sent = store.send(id, 'after the burst');
      const ids = (store.state.interactions[id]?.messages ?? []).map((m) => m.id);
      expect(ids.indexOf('burst-149')).to.be.greaterThan(-1);
      expect(ids.at(-1), 'the agent\'s message comes after all 150').not.to.match(/^burst-/);
      await sent;
    });

    it('an event for an interaction offered earlier in the same burst is taken; one for an unknown interaction is reported', async () => {
      const { store } = createWorld();
      const errors: StoreError[] = [];
      store.errors$.subscribe((e) => errors.push(e));
      const at = Date.now();
      for (let k = 0; k < 20; k++) store.ingest({ type: 'customer-typing', at, interactionId: 'nobody', typing: true });
      store.ingest({ type: 'offer', at, interactionId: 'late', channel: 'sms', queue: { id: 'q', name: 'Q' }, customer: { name: 'Late' }, source: {} });
      store.ingest(said('late', 1, at));
      await Promise.resolve();
      expect(store.state.interactions['late']?.messages.map((m) => m.id)).to.deep.equal(['burst-1']);
      expect(errors.map((e) => e.code)).to.deep.equal(Array.from({ length: 20 }, () => 'unknown-interaction'));
    });
  });
});
