import { expect } from '@open-wc/testing';
import { createWorld, disposeWorlds, untilState } from '../helpers/world.js';

describe('SimulatedContactCenter: the order of the thread', () => {
  afterEach(disposeWorlds);

  it('R-CHAT-02: "joined the chat" stands before the customer\'s first message, not after it', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'My order is late' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'the offer');
    await store.accept(id);
    await untilState(store, (s) => (s.interactions[id]?.messages.length ?? 0) >= 2, 'the join notice');
    const thread = store.state.interactions[id]?.messages.map((m) => (m.author === 'system' ? `notice:${m.notice ?? ''}` : m.text)) ?? [];
    expect(thread).to.deep.equal(['notice:customer-joined', 'My order is late']);
  });

  it('R-CHAT-02: a conversation offered without a message gets its join notice at acceptance', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'the offer');
    await store.accept(id);
    await untilState(store, (s) => (s.interactions[id]?.messages.length ?? 0) >= 1, 'the join notice');
    simulator.customerMessage(id, 'Hello?');
    await untilState(store, (s) => (s.interactions[id]?.messages.length ?? 0) >= 2, 'the message');
    const thread = store.state.interactions[id]?.messages.map((m) => (m.author === 'system' ? `notice:${m.notice ?? ''}` : m.text)) ?? [];
    expect(thread).to.deep.equal(['notice:customer-joined', 'Hello?']);
  });
});
