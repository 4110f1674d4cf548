import { expect } from '@open-wc/testing';
import type { ContactCenterEvent, OfferEvent } from '../../src/core/events.js';
import { changedBy, reduce } from '../../src/core/store/reducer.js';
import { folding } from '../../src/core/store/timeline.js';
import { initialState, type CcState, type StoreAction } from '../../src/core/store/state.js';
import type { ChatMessage, Interaction } from '../../src/core/types.js';

const T0 = 1_700_000_000_000;

function offer(id = 'i1', extra: Partial<OfferEvent> = {}): OfferEvent {
  return {
    type: 'offer',
    at: T0,
    interactionId: id,
    channel: 'webchat',
    queue: { id: 'q1', name: 'Support' },
    customer: { name: 'Jane Doe', email: 'jane@example.com' },
    source: { email: 'jane@example.com' },
    ...extra,
  };
}

function msg(id: string, timestamp: number, author: ChatMessage['author'] = 'customer', status?: ChatMessage['status']): ChatMessage {
  return { id, author, text: `text ${id}`, format: 'plain', timestamp, attachments: [], ...(status ? { status } : {}) };
}

function fold(...actions: StoreAction[]): CcState {
  return actions.reduce(reduce, initialState());
}

function get(state: CcState, id = 'i1'): Interaction {
  const i = state.interactions[id];
  if (!i) throw new Error(`no interaction ${id}`);
  return i;
}

const accepted: ContactCenterEvent = { type: 'interaction-accepted', at: T0 + 5000, interactionId: 'i1' };

/** Deep-freezes a state so any mutation by the reducer throws in strict mode. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

describe('reduce (pure reducer)', () => {
  it('never mutates its input and returns the same object when nothing changes', () => {
    const before = frozen(fold(offer(), accepted));
    const same = reduce(before, { type: 'customer-typing', at: T0, interactionId: 'i1', typing: false });
    expect(same).to.equal(before);
    const after = reduce(before, { type: 'message-received', at: T0 + 6000, interactionId: 'i1', message: msg('m1', T0 + 6000) });
    expect(after).not.to.equal(before);
    expect(get(before).messages).to.have.length(0);
  });

  it('events that change nothing return the very same state; a change keeps every other interaction and list', () => {
    const before = frozen(fold(offer('i1'), offer('i2'), accepted, { type: 'message-received', at: T0 + 6000, interactionId: 'i1', message: msg('m1', T0 + 6000, 'agent', 'sent') }));
    const unchanged: StoreAction[] = [
      { type: 'customer-typing', at: T0, interactionId: 'i1', typing: false },
      { type: 'customer-typing', at: T0, interactionId: 'nope', typing: true },
      { type: 'message-received', at: T0 + 7000, interactionId: 'i1', message: msg('m1', T0 + 7000) },
      { type: 'message-status', at: T0 + 7000, interactionId: 'i1', messageId: 'unknown', status: 'read' },
      { type: 'message-status', at: T0 + 7000, interactionId: 'i1', messageId: 'm1', status: 'sending' },
      { type: 'interaction-accepted', at: T0 + 7000, interactionId: 'i1' },
    ];
    for (const action of unchanged) expect(reduce(before, action), action.type).to.equal(before);

    const after = reduce(before, { type: 'message-status', at: T0 + 7000, interactionId: 'i1', messageId: 'm1', status: 'delivered' });
    expect(get(after).messages[0]?.status).to.equal('delivered');
    expect(get(after, 'i2')).to.equal(get(before, 'i2'));
    expect(get(after).emails).to.equal(get(before).emails);
    expect(after.order).to.equal(before.order);
    expect(after.agent).to.equal(before.agent);
    expect(Object.getPrototypeOf(after.interactions), 'the record keeps no prototype').to.equal(null);
    expect(Object.keys(after.interactions)).to.deep.equal(['i1', 'i2']);
    const ended = reduce(reduce(after, { type: 'interaction-ended', at: T0, interactionId: 'i2', reason: 'agent-ended' }), { type: 'wrapup-completed', at: T0, interactionId: 'i2' });
    expect(Object.getPrototypeOf(ended.interactions)).to.equal(null);
    expect(Object.keys(ended.interactions)).to.deep.equal(['i1']);
  });

  it('R-CHAT-02: a customer join reported after their first message still stands before it; an agent join stands where it happened', () => {
    const s = fold(
      offer('i1', { messages: [msg('m1', T0 + 100)] }),
      accepted,
      { type: 'participant-joined', at: T0 + 5000, interactionId: 'i1', participant: { id: 'c', name: 'Jane Doe', kind: 'customer' } },
      { type: 'participant-joined', at: T0 + 6000, interactionId: 'i1', participant: { id: 'a2', name: 'Priya', kind: 'agent' } },
    );
    expect(get(s).messages.map((m) => m.notice ?? m.id)).to.deep.equal(['customer-joined', 'm1', 'agent-joined']);
  });

  it('R-CONF-01: a declined invitation is kept with its reason (declined by default, or timeout) until the next invitation', () => {
    const agent = { id: 'a2', name: 'Priya' };
    const base = [offer(), accepted, { type: 'conference', at: T0 + 6000, interactionId: 'i1', state: 'requested', agent }] as const;
    const declined = fold(...base, { type: 'conference', at: T0 + 7000, interactionId: 'i1', state: 'declined', agent });
    expect(get(declined).status).to.equal('active');
    expect(get(declined).conferenceDeclined).to.deep.equal({ agent, reason: 'declined' });
    const unanswered = fold(...base, { type: 'conference', at: T0 + 7000, interactionId: 'i1', state: 'declined', agent, reason: 'timeout' });
    expect(get(unanswered).conferenceDeclined?.reason).to.equal('timeout');
    const again = reduce(unanswered, { type: 'conference', at: T0 + 8000, interactionId: 'i1', state: 'requested', agent });
    expect(get(again).conferenceDeclined).to.equal(undefined);
  });

  it('ignores events about unknown interactions', () => {
    const s = frozen(initialState());
    expect(reduce(s, { type: 'message-received', at: T0, interactionId: 'nope', message: msg('m', T0) })).to.equal(s);
    expect(reduce(s, { type: 'interaction-ended', at: T0, interactionId: 'nope', reason: 'agent-ended' })).to.equal(s);
  });

  it('skips events whose sequence number was already folded (replayed log)', () => {
    const s1 = fold({ ...offer(), seq: 1 }, { type: 'agent-state-changed', at: T0, state: 'idle', seq: 2 });
    expect(s1.lastSeq).to.equal(2);
    const s2 = reduce(s1, { type: 'agent-state-changed', at: T0, state: 'busy', seq: 2 });
    expect(s2).to.equal(s1);
  });

  describe('agent-state-changed', () => {
    it('R-OFFER-04: sets the availability, RONA included', () => {
      const s = fold({ type: 'agent-state-changed', at: T0, state: 'rona' });
      expect(s.agent.availability).to.equal('rona');
    });
  });

  describe('offer', () => {
    it('R-OFFER-01: adds an offered interaction with queue, customer, source and offer time', () => {
      const s = fold(offer('i1', { messages: [msg('m1', T0)] }));
      const i = get(s);
      expect(i.status).to.equal('offered');
      expect(i.queue.name).to.equal('Support');
      expect(i.source.email).to.equal('jane@example.com');
      expect(i.offeredAt).to.equal(T0);
      expect(i.unread).to.equal(1);
      expect(s.order).to.deep.equal(['i1']);
    });

    it('ignores a duplicate offer', () => {
      const s = fold(offer());
      expect(reduce(s, offer())).to.equal(s);
    });

    it('R-OFFER-04: presents no offer while the agent is in RONA', () => {
      const s = fold({ type: 'agent-state-changed', at: T0, state: 'rona' }, offer());
      expect(s.interactions).to.deep.equal({});
    });
  });

  describe('offer-rescinded', () => {
    it('removes a pending offer but not an accepted interaction', () => {
      expect(fold(offer(), { type: 'offer-rescinded', at: T0, interactionId: 'i1', reason: 'timeout' }).order).to.deep.equal([]);
      const s = fold(offer(), accepted, { type: 'offer-rescinded', at: T0, interactionId: 'i1', reason: 'taken' });
      expect(get(s).status).to.equal('active');
    });
  });

  describe('interaction-accepted and local accept', () => {
    it('R-OFFER-05: makes the interaction active, timed from acceptance, and focused for its channel', () => {
      const s = fold(offer(), accepted);
      expect(get(s).status).to.equal('active');
      expect(get(s).acceptedAt).to.equal(T0 + 5000);
      expect(s.focused.webchat).to.equal('i1');
    });

    it('keeps the first acceptance time when the backend confirms an optimistic accept', () => {
      const s = fold(offer(), { type: 'local/accept-requested', interactionId: 'i1', at: T0 + 1000 }, accepted);
      expect(get(s).acceptedAt).to.equal(T0 + 1000);
    });

    it('reverts an optimistic accept the adapter refused', () => {
      const s = fold(offer(), { type: 'local/accept-requested', interactionId: 'i1', at: T0 + 1000 }, { type: 'local/accept-failed', interactionId: 'i1' });
      expect(get(s).status).to.equal('offered');
      expect(get(s).acceptedAt).to.equal(undefined);
    });
  });

  describe('message-received', () => {
    it('R-CHAT-01: appends messages in time order, counts unread, drops duplicates', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'message-received', at: T0, interactionId: 'i1', message: msg('b', T0 + 20) },
        { type: 'message-received', at: T0, interactionId: 'i1', message: msg('a', T0 + 10) },
        { type: 'message-received', at: T0, interactionId: 'i1', message: msg('b', T0 + 20) },
        { type: 'message-received', at: T0, interactionId: 'i1', message: msg('c', T0 + 30, 'system') },
      );
      expect(get(s).messages.map((m) => m.id)).to.deep.equal(['a', 'b', 'c']);
      expect(get(s).unread).to.equal(2);
    });

    it('R-X-05: a customer message ends the typing indicator', () => {
      const s = fold(
        offer(),
        { type: 'customer-typing', at: T0, interactionId: 'i1', typing: true },
        { type: 'message-received', at: T0, interactionId: 'i1', message: msg('a', T0) },
      );
      expect(get(s).customerTyping).to.equal(false);
    });
  });

  describe('message-status', () => {
    const sent = (): CcState =>
      fold(offer(), accepted, { type: 'local/message-sending', interactionId: 'i1', message: msg('x', T0 + 1, 'agent', 'sending') });

    it('R-CHAT-05: moves delivery forward only', () => {
      let s = reduce(sent(), { type: 'message-status', at: T0, interactionId: 'i1', messageId: 'x', status: 'read' });
      expect(get(s).messages[0]?.status).to.equal('read');
      s = reduce(s, { type: 'message-status', at: T0, interactionId: 'i1', messageId: 'x', status: 'delivered' });
      expect(get(s).messages[0]?.status).to.equal('read');
    });

    it('R-CHAT-05: records a failure with its reason', () => {
      const s = reduce(sent(), { type: 'message-status', at: T0, interactionId: 'i1', messageId: 'x', status: 'failed', error: 'carrier down' });
      expect(get(s).messages[0]).to.include({ status: 'failed', error: 'carrier down' });
    });
  });

  describe('local message actions', () => {
    it('R-CHAT-04: an optimistic message becomes sent under the backend id', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'local/message-sending', interactionId: 'i1', message: msg('tmp', T0 + 1, 'agent', 'sending') },
        { type: 'local/message-sent', interactionId: 'i1', clientMessageId: 'tmp', messageId: 'srv-1', status: 'sent', timestamp: T0 + 2 },
      );
      expect(get(s).messages[0]).to.include({ id: 'srv-1', status: 'sent', timestamp: T0 + 2 });
    });

    it('R-CHAT-05: a failed message can be retried and keeps its text', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'local/message-sending', interactionId: 'i1', message: msg('tmp', T0 + 1, 'agent', 'sending') },
        { type: 'local/message-failed', interactionId: 'i1', messageId: 'tmp', error: 'offline' },
        { type: 'local/message-retry', interactionId: 'i1', messageId: 'tmp' },
      );
      expect(get(s).messages[0]).to.include({ status: 'sending', text: 'text tmp' });
      expect(get(s).messages[0]?.error).to.equal(undefined);
    });
  });

  describe('customer-typing', () => {
    it('R-X-05: sets and clears the typing flag', () => {
      const s = fold(offer(), { type: 'customer-typing', at: T0, interactionId: 'i1', typing: true });
      expect(get(s).customerTyping).to.equal(true);
    });
  });

  describe('participants', () => {
    it('R-CHAT-02: joining and leaving add participants and centred system notices', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'participant-joined', at: T0 + 1, interactionId: 'i1', participant: { id: 'c1', name: 'Jane Doe', kind: 'customer' } },
        { type: 'participant-joined', at: T0 + 1, interactionId: 'i1', participant: { id: 'c1', name: 'Jane Doe', kind: 'customer' } },
      );
      expect(get(s).participants).to.have.length(1);
      expect(get(s).messages.map((m) => m.notice)).to.deep.equal(['customer-joined']);
      const left = reduce(s, { type: 'participant-left', at: T0 + 2, interactionId: 'i1', participantId: 'c1' });
      expect(get(left).participants).to.have.length(0);
      expect(get(left).messages.map((m) => m.notice)).to.deep.equal(['customer-joined', 'customer-left']);
    });
  });

  describe('conference', () => {
    const agent = { id: 'a2', name: 'Bob Agent' };
    it('R-CONF-02: goes from requested to conference and says the agent joined', () => {
      let s = fold(offer(), accepted, { type: 'conference', at: T0 + 1, interactionId: 'i1', state: 'requested', agent });
      expect(get(s).status).to.equal('conference-requested');
      s = reduce(s, { type: 'conference', at: T0 + 2, interactionId: 'i1', state: 'started', agent });
      expect(get(s).status).to.equal('conference');
      expect(get(s).messages.at(-1)).to.include({ notice: 'agent-joined', authorName: 'Bob Agent' });
    });

    it('R-CONF-04: an invited agent exiting leaves the owner chatting', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'conference', at: T0 + 1, interactionId: 'i1', state: 'started', agent },
        { type: 'conference', at: T0 + 2, interactionId: 'i1', state: 'exited', agent },
      );
      expect(get(s).status).to.equal('active');
      expect(get(s).conferenceAgent).to.equal(undefined);
      expect(get(s).messages.at(-1)).to.include({ notice: 'agent-left' });
    });

    it('a declined invitation returns to active', () => {
      const s = fold(
        offer(),
        accepted,
        { type: 'conference', at: T0 + 1, interactionId: 'i1', state: 'requested', agent },
        { type: 'conference', at: T0 + 2, interactionId: 'i1', state: 'declined', agent },
      );
      expect(get(s).status).to.equal('active');
    });
  });

  describe('transfer', () => {
    it('R-XFER-06: records a dropped transfer', () => {
      const s = fold(offer(), accepted, {
        type: 'transfer',
        at: T0,
        interactionId: 'i1',
        target: { kind: 'agent', agentId: 'a9' },
        state: 'dropped',
      });
      expect(get(s).transfer).to.deep.equal({ target: { kind: 'agent', agentId: 'a9' }, state: 'dropped' });
    });
  });

  describe('email', () => {
    const email = {
      id: 'e1',
      direction: 'inbound' as const,
      from: 'jane@example.com',
      to: ['support@example.com'],
      cc: [],
      subject: 'Help',
      text: 'Hello',
      timestamp: T0,
      status: 'received' as const,
      attachments: [],
    };
    it('R-MAIL-01: adds emails to the thread and updates their status', () => {
      let s = fold(offer('i1', { channel: 'email' }), { type: 'email-received', at: T0, interactionId: 'i1', email });
      expect(get(s).emails).to.have.length(1);
      expect(get(s).unread).to.equal(1);
      s = reduce(s, { type: 'local/email-sending', interactionId: 'i1', email: { ...email, id: 'tmp', direction: 'outbound', status: 'sending' } });
      s = reduce(s, { type: 'local/email-sent', interactionId: 'i1', clientEmailId: 'tmp', emailId: 'e2', timestamp: T0 + 1 });
      s = reduce(s, { type: 'email-status', at: T0, interactionId: 'i1', emailId: 'e2', status: 'delivery-report' });
      expect(get(s).emails.map((e) => `${e.id}:${e.status}`)).to.deep.equal(['e1:received', 'e2:delivery-report']);
    });
  });

  describe('interaction-ended and wrapup-completed', () => {
    it('R-END-02: ending moves to wrap-up; completing wrap-up removes the interaction', () => {
      let s = fold(offer(), accepted, { type: 'interaction-ended', at: T0, interactionId: 'i1', reason: 'agent-ended' });
      expect(get(s)).to.include({ status: 'wrapup', endReason: 'agent-ended' });
      s = reduce(s, { type: 'wrapup-completed', at: T0, interactionId: 'i1' });
      expect(s.interactions).to.deep.equal({});
      expect(s.order).to.deep.equal([]);
      expect(s.focused.webchat).to.equal(undefined);
    });
  });

  describe('focus and mark-read', () => {
    it('focuses an interaction for its channel and clears unread', () => {
      let s = fold(offer('i1', { messages: [msg('m', T0)] }), offer('i2'), accepted);
      s = reduce(s, { type: 'local/focus', interactionId: 'i2' });
      expect(s.focused.webchat).to.equal('i2');
      s = reduce(s, { type: 'local/mark-read', interactionId: 'i1' });
      expect(get(s).unread).to.equal(0);
    });
  });

  describe('history', () => {
    it('R-CHAT-01: merges a conversation\'s past in time order, skips what is held, counts new inbound messages as unread (R-X-06)', () => {
      let s = fold(offer('i1', { messages: [msg('m5', T0 + 5)] }), accepted);
      expect(get(s).unread).to.equal(1);
      s = reduce(s, {
        type: 'history',
        at: T0 + 10,
        interactionId: 'i1',
        messages: [msg('m3', T0 + 3), msg('m1', T0 + 1, 'agent', 'read'), msg('m5', T0 + 5), msg('m3', T0 + 3), msg('m7', T0 + 7, 'peer')],
      });
      expect(get(s).messages.map((m) => m.id)).to.deep.equal(['m1', 'm3', 'm5', 'm7']);
      expect(get(s).unread, 'm3 and m7 are new and from others; m1 is the agent\'s; m5 was held').to.equal(3);
      const again = reduce(s, { type: 'history', at: T0 + 11, interactionId: 'i1', messages: [msg('m3', T0 + 3), msg('m1', T0 + 1)] });
      expect(again, 'a history already held changes nothing').to.equal(s);
    });

    it('R-MAIL-15: merges past emails in time order with the opening one', () => {
      const email = (id: string, timestamp: number, direction: 'inbound' | 'outbound') => ({
        id, direction, from: 'a@example.com', to: ['b@example.com'], cc: [], subject: id, timestamp, status: 'received' as const, attachments: [],
      });
      let s = fold(offer('i1', { channel: 'email', emails: [email('e2', T0 + 2, 'inbound')] }));
      s = reduce(s, { type: 'history', at: T0 + 3, interactionId: 'i1', emails: [email('e1', T0 + 1, 'outbound'), email('e0', T0, 'inbound')] });
      expect(get(s).emails.map((e) => e.id)).to.deep.equal(['e0', 'e1', 'e2']);
      expect(get(s).unread).to.equal(2);
    });

    it('gives the same result as the messages one by one, whatever their order', () => {
      const past = Array.from({ length: 40 }, (_, k) => msg(`h${(k * 17) % 40}`, T0 + ((k * 7) % 13), k % 3 ? 'customer' : 'agent'));
      const start = fold(offer(), accepted, { type: 'message-received', at: T0, interactionId: 'i1', message: msg('h5', T0 + 4) });
      const merged = reduce(start, { type: 'history', at: T0 + 20, interactionId: 'i1', messages: past });
      const oneByOne = past.reduce((s, m) => reduce(s, { type: 'message-received', at: T0 + 20, interactionId: 'i1', message: m }), start);
      expect(get(merged).messages).to.deep.equal(get(oneByOne).messages);
      expect(get(merged).unread).to.equal(get(oneByOne).unread);
    });
  });

  describe('a batch folded in one go', () => {
    it('equals folding its events one by one and never changes what existed before', () => {
      const before = frozen(fold(offer('i1'), offer('i2'), accepted));
      const events: StoreAction[] = [];
      for (let k = 0; k < 300; k++) {
        events.push({ type: 'message-received', at: T0 + k, interactionId: k % 3 ? 'i1' : 'i2', message: msg(`m${k}`, T0 + 10 + (k % 50 === 49 ? k - 30 : k)) });
        if (k % 10 === 0) events.push({ type: 'message-received', at: T0 + k, interactionId: 'i1', message: msg(`m${k - 1}`, T0 + k) });
        if (k % 25 === 0) events.push({ type: 'customer-typing', at: T0 + k, interactionId: 'i1', typing: k % 50 === 0 });
      }
      const oneByOne = events.reduce(reduce, before);
      const batch = new WeakSet<object>();
      const batched = events.reduce((s, e) => folding(batch, reduce, s, e), before);
      expect(batched).to.deep.equal(oneByOne);
      expect(get(batched).messages.map((m) => m.id)).to.deep.equal(get(oneByOne).messages.map((m) => m.id));
      expect(get(before).messages, 'the state before the batch is untouched (it is frozen: a change would throw)').to.deep.equal([]);
    });

    it('makes one state object for a burst, and changedBy tells a change in place from none', () => {
      const before = frozen(fold(offer('i1'), accepted));
      const batch = new WeakSet<object>();
      const message = (k: number): StoreAction => ({ type: 'message-received', at: T0 + k, interactionId: 'i1', message: msg(`b${k}`, T0 + k) });
      const first = folding(batch, reduce, before, message(1));
      expect(first, 'the first change copies the state the batch did not make').not.to.equal(before);
      expect(changedBy(before, first)).to.equal(true);
      const second = folding(batch, reduce, first, message(2));
      expect(second, 'later changes happen in place').to.equal(first);
      expect(changedBy(first, second)).to.equal(true);
      const duplicate = folding(batch, reduce, second, message(2));
      expect(changedBy(second, duplicate), 'a duplicate changes nothing').to.equal(false);
      expect(get(duplicate).messages.map((m) => m.id)).to.deep.equal(['b1', 'b2']);
      const outside = reduce(second, message(3));
      expect(outside, 'outside the batch every change is a new state').not.to.equal(second);
      expect(get(second).messages.map((m) => m.id), 'and the batch state is left as it was').to.deep.equal(['b1', 'b2']);
    });
  });
});
