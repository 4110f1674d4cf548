import { expect } from '@open-wc/testing';
import { validateEvent } from '../../src/core/validate.js';

const T0 = 1_700_000_000_000;

describe('validateEvent', () => {
  it('accepts a well-formed event of every kind it knows', () => {
    const ok = [
      { type: 'agent-state-changed', at: T0, state: 'rona' },
      {
        type: 'offer',
        at: T0,
        seq: 1,
        interactionId: 'i1',
        channel: 'sms',
        queue: { id: 'q', name: 'Q' },
        customer: { name: 'Jane', phone: '+1 555 0100' },
        source: { phoneNumber: '+1 555 0100', sourceNumber: '+1 555 0199', sourceNumberKind: 'toll-free' },
      },
      { type: 'offer-rescinded', at: T0, interactionId: 'i1', reason: 'timeout' },
      { type: 'interaction-accepted', at: T0, interactionId: 'i1' },
      {
        type: 'message-received',
        at: T0,
        interactionId: 'i1',
        message: { id: 'm', author: 'customer', text: 'hi', format: 'plain', timestamp: T0, attachments: [{ id: 'a', name: 'x.png', size: 10, mimeType: 'image/png' }] },
      },
      { type: 'message-status', at: T0, interactionId: 'i1', messageId: 'm', status: 'read' },
      { type: 'customer-typing', at: T0, interactionId: 'i1', typing: true },
      { type: 'participant-joined', at: T0, interactionId: 'i1', participant: { id: 'p', name: 'P', kind: 'agent' } },
      { type: 'participant-left', at: T0, interactionId: 'i1', participantId: 'p' },
      { type: 'conference', at: T0, interactionId: 'i1', state: 'started', agent: { id: 'a', name: 'A' } },
      { type: 'transfer', at: T0, interactionId: 'i1', target: { kind: 'queue', queueId: 'q' }, state: 'completed' },
      {
        type: 'email-received',
        at: T0,
        interactionId: 'i1',
        email: { id: 'e', direction: 'inbound', from: 'a@b.c', to: [], cc: [], subject: 's', timestamp: T0, status: 'received', attachments: [] },
      },
      { type: 'email-status', at: T0, interactionId: 'i1', emailId: 'e', status: 'delivery-report' },
      { type: 'interaction-ended', at: T0, interactionId: 'i1', reason: 'customer-left' },
      { type: 'wrapup-completed', at: T0, interactionId: 'i1' },
    ];
    for (const event of ok) {
      const result = validateEvent(event);
      expect(result.ok, `${event.type}: ${result.ok ? '' : result.error}`).to.equal(true);
    }
  });

  it('rejects malformed values with a message that names the field', () => {
    const cases: [unknown, string][] = [
      [null, 'must be an object'],
      [[], 'must be an object'],
      ['offer', 'must be an object'],
      [{ type: 'nope', at: T0 }, 'unknown event type'],
      [{ type: 'agent-state-changed', state: 'available' }, 'agent-state-changed.at'],
      [{ type: 'agent-state-changed', at: T0, state: 'sleeping' }, 'agent-state-changed.state'],
      [{ type: 'offer', at: T0, interactionId: '', channel: 'sms' }, 'offer.interactionId'],
      [{ type: 'message-status', at: T0, interactionId: 'i', messageId: 'm', status: 'lost' }, 'message-status.status'],
      [{ type: 'transfer', at: T0, interactionId: 'i', target: { kind: 'agent' }, state: 'pending' }, 'transfer.target.agentId'],
      [{ type: 'message-received', at: T0, interactionId: 'i', message: { id: 'm', author: 'customer', text: 1 } }, 'message-received.message.text'],
      [{ type: 'customer-typing', at: Number.NaN, interactionId: 'i', typing: true }, 'customer-typing.at'],
      [
        { type: 'offer', at: T0, interactionId: 'i', channel: 'sms', queue: { id: 'q', name: 'Q' }, customer: { name: 'C' }, source: { sourceNumberKind: 'landline' } },
        'offer.source.sourceNumberKind',
      ],
    ];
    for (const [value, fragment] of cases) {
      const result = validateEvent(value);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error).to.contain(fragment);
    }
  });

  it('the message names the whole path, array positions included', () => {
    const message = { id: 'm', author: 'customer', text: 't', format: 'plain', timestamp: T0, attachments: [{ id: 'a', name: 'n', size: 1, mimeType: 'x' }, { id: 'b', name: 'n', size: -1, mimeType: 'x' }] };
    const errors = [
      validateEvent({ type: 'message-received', at: T0, interactionId: 'i', message }),
      validateEvent({ type: 'transfer', at: T0, interactionId: 'i', target: { kind: 'queue', queueId: '' }, state: 'pending' }),
      validateEvent({ type: 'transfer', at: T0, interactionId: 'i', target: { kind: 'team' }, state: 'pending' }),
      validateEvent({ type: 'offer', at: T0, interactionId: 'i', channel: 'fax' }),
      validateEvent({ type: 'customer-typing', at: T0, interactionId: 'i', typing: true, seq: '1' }),
    ].map((r) => (r.ok ? 'ok' : r.error));
    expect(errors).to.deep.equal([
      'message-received.message.attachments[1].size must be a size in bytes',
      'transfer.target.queueId must be a non-empty string',
      'transfer.target.kind must be queue or agent',
      'offer.channel must be one of messenger, sms, webchat, email',
      'customer-typing.seq must be a finite number',
    ]);
  });

  it('never throws, even on values whose getters throw', () => {
    const hostile = {
      type: 'customer-typing',
      at: T0,
      get interactionId(): string {
        throw new Error('boom');
      },
    };
    const result = validateEvent(hostile);
    expect(result.ok).to.equal(false);
    expect(validateEvent({ type: '__proto__', at: T0 }).ok).to.equal(false);
    expect(validateEvent({ type: 'toString', at: T0 }).ok).to.equal(false);
  });

  it('a valid event is a copy sharing no object with the value: each property read once, no own __proto__, no symbol keys, no functions', () => {
    let reads = 0;
    const nested = { page: 'https://example.com/help' };
    const secret = Symbol('secret');
    const attachments: unknown[] = [];
    const message = { id: 'm1', author: 'customer', text: 'hi', format: 'plain', timestamp: T0, attachments, [secret]: { leaked: true }, note: () => 'fn' };
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    Object.assign(value, { type: 'message-received', at: T0, interactionId: 'i1', message, source: nested });
    Object.defineProperty(value, 'counted', { enumerable: true, get: () => ++reads });
    const result = validateEvent(value);
    if (!result.ok) throw new Error(result.error);
    const copy = result.event as unknown as Record<string, unknown> & { message: Record<string | symbol, unknown>; source: unknown };
    expect(reads, 'a getter is read once').to.equal(1);
    expect(copy['counted']).to.equal(1);
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__'), 'an own __proto__ key is left out').to.equal(false);
    expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype);
    expect(copy.message).not.to.equal(message);
    expect(copy.message['attachments']).not.to.equal(attachments);
    expect(copy.source).not.to.equal(nested);
    expect(copy.source).to.deep.equal(nested);
    expect(Object.getOwnPropertySymbols(copy.message), 'symbol keys are left out').to.deep.equal([]);
    expect(copy.message['note'], 'functions are not data').to.equal(undefined);
    expect(copy.message['text']).to.equal('hi');
  });

  it('R-CHAT-01: messages by the thousand take a quicker check that accepts exactly what the full one accepts', () => {
    const plain = { id: 'm', author: 'customer', text: 'hi', format: 'plain', timestamp: T0, attachments: [] };
    const variants: Record<string, unknown>[] = [
      plain,
      { ...plain, author: 'agent', status: 'read', authorName: 'Ann', format: 'markdown' },
      { ...plain, error: 'nope', status: 'failed' },
      { ...plain, id: '' },
      { ...plain, author: 'robot' },
      { ...plain, authorName: 3 },
      { ...plain, text: undefined },
      { ...plain, format: 'html' },
      { ...plain, timestamp: Number.NaN },
      { ...plain, attachments: undefined },
      { ...plain, attachments: [{ id: 'a', name: 'x.png', size: 10, mimeType: 'image/png' }] },
      { ...plain, attachments: [{ id: 'a', name: 'x.png', size: -1, mimeType: 'image/png' }] },
      { ...plain, status: 'lost' },
      { ...plain, error: 4 },
      { ...plain, notice: 'customer-left' },
      { ...plain, notice: 'party' },
    ];
    for (const message of variants) {
      // The same message through the full check, inside an offer's past.
      const full = validateEvent({
        type: 'offer',
        at: T0,
        interactionId: 'i1',
        channel: 'webchat',
        queue: { id: 'q', name: 'Q' },
        customer: { name: 'Jane' },
        source: {},
        messages: [message],
      });
      const one = validateEvent({ type: 'message-received', at: T0, interactionId: 'i1', message });
      const past = validateEvent({ type: 'history', at: T0, interactionId: 'i1', messages: [plain, message] });
      expect(one.ok, JSON.stringify(message)).to.equal(full.ok);
      expect(past.ok, JSON.stringify(message)).to.equal(full.ok);
      if (!one.ok && !full.ok) expect(one.error).to.equal(`message-received.message${full.error.slice('offer.messages[0]'.length)}`);
    }
    expect(validateEvent({ type: 'message-received', at: T0, interactionId: '', message: plain }).ok).to.equal(false);
    expect(validateEvent({ type: 'message-received', at: T0, seq: 'x', interactionId: 'i1', message: plain }).ok).to.equal(false);
    expect(validateEvent({ type: 'history', at: T0, interactionId: 'i1', emails: [{}] }).ok).to.equal(false);
  });
});
