/**
 * End to end: a client that connects to, or reconnects with, the reference backend gets a
 * long conversation back as a few `history` events, and the store shows every message
 * once, in order.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { MAX_MESSAGE_BYTES } from '../../src/adapters/websocket/protocol.js';
import { WebSocketContactCenter, type WebSocketIssue } from '../../src/adapters/websocket/index.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import { until } from '../helpers/world.js';
import { admin, backendClients, mintToken, startBackend, type ServerState } from './backend.js';

describe('WebSocket history replay ⇄ reference backend', () => {
  const clients = backendClients();

  function connect(url: string, token: string): { adapter: WebSocketContactCenter; store: InteractionStore; events: ContactCenterEvent[]; issues: WebSocketIssue[] } {
    // The test reconnects by hand (reconnectNow) once the server has moved on: the backoff must
    // not beat it, however long a busy machine takes to add 3,000 messages.
    const adapter = new WebSocketContactCenter({ url, agentId: DEFAULT_AGENT.id, token, reconnect: { initialDelayMs: 120_000, maxDelayMs: 120_000, jitter: 0 } });
    const store = createInteractionStore(adapter, { agent: DEFAULT_AGENT });
    clients.track({ close: () => (store.dispose(), adapter.dispose()) });
    const events: ContactCenterEvent[] = [];
    const issues: WebSocketIssue[] = [];
    adapter.events$.subscribe((e) => events.push(e));
    adapter.issues$.subscribe((i) => issues.push(i));
    return { adapter, store, events, issues };
  }

  async function serverThread(id: string): Promise<string[]> {
    const state = await admin<ServerState>('/admin/state');
    return state.interactions.find((i) => i.id === id)?.messages.map((m) => m.id) ?? [];
  }

  it('R-CHAT-01: a client reconnecting to a 10,000-message conversation gets it back as a few history events, every message once, in order', async function () {
    this.timeout(120_000);
    const { url } = await startBackend();
    const token = await mintToken();
    const { interactionId: id } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', customerName: 'Ada Lovelace', text: 'Hello' });
    await admin('/admin/customer-messages', { interactionId: id, count: 10_000, prefix: 'Before' });

    // A first connection to a session that already has a long conversation.
    const first = connect(url, token);
    const thread = (): readonly string[] => first.store.state.interactions[id]?.messages.map((m) => m.id) ?? [];
    await until(() => thread().length === 10_001, 'the 10,001 messages in the store', 60_000);
    expect(thread()).to.deep.equal(await serverThread(id));
    const histories = first.events.filter((e) => e.type === 'history');
    expect(histories.length, 'history events').to.be.within(2, 40);
    expect(first.events.filter((e) => e.type === 'message-received').length, 'the customer’s last message stays a message').to.equal(1);
    expect(first.issues).to.deep.equal([]);

    // Dropped; the customer writes 3,000 more meanwhile; the client resumes after its last event.
    const seqBefore = first.adapter.lastSeq;
    const eventsBefore = first.events.length;
    await admin('/admin/fault', { kind: 'drop-connections' });
    await until(() => first.adapter.connectionState !== 'open', 'the drop');
    await admin('/admin/customer-messages', { interactionId: id, count: 3_000, prefix: 'During' });
    expect(first.adapter.connectionState, 'still waiting to reconnect').to.equal('reconnecting');
    first.adapter.reconnectNow();
    await until(() => thread().length === 13_001, 'the 13,001 messages in the store', 60_000);
    const state = await admin<ServerState>('/admin/state');
    expect(thread()).to.deep.equal(await serverThread(id));
    expect(new Set(thread()).size).to.equal(13_001);
    expect(first.adapter.lastSeq).to.equal(state.headSeq);
    expect(first.store.state.lastSeq).to.equal(state.headSeq);
    expect(first.adapter.lastSeq).to.be.greaterThan(seqBefore);
    expect(first.events.length - eventsBefore, 'events after the reconnection').to.be.lessThan(20);
    expect(first.store.state.interactions[id]?.unread).to.equal(13_001);
    expect(first.issues).to.deep.equal([]);
  });

  it('R-CHAT-01: each history frame the server sends fits the frame limit, and a client without the feature still gets one event per message', async function () {
    this.timeout(120_000);
    const { url } = await startBackend();
    const token = await mintToken();
    const { interactionId: id } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', text: 'Hello' });
    await admin('/admin/customer-messages', { interactionId: id, count: 5_000, prefix: 'Past' });
    const head = (await admin<ServerState>('/admin/state')).headSeq;

    const modern = await clients.raw(url);
    await modern.hello(token, { features: ['history'] });
    await until(() => modern.frames.some((f) => f['type'] === 'event' && f['seq'] === head), 'the replay up to the head', 30_000);
    const sizes = modern.frames.filter((f) => f['type'] === 'event').map((f) => new TextEncoder().encode(JSON.stringify(f)).length);
    expect(sizes.length).to.be.lessThan(20);
    for (const size of sizes) expect(size).to.be.at.most(MAX_MESSAGE_BYTES);

    const older = await clients.raw(url);
    await older.hello(token);
    await until(() => older.frames.some((f) => f['type'] === 'event' && f['seq'] === head), 'the plain replay up to the head', 30_000);
    expect(older.frames.filter((f) => f['type'] === 'event').length).to.equal(head);
  });
});
