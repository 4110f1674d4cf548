import { expect } from '@open-wc/testing';
import { SimulatedContactCenter } from '../../src/adapters/simulated/index.js';
import type { PastInteraction } from '../../src/core/types.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';

const open: { dispose(): void }[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.dispose();
});

function world(seed = 11): { sim: SimulatedContactCenter; store: InteractionStore } {
  const sim = new SimulatedContactCenter({ seed, latencyMs: 0, autoplay: false, ronaTimeoutMs: Infinity });
  const store = createInteractionStore(sim, { agent: sim.agent });
  open.push(store, sim);
  return { sim, store };
}

/** Every past conversation of an interaction's customer, paging with `limit`. */
async function all(store: InteractionStore, id: string, limit: number): Promise<{ items: PastInteraction[]; pages: number }> {
  const items: PastInteraction[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.listPastInteractions(id, cursor, limit);
    expect(page.items.length).to.be.at.most(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined && pages < 50);
  return { items, pages };
}

describe('Simulator: customer profiles and past conversations', () => {
  it('R-CTX-01: getCustomer gives the name, identities from the interaction and account attributes', async () => {
    const { sim, store } = world();
    const id = sim.offer({ channel: 'sms', customerName: 'Ana Souza', text: 'Hi' });
    const profile = await store.getCustomer(id);
    expect(profile.name).to.equal('Ana Souza');
    expect(profile.identities).to.deep.include({ channel: 'sms', value: '+1 555 0123' });
    expect(profile.identities).to.deep.include({ channel: 'email', value: 'ana.souza@example.com' });
    expect(profile.attributes.map((a) => a.key)).to.include.members(['Account number', 'Tier', 'Customer since', 'Preferred language']);
    expect(await store.getCustomer(id)).to.deep.equal(profile);
    const messenger = sim.offer({ channel: 'messenger', customerName: 'Ana Souza', text: 'Hi' });
    const page = (await store.getCustomer(messenger)).identities.find((i) => i.channel === 'messenger');
    expect(page?.page).to.be.a('string');
  });

  it('R-CTX-02: each customer has 3 to 12 past conversations across channels over weeks, newest first, the same on every call', async () => {
    const { sim, store } = world();
    const channels = new Set<string>();
    for (const name of ['Ana Souza', 'Li Wei', 'Kwame Mensah', 'Sofia Rossi', 'Someone New']) {
      const id = sim.offer({ channel: 'webchat', customerName: name, text: 'Hi' });
      const { items } = await all(store, id, 5);
      expect(items.length, name).to.be.within(3, 12);
      const starts = items.map((p) => p.startedAt);
      expect(starts).to.deep.equal([...starts].sort((a, b) => b - a));
      expect(new Set(items.map((p) => p.id)).size).to.equal(items.length);
      for (const p of items) {
        channels.add(p.channel);
        expect(p.wrapupReasons.length).to.be.at.least(1);
        expect(p.preview).to.be.a('string').and.not.equal('');
        expect(p.queue.name).to.be.a('string');
        if (p.channel === 'email') {
          expect(p.emails.length).to.be.at.least(2);
          expect(p.messages).to.deep.equal([]);
        } else {
          expect(p.messages.length).to.be.at.least(3);
        }
      }
      expect((await all(store, id, 100)).items).to.deep.equal(items);
    }
    expect(channels.size).to.be.at.least(3);
  });

  it('R-CTX-02: paging with limit: nextCursor while older ones remain, none on the last page', async () => {
    const { sim, store } = world();
    const id = sim.offer({ channel: 'email', customerName: 'Olivia Brown', text: 'Hi' });
    const { items } = await all(store, id, 100);
    const paged = await all(store, id, 2);
    expect(paged.items).to.deep.equal(items);
    expect(paged.pages).to.equal(Math.ceil(items.length / 2));
    const first = await store.listPastInteractions(id, undefined, 2);
    expect(first.items.map((p) => p.id)).to.deep.equal(items.slice(0, 2).map((p) => p.id));
    expect(first.nextCursor).to.be.a('string');
  });

  it('R-CTX-02: rejects an unknown interaction and an unknown cursor', async () => {
    const { sim } = world();
    const id = sim.offer({ channel: 'sms', customerName: 'Ana Souza', text: 'Hi' });
    let error: unknown;
    await sim.getCustomer({ interactionId: 'nope' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    error = undefined;
    await sim.listPastInteractions({ interactionId: 'nope', limit: 5 }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    error = undefined;
    await sim.listPastInteractions({ interactionId: id, cursor: 'garbage', limit: 5 }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });

  it('R-CTX-07: switched off, getCustomer and listPastInteractions reject and the store says it does not support them', async () => {
    const { sim, store } = world();
    const id = sim.offer({ channel: 'sms', customerName: 'Ana Souza', text: 'Hi' });
    sim.setCapabilities({ customer: false, history: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.supports('history')).to.equal(false);
    let error: unknown;
    await sim.listPastInteractions({ interactionId: id, limit: 5 }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
  });
});
