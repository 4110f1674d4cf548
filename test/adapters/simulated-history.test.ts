import { expect } from '@open-wc/testing';
import { SimulatedContactCenter, clearSimulatedWorld, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import { until } from '../helpers/world.js';

const open: { dispose(): void }[] = [];
const keys: string[] = [];

afterEach(() => {
  for (const d of open.splice(0)) d.dispose();
  for (const key of keys.splice(0)) clearSimulatedWorld(sessionStorage, key);
});

function page(options: SimulatedContactCenterOptions = {}): { sim: SimulatedContactCenter; store: InteractionStore; events: ContactCenterEvent[] } {
  let clock = Date.now();
  const sim = new SimulatedContactCenter({ seed: 5, latencyMs: 0, ronaTimeoutMs: Infinity, now: () => (clock += 1), ...options });
  const events: ContactCenterEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const store = createInteractionStore(sim, { agent: sim.agent });
  open.push(store, sim);
  return { sim, store, events };
}

describe('Simulator: a conversation’s past in one history event', () => {
  it('R-CHAT-01: history(id, 10000) delivers 10,000 earlier messages in one event, before the conversation’s own, each once', async () => {
    const { sim, store, events } = page();
    const id = sim.offer({ channel: 'messenger', customerName: 'Ada', text: 'Hello' });
    await store.accept(id);
    const before = events.length;
    sim.history(id, 10_000);
    expect(events.slice(before).map((e) => e.type)).to.deep.equal(['history']);
    const thread = (store.state.interactions[id]?.messages ?? []).filter((m) => m.author !== 'system');
    expect(thread.length).to.equal(10_001);
    expect(new Set(thread.map((m) => m.id)).size).to.equal(10_001);
    expect(thread[thread.length - 1]?.text).to.equal('Hello');
    expect(thread.map((m) => m.timestamp)).to.deep.equal(thread.map((m) => m.timestamp).sort((a, b) => a - b));
    expect(sim.state.interactions[id]?.transcript.length).to.equal(10_001);
  });

  it('R-MAIL-01: an email conversation gets earlier emails, inbound and outbound in turn', () => {
    const { sim, store } = page();
    const id = sim.offer({ channel: 'email', customerName: 'Ada', email: { subject: 'Order' } });
    sim.history(id, 4);
    const emails = store.state.interactions[id]?.emails ?? [];
    expect(emails.map((e) => e.direction)).to.deep.equal(['outbound', 'inbound', 'outbound', 'inbound', 'inbound']);
    expect(() => sim.history(id, 0)).to.throw(/count/);
    expect(() => sim.history('nope', 3)).to.throw(/Unknown interaction/);
  });

  it('R-X-06: after a reload the restored conversation comes back with its messages in one history event, unread as before', async () => {
    const key = `cc-test:history:${Math.random().toString(36).slice(2, 8)}`;
    keys.push(key);
    const persist = { storage: sessionStorage, key };
    const first = page({ persist });
    const id = first.sim.offer({ channel: 'webchat', customerName: 'Ada', text: 'Hello' });
    await first.store.accept(id);
    for (let i = 0; i < 200; i++) first.sim.customerMessage(id, `Message ${i}`);
    await first.store.send(id, 'Answer');
    await until(() => (first.store.state.interactions[id]?.messages.filter((m) => m.author !== 'system').length ?? 0) === 202, 'the thread');
    const thread = first.store.state.interactions[id]?.messages.map((m) => m.id);
    const unread = first.store.state.interactions[id]?.unread;
    await until(() => sessionStorage.getItem(key)?.includes('Answer') === true, 'the world saved');
    first.sim.dispose();
    first.store.dispose();

    const second = page({ persist });
    const replayed = second.events.filter((e) => 'interactionId' in e && e.interactionId === id).map((e) => e.type);
    expect(replayed.filter((t) => t === 'history')).to.have.length(1);
    expect(replayed.filter((t) => t === 'message-received'), 'only the customer’s last message').to.have.length(1);
    expect(second.store.state.interactions[id]?.messages.map((m) => m.id)).to.deep.equal(thread);
    expect(second.store.state.interactions[id]?.unread).to.equal(unread);
  });
});
