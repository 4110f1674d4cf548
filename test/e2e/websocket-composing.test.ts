/**
 * End to end: suggested replies and a summary asked of the reference backend over the
 * WebSocket protocol, with the same deterministic answers as the simulator.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { WebSocketContactCenter } from '../../src/adapters/websocket/index.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import { until } from '../helpers/world.js';
import { admin, backendClients, mintToken, startBackend } from './backend.js';

describe('WebSocket composing help ⇄ reference backend', () => {
  const clients = backendClients();

  it('R-COMP-06: suggestReplies and summarize answer over the protocol', async function () {
    this.timeout(60_000);
    const { url } = await startBackend();
    const token = await mintToken();
    const { interactionId: id } = await admin<{ interactionId: string }>('/admin/offer', { channel: 'webchat', customerName: 'Ada Lovelace', text: 'Where is my order? The parcel tracking is wrong.' });
    const adapter = new WebSocketContactCenter({ url, agentId: DEFAULT_AGENT.id, token });
    const store = createInteractionStore(adapter, { agent: DEFAULT_AGENT });
    clients.track({ close: () => (store.dispose(), adapter.dispose()) });
    await until(() => store.state.interactions[id] !== undefined, 'the offer', 20_000);
    await until(() => store.supports('suggestions') && store.supports('summary'), 'the capabilities', 20_000);
    await store.accept(id);
    const replies = await store.suggestReplies(id);
    expect(replies).to.have.length(3);
    expect(replies[0]).to.equal('Could you share your order number, please?');
    const summary = await store.summarize(id);
    expect(summary).to.contain('Ada Lovelace wrote: "Where is my order?');
  });
});
