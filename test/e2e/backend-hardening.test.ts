/**
 * The reference backend (server/) against bad input, as a real child process: frames of
 * any shape and size, hostile nesting inside an accepted command, a corrupted log, a
 * flooding client, a client that never reads, too many connections. Whatever arrives,
 * the process keeps serving and starts again on its log.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { WebSocketContactCenter } from '../../src/adapters/websocket/index.js';
import { until } from '../helpers/world.js';
import { admin, backend, backendClients, mintToken, startBackend, type ServerState, type Started } from './backend.js';

describe('Reference backend: bad input never stops it', () => {
  const { raw, track } = backendClients();

  it('bad frames and frames over the size limits get an error frame; the connection and the process carry on', async function () {
    this.timeout(60_000);
    const { url } = await startBackend();
    const client = await raw(url);
    client.send('not json');
    client.send('[1,2,3]');
    client.send({ type: 'command', id: 'early', name: 'listAgents', args: {} });
    // 200 KB of nesting: parsed, refused as not an object, never walked recursively.
    client.send(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    client.send({ type: 'ping', pad: 'x'.repeat(300_000) });
    await until(() => client.errors().length >= 5, 'five error frames', 15_000);
    expect(client.errors()).to.deep.equal(['malformed-frame', 'malformed-frame', 'hello-required', 'malformed-frame', 'frame-too-large']);
    expect(await client.hello(await mintToken())).to.include({ type: 'welcome' });
    client.send({ type: 'command', id: 'too-big', name: 'listAgents', args: {}, pad: 'x'.repeat(300_000) });
    expect((await client.result('too-big'))['error']).to.include({ code: 'too-large' });

    // Far beyond the largest frame: the connection is closed (1009), the server stays.
    const huge = await raw(url);
    huge.send('x'.repeat(16 * 1024 * 1024));
    await until(() => huge.closed !== undefined, 'the oversized connection closed', 20_000);
    expect(huge.closed?.code).to.equal(1009);
    const state = await admin<ServerState>('/admin/state');
    expect(state.net['framesTooLarge']).to.be.at.least(2);
    expect(state.net['malformedFrames']).to.be.at.least(3);
  });

  it('an accepted command cannot make the log unreadable: what the protocol does not define is not stored, the server restarts on its log', async function () {
    this.timeout(60_000);
    const { url } = await startBackend();
    const client = await raw(url);
    await client.hello(await mintToken());
    const { interactionId } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', customerName: 'Ada' });
    client.send({ type: 'command', id: 'accept-1', name: 'acceptOffer', args: { interactionId } });
    expect(await client.result('accept-1')).to.include({ ok: true });
    // An attachment carrying 180 KB of nesting (deeper than any event may be) and a negative size.
    const deep = `${'['.repeat(90_000)}${']'.repeat(90_000)}`;
    client.send(
      `{"type":"command","id":"send-1","name":"sendMessage","args":{"interactionId":"${interactionId}","clientMessageId":"m-1","text":"hi","format":"plain",` +
        `"attachments":[{"id":"a-1","name":"a.txt","size":1,"mimeType":"text/plain","extra":${deep}}]}}`,
    );
    expect(await client.result('send-1')).to.include({ ok: true });
    client.send({
      type: 'command',
      id: 'send-2',
      name: 'sendMessage',
      args: { interactionId, clientMessageId: 'm-2', text: 'x', format: 'plain', attachments: [{ id: 'a-2', name: 'b', size: -1, mimeType: 'text/plain' }] },
    });
    expect((await client.result('send-2'))['error']).to.include({ code: 'invalid-args' });

    await backend({ action: 'kill' });
    await backend<Started>({ action: 'restart' });
    const state = await admin<ServerState>('/admin/state');
    expect(state.quarantined).to.deep.equal([]);
    const message = state.interactions.find((i) => i.id === interactionId)?.messages.find((m) => m.id === 'm-1');
    expect(message?.attachments).to.deep.equal([{ id: 'a-1', name: 'a.txt', size: 1, mimeType: 'text/plain' }]);
  });

  it('a corrupted log record is quarantined and logged; the server starts under a new epoch and a second start is clean', async function () {
    this.timeout(60_000);
    await startBackend();
    const { interactionId } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', text: 'hello' });
    await admin('/admin/customer-message', { interactionId, text: 'second' });
    const before = await admin<ServerState>('/admin/state');
    expect(before.headSeq).to.equal(2);
    await backend({ action: 'kill' });
    await backend({
      action: 'append-log',
      text:
        'this is not JSON\n' +
        `${JSON.stringify({ kind: 'entry', events: [{ type: 'offer', seq: 3 }] })}\n` +
        `${JSON.stringify({ kind: 'entry', events: [{ type: 'customer-typing', interactionId, typing: true, at: 1, seq: 5 }] })}\n`,
    });
    await backend<Started>({ action: 'restart' });
    const after = await admin<ServerState>('/admin/state');
    expect(after.quarantined.map((q) => q.line), 'lines 1–3 are the meta line and two good entries').to.deep.equal([4, 5]);
    expect(after.headSeq, 'the good record after the bad ones is renumbered').to.equal(3);
    expect(after.epoch).to.not.equal(before.epoch);
    const quarantine = (await backend<{ text: string | null }>({ action: 'read-data', name: 'quarantine.jsonl' })).text ?? '';
    expect(quarantine.trim().split('\n')).to.have.length(2);
    expect(quarantine).to.contain('not JSON').and.to.contain('this is not JSON');
    expect((await backend<{ text: string }>({ action: 'output' })).text).to.contain('quarantine.jsonl');

    await backend<Started>({ action: 'restart' });
    const again = await admin<ServerState>('/admin/state');
    expect(again.quarantined).to.deep.equal([]);
    expect(again.epoch).to.equal(after.epoch);
    expect(again.headSeq).to.equal(3);
  });

  it('rejected commands are not persisted; an idempotency key reused with another payload is an error', async function () {
    this.timeout(60_000);
    const { url } = await startBackend();
    const client = await raw(url);
    await client.hello(await mintToken());
    client.send({ type: 'command', id: 'k-rejected', name: 'acceptOffer', args: { interactionId: 'nope' } });
    expect((await client.result('k-rejected'))['error']).to.include({ code: 'rejected' });
    expect((await admin<ServerState>('/admin/state')).keys, 'nothing recorded for a rejection').to.equal(0);

    client.send({ type: 'command', id: 'k-1', name: 'setAgentState', args: { state: 'idle' } });
    expect(await client.result('k-1')).to.include({ ok: true });
    client.frames.length = 0;
    client.send({ type: 'command', id: 'k-1', name: 'setAgentState', args: { state: 'busy' } });
    expect((await client.result('k-1'))['error']).to.include({ code: 'idempotency-conflict' });
    client.frames.length = 0;
    // The same command again, its fields in another order: the recorded answer.
    client.send('{"args":{"state":"idle"},"name":"setAgentState","id":"k-1","type":"command"}');
    expect(await client.result('k-1')).to.include({ ok: true });
    const state = await admin<ServerState>('/admin/state');
    expect(state.keys).to.equal(1);
    expect(state.stats).to.include({ commandsApplied: 1, commandsRepeated: 1, commandsConflicting: 1, commandsRejected: 1 });
  });

  it('a flooding connection is rate-limited with a clear error while another client is served', async function () {
    this.timeout(60_000);
    const { url } = await startBackend({ FRAMES_PER_SECOND: '5', FRAME_BURST: '20' });
    const token = await mintToken();
    const flooder = await raw(url);
    await flooder.hello(token);
    for (let i = 0; i < 60; i++) flooder.send({ type: 'ping', t: i });
    flooder.send({ type: 'command', id: 'flooded', name: 'listAgents', args: {} });
    await until(() => flooder.errors().includes('rate-limited'), 'the rate-limit error', 15_000);
    expect((await flooder.result('flooded'))['error']).to.include({ code: 'rate-limited' });

    const adapter = new WebSocketContactCenter({ url, agentId: DEFAULT_AGENT.id, token, reconnect: { initialDelayMs: 50, maxDelayMs: 400 } });
    track({ close: () => adapter.dispose() });
    expect((await adapter.listQueues('webchat')).length).to.be.greaterThan(0);
    expect((await admin<ServerState>('/admin/state')).net['framesRateLimited']).to.be.at.least(1);
  });

  it('a client that never reads is dropped once it holds too much; connections per agent are capped', async function () {
    this.timeout(90_000);
    const { url } = await startBackend({ MAX_BUFFERED_BYTES: '262144', FSYNC: '0', MAX_CONNECTIONS_PER_AGENT: '2' });
    const token = await mintToken();
    const slow = await backend<{ dropped: number; messages: number; clients: number }>({ action: 'probe', kind: 'slow-reader', token });
    expect(slow.dropped, `dropped after ${slow.messages} messages of 60 KB`).to.equal(1);
    expect(slow.clients).to.equal(0);

    const first = await raw(url);
    const second = await raw(url);
    const third = await raw(url);
    expect(await first.hello(token)).to.include({ type: 'welcome' });
    expect(await second.hello(token)).to.include({ type: 'welcome' });
    expect(await third.hello(token)).to.include({ type: 'error', code: 'too-many-connections' });
  });
});
