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
import { createInteractionStore, type InteractionStore, type StoreError } from '../../src/core/store/store.js';
import type { Attachment, Interaction } from '../../src/core/types.js';

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
function openPage(key: string, options: SimulatedContactCenterOptions = {}): Page {
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
  const store = createInteractionStore(sim, { agent: sim.agent });
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
