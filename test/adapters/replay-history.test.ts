import { expect } from '@open-wc/testing';
import { MAX_HISTORY_BYTES, MAX_MESSAGE_BYTES } from '../../src/adapters/websocket/protocol.js';
import { compactReplay, type ReplayEntry, type SequencedEvent } from '../../src/adapters/replay-history.js';
import type { ChatMessage } from '../../src/core/types.js';
import { reduce } from '../../src/core/store/reducer.js';
import { initialState, type CcState } from '../../src/core/store/state.js';

type Input = SequencedEvent extends infer E ? (E extends unknown ? Omit<E, 'seq' | 'at'> : never) : never;

/** A log: the inputs numbered from `after + 1`. */
function log(inputs: readonly Input[], after = 0): SequencedEvent[] {
  return inputs.map((e, i) => ({ ...e, seq: after + i + 1, at: 1000 + i }));
}

function offer(id: string): Input {
  return { type: 'offer', interactionId: id, channel: 'messenger', queue: { id: 'q', name: 'Q' }, customer: { name: 'Ada' }, source: { page: 'Acme' } };
}

let clock = 0;
function said(id: string, author: 'customer' | 'agent', text: string): Input {
  clock += 1;
  const message: ChatMessage = {
    id: `${id}-m${clock}`,
    author,
    authorName: author === 'customer' ? 'Ada' : 'Alex',
    text,
    format: 'plain',
    timestamp: clock,
    attachments: [],
    ...(author === 'agent' ? { status: 'sent' as const } : {}),
  };
  return { type: 'message-received', interactionId: id, message };
}

function fold(events: readonly SequencedEvent[], from: CcState = initialState()): CcState {
  return events.reduce<CcState>((s, e) => reduce(s, e), from);
}

/** What the agent sees of each conversation: thread, unread, typing. */
function view(state: CcState): unknown {
  return Object.values(state.interactions).map((i) => ({
    id: i.id,
    status: i.status,
    messages: i.messages.map((m) => `${m.id}:${m.status ?? ''}`),
    emails: i.emails.map((e) => `${e.id}:${e.status}`),
    unread: i.unread,
    typing: i.customerTyping,
  }));
}

/** Checks the chain of sequence numbers a client follows: every entry continues from the last. */
function chained(entries: readonly ReplayEntry[], after: number, head: number): void {
  let last = after;
  for (const { event, prev } of entries) {
    expect(event.seq, 'seq grows').to.be.greaterThan(last);
    expect(prev ?? event.seq - 1, `entry ${event.seq} follows ${last}`).to.equal(last);
    last = event.seq;
  }
  expect(last, 'the replay ends on the log head').to.equal(head);
}

describe('compactReplay (a conversation’s past in history events)', () => {
  it('R-CHAT-01: a long conversation becomes a few history events; folding them shows what folding every event shows', () => {
    const inputs: Input[] = [offer('a'), { type: 'interaction-accepted', interactionId: 'a' }];
    for (let i = 0; i < 10_000; i++) inputs.push(said('a', i % 3 === 0 ? 'agent' : 'customer', `message ${i} ${'x'.repeat(40)}`));
    const events = log(inputs);
    const sizeOf = (item: unknown): number => new TextEncoder().encode(JSON.stringify(item)).length;
    const entries = compactReplay(events, { maxHistoryBytes: MAX_HISTORY_BYTES, sizeOf });
    const histories = entries.filter((e) => e.event.type === 'history');
    expect(histories.length).to.be.greaterThan(1).and.lessThan(20);
    expect(entries.length).to.be.lessThan(25);
    for (const h of histories) expect(sizeOf(h), 'each frame fits the protocol limit').to.be.lessThan(MAX_MESSAGE_BYTES);
    chained(entries, 0, events.length);
    expect(view(fold(entries.map((e) => e.event)))).to.deep.equal(view(fold(events)));
  });

  it('R-X-06: a resumed replay counts the same unread and keeps receipts for messages the client already holds', () => {
    const before = log([offer('a'), { type: 'interaction-accepted', interactionId: 'a' }, said('a', 'customer', 'hi'), said('a', 'agent', 'hello')]);
    const agentMessage = before[3];
    if (agentMessage?.type !== 'message-received') throw new Error('setup');
    const after = log(
      [
        said('a', 'customer', 'one'),
        { type: 'message-status', interactionId: 'a', messageId: agentMessage.message.id, status: 'delivered' },
        said('a', 'agent', 'two'),
        said('a', 'customer', 'three'),
        said('a', 'customer', 'four'),
      ],
      before.length,
    );
    const atResume = fold(before);
    const entries = compactReplay(after, { after: before.length });
    chained(entries, before.length, before.length + after.length);
    expect(entries.length).to.be.lessThan(after.length);
    expect(view(fold(entries.map((e) => e.event), atResume))).to.deep.equal(view(fold(after, atResume)));
  });

  it('R-X-05: the typing indicator ends as it would have: the customer’s last message stays a message, typing before it goes', () => {
    const events = log([
      offer('a'),
      { type: 'interaction-accepted', interactionId: 'a' },
      { type: 'customer-typing', interactionId: 'a', typing: true },
      said('a', 'customer', 'one'),
      { type: 'customer-typing', interactionId: 'a', typing: true },
      said('a', 'customer', 'two'),
      said('a', 'agent', 'three'),
    ]);
    const typingBefore = reduce(fold(events.slice(0, 2)), { type: 'customer-typing', interactionId: 'a', typing: true, at: 1 });
    const entries = compactReplay(events.slice(2), { after: 2 });
    expect(entries.map((e) => e.event.type)).to.deep.equal(['message-received', 'history']);
    expect(view(fold(entries.map((e) => e.event), typingBefore))).to.deep.equal(view(fold(events.slice(2), typingBefore)));
  });

  it('R-MAIL-01: email threads go into history with their latest status; a wrapped-up conversation’s messages go into a history too', () => {
    const email = (id: string, direction: 'inbound' | 'outbound', timestamp: number): Input => ({
      type: 'email-received',
      interactionId: 'e',
      email: { id, direction, from: 'a@x.example', to: ['b@x.example'], cc: [], subject: 'S', text: 't', timestamp, status: direction === 'inbound' ? 'received' : 'sent', attachments: [] },
    });
    const events = log([
      { ...offer('e'), channel: 'email', source: { email: 'a@x.example' } } as Input,
      { type: 'interaction-accepted', interactionId: 'e' },
      email('e1', 'inbound', 1),
      email('e2', 'outbound', 2),
      { type: 'email-status', interactionId: 'e', emailId: 'e2', status: 'delivery-report' },
      offer('gone'),
      said('gone', 'customer', 'bye'),
      { type: 'interaction-ended', interactionId: 'gone', reason: 'agent-ended' },
      { type: 'wrapup-completed', interactionId: 'gone' },
    ]);
    const entries = compactReplay(events);
    chained(entries, 0, events.length);
    const history = entries.find((e) => e.event.type === 'history')?.event;
    expect(history?.type === 'history' ? history.emails?.map((e) => `${e.id}:${e.status}`) : []).to.deep.equal(['e1:received', 'e2:delivery-report']);
    expect(entries.some((e) => e.event.type === 'message-received')).to.equal(false);
    expect(view(fold(entries.map((e) => e.event)))).to.deep.equal(view(fold(events)));
  });

  it('R-CTX-05: a conversation wrapped up within the replay reaches Recent with its whole thread, as folding every event gives', () => {
    const [late, check, order, ships] = [
      said('a', 'customer', 'my order is late'),
      said('a', 'agent', 'let me check'),
      said('a', 'customer', 'order 1234'),
      said('a', 'agent', 'it ships today'),
    ];
    if (ships.type !== 'message-received') throw new Error('setup');
    const events = log([
      offer('a'),
      { type: 'interaction-accepted', interactionId: 'a' },
      late,
      { type: 'customer-typing', interactionId: 'a', typing: true },
      check,
      order,
      ships,
      { type: 'message-status', interactionId: 'a', messageId: ships.message.id, status: 'read' },
      offer('b'),
      { type: 'interaction-accepted', interactionId: 'b' },
      said('b', 'customer', 'hello'),
      { type: 'customer-typing', interactionId: 'a', typing: true },
      said('a', 'customer', 'thanks'),
      { type: 'interaction-ended', interactionId: 'a', reason: 'agent-ended' },
      { type: 'wrapup-completed', interactionId: 'a', wrapup: { reasonIds: ['resolved'], notes: 'shipped' } },
      said('b', 'agent', 'hi'),
    ]);
    const raw = fold(events);
    const entries = compactReplay(events);
    chained(entries, 0, events.length);
    expect(entries.length).to.be.lessThan(events.length);
    const compacted = fold(entries.map((e) => e.event));

    const thread = raw.recent[0]?.interaction.messages.map((m) => `${m.text}:${m.status ?? ''}`);
    expect(thread).to.deep.equal(['my order is late:', 'let me check:sent', 'order 1234:', 'it ships today:read', 'thanks:']);
    expect(compacted.recent).to.deep.equal(raw.recent);
    expect(view(compacted)).to.deep.equal(view(raw));
  });

  it('R-CTX-05: an id that comes back after its wrap-up starts a new thread; the finished one keeps its own', () => {
    const events = log([
      offer('a'),
      { type: 'interaction-accepted', interactionId: 'a' },
      said('a', 'customer', 'first visit'),
      said('a', 'agent', 'welcome'),
      { type: 'interaction-ended', interactionId: 'a', reason: 'agent-ended' },
      { type: 'wrapup-completed', interactionId: 'a' },
      offer('a'),
      { type: 'interaction-accepted', interactionId: 'a' },
      said('a', 'agent', 'welcome back'),
      said('a', 'customer', 'second visit'),
    ]);
    const raw = fold(events);
    const entries = compactReplay(events);
    chained(entries, 0, events.length);
    const compacted = fold(entries.map((e) => e.event));
    expect(raw.recent[0]?.interaction.messages.map((m) => m.text)).to.deep.equal(['first visit', 'welcome']);
    expect(compacted.recent).to.deep.equal(raw.recent);
    expect(view(compacted)).to.deep.equal(view(raw));
  });
});
