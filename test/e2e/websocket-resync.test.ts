/**
 * The store and the elements across the reference backend losing its log and a long
 * outage: the new log is folded, the agent is told, and messages go without Retry.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { WebSocketContactCenter, type WebSocketIssue } from '../../src/adapters/websocket/index.js';
import type { CcConnectionStatus } from '../../src/components/cc-connection-status/cc-connection-status.js';
import type { LogReset } from '../../src/core/connection.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { RetryPolicy } from '../../src/core/store/outbox.js';
import { shadow, until } from '../helpers/world.js';
import { admin, backend, mintToken, startBackend, type Started } from './backend.js';

describe('WebSocket adapter ⇄ reference backend: resynchronisation and resumption', () => {
  const disposables: { dispose(): void }[] = [];
  afterEach(async () => {
    setLocale('en');
    for (const d of disposables.splice(0)) d.dispose();
    await backend({ action: 'stop' });
  });

  function connect(url: string, token: string, options: { commandTimeoutMs?: number; retry?: Partial<RetryPolicy> } = {}) {
    const adapter = new WebSocketContactCenter({
      url,
      agentId: DEFAULT_AGENT.id,
      token,
      commandTimeoutMs: options.commandTimeoutMs ?? 20_000,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400 },
    });
    const store = createInteractionStore(adapter, { agent: DEFAULT_AGENT, ...(options.retry ? { retry: options.retry } : {}) });
    disposables.push(store, adapter);
    const issues: WebSocketIssue[] = [];
    const resets: LogReset[] = [];
    adapter.issues$.subscribe((i) => issues.push(i));
    store.resynced$.subscribe((r) => resets.push(r));
    return { adapter, store, issues, resets };
  }

  const messagesOf = (store: InteractionStore, id: string) => store.state.interactions[id]?.messages ?? [];

  it('R-CHAT-05: the backend loses its log: the store folds the new one, the agent sees a notice (en, zh-CN), nothing hangs in sending', async function () {
    this.timeout(90_000);
    const { url } = await startBackend();
    const { adapter, store, issues, resets } = connect(url, await mintToken());
    const status = await fixture<CcConnectionStatus>(html`<cc-connection-status .store=${store}></cc-connection-status>`);
    await until(() => status.getAttribute('state') === 'open', 'connected', 20_000);

    const { interactionId: before } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', text: 'Hi' });
    await until(() => store.state.interactions[before] !== undefined, 'the first offer', 20_000);
    await store.accept(before);
    await store.send(before, 'first reply');
    expect(messagesOf(store, before).find((m) => m.text === 'first reply')?.status).to.equal('sent');
    const oldSeq = store.state.lastSeq;
    expect(oldSeq).to.be.greaterThan(2);

    // The data directory is gone (as when it lived under /tmp); the agent writes meanwhile.
    await backend({ action: 'kill' });
    await until(() => status.getAttribute('state') === 'reconnecting', 'reconnecting', 20_000);
    const during = store.send(before, 'written while it was down');
    await backend({ action: 'wipe-data' });
    await backend<Started>({ action: 'restart' });
    await until(() => resets.length === 1, 'the resynchronisation', 20_000);
    expect(issues.map((i) => i.kind)).to.include('log-reset');
    await until(() => status.noticeShown, 'the notice', 20_000);
    await status.updateComplete;
    expect(shadow(status, '[part="notice"]').textContent).to.contain('history was reset');

    // The message written during the outage ends sent or failed (the new log does not know its conversation) — never stuck.
    await during;
    await until(() => messagesOf(store, before).find((m) => m.text === 'written while it was down')?.status !== 'sending', 'the outage message settled', 20_000);
    expect(messagesOf(store, before).find((m) => m.text === 'written while it was down')?.status).to.equal('failed');

    // The new log's events are folded although their numbers start again at 1.
    const { interactionId: after } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', text: 'Hello again' });
    await until(() => store.state.interactions[after] !== undefined, 'the offer of the new log', 20_000);
    expect(store.state.lastSeq).to.be.lessThan(oldSeq);
    await store.accept(after);
    await store.send(after, 'on the new log');
    expect(messagesOf(store, after).find((m) => m.text === 'on the new log')?.status).to.equal('sent');
    expect(adapter.lastSeq).to.equal(store.state.lastSeq);

    setLocale('zh-CN');
    await status.updateComplete;
    expect(shadow(status, '[part="notice"]').textContent).to.contain('历史记录已重置');
    shadow<HTMLButtonElement>(status, '[part="notice"] button').click();
    await status.updateComplete;
    expect(status.noticeShown).to.equal(false);
  });

  it('R-CHAT-05, R-X-04: after an outage longer than the retry budget, waiting messages go once the connection is back, without Retry', async function () {
    this.timeout(90_000);
    const { url } = await startBackend();
    const { store } = connect(url, await mintToken(), { commandTimeoutMs: 300, retry: { initialDelayMs: 10, maxAttempts: 1 } });
    const { interactionId } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', text: 'Hi' });
    await until(() => store.state.interactions[interactionId] !== undefined, 'the offer', 20_000);
    await store.accept(interactionId);

    await backend({ action: 'kill' });
    await store.send(interactionId, 'first while down');
    // Queued behind a head that gave up: its first attempt comes only once the head is delivered.
    const second = store.send(interactionId, 'second while down');
    const ours = () => messagesOf(store, interactionId).filter((m) => m.author === 'agent');
    // The retry budget is spent: the head has failed for good and the second waits behind it.
    await until(() => ours()[0]?.status === 'failed', 'the first message failed', 20_000);
    expect(ours().map((m) => m.status)).to.deep.equal(['failed', 'sending']);

    await backend<Started>({ action: 'restart' });
    await until(() => ours().every((m) => m.status === 'sent'), 'both messages sent without Retry', 30_000);
    await second;
    const server = await admin<{ interactions: { id: string; messages: { author: string; text: string }[] }[] }>('/admin/state');
    const texts = server.interactions.find((i) => i.id === interactionId)?.messages.filter((m) => m.author === 'agent').map((m) => m.text);
    expect(texts, 'in order, once each').to.deep.equal(['first while down', 'second while down']);
  });

  it('dispose() during CONNECTING does not end a Node host process (the adapter on ws)', async function () {
    this.timeout(90_000);
    await startBackend();
    const run = await backend<{ code: number | null; output: string }>({ action: 'probe', kind: 'dispose-connecting' });
    expect(run.output).to.contain('survived');
    expect(run.code).to.equal(0);
  });
});
