import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import {
  SIMULATED_WORLD_VERSION,
  SimulatedContactCenter,
  clearSimulatedWorld,
  type SimulatedContactCenterOptions,
} from '../../src/adapters/simulated/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import type { CcState } from '../../src/core/store/state.js';
import { createInteractionStore, type InteractionStore, type InteractionStoreOptions, type StoreError } from '../../src/core/store/store.js';
import type { Attachment, FinishedInteraction, Interaction } from '../../src/core/types.js';

/** One page's worth of simulator and store on a shared storage key. */
interface Page {
  readonly sim: SimulatedContactCenter;
  readonly store: InteractionStore;
  readonly events: ContactCenterEvent[];
  readonly errors: StoreError[];
  /** The page goes away: what a reload does to it. */
  close(): void;
}

const pages: Page[] = [];
const keys: string[] = [];
let keyCount = 0;

afterEach(() => {
  for (const page of pages.splice(0)) page.close();
  for (const key of keys.splice(0)) clearSimulatedWorld(sessionStorage, key);
});

/** A storage key of this test alone (test files share the page's sessionStorage). */
function freshKey(): string {
  const key = `cc-test:world:${(++keyCount).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  keys.push(key);
  return key;
}

/** A simulator and a store as a page would build them, persisting to `key`. */
function openPage(key: string, options: SimulatedContactCenterOptions = {}, storeOptions: InteractionStoreOptions = {}): Page {
  let clock = Date.now();
  const sim = new SimulatedContactCenter({
    seed: 11,
    latencyMs: 0,
    readDelayMs: 5,
    typingTimeoutMs: 40,
    agentResponseMs: 10,
    ronaTimeoutMs: Infinity,
    // Strictly increasing times: the order of what happened is never a tie.
    now: () => (clock += 1),
    ...options,
    persist: { storage: sessionStorage, key },
  });
  const events: ContactCenterEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  const store = createInteractionStore(sim, { agent: sim.agent, ...storeOptions });
  const errors: StoreError[] = [];
  store.errors$.subscribe((e) => errors.push(e));
  const page: Page = {
    sim,
    store,
    events,
    errors,
    close() {
      store.dispose();
      sim.dispose();
    },
  };
  pages.push(page);
  return page;
}

const settle = (store: InteractionStore, predicate: (s: CcState) => boolean, what: string): Promise<void> =>
  waitUntil(() => predicate(store.state), `timed out waiting for ${what}`, { timeout: 3000, interval: 5 });

/** An attachment with any `blob:` URL as just `blob:`: a page's blob: URLs die with it and are made again. */
function attachment(a: Attachment): Attachment {
  return a.url?.startsWith('blob:') ? { ...a, url: 'blob:' } : a;
}

/**
 * What the agent sees of an interaction. `acceptedAt` is the store's own clock at the click
 * (the backend's acceptance time after a reload), and an outbound email's `from` is the
 * agent's name in the optimistic copy (the mailbox the backend sent from after a reload).
 */
function view(i: Interaction): unknown {
  const { acceptedAt: _a, emails, messages, ...rest } = i;
  return {
    ...rest,
    messages: messages.map((m) => ({ ...m, attachments: m.attachments.map(attachment) })),
    emails: emails.map((e) => {
      const { from, ...other } = e;
      return { ...other, attachments: e.attachments.map(attachment), ...(e.direction === 'inbound' ? { from } : {}) };
    }),
  };
}

function views(s: CcState): unknown {
  return {
    order: s.order,
    focused: s.focused,
    availability: s.agent.availability,
    interactions: s.order.map((id) => {
      const i = s.interactions[id];
      return i ? view(i) : id;
    }),
  };
}

/**
 * A Recent entry as the agent sees it. The reasons' names are left out: a store names only
 * the reasons it listed itself, and a store built after a reload has the backend's ids alone.
 */
function recentView(r: FinishedInteraction): unknown {
  const { interaction, wrapup, ...rest } = r;
  if (!wrapup) return { ...rest, interaction: view(interaction) };
  const { reasonNames: _names, ...kept } = wrapup;
  return { ...rest, interaction: view(interaction), wrapup: kept };
}

/** Every id the world has handed out: interactions, messages, emails, attachments. */
function idsOf(sim: SimulatedContactCenter): Set<string> {
  const ids = new Set<string>();
  for (const i of Object.values(sim.state.interactions)) {
    ids.add(i.id);
    for (const m of i.transcript) {
      ids.add(m.id);
      for (const a of m.attachments) ids.add(a.id);
    }
    for (const e of i.emails) {
      ids.add(e.id);
      for (const a of e.attachments) ids.add(a.id);
    }
  }
  return ids;
}

/** A busy world: webchat, messenger in conference, sms wrapped up, email thread, a completed one and an offer pending. */
async function busyWorld(page: Page): Promise<{ webchat: string; messenger: string; sms: string; email: string; pending: string; done: string }> {
  const { sim, store } = page;
  const accept = async (id: string): Promise<void> => {
    await settle(store, (s) => s.interactions[id] !== undefined, `offer ${id}`);
    await store.accept(id);
  };

  const done = sim.offer({ channel: 'webchat', customerName: 'Olga Old', text: 'Quick question' });
  await accept(done);
  await store.end(done);
  await store.submitWrapup(done, ['wr-resolved']);

  const webchat = sim.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'My order is late', attachments: [{ name: 'receipt.pdf' }] });
  await accept(webchat);
  sim.customerMessage(webchat, 'Order 1234');
  await store.send(webchat, 'Let me check that for you.');
  sim.customerMessage(webchat, 'Thanks!');

  const messenger = sim.offer({ channel: 'messenger', customerName: 'Ken Adams', text: 'Hi there' });
  await accept(messenger);
  await store.send(messenger, 'Hello Ken');
  await store.inviteToConference(messenger, 'agent-priya');
  await settle(store, (s) => s.interactions[messenger]?.status === 'conference', 'the conference');
  sim.peerMessage(messenger, 'I can take the billing part.');
  await settle(
    store,
    (s) => s.interactions[messenger]?.messages.some((m) => m.author === 'agent' && m.status === 'read') ?? false,
    'the messenger read receipt',
  );

  const sms = sim.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Is my phone fixed?' });
  await accept(sms);
  await store.send(sms, 'Yes, ready for pickup.');
  await settle(store, (s) => s.interactions[sms]?.messages.some((m) => m.author === 'agent' && m.status === 'read') ?? false, 'the sms read receipt');
  sim.customerLeaves(sms);
  await store.end(sms);

  const email = sim.offer({ channel: 'email', customerName: 'Eve Mail', email: { subject: 'Refund', text: 'I want a refund.' } });
  await accept(email);
  const first = store.state.interactions[email]?.emails[0];
  if (!first) throw new Error('no opening email');
  await store.sendEmail(email, {
    mode: 'reply',
    inReplyTo: first.id,
    to: [first.from],
    cc: [],
    subject: 'Re: Refund',
    html: '<p>Refund on its way.</p>',
    text: 'Refund on its way.',
  });
  await settle(store, (s) => s.interactions[email]?.emails.some((e) => e.status === 'delivery-report') ?? false, 'the delivery report');
  sim.inboundEmail(email, { from: first.from, to: first.to, subject: 'Re: Refund', text: 'Thank you!' });

  const pending = sim.offer({ channel: 'webchat', customerName: 'Nina New', text: 'Anyone there?' });
  await settle(store, (s) => s.interactions[pending]?.status === 'offered', 'the pending offer');
  return { webchat, messenger, sms, email, pending, done };
}

describe('SimulatedContactCenter persist (a reload keeps the world)', () => {
  it('R-X-04: webchat, messenger, sms and email interactions come back in a new store, the same, in the same order', async () => {
    const key = freshKey();
    const before = openPage(key);
    const ids = await busyWorld(before);
    const seen = views(before.store.state);
    const backend = before.sim.state;
    const lastSeq = before.store.state.lastSeq;
    const oldIds = idsOf(before.sim);
    before.close();

    const after = openPage(key);
    await settle(after.store, (s) => s.order.length === 5, 'the restored interactions');
    expect(views(after.store.state)).to.deep.equal(seen);
    expect(after.errors).to.deep.equal([]);
    expect(after.store.state.lastSeq).to.equal(lastSeq);
    const s = after.store.state;
    expect(s.order).to.deep.equal([ids.webchat, ids.messenger, ids.sms, ids.email, ids.pending]);
    expect(s.interactions[ids.sms]?.status).to.equal('wrapup');
    expect(s.interactions[ids.messenger]?.status).to.equal('conference');
    expect(s.interactions[ids.pending]?.status).to.equal('offered');
    expect(s.interactions[ids.done]).to.equal(undefined);
    expect(s.interactions[ids.email]?.emails.map((e) => e.direction)).to.deep.equal(['inbound', 'outbound', 'inbound']);
    expect(s.interactions[ids.webchat]?.unread).to.equal(3);

    // The backend's side too: statuses, transcripts, held offers, counters.
    const restored = after.sim.state;
    expect(Object.keys(restored.interactions)).to.deep.equal(Object.keys(backend.interactions));
    for (const [id, i] of Object.entries(backend.interactions)) {
      const { transcript, emails, ...rest } = i;
      const again = restored.interactions[id];
      expect(again && { ...again, transcript: undefined, emails: undefined }).to.deep.equal({ ...rest, transcript: undefined, emails: undefined });
      expect(again?.transcript.map((m) => m.id)).to.deep.equal(transcript.map((m) => m.id));
      expect(again?.emails.map((e) => [e.id, e.status])).to.deep.equal(emails.map((e) => [e.id, e.status]));
    }

    // The page's blob: URLs died with it: attachments get fresh downloads.
    const attachment = s.interactions[ids.webchat]?.messages.find((m) => m.attachments.length > 0)?.attachments[0];
    expect(attachment?.name).to.equal('receipt.pdf');
    expect(await (await fetch(attachment?.url ?? '')).text()).to.contain('receipt.pdf');

    // The world goes on: commands work, ids and sequence numbers continue.
    await after.store.accept(ids.pending);
    await settle(after.store, (st) => st.interactions[ids.pending]?.status === 'active', 'the accepted offer');
    const sent = await after.store.send(ids.webchat, 'Back again');
    const fresh = [after.sim.offer({ channel: 'sms' }), sent, after.sim.customerMessage(ids.webchat, 'Hello?')];
    for (const id of fresh) expect(oldIds.has(id), id).to.equal(false);
    const live = after.events.filter((e) => e.type === 'interaction-accepted' && e.interactionId === ids.pending);
    expect(live[0]?.seq).to.be.greaterThan(lastSeq);
  });

  it('re-arms what was pending: receipts arrive and an unanswered offer still times out', async () => {
    const key = freshKey();
    const before = openPage(key, { readDelayMs: 60_000 });
    const chat = before.sim.offer({ channel: 'messenger', text: 'Hi' });
    await settle(before.store, (s) => s.interactions[chat] !== undefined, 'the offer');
    await before.store.accept(chat);
    await before.store.send(chat, 'Hello');
    await settle(before.store, (s) => s.interactions[chat]?.messages.some((m) => m.status === 'delivered') ?? false, 'delivered');
    before.close();
    expect(before.sim.state.pendingTimers).to.equal(0);

    const middle = openPage(key, { readDelayMs: 5 });
    await settle(middle.store, (s) => s.interactions[chat]?.messages.some((m) => m.status === 'read') ?? false, 'the read receipt after the reload');
    const waiting = middle.sim.offer({ channel: 'sms', text: 'Still there?' });
    await settle(middle.store, (s) => s.interactions[waiting] !== undefined, 'the second offer');
    middle.close();

    const after = openPage(key, { ronaTimeoutMs: 50 });
    await settle(after.store, (s) => s.interactions[waiting] === undefined && s.agent.availability === 'rona', 'the RONA timeout after the reload');
    expect(after.sim.interaction(waiting)?.status).to.equal('rescinded');
    expect(after.errors).to.deep.equal([]);
  });

  it('ignores and removes a corrupt, foreign or other-version snapshot, and starts empty without throwing', () => {
    const key = freshKey();
    const valid = openPage(key);
    const id = valid.sim.offer({ channel: 'webchat', text: 'Hello' });
    valid.close();
    const good = sessionStorage.getItem(key) ?? '';
    const snapshot = JSON.parse(good) as { version: number; world: { records: { transcript: { author: string }[] }[]; log: unknown[]; counter: number } };
    const tampered = (change: (s: typeof snapshot) => void): string => {
      const copy = JSON.parse(good) as typeof snapshot;
      change(copy);
      return JSON.stringify(copy);
    };
    const bad: Record<string, string> = {
      'not JSON': '{"version":1,',
      'not an object': '42',
      'another version': tampered((s) => (s.version = SIMULATED_WORLD_VERSION + 1)),
      'a message the store would refuse': tampered((s) => {
        const first = s.world.records[0]?.transcript[0];
        if (first) first.author = 'intruder';
      }),
      'an event for an unknown interaction': tampered((s) => s.world.log.push({ type: 'interaction-accepted', interactionId: 'nobody', at: 1 })),
      'a negative counter': tampered((s) => (s.world.counter = -1)),
    };
    for (const [what, raw] of Object.entries(bad)) {
      sessionStorage.setItem(key, raw);
      const page = openPage(key);
      expect(Object.keys(page.sim.state.interactions), what).to.deep.equal([]);
      expect(page.store.state.order, what).to.deep.equal([]);
      expect(sessionStorage.getItem(key), what).to.equal(null);
      page.close();
    }
    // Another seed is another world.
    sessionStorage.setItem(key, good);
    const other = openPage(key, { seed: 12 });
    expect(other.sim.interaction(id)).to.equal(undefined);
    other.close();
    // And the untouched snapshot does restore.
    sessionStorage.setItem(key, good);
    const same = openPage(key);
    expect(same.sim.interaction(id)?.status).to.equal('offered');
    expect(same.store.state.order).to.deep.equal([id]);
  });

  it('R-X-04: a chat draft typed in <cc-chat-widget> is there again after the reload', async () => {
    const key = freshKey();
    const before = openPage(key, { idTag: `draft${Math.random().toString(36).slice(2, 8)}` });
    const id = before.sim.offer({ channel: 'webchat', customerName: 'Dora Draft', text: 'Hello' });
    await settle(before.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await before.store.accept(id);
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${before.store} channel="webchat"></cc-chat-widget>`);
    const textarea = (w: CcChatWidget): HTMLTextAreaElement | null | undefined => w.shadowRoot?.querySelector('textarea');
    await waitUntil(() => textarea(el), 'the composer', { timeout: 3000 });
    const box = textarea(el);
    if (!box) throw new Error('no composer');
    box.value = 'I will refund the shipping';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.remove();
    before.close();

    const after = openPage(key);
    await settle(after.store, (s) => s.interactions[id]?.status === 'active', 'the restored conversation');
    const again = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${after.store} channel="webchat"></cc-chat-widget>`);
    await waitUntil(() => textarea(again)?.value === 'I will refund the shipping', 'the draft after the reload', { timeout: 3000 });
    expect(again.shadowRoot?.textContent).to.contain('Dora Draft');
  });

  it('R-CTX-05: conversations wrapped up before the reload are under Recent again, with their threads, reasons, notes and finish times', async () => {
    const key = freshKey();
    const storeOptions: InteractionStoreOptions = { autoWrapup: { sms: { afterMs: 10, reasonId: 'wr-resolved' } } };
    const before = openPage(key, {}, storeOptions);
    const { sim, store } = before;
    const accept = async (id: string): Promise<void> => {
      await settle(store, (s) => s.interactions[id] !== undefined, `offer ${id}`);
      await store.accept(id);
    };

    const chat = sim.offer({ channel: 'webchat', customerName: 'Wendy Web', text: 'Where is my parcel?', attachments: [{ name: 'label.pdf' }] });
    await accept(chat);
    sim.customerMessage(chat, 'Order 4471');
    await store.send(chat, 'It leaves the depot today.');
    sim.customerMessage(chat, 'Great, thanks');
    await store.end(chat);
    await store.listWrapupReasons('webchat');
    await store.submitWrapup(chat, ['wr-resolved', 'wr-follow-up'], { notes: '  Parcel tracked; call back Friday.  ' });

    const mail = sim.offer({ channel: 'email', customerName: 'Eve Mail', email: { subject: 'Refund', text: 'I want a refund.' } });
    await accept(mail);
    const first = store.state.interactions[mail]?.emails[0];
    if (!first) throw new Error('no opening email');
    await store.sendEmail(mail, { mode: 'reply', inReplyTo: first.id, to: [first.from], cc: [], subject: 'Re: Refund', html: '<p>Done.</p>', text: 'Done.' });
    await settle(store, (s) => s.interactions[mail]?.emails.some((e) => e.status === 'delivery-report') ?? false, 'the delivery report');
    await store.end(mail);
    await store.submitWrapup(mail, ['wr-info-sent'], { notes: 'Customer read out card 4111 1111 1111 1111; refunded to it.' });

    const text = sim.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Is my phone fixed?' });
    await accept(text);
    await store.send(text, 'Yes, ready for pickup.');
    await store.end(text);
    // Auto wrap-up submits the default reason: the entry is marked automatic.
    await settle(store, (s) => s.recent.length === 3, 'three finished conversations');

    const open = sim.offer({ channel: 'webchat', customerName: 'Oscar Open', text: 'Still open' });
    await accept(open);
    // The stored copy of the notes has the card number masked, as a stored draft would.
    const masked = (r: FinishedInteraction): FinishedInteraction =>
      r.wrapup?.notes ? { ...r, wrapup: { ...r.wrapup, notes: r.wrapup.notes.replace('4111 1111 1111 1111', '•••• •••• •••• 1111') } } : r;
    const seen = store.state.recent.map((r) => recentView(masked(r)));
    const seenOpen = views(store.state);
    expect(store.state.recent.map((r) => r.interaction.id)).to.deep.equal([text, mail, chat]);
    expect(store.state.recent[0]?.wrapup?.automatic).to.equal(true);
    before.close();

    const raw = sessionStorage.getItem(key) ?? '';
    expect(raw, 'a card number in the notes is masked in storage').not.to.contain('4111 1111 1111 1111');

    const after = openPage(key, {}, storeOptions);
    await settle(after.store, (s) => s.recent.length === 3, 'the restored Recent list');
    expect(after.errors).to.deep.equal([]);
    expect(views(after.store.state), 'the open conversation is as it was').to.deep.equal(seenOpen);
    expect(after.store.state.recent.map(recentView)).to.deep.equal(seen);
    expect(after.store.state.recent[1]?.wrapup?.notes).to.equal('Customer read out card •••• •••• •••• 1111; refunded to it.');

    const restored = after.store.state.recent.find((r) => r.interaction.id === chat);
    const thread = restored?.interaction.messages.filter((m) => m.author !== 'system');
    expect(thread?.map((m) => [m.author, m.text])).to.deep.equal([
      ['customer', 'Where is my parcel?'],
      ['customer', 'Order 4471'],
      ['agent', 'It leaves the depot today.'],
      ['customer', 'Great, thanks'],
    ]);
    expect(restored?.wrapup).to.include({ notes: 'Parcel tracked; call back Friday.', automatic: false });
    expect(restored?.wrapup?.reasonIds).to.deep.equal(['wr-resolved', 'wr-follow-up']);
    expect(after.store.state.recent.find((r) => r.interaction.id === mail)?.interaction.emails.map((e) => e.direction)).to.deep.equal(['inbound', 'outbound']);
    expect(after.store.state.recent.find((r) => r.interaction.id === text)?.wrapup).to.deep.equal({ reasonIds: ['wr-resolved'], reasonNames: [], automatic: true });
  });

  it('R-CTX-05: of more than 20 wrapped-up conversations, the last 20 come back and the log keeps no more', async () => {
    const key = freshKey();
    const before = openPage(key);
    const { sim, store } = before;
    const ids: string[] = [];
    for (let n = 0; n < 22; n++) {
      const id = sim.offer({ channel: 'webchat', customerName: `Customer ${n}`, text: `Question ${n}` });
      await settle(store, (s) => s.interactions[id] !== undefined, `offer ${n}`);
      await store.accept(id);
      await store.send(id, `Answer ${n}`);
      await store.end(id);
      await store.submitWrapup(id, ['wr-resolved']);
      ids.push(id);
    }
    const seen = store.state.recent.map(recentView);
    expect(store.state.recent.map((r) => r.interaction.id)).to.deep.equal(ids.slice(2).reverse());
    before.close();

    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { world: { log: { interactionId?: string }[] } };
    const logged = new Set(stored.world.log.map((e) => e.interactionId));
    expect(ids.filter((id) => logged.has(id)), 'the log names only the last 20').to.deep.equal(ids.slice(2));

    const after = openPage(key);
    await settle(after.store, (s) => s.recent.length === 20, 'the restored Recent list');
    expect(after.store.state.recent.map(recentView)).to.deep.equal(seen);
    const oldest = after.store.state.recent[19]?.interaction.messages.filter((m) => m.author !== 'system');
    expect(oldest?.map((m) => m.text)).to.deep.equal(['Question 2', 'Answer 2']);
    expect(after.errors).to.deep.equal([]);
  });

  it('R-CTX-05: many rescinded offers after a wrap-up do not push the finished conversation out of the snapshot', async () => {
    const key = freshKey();
    const before = openPage(key);
    const { sim, store } = before;
    const done = sim.offer({ channel: 'sms', customerName: 'Dana Done', text: 'Hello' });
    await settle(store, (s) => s.interactions[done] !== undefined, 'the offer');
    await store.accept(done);
    await store.end(done);
    await store.submitWrapup(done, ['wr-resolved']);
    // More rescinded offers than the snapshot keeps finished records.
    for (let n = 0; n < 60; n++) sim.customerLeaves(sim.offer({ channel: 'webchat', text: `Gone ${n}` }));
    before.close();

    const after = openPage(key);
    expect(after.sim.interaction(done)?.status, 'the world was restored').to.equal('completed');
    await settle(after.store, (s) => s.recent.length === 1, 'the restored Recent entry');
    expect(after.store.state.recent[0]?.interaction.id).to.equal(done);
  });

  it('replays the world to every new subscriber, then live events, in order', () => {
    const key = freshKey();
    const page = openPage(key);
    const id = page.sim.offer({ channel: 'sms', text: 'One' });
    page.sim.customerMessage(id, 'Two');
    const late: ContactCenterEvent[] = [];
    page.sim.events$.subscribe((e) => {
      late.push(e);
      // A subscriber that scripts the simulator while the replay runs sees its event after the replay.
      if (e.type === 'offer') page.sim.customerMessage(id, 'Three');
    });
    expect(late.map((e) => e.type)).to.deep.equal(['offer', 'message-received', 'message-received']);
    expect(late.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    expect(page.store.state.interactions[id]?.messages.map((m) => m.text)).to.deep.equal(['One', 'Two', 'Three']);
  });
});

describe('demo: a reload keeps the world (sessionStorage, ?fresh=1, Reset demo)', () => {
  /** The demo's `window.ccDemo`, absent until the page has started. */
  const ccDemo = (frameEl: HTMLIFrameElement | undefined): Partial<Window>['ccDemo'] => {
    const win: Partial<Pick<Window, 'ccDemo'>> | null | undefined = frameEl?.contentWindow;
    return win?.ccDemo;
  };
  let frame: HTMLIFrameElement | undefined;

  afterEach(() => {
    ccDemo(frame)?.simulator.dispose();
    frame?.remove();
    frame = undefined;
    clearSimulatedWorld(sessionStorage, 'cc-demo:world:v1');
  });

  /** The demo's simulator and store once the page in the frame has started. */
  async function demo(frameEl: HTMLIFrameElement, previous?: SimulatedContactCenter): Promise<{ simulator: SimulatedContactCenter; store: InteractionStore }> {
    const ready = (): Partial<Window>['ccDemo'] => {
      const found = ccDemo(frameEl);
      return found && found.simulator !== previous ? found : undefined;
    };
    await waitUntil(() => ready(), 'the demo page to start', { timeout: 15_000, interval: 20 });
    const found = ready();
    if (!found) throw new Error('no demo');
    return found;
  }

  async function load(src: string): Promise<{ simulator: SimulatedContactCenter; store: InteractionStore }> {
    frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
    return demo(frame);
  }

  it('R-X-04: a reload restores the interactions; ?fresh=1 and Reset demo start empty', async () => {
    const first = await load('/test/adapters/fixtures/demo-page.html?autoplay=0&latencyMs=0');
    const id = first.simulator.offer({ channel: 'webchat', customerName: 'Rita Reload', text: 'Still here?' });
    await waitUntil(() => first.store.state.interactions[id], 'the offer', { timeout: 3000 });
    await first.store.accept(id);
    const el = frame?.contentDocument?.querySelector('#reset-demo');
    expect(el?.textContent).to.equal('Reset demo');

    frame?.contentWindow?.location.reload();
    const second = await demo(frame as HTMLIFrameElement, first.simulator);
    await waitUntil(() => second.store.state.interactions[id]?.status === 'active', 'the restored interaction', { timeout: 3000 });
    expect(second.store.state.interactions[id]?.messages.some((m) => m.text === 'Still here?')).to.equal(true);

    frame?.contentDocument?.querySelector<HTMLButtonElement>('#reset-demo')?.click();
    const third = await demo(frame as HTMLIFrameElement, second.simulator);
    expect(third.store.state.order).to.deep.equal([]);
    const kept = third.simulator.offer({ channel: 'sms', text: 'New world' });
    await waitUntil(() => sessionStorage.getItem('cc-demo:world:v1')?.includes(kept), 'the new world to be kept', { timeout: 3000 });

    frame?.remove();
    const fresh = await load('/test/adapters/fixtures/demo-page.html?autoplay=0&fresh=1');
    expect(fresh.store.state.order).to.deep.equal([]);
    expect(sessionStorage.getItem('cc-demo:world:v1')).to.equal(null);
  });
});
