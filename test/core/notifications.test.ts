import { expect } from '@open-wc/testing';
import type { ContactCenterEvent, OfferEvent } from '../../src/core/events.js';
import { NOTIFICATION_PREVIEW_LENGTH, notificationsFor, type CcNotification } from '../../src/core/store/notifications.js';
import { reduce } from '../../src/core/store/reducer.js';
import { initialState, type CcState } from '../../src/core/store/state.js';
import type { ChatMessage, EmailMessage } from '../../src/core/types.js';
import { createWorld, disposeWorlds } from '../helpers/world.js';

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

function msg(id: string, author: ChatMessage['author'] = 'customer', text = `text ${id}`, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, author, text, format: 'plain', timestamp: T0 + 1000, attachments: [], ...extra };
}

function email(id: string, direction: EmailMessage['direction'] = 'inbound', extra: Partial<EmailMessage> = {}): EmailMessage {
  return {
    id,
    direction,
    from: 'jane@example.com',
    to: ['support@example.com'],
    cc: [],
    subject: 'Refund for order 1234',
    text: 'Hello,\n\nI would like a refund.',
    timestamp: T0 + 1000,
    status: direction === 'inbound' ? 'received' : 'sent',
    attachments: [],
    ...extra,
  };
}

const received = (message: ChatMessage, interactionId = 'i1', seq?: number): ContactCenterEvent => ({
  type: 'message-received',
  at: T0 + 2000,
  interactionId,
  message,
  ...(seq === undefined ? {} : { seq }),
});
const emailed = (e: EmailMessage, interactionId = 'i1'): ContactCenterEvent => ({ type: 'email-received', at: T0 + 2000, interactionId, email: e });

/** Folds `event` into `prev` with the real reducer and returns what it raises. */
function raise(prev: CcState, event: ContactCenterEvent): readonly CcNotification[] {
  return notificationsFor(prev, reduce(prev, event), event);
}

function withOffer(event: OfferEvent = offer()): CcState {
  return reduce(initialState(), event);
}

describe('notificationsFor (pure)', () => {
  it('R-CHAT-08: a new offer raises an offer notification with its opening message', () => {
    const event = offer('i1', { messages: [msg('m0', 'customer', 'Hi, is anyone there?')] });
    expect(raise(initialState(), event)).to.deep.equal([
      { kind: 'offer', interactionId: 'i1', channel: 'webchat', title: 'Jane Doe', body: 'Hi, is anyone there?', at: T0 },
    ]);
  });

  it('R-CHAT-08: an offer without an opening message has an empty body; an email offer previews its subject', () => {
    expect(raise(initialState(), offer())[0]?.body).to.equal('');
    const mail = offer('e1', { channel: 'email', emails: [email('x1')] });
    expect(raise(initialState(), mail)).to.deep.equal([
      { kind: 'offer', interactionId: 'e1', channel: 'email', title: 'Jane Doe', body: 'Refund for order 1234', at: T0 },
    ]);
  });

  it('R-CHAT-08: a customer message and a peer message raise message notifications', () => {
    const s = withOffer();
    expect(raise(s, received(msg('m1', 'customer', 'Where is my parcel?')))).to.deep.equal([
      { kind: 'message', interactionId: 'i1', channel: 'webchat', title: 'Jane Doe', body: 'Where is my parcel?', at: T0 + 2000 },
    ]);
    expect(raise(s, received(msg('m2', 'peer', 'I can take this one')))[0]).to.include({ kind: 'message', body: 'I can take this one' });
  });

  it("R-CHAT-08: never for the agent's own messages or system notices", () => {
    const s = withOffer();
    expect(raise(s, received(msg('m1', 'agent')))).to.deep.equal([]);
    expect(raise(s, received(msg('m2', 'system', '', { notice: 'info' })))).to.deep.equal([]);
    expect(raise(s, emailed(email('o1', 'outbound')))).to.deep.equal([]);
  });

  it('R-CHAT-08: never for duplicates (the same offer, message or email again)', () => {
    const first = withOffer();
    expect(raise(first, offer())).to.deep.equal([]);
    const afterMessage = reduce(first, received(msg('m1')));
    expect(raise(afterMessage, received(msg('m1')))).to.deep.equal([]);
    const mail = withOffer(offer('e1', { channel: 'email', emails: [email('x1')] }));
    expect(raise(mail, emailed(email('x1'), 'e1'))).to.deep.equal([]);
  });

  it('R-CHAT-08: never for events the reducer rejected', () => {
    const rona = reduce(initialState(), { type: 'agent-state-changed', at: T0, state: 'rona' });
    expect(raise(rona, offer()), 'no offer in RONA (R-OFFER-04)').to.deep.equal([]);
    expect(raise(initialState(), received(msg('m1'), 'ghost')), 'unknown interaction').to.deep.equal([]);
    const seen = reduce(withOffer(), received(msg('m1'), 'i1', 5));
    expect(raise(seen, received(msg('m2'), 'i1', 4)), 'stale sequence number').to.deep.equal([]);
  });

  it('R-CHAT-08: an inbound email previews its subject, or its text when the subject is empty', () => {
    const s = withOffer(offer('e1', { channel: 'email' }));
    expect(raise(s, emailed(email('x2'), 'e1'))).to.deep.equal([
      { kind: 'email', interactionId: 'e1', channel: 'email', title: 'Jane Doe', body: 'Refund for order 1234', at: T0 + 2000 },
    ]);
    expect(raise(s, emailed(email('x3', 'inbound', { subject: ' ' }), 'e1'))[0]?.body).to.equal('Hello, I would like a refund.');
  });

  it('R-CHAT-08: the body is a one-line plain-text preview of at most 140 characters', () => {
    const s = withOffer();
    const long = '字'.repeat(150);
    const body = raise(s, received(msg('m1', 'customer', long)))[0]?.body ?? '';
    expect([...body]).to.have.length(NOTIFICATION_PREVIEW_LENGTH);
    expect(body.endsWith('…')).to.equal(true);
    const emoji = raise(s, received(msg('m2', 'customer', '😀'.repeat(141))))[0]?.body ?? '';
    expect([...emoji].every((c) => c === '😀' || c === '…'), 'no surrogate pair is cut').to.equal(true);
    const markdown = msg('m3', 'customer', '**Order** _late_, see [tracking](https://example.com/t)\n\n- item one', { format: 'markdown' });
    expect(raise(s, received(markdown))[0]?.body).to.equal('Order late, see tracking item one');
    const fileOnly = msg('m4', 'customer', '', { attachments: [{ id: 'a1', name: 'receipt.pdf', size: 10, mimeType: 'application/pdf' }] });
    expect(raise(s, received(fileOnly))[0]?.body).to.equal('receipt.pdf');
  });

  it('R-CHAT-08: the preview is cut after 139 code points, whatever the mix of pairs, and a text of exactly 140 is kept whole', () => {
    const s = withOffer();
    const body = (text: string, id: string): string => raise(s, received(msg(id, 'customer', text)))[0]?.body ?? '';
    const exact = `${'😀'.repeat(70)}${'a'.repeat(70)}`;
    expect(body(exact, 'm1')).to.equal(exact);
    const over = `${'a'.repeat(138)}😀😀 tail`;
    expect(body(over, 'm2')).to.equal(`${'a'.repeat(138)}😀…`);
    // A lone surrogate counts as one code point, as string iteration counts it.
    const lone = `\ud800${'b'.repeat(139)}c`;
    expect(body(lone, 'm3')).to.equal(`\ud800${'b'.repeat(138)}…`);
    expect(body(`${'word '.repeat(30)}end`, 'm4')).to.equal(`${'word '.repeat(27)}word…`);
  });

  it('R-CHAT-08: every kind of whitespace run becomes one space; single spaces stay as they are', () => {
    const s = withOffer();
    const body = (text: string, id: string): string => raise(s, received(msg(id, 'customer', text)))[0]?.body ?? '';
    expect(body('  one two three ', 'm1')).to.equal('one two three');
    expect(body('one  two\tthree\u00a0four\nfive\u2028six\u3000seven', 'm2')).to.equal('one two three four five six seven');
  });

  it('ignores every other event', () => {
    const s = withOffer();
    expect(raise(s, { type: 'customer-typing', at: T0, interactionId: 'i1', typing: true })).to.deep.equal([]);
    expect(raise(s, { type: 'interaction-accepted', at: T0, interactionId: 'i1' })).to.deep.equal([]);
  });
});

describe('InteractionStore.notifications$', () => {
  afterEach(disposeWorlds);

  it('R-CHAT-08: emits for ingested offers and messages, after the state shows them', () => {
    const { store } = createWorld();
    const seen: { readonly n: CcNotification; readonly inState: boolean }[] = [];
    store.notifications$.subscribe((n) => seen.push({ n, inState: store.state.interactions[n.interactionId] !== undefined }));
    store.ingest(offer('t1'));
    store.ingest(received(msg('m1', 'customer', 'hello'), 't1'));
    store.ingest(received(msg('m1', 'customer', 'hello'), 't1'));
    store.ingest(received(msg('m2', 'agent'), 't1'));
    expect(seen.map((x) => [x.n.kind, x.n.body, x.inState])).to.deep.equal([
      ['offer', '', true],
      ['message', 'hello', true],
    ]);
  });

  it('R-CHAT-08: nothing for invalid events or events about unknown interactions', () => {
    const { store } = createWorld();
    const seen: CcNotification[] = [];
    store.notifications$.subscribe((n) => seen.push(n));
    store.ingest({ type: 'offer', interactionId: 'bad' });
    store.ingest(received(msg('m1'), 'ghost'));
    expect(seen).to.deep.equal([]);
  });

  it('completes on dispose', () => {
    const { store } = createWorld();
    let completed = false;
    store.notifications$.subscribe({ complete: () => (completed = true) });
    store.dispose();
    expect(completed).to.equal(true);
  });
});
