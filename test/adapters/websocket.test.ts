import { expect } from '@open-wc/testing';
import {
  DEFAULT_RECONNECT_POLICY,
  WebSocketCommandError,
  WebSocketContactCenter,
  backoffDelay,
  type ConnectionState,
  type WebSocketContactCenterOptions,
  type WebSocketIssue,
  type WebSocketLike,
} from '../../src/adapters/websocket/index.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import { until } from '../helpers/world.js';

/** A scriptable stand-in for the browser WebSocket: the test plays the server. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent) => unknown) | null = null;
  onclose: ((event: CloseEvent) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  readonly sent: string[] = [];
  closedWith: number | undefined;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }

  close(code = 1000): void {
    if (this.readyState === 3) return;
    this.closedWith = code;
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }

  // ---- the server's side ----
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  receive(frame: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: typeof frame === 'string' ? frame : JSON.stringify(frame) }));
  }

  /** The peer went away (server killed). */
  lose(): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  frames(): Record<string, unknown>[] {
    return this.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
  }

  commands(): { id: string; name: string; args: Record<string, unknown> }[] {
    return this.frames()
      .filter((f) => f['type'] === 'command')
      .map((f) => ({ id: String(f['id']), name: String(f['name']), args: f['args'] as Record<string, unknown> }));
  }
}

const agent = { id: 'agent-me', name: 'Alex Morgan' };

function welcome(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'welcome', protocol: 1, logId: 'log-1', headSeq: 0, replayFrom: 0, heartbeatMs: 15000, agent, ...overrides };
}

function offer(seq: number, interactionId = `i-${seq}`): Record<string, unknown> {
  return {
    type: 'event',
    seq,
    event: {
      type: 'offer',
      interactionId,
      channel: 'webchat',
      queue: { id: 'q', name: 'Queue' },
      customer: { name: 'Ada' },
      source: {},
      at: 1,
    },
  };
}

function latest(): FakeSocket {
  const socket = FakeSocket.all[FakeSocket.all.length - 1];
  if (!socket) throw new Error('no socket yet');
  return socket;
}

interface Harness {
  readonly adapter: WebSocketContactCenter;
  readonly events: ContactCenterEvent[];
  readonly issues: WebSocketIssue[];
  readonly states: ConnectionState[];
}

const adapters: WebSocketContactCenter[] = [];

function harness(options: Partial<WebSocketContactCenterOptions> = {}): Harness {
  const adapter = new WebSocketContactCenter({
    url: 'ws://127.0.0.1:1/',
    agentId: agent.id,
    reconnect: { initialDelayMs: 1, maxDelayMs: 5 },
    createSocket: (url) => new FakeSocket(url),
    ...options,
  });
  adapters.push(adapter);
  const events: ContactCenterEvent[] = [];
  const issues: WebSocketIssue[] = [];
  const states: ConnectionState[] = [];
  adapter.events$.subscribe((e) => events.push(e));
  adapter.issues$.subscribe((i) => issues.push(i));
  adapter.connection$.subscribe((s) => states.push(s));
  return { adapter, events, issues, states };
}

/** Opens the latest socket and welcomes the client. */
function accept(overrides: Record<string, unknown> = {}): FakeSocket {
  const socket = latest();
  socket.open();
  socket.receive(welcome(overrides));
  return socket;
}

describe('WebSocketContactCenter', () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });
  afterEach(() => {
    for (const a of adapters.splice(0)) a.dispose();
  });

  it('backoff grows exponentially, with jitter, and never exceeds the bound', () => {
    const policy = { ...DEFAULT_RECONNECT_POLICY, initialDelayMs: 100, maxDelayMs: 3000, jitter: 0.5 };
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 0))).to.deep.equal([100, 200, 400, 800]);
    expect(backoffDelay(2, policy, () => 0.999999)).to.be.closeTo(200, 0.01);
    for (let n = 0; n < 60; n++) {
      for (const r of [0, 0.3, 0.7, 0.9999]) {
        const d = backoffDelay(n, policy, () => r);
        expect(d).to.be.at.least(0).and.at.most(3000);
      }
    }
    expect(backoffDelay(60, policy, () => 0)).to.equal(3000);
    expect(backoffDelay(60, policy, () => 0.9999)).to.be.at.least(1500);
  });

  it('says hello with the last sequence, opens on welcome, emits each event once and in order', () => {
    const { adapter, events, states } = harness({ lastSeq: 0 });
    expect(states).to.deep.equal(['connecting']);
    const socket = latest();
    socket.open();
    expect(socket.frames()[0]).to.deep.equal({ type: 'hello', protocol: 1, agentId: 'agent-me', lastSeq: 0, features: ['history'] });
    socket.receive(welcome());
    expect(states).to.deep.equal(['connecting', 'open']);
    socket.receive(offer(1));
    socket.receive(offer(2));
    socket.receive(offer(1)); // replayed again: dropped
    expect(events.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(adapter.lastSeq).to.equal(2);
    expect(adapter.stats.duplicatesDropped).to.equal(1);
  });

  it('resumes after its last sequence when the connection is lost, and shows reconnecting meanwhile', async () => {
    const { adapter, events, states } = harness();
    const first = accept();
    first.receive(offer(1));
    first.receive(offer(2));
    first.lose();
    expect(adapter.connectionState).to.equal('reconnecting');
    await until(() => FakeSocket.all.length === 2, 'a second socket');
    const second = latest();
    second.open();
    expect(second.frames()[0]).to.include({ type: 'hello', lastSeq: 2, logId: 'log-1' });
    second.receive(welcome({ headSeq: 3, replayFrom: 2 }));
    second.receive(offer(3));
    expect(events.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    expect(states).to.deep.equal(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('a gap in the sequence is reported and repaired by reconnecting from the last event', async () => {
    const { events, issues } = harness();
    const first = accept();
    first.receive(offer(1));
    first.receive(offer(3));
    expect(issues.map((i) => i.kind)).to.deep.equal(['sequence-gap']);
    expect(first.closedWith).to.equal(4000);
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    const second = latest();
    second.open();
    expect(second.frames()[0]).to.include({ lastSeq: 1 });
    second.receive(welcome({ replayFrom: 1 }));
    second.receive(offer(2));
    second.receive(offer(3));
    expect(events.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
  });

  it('reports malformed frames and invalid events, never throws, and carries on', () => {
    const { events, issues, adapter } = harness();
    const socket = accept();
    expect(() => {
      socket.receive('{"type":"event","seq":');
      socket.receive('[1,2,3]');
      socket.receive({ type: 'event', seq: 'one', event: {} });
      socket.receive({ type: 'result' });
      socket.receive({ type: 'event', seq: 1, event: { type: 'offer', interactionId: '' } });
      socket.receive({ type: 'from-the-future', x: 1 }); // unknown type: ignored
      socket.onmessage?.(new MessageEvent('message', { data: new ArrayBuffer(2) }));
    }).not.to.throw();
    expect(issues.map((i) => i.kind)).to.deep.equal(['malformed-frame', 'malformed-frame', 'malformed-frame', 'malformed-frame', 'invalid-event', 'malformed-frame']);
    expect(issues[0]?.frame).to.equal('{"type":"event","seq":');
    // The invalid entry is skipped for good: the next one is accepted.
    socket.receive(offer(2));
    expect(events.map((e) => e.seq)).to.deep.equal([2]);
    expect(adapter.connectionState).to.equal('open');
  });

  it('queues commands while disconnected and resends unanswered ones with the same idempotency key', async () => {
    const { adapter } = harness();
    const first = accept();
    const accepted = adapter.acceptOffer('i-1');
    const [sent] = first.commands();
    expect(sent?.name).to.equal('acceptOffer');
    first.lose();
    const queued = adapter.sendMessage({ interactionId: 'i-1', clientMessageId: 'c-1', text: 'hi', format: 'plain', attachments: [] });
    expect(adapter.pendingCommands).to.equal(2);
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    const second = latest();
    second.open();
    expect(second.commands(), 'nothing before the welcome').to.deep.equal([]);
    second.receive(welcome());
    const resent = second.commands();
    expect(resent.map((c) => c.name)).to.deep.equal(['acceptOffer', 'sendMessage']);
    expect(resent[0]?.id).to.equal(sent?.id);
    expect(resent[1]?.args).to.deep.equal({ interactionId: 'i-1', clientMessageId: 'c-1', text: 'hi', format: 'plain', attachments: [] });
    second.receive({ type: 'result', id: resent[0]?.id, ok: true, value: null });
    second.receive({ type: 'result', id: resent[1]?.id, ok: true, value: { messageId: 'c-1', status: 'sent', timestamp: 5 } });
    second.receive({ type: 'result', id: resent[1]?.id, ok: true, value: { messageId: 'c-1', status: 'sent', timestamp: 5 } }); // late duplicate: ignored
    await accepted;
    expect(await queued).to.deep.equal({ messageId: 'c-1', status: 'sent', timestamp: 5 });
    expect(adapter.stats.commandsResent).to.equal(1);
    expect(adapter.pendingCommands).to.equal(0);
  });

  it('rejects a command with a clear Error after the timeout; an unsent one is never sent later', async () => {
    const { adapter } = harness({ commandTimeoutMs: 30 });
    const error = await adapter.endInteraction('i-1').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(WebSocketCommandError);
    expect((error as WebSocketCommandError).code).to.equal('timeout');
    expect((error as Error).message).to.equal('endInteraction timed out after 30 ms: not connected to the contact center, so it was not sent');
    accept();
    expect(latest().commands()).to.deep.equal([]);
  });

  it('rejects with the server’s message, and rejects malformed answers', async () => {
    const { adapter } = harness();
    const socket = accept();
    const refused = adapter.acceptOffer('nope');
    const listed = adapter.listQueues('webchat');
    const [a, b] = socket.commands();
    socket.receive({ type: 'result', id: a?.id, ok: false, error: { code: 'rejected', message: 'Unknown interaction nope' } });
    socket.receive({ type: 'result', id: b?.id, ok: true, value: [{ id: 'q' }] });
    await refused.then(
      () => expect.fail('should reject'),
      (e: unknown) => expect((e as Error).message).to.equal('Unknown interaction nope'),
    );
    await listed.then(
      () => expect.fail('should reject'),
      (e: unknown) => expect((e as WebSocketCommandError).code).to.equal('invalid-result'),
    );
  });

  it('answers pings, and drops a silent connection after the heartbeat timeout', async () => {
    const { states, issues } = harness({ heartbeatTimeoutMs: 40 });
    const socket = accept();
    socket.receive({ type: 'ping', t: 7 });
    expect(socket.frames().at(-1)).to.deep.equal({ type: 'pong', t: 7 });
    await until(() => issues.some((i) => i.kind === 'heartbeat-timeout'), 'the heartbeat timeout');
    expect(states).to.include('reconnecting');
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
  });

  it('a fatal server error closes for good and rejects what waits', async () => {
    const { adapter, states } = harness();
    const socket = latest();
    socket.open();
    const waiting = adapter.setAgentState('idle');
    socket.receive({ type: 'error', code: 'unknown-agent', message: 'this backend serves agent-x', fatal: true });
    expect(states.at(-1)).to.equal('closed');
    await waiting.then(
      () => expect.fail('should reject'),
      (e: unknown) => expect((e as WebSocketCommandError).code).to.equal('closed'),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(FakeSocket.all).to.have.length(1);
    await adapter.listAgents().then(
      () => expect.fail('should reject'),
      (e: unknown) => expect((e as Error).message).to.contain('closed'),
    );
  });

  it('a server whose log restarted is reported', () => {
    const { issues, adapter } = harness({ lastSeq: 40 });
    accept({ logId: 'log-2', replayFrom: 0 });
    expect(issues.map((i) => i.kind)).to.deep.equal(['log-reset']);
    expect(adapter.lastSeq).to.equal(0);
  });

  it('gives up after maxAttempts and reports closed', async () => {
    const { states } = harness({ reconnect: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } });
    latest().lose();
    await until(() => FakeSocket.all.length === 2, 'attempt 1');
    latest().lose();
    await until(() => FakeSocket.all.length === 3, 'attempt 2');
    latest().lose();
    await until(() => states.at(-1) === 'closed', 'closed');
  });

  it('dispose closes the socket, rejects pending commands and completes the streams', async () => {
    const { adapter } = harness();
    const socket = accept();
    const pending = adapter.endConference('i-1');
    let completed = false;
    adapter.events$.subscribe({ complete: () => (completed = true) });
    adapter.dispose();
    expect(socket.closedWith).to.equal(1000);
    expect(completed).to.equal(true);
    expect(adapter.connectionState).to.equal('closed');
    await pending.then(
      () => expect.fail('should reject'),
      (e: unknown) => expect((e as WebSocketCommandError).code).to.equal('closed'),
    );
  });

  it('feeds a real store: replayed events are not folded twice', async () => {
    const { adapter } = harness();
    const store = createInteractionStore(adapter, { agent });
    const socket = accept();
    socket.receive(offer(1, 'i-a'));
    socket.receive({
      type: 'event',
      seq: 2,
      event: { type: 'message-received', interactionId: 'i-a', message: { id: 'm1', author: 'customer', text: 'hello', format: 'plain', timestamp: 2, attachments: [] }, at: 2 },
    });
    socket.lose();
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    const second = latest();
    second.open();
    second.receive(welcome({ replayFrom: 2 }));
    // A sloppy server that replays more than asked: the adapter drops what it has seen.
    second.receive(offer(1, 'i-a'));
    second.receive({
      type: 'event',
      seq: 2,
      event: { type: 'message-received', interactionId: 'i-a', message: { id: 'm1', author: 'customer', text: 'hello', format: 'plain', timestamp: 2, attachments: [] }, at: 2 },
    });
    expect(adapter.stats.duplicatesDropped).to.equal(2);
    expect(store.state.interactions['i-a']?.messages.map((m) => m.text)).to.deep.equal(['hello']);
    expect(store.state.lastSeq).to.equal(2);
    store.dispose();
  });

  it('after a dead connection is detected, the next handshake waits as long as the detection, not the full handshake timeout', async () => {
    const { issues } = harness({ heartbeatTimeoutMs: 40, handshakeTimeoutMs: 60_000 });
    accept();
    await until(() => issues.some((i) => i.kind === 'heartbeat-timeout'), 'the heartbeat timeout');
    await until(() => FakeSocket.all.length === 2, 'a reconnection attempt');
    // The second socket never opens (a black-holed network): it is given up on and a third is tried.
    await until(() => FakeSocket.all.length >= 3, 'a third attempt long before 60 s', 5000);
    expect(issues.filter((i) => i.kind === 'heartbeat-timeout').length).to.be.at.least(2);
  });

  it('dispose() while connecting leaves an error listener on the socket (Node ws throws errors nobody listens to)', () => {
    const { adapter } = harness();
    const socket = latest();
    expect(socket.readyState).to.equal(0);
    adapter.dispose();
    expect(socket.onerror).to.be.a('function');
    expect(() => socket.onerror?.(new Event('error'))).not.to.throw();
  });

  it('a new epoch in the welcome resynchronises: resync$ before the replay, the store folds the new log and says so', async () => {
    const { adapter, issues } = harness();
    const store = createInteractionStore(adapter, { agent });
    const resets: unknown[] = [];
    store.resynced$.subscribe((r) => resets.push(r));
    const first = accept({ logId: 'log-1', epoch: 'log-1' });
    first.receive(offer(1, 'i-old'));
    first.receive(offer(2, 'i-old-2'));
    first.lose();
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    const second = latest();
    second.open();
    expect(second.frames()[0]).to.include({ lastSeq: 2, epoch: 'log-1', logId: 'log-1' });
    second.receive(welcome({ logId: 'log-2', epoch: 'log-2', replayFrom: 0, headSeq: 1 }));
    expect(issues.map((i) => i.kind)).to.deep.equal(['log-reset']);
    expect(resets).to.deep.equal([{ epoch: 'log-2', previousEpoch: 'log-1', previousSeq: 2 }]);
    second.receive(offer(1, 'i-new'));
    expect(store.state.interactions['i-new']?.id).to.equal('i-new');
    expect(store.state.interactions['i-old']?.id, 'what the agent saw stays').to.equal('i-old');
    expect(store.state.lastSeq).to.equal(1);
    store.dispose();
  });

  it('a token function is asked on every connection attempt', async () => {
    let n = 0;
    harness({ token: () => `token-${++n}` });
    latest().open();
    expect(latest().frames()[0]).to.include({ token: 'token-1' });
    latest().lose();
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    latest().open();
    expect(latest().frames()[0]).to.include({ token: 'token-2' });
  });

  it('a command refused for the rate goes again with the same key', async () => {
    const { adapter } = harness();
    const socket = accept();
    const listed = adapter.listAgents();
    const [first] = socket.commands();
    socket.receive({ type: 'result', id: first?.id, ok: false, error: { code: 'rate-limited', message: 'slow down' } });
    await until(() => socket.commands().length === 2, 'the command sent again', 5000);
    expect(socket.commands()[1]?.id).to.equal(first?.id);
    socket.receive({ type: 'result', id: first?.id, ok: true, value: [] });
    expect(await listed).to.deep.equal([]);
  });

  it('R-CHAT-01: entries a server left out for a history are no gap; a prev beyond the last event still is', async () => {
    const { adapter, events, issues } = harness();
    const store = createInteractionStore(adapter, { agent });
    const socket = accept();
    socket.receive(offer(1, 'a'));
    socket.receive({ type: 'event', seq: 2, event: { type: 'interaction-accepted', interactionId: 'a', at: 2 } });
    const message = (id: string, timestamp: number): Record<string, unknown> => ({ id, author: 'customer', authorName: 'Ada', text: id, format: 'plain', timestamp, attachments: [] });
    socket.receive({ type: 'event', seq: 5, prev: 2, event: { type: 'history', interactionId: 'a', at: 5, messages: [message('m1', 3), message('m2', 4)] } });
    socket.receive({ type: 'event', seq: 7, prev: 5, event: { type: 'history', interactionId: 'a', at: 7, messages: [message('m3', 6), message('m4', 7)] } });
    expect(issues).to.deep.equal([]);
    expect(adapter.lastSeq).to.equal(7);
    expect(events.map((e) => `${e.type}@${e.seq ?? ''}`)).to.deep.equal(['offer@1', 'interaction-accepted@2', 'history@5', 'history@7']);
    await until(() => store.state.interactions['a']?.messages.length === 4, 'the history in the store');
    expect(store.state.interactions['a']?.messages.map((m) => m.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4']);
    expect(store.state.lastSeq).to.equal(7);
    socket.receive({ type: 'event', seq: 10, prev: 9, event: { type: 'customer-typing', interactionId: 'a', typing: true, at: 10 } });
    expect(issues.map((i) => i.kind)).to.deep.equal(['sequence-gap']);
    store.dispose();
  });

  it('R-CHAT-01: an event frame whose prev is not below its seq is malformed and skipped', () => {
    const { issues } = harness();
    const socket = accept();
    socket.receive({ type: 'event', seq: 3, prev: 3, event: { type: 'agent-state-changed', state: 'idle', at: 1 } });
    expect(issues.map((i) => i.kind)).to.deep.equal(['malformed-frame']);
  });

  it('R-CTX-07: a server that announces nothing offers no consult, customer, history or notes; its welcome changes nothing', () => {
    const { adapter, events } = harness();
    const store = createInteractionStore(adapter, { agent });
    accept();
    expect(events.filter((e) => e.type === 'capabilities')).to.deep.equal([]);
    expect(adapter.capabilities).to.include({ transfer: true, conference: true, attachments: true, templates: true, workflows: true });
    for (const c of ['consult', 'customer', 'history', 'wrapup-notes'] as const) expect(store.supports(c), c).to.equal(false);
    expect(store.supports('transfer')).to.equal(true);
    store.dispose();
  });

  it('R-CTX-07: capabilities announced in the welcome reach the store before the replay; a later welcome and a capabilities event change them', async () => {
    const { adapter, events, issues } = harness();
    const store = createInteractionStore(adapter, { agent });
    const socket = accept({ capabilities: { consult: true, customer: true, history: true, 'wrapup-notes': true, workflows: false, teleport: true } });
    socket.receive(offer(1));
    expect(issues).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.deep.equal(['capabilities', 'offer']);
    await until(() => store.supports('consult'), 'consult in the store');
    expect(store.supports('history')).to.equal(true);
    expect(store.supports('wrapup-notes')).to.equal(true);
    expect(store.supports('workflows')).to.equal(false);
    socket.receive({ type: 'event', seq: 2, event: { type: 'capabilities', capabilities: { history: false }, at: 2 } });
    await until(() => !store.supports('history'), 'history switched off');
    expect(adapter.capabilities.history).to.equal(false);
    socket.lose();
    await until(() => FakeSocket.all.length === 2, 'a reconnection');
    const second = latest();
    second.open();
    second.receive(welcome({ replayFrom: 2, headSeq: 2, capabilities: { consult: false } }));
    await until(() => !store.supports('consult'), 'consult switched off by the new welcome');
    expect(store.supports('customer'), 'left out of the announcement: off').to.equal(false);
    expect(store.supports('workflows'), 'a protocol 1 command left out: on').to.equal(true);
    expect(issues).to.deep.equal([]);
    store.dispose();
  });

  it('R-CTX-07: a welcome whose capabilities are not booleans is malformed', () => {
    const { adapter, issues } = harness();
    const socket = latest();
    socket.open();
    socket.receive(welcome({ capabilities: { consult: 'yes' } }));
    expect(issues.map((i) => i.kind)).to.deep.equal(['malformed-frame']);
    expect(adapter.connectionState).to.not.equal('open');
  });

  it('R-CTX-06, R-CTX-02, R-CTX-03: consult, customer, past and wrap-up commands go out with their arguments and their results are checked', async () => {
    const { adapter } = harness();
    const socket = accept();
    const answer = (value: unknown): void => {
      const last = socket.commands()[socket.commands().length - 1];
      socket.receive({ type: 'result', id: last?.id, ok: true, value });
    };
    const started = adapter.startConsult({ interactionId: 'i-1', agentId: 'agent-priya' });
    answer(null);
    await started;
    const sent = adapter.sendConsultMessage({ interactionId: 'i-1', clientMessageId: 'c-1', text: 'Can you take a refund?' });
    answer({ messageId: 'c-1', status: 'sent', timestamp: 5 });
    expect(await sent).to.deep.equal({ messageId: 'c-1', status: 'sent', timestamp: 5 });
    const completed = adapter.completeConsultTransfer('i-1');
    answer(null);
    await completed;
    const cancelled = adapter.cancelConsult('i-2');
    answer(null);
    await cancelled;
    const wrapped = adapter.submitWrapup({ interactionId: 'i-1', reasonIds: ['wr-resolved'], notes: 'Refund promised', automatic: true });
    answer(null);
    await wrapped;
    const profile = adapter.getCustomer({ interactionId: 'i-1' });
    answer({ name: 'Ada', identities: [{ channel: 'email', value: 'ada@example.com' }], attributes: [{ key: 'Tier', value: 'Gold' }] });
    expect((await profile).attributes).to.deep.equal([{ key: 'Tier', value: 'Gold' }]);
    const page = adapter.listPastInteractions({ interactionId: 'i-1', cursor: 'past:5', limit: 5 });
    answer({ items: [{ id: 'p', channel: 'webchat', queue: { id: 'q', name: 'Q' }, startedAt: 1, wrapupReasons: [], preview: 'x', messages: [{ id: 'm', text: 3 }], emails: [] }] });
    const error = await page.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(WebSocketCommandError);
    expect((error as WebSocketCommandError).code).to.equal('invalid-result');
    expect(socket.commands().map((c) => [c.name, c.args])).to.deep.equal([
      ['startConsult', { interactionId: 'i-1', agentId: 'agent-priya' }],
      ['sendConsultMessage', { interactionId: 'i-1', clientMessageId: 'c-1', text: 'Can you take a refund?' }],
      ['completeConsultTransfer', { interactionId: 'i-1' }],
      ['cancelConsult', { interactionId: 'i-2' }],
      ['submitWrapup', { interactionId: 'i-1', reasonIds: ['wr-resolved'], notes: 'Refund promised', automatic: true }],
      ['getCustomer', { interactionId: 'i-1' }],
      ['listPastInteractions', { interactionId: 'i-1', limit: 5, cursor: 'past:5' }],
    ]);
  });
});
