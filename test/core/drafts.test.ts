import { expect } from '@open-wc/testing';
import { findCardNumbers } from '../../src/content/pci.js';
import type { DraftKind } from '../../src/core/drafts/draft-book.js';
import { DRAFT_KEY_PREFIX, draftKey, noDraftStore, type DraftStore } from '../../src/core/drafts/draft-store.js';
import { maskCardNumbers, maskString } from '../../src/core/drafts/mask.js';
import type { StoreError } from '../../src/core/store/store.js';
import { clearSessionDrafts, disposeReloads, everythingInLocalStorage, reloadableWorld, storedDraft } from '../helpers/drafts.js';
import { disposeWorlds, until, untilState, type World } from '../helpers/world.js';

/** A draft kind as simple as a pane's: text only, empty text not stored. */
const NOTE: DraftKind<{ text: string }> = {
  name: 'note',
  parse: (v) => (typeof v === 'object' && v !== null && 'text' in v && typeof v.text === 'string' ? { text: v.text } : undefined),
  stored: (d) => (d.text ? d : undefined),
};

/** A host's own store: a Map behind Promises that settle a little later, as IndexedDB would. */
class SlowMapStore implements DraftStore {
  readonly values = new Map<string, string>();
  readonly calls: string[] = [];
  async get(key: string): Promise<string | undefined> {
    this.calls.push(`get ${key}`);
    await new Promise((r) => setTimeout(r, 20));
    return this.values.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.calls.push(`set ${key}`);
    await new Promise((r) => setTimeout(r, 20));
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.calls.push(`delete ${key}`);
    await new Promise((r) => setTimeout(r, 20));
    this.values.delete(key);
  }
}

/** A store that cannot keep anything: quota full, storage disabled, a host service down. */
const broken: DraftStore = {
  get: () => {
    throw new Error('storage disabled');
  },
  set: () => {
    throw new Error('quota exceeded');
  },
  delete: () => Promise.reject(new Error('service down')),
};

async function activeChat(world: World): Promise<string> {
  const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  return id;
}

describe('drafts at rest (R-X-04, R-MAIL-16)', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('R-X-04: drafts are kept in sessionStorage under a key with the agent id, never in localStorage; a reload reads them back', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'half-written answer' });
    const key = draftKey('agent-me', id);
    expect(key).to.equal(`${DRAFT_KEY_PREFIX}agent-me:${encodeURIComponent(id)}`);
    expect(sessionStorage.getItem(key)).to.contain('half-written answer');
    expect(everythingInLocalStorage()).to.not.contain('half-written answer');
    const after = world.reload();
    expect(after.drafts.get(NOTE, id)).to.deep.equal({ text: 'half-written answer' });
  });

  it('R-X-04: agent B on the same browser sees nothing of agent A’s drafts', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'only for Alex' });
    const agentB = world.reload({ agent: { id: 'agent-b', name: 'Bo' } });
    expect(agentB.state.interactions[id]).to.not.equal(undefined);
    expect(agentB.drafts.get(NOTE, id)).to.equal(undefined);
    expect(storedDraft(agentB, id)).to.equal(null);
    // Ids cannot be chosen to reach into another agent's keys.
    expect(draftKey('a:b', 'c')).to.not.equal(draftKey('a', 'b:c'));
  });

  it('R-X-04: a draft is deleted when the interaction ends, and none is kept after', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'bye' });
    await world.store.end(id);
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(world.store.drafts.get(NOTE, id)).to.equal(undefined);
    world.store.drafts.set(NOTE, id, { text: 'typed too late' });
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(world.reload().drafts.get(NOTE, id)).to.equal(undefined);
  });

  it('R-X-04: a draft is deleted when wrap-up completes, even one only a reloaded page knew of', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    await world.store.end(id);
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    // A draft left over in storage (say, from before a reload) for the interaction in wrap-up.
    sessionStorage.setItem(draftKey('agent-me', id), JSON.stringify({ kind: 'note', draft: { text: 'left over' } }));
    await world.store.submitWrapup(id, ['wr-resolved']);
    await untilState(world.store, (s) => s.interactions[id] === undefined, 'wrap-up completed');
    expect(storedDraft(world.store, id)).to.equal(null);
  });

  it('R-XFER-05, R-X-04: a draft is deleted when the interaction is transferred away', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'handing over' });
    await world.store.transfer(id, { kind: 'queue', queueId: 'q-webchat-sales' });
    await untilState(world.store, (s) => s.interactions[id]?.transfer?.state === 'completed', 'the transfer');
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(world.store.drafts.get(NOTE, id)).to.equal(undefined);
  });

  it('R-OFFER-04, R-X-04: a draft of a rescinded offer is deleted', async () => {
    const world = reloadableWorld({ ronaTimeoutMs: 150 });
    const id = world.simulator.offer({ channel: 'sms', customerName: 'Sam', text: 'Hi' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    // A host may prefill an answer before the agent accepts.
    world.store.drafts.set(NOTE, id, { text: 'prefilled' });
    expect(storedDraft(world.store, id)).to.not.equal(null);
    await untilState(world.store, (s) => s.interactions[id] === undefined, 'the rescind');
    expect(storedDraft(world.store, id)).to.equal(null);
  });

  it('R-MAIL-16: card numbers are masked in what is stored, in text and in HTML split by markup; memory keeps them as typed', async () => {
    const world = reloadableWorld();
    const id = await activeChat(world);
    const typed = 'Card 4111 1111 1111 1111, also 5500-0000-0000-0004 and 378282246310005; order 12345678.';
    world.store.drafts.set(NOTE, id, { text: typed });
    expect(world.store.drafts.get(NOTE, id)).to.deep.equal({ text: typed });
    expect(world.store.drafts.masked(id)).to.equal(true);
    const stored = storedDraft(world.store, id) ?? '';
    expect(stored).to.contain('•••• •••• •••• 1111');
    expect(stored).to.contain('••••-••••-••••-0004');
    expect(stored).to.contain('•••••••••••0005');
    expect(stored).to.contain('order 12345678');
    expect(findCardNumbers(stored)).to.deep.equal([]);
    expect(world.reload().drafts.get(NOTE, id)?.text).to.contain('•••• •••• •••• 1111');

    const html = '<p>Card 4111 <b>1111</b> 1111&nbsp;1111 please</p><p>Ref 4111</p><p>1111 1111 1111</p>';
    const masked = maskString(html);
    expect(masked.masked).to.equal(true);
    expect(masked.value).to.contain('•••• <b>••••</b> ••••');
    expect(masked.value, 'numbers in separate paragraphs are not one number').to.contain('<p>Ref 4111</p><p>1111 1111 1111</p>');
    expect(maskString('No card: 4111 1111 1111 1112 (fails Luhn), a < b').masked).to.equal(false);
    const deep = maskCardNumbers({ to: 'a@b.example', params: { card: '4111111111111111' }, list: ['x', '6011 1111 1111 1117'], n: 3 });
    expect(deep).to.deep.equal({
      masked: true,
      value: { to: 'a@b.example', params: { card: '••••••••••••1111' }, list: ['x', '•••• •••• •••• 1117'], n: 3 },
    });
    // Deleting the draft (sent, discarded) resets the notice.
    world.store.drafts.delete(id);
    expect(world.store.drafts.masked(id)).to.equal(false);
  });

  it('R-X-04: a host DraftStore (asynchronous) is used instead of sessionStorage; a reload restores from it', async () => {
    const host = new SlowMapStore();
    const world = reloadableWorld({}, { draftStore: host });
    const id = await activeChat(world);
    const changes: string[] = [];
    world.store.drafts.changes$.subscribe((c) => changes.push(c.cause));
    world.store.drafts.set(NOTE, id, { text: 'one' });
    world.store.drafts.set(NOTE, id, { text: 'two' });
    world.store.drafts.set(NOTE, id, { text: 'three 4111 1111 1111 1111' });
    await until(() => host.values.get(draftKey('agent-me', id))?.includes('three') === true, 'the last write');
    // One write at a time per key; the newest waiting write replaces older waiting ones.
    expect(host.calls.filter((c) => c.startsWith('set'))).to.have.length(2);
    expect(host.values.get(draftKey('agent-me', id))).to.contain('•••• •••• •••• 1111');
    expect(storedDraft(world.store, id)).to.equal(null);
    const after = world.reload({ draftStore: host });
    const restored: string[] = [];
    after.drafts.changes$.subscribe((c) => restored.push(`${c.interactionId} ${c.cause}`));
    expect(after.drafts.get(NOTE, id), 'not read yet').to.equal(undefined);
    await until(() => restored.length > 0, 'the restored draft');
    expect(restored).to.deep.equal([`${id} restored`]);
    expect(after.drafts.get(NOTE, id)?.text).to.equal('three •••• •••• •••• 1111');
    expect(changes).to.deep.equal(['saved', 'saved', 'saved']);
  });

  it('R-X-04: typing while a slow restore is under way wins over the restored draft', async () => {
    const host = new SlowMapStore();
    const world = reloadableWorld({}, { draftStore: host });
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'old' });
    await until(() => host.values.size === 1, 'stored');
    const after = world.reload({ draftStore: host });
    expect(after.drafts.get(NOTE, id)).to.equal(undefined);
    after.drafts.set(NOTE, id, { text: 'new' });
    await new Promise((r) => setTimeout(r, 80));
    expect(after.drafts.get(NOTE, id)).to.deep.equal({ text: 'new' });
  });

  it('R-X-04: a DraftStore that throws or rejects loses nothing; the failure is reported once on errors$', async () => {
    const world = reloadableWorld({}, { draftStore: broken });
    const errors: StoreError[] = [];
    world.store.errors$.subscribe((e) => errors.push(e));
    const id = await activeChat(world);
    expect(world.store.drafts.get(NOTE, id)).to.equal(undefined);
    world.store.drafts.set(NOTE, id, { text: 'still here' });
    world.store.drafts.set(NOTE, id, { text: 'still here, more' });
    expect(world.store.drafts.get(NOTE, id)).to.deep.equal({ text: 'still here, more' });
    world.store.drafts.delete(id);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.map((e) => [e.code, e.command, e.interactionId])).to.deep.equal([['draft-storage-failed', 'get', id]]);
    expect(errors[0]?.message).to.contain('storage disabled');
  });

  it('noDraftStore keeps drafts in memory only', async () => {
    const world = reloadableWorld({}, { draftStore: noDraftStore });
    const id = await activeChat(world);
    world.store.drafts.set(NOTE, id, { text: 'memory only' });
    expect(world.store.drafts.get(NOTE, id)).to.deep.equal({ text: 'memory only' });
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(world.reload({ draftStore: noDraftStore }).drafts.get(NOTE, id)).to.equal(undefined);
  });

  it('R-X-04: drafts earlier versions left in localStorage are deleted as soon as a store starts', async () => {
    localStorage.setItem('cc-digital-widgets:chat-draft:v1:old-1', '{"savedAt":1,"draft":{"text":"4111 1111 1111 1111"}}');
    localStorage.setItem('cc-digital-widgets:email-draft:v1:old-2', '{}');
    localStorage.setItem('cc-digital-widgets:shortcuts', '{"keep":"me"}');
    reloadableWorld();
    // When the browser is next idle, out of the way of the store's first render.
    await until(() => localStorage.getItem('cc-digital-widgets:email-draft:v1:old-2') === null, 'the sweep', 15000);
    expect(localStorage.getItem('cc-digital-widgets:chat-draft:v1:old-1')).to.equal(null);
    expect(localStorage.getItem('cc-digital-widgets:email-draft:v1:old-2')).to.equal(null);
    expect(localStorage.getItem('cc-digital-widgets:shortcuts')).to.equal('{"keep":"me"}');
    localStorage.removeItem('cc-digital-widgets:shortcuts');
  });
});
