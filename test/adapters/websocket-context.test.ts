/**
 * End to end: the agent-context features over the wire — the adapter and the store against
 * the reference backend (server/) run as a real process: capabilities announced in the
 * welcome, consult (warm transfer), the customer's profile and paged past, wrap-up notes.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { MAX_HISTORY_BYTES, WebSocketCommandError, WebSocketContactCenter, type WebSocketIssue } from '../../src/adapters/websocket/index.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { PastInteraction } from '../../src/core/types.js';
import { until } from '../helpers/world.js';
import { admin, backend, backendClients, mintToken, startBackend, type Started } from '../e2e/backend.js';

interface Client {
  readonly adapter: WebSocketContactCenter;
  readonly store: InteractionStore;
  readonly issues: WebSocketIssue[];
  readonly events: ContactCenterEvent[];
}

/** Why a promise rejected: its command error. */
async function refusal(promise: Promise<unknown>): Promise<WebSocketCommandError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof WebSocketCommandError)) throw new Error(`expected a command error, got ${String(outcome)}`);
  return outcome;
}

describe('WebSocket agent context ⇄ reference backend', () => {
  const clients = backendClients();
  let token = '';

  async function start(env: Readonly<Record<string, string>> = {}): Promise<Started> {
    const started = await startBackend(env);
    token = await mintToken();
    return started;
  }

  function connect(url: string): Client {
    const adapter = new WebSocketContactCenter({ url, agentId: DEFAULT_AGENT.id, token, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
    const store = createInteractionStore(adapter, { agent: DEFAULT_AGENT });
    clients.track({ close: () => (store.dispose(), adapter.dispose()) });
    const issues: WebSocketIssue[] = [];
    const events: ContactCenterEvent[] = [];
    adapter.issues$.subscribe((i) => issues.push(i));
    adapter.events$.subscribe((e) => events.push(e));
    return { adapter, store, issues, events };
  }

  /** A chat the agent has accepted. */
  async function activeChat(client: Client, customerName = 'Ana Souza'): Promise<string> {
    const { interactionId } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', customerName, text: 'I was charged twice.' });
    await until(() => client.store.state.interactions[interactionId] !== undefined, 'the offer in the store');
    await client.store.accept(interactionId);
    await until(() => client.store.state.interactions[interactionId]?.status === 'active', 'the chat active');
    return interactionId;
  }

  it('R-CTX-07: the backend announces its capabilities in the welcome and the store follows; switched-off ones are refused', async function () {
    this.timeout(60_000);
    const { url } = await start({ CAPABILITIES_OFF: 'consult,history,wrapup-notes' });
    const client = connect(url);
    await until(() => client.adapter.connectionState === 'open', 'the welcome');
    expect(client.adapter.welcome?.capabilities).to.include({ consult: false, history: false, 'wrapup-notes': false, customer: true, transfer: true });
    await until(() => client.store.supports('customer'), 'the announced capabilities in the store');
    expect(client.store.supports('consult')).to.equal(false);
    expect(client.store.supports('history')).to.equal(false);
    expect(client.store.supports('wrapup-notes')).to.equal(false);
    expect(client.store.supports('transfer')).to.equal(true);
    const id = await activeChat(client);
    const refused = await refusal(client.adapter.startConsult({ interactionId: id, agentId: 'agent-priya' }));
    expect(refused.code).to.equal('rejected');
    expect(refused.message).to.equal('This contact center does not support consult');
    expect((await refusal(client.adapter.listPastInteractions({ interactionId: id, limit: 5 }))).message).to.equal('This contact center does not support history');
    expect((await client.adapter.getCustomer({ interactionId: id })).name).to.equal('Ana Souza');

    // Notes: refused by the backend, so the store does not send them; the wrap-up itself goes through.
    await client.store.end(id);
    await until(() => client.store.state.interactions[id]?.status === 'wrapup', 'wrap-up');
    expect((await refusal(client.adapter.submitWrapup({ interactionId: id, reasonIds: ['wr-resolved'], notes: 'Kept?' }))).message).to.equal(
      'This contact center keeps no wrap-up notes',
    );
    await client.store.submitWrapup(id, ['wr-resolved'], { notes: 'Not kept' });
    await until(() => client.store.state.interactions[id] === undefined, 'the conversation done');
    const events = await admin<{ events: { type: string; interactionId?: string; wrapup?: unknown }[] }>('/admin/events');
    expect(events.events.find((e) => e.type === 'wrapup-completed' && e.interactionId === id)?.wrapup).to.deep.equal({ reasonIds: ['wr-resolved'] });
    expect(client.issues).to.deep.equal([]);
  });

  it('R-CTX-07: a capability name the backend does not know stops it at start, saying which names it knows', async function () {
    this.timeout(60_000);
    const run = await backend<{ listening: boolean; code: number | null; output: string }>({ action: 'run-once', env: { CAPABILITIES_OFF: 'consult,teleport' } });
    expect(run.listening).to.equal(false);
    expect(run.code).to.equal(2);
    expect(run.output).to.include('CAPABILITIES_OFF: teleport is not a capability (transfer, conference, consult,');
  });

  it('R-CTX-06: a consult over the wire: the agent joins and replies, a reconnecting client sees it where it is, complete transfer hands the customer over', async function () {
    this.timeout(60_000);
    const { url } = await start();
    const client = connect(url);
    await until(() => client.store.supports('consult'), 'consult announced');
    const id = await activeChat(client);
    const consult = () => client.store.state.interactions[id]?.consult;

    await client.store.startConsult(id, 'agent-priya');
    await until(() => consult()?.state === 'started' && consult()?.messages.length === 1, 'the consulted agent to join and greet');
    expect(consult()?.agent).to.deep.equal({ id: 'agent-priya', name: 'Priya Natarajan' });
    expect(consult()?.messages[0]?.text).to.equal("Hi, Priya Natarajan here. What do you need on Ana Souza's conversation?");
    expect(consult()?.messages.map((m) => m.author)).to.deep.equal(['peer']);
    const mine = await client.store.sendConsultMessage(id, 'She was charged twice; can you refund?');
    await until(() => consult()?.messages.length === 3, 'the consulted agent’s reply');
    expect(consult()?.messages.map((m) => [m.author, m.id === mine ? 'mine' : m.status ?? ''])).to.deep.equal([
      ['peer', ''],
      ['agent', 'mine'],
      ['peer', ''],
    ]);
    expect(consult()?.messages.find((m) => m.id === mine)?.status).to.equal('sent');
    // Never in the customer's thread.
    expect(client.store.state.interactions[id]?.messages.some((m) => m.text.includes('refund'))).to.equal(false);

    // A client that starts from nothing (a reload) gets the consult back from the replay.
    const other = connect(url);
    await until(() => other.store.state.interactions[id]?.consult?.messages.length === 3, 'the consult in a fresh client', 20_000);
    expect(other.store.state.interactions[id]?.consult).to.deep.include({ state: 'started', agent: { id: 'agent-priya', name: 'Priya Natarajan' } });
    expect(other.store.state.interactions[id]?.consult?.messages.map((m) => m.id)).to.deep.equal(consult()?.messages.map((m) => m.id));

    // A consult in progress blocks a plain transfer; complete hands over.
    const blocked = await refusal(client.adapter.transfer({ interactionId: id, target: { kind: 'queue', queueId: 'q-webchat-support' } }));
    expect(blocked.message).to.equal('Finish the consult first: complete the transfer or cancel the consult');
    await client.store.completeConsultTransfer(id);
    await until(() => client.store.state.interactions[id]?.status === 'wrapup', 'wrap-up after the transfer');
    expect(consult()?.state).to.equal('completed');
    expect(client.store.state.interactions[id]?.endReason).to.equal('transferred');
    expect(client.store.state.interactions[id]?.transfer).to.deep.include({ state: 'completed', target: { kind: 'agent', agentId: 'agent-priya' } });
    await until(() => other.store.state.interactions[id]?.status === 'wrapup', 'the other client follows');
    expect(client.issues).to.deep.equal([]);
    expect(other.issues).to.deep.equal([]);
  });

  it('R-CTX-06: declined and unanswered consults, cancel keeps the customer, a hand-over to an agent gone busy fails, and bad consult commands are refused clearly', async function () {
    this.timeout(60_000);
    const { url } = await start();
    const client = connect(url);
    await until(() => client.store.supports('consult'), 'consult announced');
    const id = await activeChat(client);
    const consult = () => client.store.state.interactions[id]?.consult;

    await client.store.startConsult(id, 'agent-mei'); // busy
    await until(() => consult()?.state === 'declined', 'a busy agent to decline');
    expect(consult()?.reason).to.equal('declined');
    await client.store.startConsult(id, 'agent-hannah'); // offline
    await until(() => consult()?.state === 'declined' && consult()?.agent.id === 'agent-hannah', 'no answer from an offline agent');
    expect(consult()?.reason).to.equal('timeout');

    await client.store.startConsult(id, 'agent-tom');
    await until(() => consult()?.state === 'started', 'the consulted agent to join');
    const again = await refusal(client.adapter.startConsult({ interactionId: id, agentId: 'agent-lucia' }));
    expect(again.message).to.equal('A consult is already requested or in progress');
    await client.store.cancelConsult(id);
    await until(() => consult()?.state === 'cancelled', 'the consult cancelled');
    expect(client.store.state.interactions[id]?.status).to.equal('active');

    // The consulted agent becomes busy before the hand-over: the consult fails, the customer stays.
    await client.store.startConsult(id, 'agent-lucia');
    await until(() => consult()?.state === 'started', 'the second consulted agent to join');
    await admin('/admin/directory-availability', { agentId: 'agent-lucia', availability: 'busy' });
    await client.store.completeConsultTransfer(id);
    await until(() => consult()?.state === 'failed', 'the hand-over to fail');
    expect(consult()?.error).to.equal('Lucía Fernández is no longer available');
    expect(client.store.state.interactions[id]?.status).to.equal('active');
    expect((await refusal(client.adapter.cancelConsult(id))).message).to.equal('Cannot cancel: no consult is requested or in progress');
    expect((await refusal(client.adapter.completeConsultTransfer(id))).message).to.equal('Cannot complete the transfer: no consult is in progress');
    expect((await refusal(client.adapter.sendConsultMessage({ interactionId: id, clientMessageId: 'c-late', text: 'Hello?' }))).message).to.equal(
      'Cannot send: no consult is in progress',
    );
    expect((await refusal(client.adapter.startConsult({ interactionId: 'ws-nope', agentId: 'agent-tom' }))).message).to.equal('Unknown interaction ws-nope');
    expect((await refusal(client.adapter.startConsult({ interactionId: id, agentId: 'agent-nobody' }))).message).to.equal('Cannot consult: unknown agent agent-nobody');
    expect((await refusal(client.adapter.startConsult({ interactionId: id, agentId: DEFAULT_AGENT.id }))).message).to.equal('Cannot consult yourself');

    const { interactionId: mail } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'email', customerName: 'Li Wei' });
    await until(() => client.store.state.interactions[mail] !== undefined, 'the email offer');
    await client.store.accept(mail);
    expect((await refusal(client.adapter.startConsult({ interactionId: mail, agentId: 'agent-tom' }))).message).to.equal('Email interactions have no consult');

    await client.store.end(id);
    await until(() => client.store.state.interactions[id]?.status === 'wrapup', 'wrap-up');
    expect((await refusal(client.adapter.startConsult({ interactionId: id, agentId: 'agent-tom' }))).message).to.equal(`Cannot consult: interaction ${id} is wrapup`);
    expect(client.issues).to.deep.equal([]);
  });

  it('R-CTX-02: the customer’s profile and past conversations, newest first, paged with a cursor to the end, the same after a restart', async function () {
    this.timeout(60_000);
    const { url } = await start();
    const client = connect(url);
    await until(() => client.store.supports('history'), 'history announced');
    const id = await activeChat(client, 'Li Wei');

    const profile = await client.store.getCustomer(id);
    expect(profile.name).to.equal('Li Wei');
    expect(profile.identities).to.deep.include({ channel: 'email', value: 'li.wei@example.cn' });
    expect(profile.identities.map((i) => i.channel)).to.include.members(['email', 'sms', 'messenger']);
    expect(profile.attributes.map((a) => a.key)).to.include.members(['Account number', 'Tier']);

    const all: PastInteraction[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.store.listPastInteractions(id, cursor, 4);
      expect(page.items.length).to.be.within(1, 4);
      all.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 20);
    expect(all.length, 'several conversations').to.be.within(6, 11);
    expect(pages).to.equal(Math.ceil(all.length / 4));
    expect(new Set(all.map((p) => p.id)).size, 'no conversation twice').to.equal(all.length);
    const starts = all.map((p) => p.startedAt);
    expect(starts).to.deep.equal([...starts].sort((a, b) => b - a));
    expect(new Set(all.map((p) => p.channel)).size, 'across channels').to.be.at.least(3);
    for (const p of all) {
      expect(p.wrapupReasons.length).to.be.at.least(1);
      expect(p.preview).to.not.equal('');
      expect(p.messages.length + p.emails.length, `${p.id} has a transcript`).to.be.at.least(2);
    }

    const first = await client.store.listPastInteractions(id, undefined, 5);
    expect(first.items.map((p) => p.id)).to.deep.equal(all.slice(0, 5).map((p) => p.id));
    const bad = await refusal(client.adapter.listPastInteractions({ interactionId: id, cursor: 'past:999', limit: 5 }));
    expect(bad.code).to.equal('rejected');
    expect(bad.message).to.match(/^Unknown cursor "past:999": load the first page again$/);
    expect((await refusal(client.adapter.listPastInteractions({ interactionId: id, limit: 0 }))).code).to.equal('invalid-args');
    expect((await refusal(client.adapter.getCustomer({ interactionId: 'ws-missing' }))).message).to.equal('Unknown interaction ws-missing');

    await backend({ action: 'restart' });
    await until(() => client.adapter.connectionState === 'open', 'the reconnection after the restart', 20_000);
    const again = await client.store.listPastInteractions(id, undefined, 5);
    expect(again).to.deep.equal(first);
    expect(client.issues.filter((i) => i.kind !== 'heartbeat-timeout')).to.deep.equal([]);
  });

  it('R-CTX-02: long past transcripts come in pages that fit one frame: fewer conversations a page, the latest messages of each', async function () {
    this.timeout(90_000);
    const { url } = await start();
    const client = connect(url);
    await until(() => client.store.supports('history'), 'history announced');
    const finished: string[] = [];
    for (let n = 0; n < 2; n++) {
      const id = await activeChat(client, 'Sofia Rossi');
      await admin('/admin/customer-messages', { interactionId: id, count: 150, prefix: `${n}:${'x'.repeat(2000)}` });
      await client.store.end(id);
      await until(() => client.store.state.interactions[id]?.status === 'wrapup', 'wrap-up');
      await client.store.submitWrapup(id, ['wr-resolved']);
      await until(() => client.store.state.interactions[id] === undefined, 'the conversation done');
      finished.unshift(id);
    }
    const current = await activeChat(client, 'Sofia Rossi');
    const first = await client.store.listPastInteractions(current, undefined, 5);
    expect(first.items.map((p) => p.id)).to.deep.equal([finished[0]]);
    expect(new TextEncoder().encode(JSON.stringify(first)).length).to.be.at.most(MAX_HISTORY_BYTES);
    const transcript = first.items[0]?.messages ?? [];
    expect(transcript.length).to.be.within(2, 100);
    expect(transcript[transcript.length - 1]?.text).to.equal(`1:${'x'.repeat(2000)} 150`);
    const second = await client.store.listPastInteractions(current, first.nextCursor, 5);
    expect(second.items[0]?.id).to.equal(finished[1]);
    expect(client.issues).to.deep.equal([]);
  });

  it('R-CTX-03: wrap-up notes are kept with the conversation, come back in the customer’s past (also after a restart), and are refused over 500 characters', async function () {
    this.timeout(60_000);
    const { url } = await start();
    const client = connect(url);
    await until(() => client.store.supports('wrapup-notes'), 'notes announced');
    const id = await activeChat(client, 'Yuki Tanaka');
    await client.store.end(id);
    await until(() => client.store.state.interactions[id]?.status === 'wrapup', 'wrap-up');

    const tooLong = await refusal(client.adapter.submitWrapup({ interactionId: id, reasonIds: ['wr-resolved'], notes: 'x'.repeat(501) }));
    expect(tooLong.code).to.equal('rejected');
    expect(tooLong.message).to.equal('Wrap-up notes may have at most 500 characters (these have 501)');
    expect((await refusal(client.adapter.submitWrapup({ interactionId: id, reasonIds: ['wr-resolved'], notes: 7 as unknown as string }))).code).to.equal(
      'invalid-args',
    );

    await client.store.submitWrapup(id, ['wr-resolved', 'wr-follow-up'], { notes: '  Refund of the double charge promised by Friday.  ' });
    await until(() => client.store.state.interactions[id] === undefined, 'the conversation done');
    const events = await admin<{ events: { type: string; interactionId?: string; wrapup?: unknown }[] }>('/admin/events');
    expect(events.events.find((e) => e.type === 'wrapup-completed' && e.interactionId === id)?.wrapup).to.deep.equal({
      reasonIds: ['wr-resolved', 'wr-follow-up'],
      notes: 'Refund of the double charge promised by Friday.',
    });

    const next = await activeChat(client, 'Yuki Tanaka');
    const expected = { id, wrapupReasons: ['Resolved', 'Follow-up required'], notes: 'Refund of the double charge promised by Friday.' };
    const [latest] = (await client.store.listPastInteractions(next, undefined, 3)).items;
    expect(latest).to.deep.include(expected);
    expect(latest?.messages.map((m) => m.text)).to.include('I was charged twice.');

    await backend({ action: 'restart' });
    await until(() => client.adapter.connectionState === 'open', 'the reconnection after the restart', 20_000);
    const [afterRestart] = (await client.store.listPastInteractions(next, undefined, 3)).items;
    expect(afterRestart).to.deep.include(expected);
    // The replay carries the notes too.
    const fresh = connect(url);
    await until(() => fresh.store.state.interactions[next]?.status === 'active', 'the fresh client caught up', 20_000);
    const replayed = fresh.events.find((e) => e.type === 'wrapup-completed' && e.interactionId === id);
    expect(replayed?.type === 'wrapup-completed' ? replayed.wrapup?.notes : undefined).to.equal('Refund of the double charge promised by Friday.');
    expect(client.issues.filter((i) => i.kind !== 'heartbeat-timeout')).to.deep.equal([]);
  });
});
