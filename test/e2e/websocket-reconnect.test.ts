/**
 * End to end: the real store, <cc-contact-request>, <cc-chat-widget> and
 * <cc-connection-status> on the WebSocket adapter, talking to the reference backend
 * (server/) running as a child process that the test kills and restarts through the
 * `cc-backend` server command (test/e2e/backend-plugin.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { WebSocketContactCenter, type WebSocketIssue } from '../../src/adapters/websocket/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcConnectionStatus } from '../../src/components/cc-connection-status/cc-connection-status.js';
import type { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import { button, shadow, shadowAll, until } from '../helpers/world.js';
import { admin, backend, mintToken, startBackend, type ServerState, type Started } from './backend.js';

function one<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

/** How many times `token` occurs in `text`. */
function occurrences(text: string, token: string): number {
  return text.split(token).length - 1;
}

describe('WebSocket adapter ⇄ reference backend, end to end', () => {
  const disposables: { dispose(): void }[] = [];

  afterEach(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    await backend({ action: 'stop' });
  });

  function connect(url: string, token: string): { adapter: WebSocketContactCenter; store: InteractionStore; events: ContactCenterEvent[]; issues: WebSocketIssue[] } {
    const adapter = new WebSocketContactCenter({
      url,
      agentId: DEFAULT_AGENT.id,
      token,
      commandTimeoutMs: 60_000,
      reconnect: { initialDelayMs: 50, maxDelayMs: 400 },
    });
    const store = createInteractionStore(adapter, { agent: DEFAULT_AGENT });
    disposables.push(store, adapter);
    const events: ContactCenterEvent[] = [];
    const issues: WebSocketIssue[] = [];
    adapter.events$.subscribe((e) => events.push(e));
    adapter.issues$.subscribe((i) => issues.push(i));
    return { adapter, store, events, issues };
  }

  it('kills and restarts the server mid-conversation: nothing lost, nothing duplicated, the UI shows reconnecting', async function () {
    this.timeout(100_000);
    const { url } = await startBackend();
    const token = await mintToken();
    const { adapter, store, events, issues } = connect(url, token);
    const page = await fixture<HTMLElement>(html`<div>
      <cc-connection-status .store=${store}></cc-connection-status>
      <cc-contact-request .store=${store}></cc-contact-request>
      <cc-chat-widget .store=${store} channel="webchat"></cc-chat-widget>
    </div>`);
    const status = one<CcConnectionStatus>(page, 'cc-connection-status');
    const request = one<CcContactRequest>(page, 'cc-contact-request');
    const chat = one<CcChatWidget>(page, 'cc-chat-widget');
    const statusText = (): string => shadow(status, '[role="status"]').textContent ?? '';
    const connected = (): Promise<void> => until(() => status.getAttribute('state') === 'open', 'the Connected state', 20_000);
    const reconnecting = (): Promise<void> => until(() => status.getAttribute('state') === 'reconnecting', 'the Reconnecting state', 20_000);

    await connected();
    expect(statusText()).to.contain('Connected');

    const agentSaid: string[] = [];
    const customerSaid: string[] = [];
    const messages = () => store.state.interactions[id]?.messages ?? [];
    const sentAll = (): Promise<void> =>
      until(() => messages().filter((m) => m.author === 'agent').every((m) => m.status === 'sent'), 'every agent message sent', 20_000);

    // The customer's opening message arrives with the offer; the agent accepts in the UI.
    customerSaid.push('[customer 0]');
    const { interactionId: id } = await admin<{ interactionId: string }>('/admin/offer', {
      channel: 'webchat',
      customerName: 'Ada Lovelace',
      text: '[customer 0]',
    });
    await until(() => shadowAll(request, 'button').some((b) => b.textContent?.trim() === 'Accept'), 'the offer', 20_000);
    button(request, 'Accept').click();
    await until(() => events.some((e) => e.type === 'interaction-accepted'), 'the acceptance', 20_000);

    const say = async (text: string): Promise<void> => {
      agentSaid.push(text);
      await chat.updateComplete;
      const box = shadow<HTMLTextAreaElement>(chat, 'textarea');
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await chat.updateComplete;
      button(chat, 'Send').click();
      await until(() => messages().some((m) => m.text === text), `"${text}" in the thread`, 20_000);
    };
    const customerSays = async (text: string): Promise<void> => {
      customerSaid.push(text);
      await admin('/admin/customer-message', { interactionId: id, text });
    };

    await say('[agent 1]');
    await customerSays('[customer 1]');
    await sentAll();

    // Fault 1: SIGKILL mid-conversation. The agent keeps writing; messages wait, the UI says so.
    let faults = 0;
    await backend({ action: 'kill' });
    faults += 1;
    await reconnecting();
    expect(statusText()).to.contain('Connection lost. Reconnecting…');
    await say('[agent 2]');
    await say('[agent 3]');
    await say('[agent 4]');
    expect(
      messages()
        .filter((m) => ['[agent 2]', '[agent 3]', '[agent 4]'].includes(m.text))
        .map((m) => m.status),
    ).to.deep.equal(['sending', 'sending', 'sending']);
    expect(adapter.pendingCommands).to.be.greaterThan(0);
    await backend<Started>({ action: 'restart' });
    await connected();
    await sentAll();
    await customerSays('[customer 2]');

    // Fault 2: the server commits a command, then dies before answering (or publishing its events).
    await admin('/admin/fault', { kind: 'crash-after-next-command' });
    await say('[agent 5]');
    const crash = await backend<{ signal: string | null }>({ action: 'wait-exit' });
    expect(crash.signal).to.equal('SIGKILL');
    faults += 1;
    await reconnecting();
    await backend<Started>({ action: 'restart' });
    await connected();
    await sentAll();
    const afterCrash = await admin<ServerState>('/admin/state');
    expect(afterCrash.stats.commandsRepeated, 'the resent command was answered from the persisted key').to.be.greaterThan(0);

    // Fault 3: the answer to a command is lost with the connection (no restart).
    await admin('/admin/fault', { kind: 'drop-next-result' });
    await say('[agent 6]');
    faults += 1;
    await sentAll();

    // Fault 4: every connection dropped while the customer writes.
    await admin('/admin/fault', { kind: 'drop-connections' });
    faults += 1;
    await customerSays('[customer 3]');
    await until(() => messages().some((m) => m.text === '[customer 3]'), 'the customer message written while disconnected', 20_000);
    await connected();

    // Fault 5: garbage frames are reported, never thrown.
    await admin('/admin/fault', { kind: 'malformed-frames' });
    faults += 1;
    await until(() => issues.filter((i) => i.kind === 'malformed-frame').length >= 3, 'the malformed frames reported', 20_000);

    await say('[agent 7]');
    await customerSays('[customer 4]');
    await connected();
    await sentAll();
    await until(() => messages().some((m) => m.text === '[customer 4]'), 'the last customer message', 20_000);

    // ---- verdict ---------------------------------------------------------------------
    const server = await admin<ServerState>('/admin/state');
    await until(() => adapter.lastSeq === server.headSeq, 'the client caught up with the log', 20_000);
    const onServer = server.interactions.find((i) => i.id === id)?.messages ?? [];
    const texts = (list: readonly { author: string; text: string }[], author: string): string[] =>
      list.filter((m) => m.author === author).map((m) => m.text);

    // Exactly once, in order, on both sides.
    expect(texts(onServer, 'agent')).to.deep.equal(agentSaid);
    expect(texts(onServer, 'customer')).to.deep.equal(customerSaid);
    expect(texts(messages(), 'agent')).to.deep.equal(agentSaid);
    expect(texts(messages(), 'customer')).to.deep.equal(customerSaid);
    expect(new Set(messages().map((m) => m.id)).size).to.equal(messages().length);
    // …and on screen.
    await chat.updateComplete;
    const thread = shadow(chat, '[part="thread"]').textContent ?? '';
    const shown = [...agentSaid, ...customerSaid].map((token) => occurrences(thread, token));
    expect(shown).to.deep.equal(shown.map(() => 1));
    // Every event of the log, once, in order (the capabilities the first welcome announced are no log entry).
    expect(events.filter((e) => e.type !== 'capabilities').map((e) => e.seq)).to.deep.equal(Array.from({ length: server.headSeq }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === 'capabilities').map((e) => e.seq)).to.deep.equal([undefined]);
    expect(store.state.lastSeq).to.equal(server.headSeq);
    expect(issues.filter((i) => i.kind !== 'malformed-frame')).to.deep.equal([]);

    // A fresh page (lastSeq 0) rebuilds the same conversation from the log.
    const fresh = connect(url, token);
    await until(() => fresh.adapter.lastSeq === server.headSeq, 'the fresh client replayed the log', 20_000);
    const replayed = fresh.store.state.interactions[id]?.messages ?? [];
    expect(texts(replayed, 'agent')).to.deep.equal(agentSaid);
    expect(texts(replayed, 'customer')).to.deep.equal(customerSaid);

    const all = [...agentSaid, ...customerSaid];
    const count = (list: readonly { text: string }[], token: string): number => list.filter((m) => m.text === token).length;
    const figures = {
      faults,
      agentMessages: agentSaid.length,
      customerMessages: customerSaid.length,
      events: server.headSeq,
      lost: all.filter((t) => count(onServer, t) === 0 || count(messages(), t) === 0).length,
      duplicates: all.reduce((n, t) => n + Math.max(0, count(onServer, t) - 1) + Math.max(0, count(messages(), t) - 1), 0),
      commandsResent: adapter.stats.commandsResent,
      replayedEventsDropped: adapter.stats.duplicatesDropped,
      malformedFramesReported: adapter.stats.malformedFrames,
    };
    expect(figures.lost).to.equal(0);
    expect(figures.duplicates).to.equal(0);
    console.log(`cc-e2e figures ${JSON.stringify(figures)}`);
  });
});
