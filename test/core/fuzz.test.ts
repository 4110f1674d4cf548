/**
 * Property-based tests of the inbound path: `validateEvent`,
 * the pure `reduce` and `InteractionStore.ingest`, fed with fast-check arbitraries —
 * well-formed events of every type whose ids come from small pools (so events hit the
 * interactions, messages and participants earlier events created), malformed values
 * (random JSON and values, wrong types, missing fields, huge strings, `__proto__` /
 * `constructor` keys and ids) and shuffled, duplicated sequences. Fixed seed and run
 * counts: the same cases every time, in a few seconds.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SimulatedContactCenter } from '../../src/adapters/simulated/index.js';
import type { ContactCenterEvent, ContactCenterEventType } from '../../src/core/events.js';
import { NOTIFICATION_PREVIEW_LENGTH, type CcNotification } from '../../src/core/store/notifications.js';
import { reduce } from '../../src/core/store/reducer.js';
import { initialState, type CcState, type LocalAction, type StoreAction } from '../../src/core/store/state.js';
import { createInteractionStore, type InteractionStore, type StoreError } from '../../src/core/store/store.js';
import { CHANNELS, type Attachment, type Channel, type ChatMessage, type EmailMessage, type Interaction } from '../../src/core/types.js';
import { validateEvent } from '../../src/core/validate.js';

/** One seed for every property: a failure is reproduced by running the file again. */
const SEED = 20_261_125;
const RUNS = 150;
const T0 = 1_700_000_000_000;

// ---- pools: few ids, so events collide with what earlier events created -----------------

const MESSAGE_IDS = ['m1', 'm2', 'm3', 'constructor'] as const;
const EMAIL_IDS = ['e1', 'e2', 'e3'] as const;
const PARTICIPANT_IDS = ['p1', 'p2', 'customer-i1'] as const;
/** One string of 256 K characters, shared: huge values without allocating one per case. */
const HUGE = '\u202e<img src=x onerror=alert(1)>'.repeat(8192).slice(0, 262_144);

/** Mostly ordinary ids, so that events meet; sometimes the names Object.prototype holds. */
const interactionId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('i1', 'i2', 'i3') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor') },
);
/** Pathological for backtracking patterns (Markdown links): 60 K characters. */
const HUGE_MARKDOWN = '[]('.repeat(20_000);

const text = fc.oneof(
  { weight: 30, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 8, arbitrary: fc.constantFrom('', '__proto__', 'constructor', 'toString', '<script>alert(1)</script>', '{{customerName}}') },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, HUGE_MARKDOWN) },
);
/** Times close together so that order and ties matter, plus extremes. */
const time = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: T0 - 5, max: T0 + 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -1e300, 1e300) },
);
/** Mostly absent; when present, in any order, repeated or negative. */
const seq = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 60 }) });

const DELIVERY = ['sending', 'sent', 'delivered', 'read', 'failed'] as const;
const EMAIL_STATUS = ['received', 'sending', 'sent', 'failed', 'delivery-report'] as const;
const NOTICES = ['customer-joined', 'customer-left', 'agent-joined', 'agent-left', 'transferred', 'conference-started', 'conference-ended', 'info'] as const;

const attachment: fc.Arbitrary<Attachment> = fc.record(
  {
    id: fc.constantFrom('a1', 'a2', '__proto__'),
    name: text,
    size: fc.nat(),
    mimeType: fc.constantFrom('image/png', 'text/html', 'application/pdf'),
    url: fc.constantFrom('https://files.example/a.png', 'javascript:alert(1)', 'blob:https://app.example/1'),
    contentId: fc.constantFrom('logo@mail.example', '<x>'),
  },
  { requiredKeys: ['id', 'name', 'size', 'mimeType'] },
);

const chatMessage: fc.Arbitrary<ChatMessage> = fc.record(
  {
    id: fc.constantFrom(...MESSAGE_IDS),
    author: fc.constantFrom('customer', 'agent', 'peer', 'system'),
    authorName: text,
    text,
    format: fc.constantFrom('plain', 'markdown'),
    timestamp: time,
    attachments: fc.array(attachment, { maxLength: 2 }),
    status: fc.constantFrom(...DELIVERY),
    error: text,
    notice: fc.constantFrom(...NOTICES),
  },
  { requiredKeys: ['id', 'author', 'text', 'format', 'timestamp', 'attachments'] },
);

const address = fc.constantFrom('ann@example.com', '"<script>"@x.example', 'javascript:alert(1)');
const emailMessage: fc.Arbitrary<EmailMessage> = fc.record(
  {
    id: fc.constantFrom(...EMAIL_IDS),
    direction: fc.constantFrom('inbound', 'outbound'),
    from: address,
    to: fc.array(address, { maxLength: 2 }),
    cc: fc.array(address, { maxLength: 2 }),
    subject: text,
    html: text,
    text,
    timestamp: time,
    status: fc.constantFrom(...EMAIL_STATUS),
    attachments: fc.array(attachment, { maxLength: 2 }),
    error: text,
  },
  { requiredKeys: ['id', 'direction', 'from', 'to', 'cc', 'subject', 'timestamp', 'status', 'attachments'] },
);

const named = fc.record({ id: fc.constantFrom('agent-priya', 'agent-tom', 'constructor'), name: text });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type EventBody = DistributiveOmit<ContactCenterEvent, 'at' | 'seq'>;

/** Adds `at` and, sometimes, a `seq` (in any order, repeated, negative) to an event body. */
function stamped(body: fc.Arbitrary<EventBody>): fc.Arbitrary<ContactCenterEvent> {
  return fc.tuple(body, time, seq).map(([b, at, s]) => ({ ...b, at, ...(s === undefined ? {} : { seq: s }) }));
}

const offerEvent = stamped(
  fc.record(
    {
      type: fc.constant('offer'),
      interactionId,
      channel: fc.constantFrom(...CHANNELS),
      queue: fc.record({ id: fc.constantFrom('q1', 'q2'), name: text }),
      customer: fc.record({ name: text, email: text, phone: text }, { requiredKeys: ['name'] }),
      source: fc.record({ page: text, phoneNumber: text, sourceNumber: text, email: text }, { requiredKeys: [] }),
      role: fc.constantFrom('owner', 'invitee'),
      messages: fc.array(chatMessage, { maxLength: 3 }),
      emails: fc.array(emailMessage, { maxLength: 2 }),
    },
    { requiredKeys: ['type', 'interactionId', 'channel', 'queue', 'customer', 'source'] },
  ),
);
const acceptedEvent = stamped(fc.record({ type: fc.constant('interaction-accepted'), interactionId }));

/** A well-formed event of every type, weighted so that offers and acceptances open interactions often. */
const wellFormedEvent: fc.Arbitrary<ContactCenterEvent> = fc.oneof(
  {
    weight: 1,
    arbitrary: stamped(
      fc.record({
        type: fc.constant('agent-state-changed'),
        state: fc.oneof({ weight: 4, arbitrary: fc.constant('available' as const) }, fc.constantFrom('idle', 'rona', 'busy', 'offline')),
      }),
    ),
  },
  { weight: 4, arbitrary: offerEvent },
  { weight: 1, arbitrary: stamped(fc.record({ type: fc.constant('offer-rescinded'), interactionId, reason: fc.constantFrom('timeout', 'customer-left', 'taken') })) },
  { weight: 3, arbitrary: acceptedEvent },
  { weight: 5, arbitrary: stamped(fc.record({ type: fc.constant('message-received'), interactionId, message: chatMessage })) },
  {
    weight: 2,
    arbitrary: stamped(
      fc.record(
        { type: fc.constant('message-status'), interactionId, messageId: fc.constantFrom(...MESSAGE_IDS), status: fc.constantFrom(...DELIVERY), error: text },
        { requiredKeys: ['type', 'interactionId', 'messageId', 'status'] },
      ),
    ),
  },
  { weight: 1, arbitrary: stamped(fc.record({ type: fc.constant('customer-typing'), interactionId, typing: fc.boolean() })) },
  {
    weight: 4,
    arbitrary: stamped(
      fc.record({
        type: fc.constant('participant-joined'),
        interactionId,
        participant: fc.record({ id: fc.constantFrom(...PARTICIPANT_IDS), name: text, kind: fc.constantFrom('customer', 'agent') }),
      }),
    ),
  },
  { weight: 1, arbitrary: stamped(fc.record({ type: fc.constant('participant-left'), interactionId, participantId: fc.constantFrom(...PARTICIPANT_IDS) })) },
  {
    weight: 2,
    arbitrary: stamped(
      fc.record({ type: fc.constant('conference'), interactionId, state: fc.constantFrom('requested', 'started', 'declined', 'exited', 'ended'), agent: named }),
    ),
  },
  {
    weight: 1,
    arbitrary: stamped(
      fc.record(
        {
          type: fc.constant('transfer'),
          interactionId,
          target: fc.oneof(
            fc.record({ kind: fc.constant('queue'), queueId: fc.constantFrom('q1', 'q2') }),
            fc.record({ kind: fc.constant('agent'), agentId: fc.constantFrom('agent-priya', '__proto__') }),
          ),
          state: fc.constantFrom('pending', 'completed', 'dropped', 'failed'),
          error: text,
        },
        { requiredKeys: ['type', 'interactionId', 'target', 'state'] },
      ),
    ),
  },
  { weight: 2, arbitrary: stamped(fc.record({ type: fc.constant('email-received'), interactionId, email: emailMessage })) },
  {
    weight: 1,
    arbitrary: stamped(
      fc.record(
        { type: fc.constant('email-status'), interactionId, emailId: fc.constantFrom(...EMAIL_IDS), status: fc.constantFrom(...EMAIL_STATUS), error: text },
        { requiredKeys: ['type', 'interactionId', 'emailId', 'status'] },
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: stamped(
      fc.record({
        type: fc.constant('interaction-ended'),
        interactionId,
        reason: fc.constantFrom('agent-ended', 'customer-left', 'transferred', 'conference-ended', 'conference-exited'),
      }),
    ),
  },
  { weight: 1, arbitrary: stamped(fc.record({ type: fc.constant('wrapup-completed'), interactionId })) },
  {
    weight: 1,
    arbitrary: stamped(
      fc.record(
        { type: fc.constant('history'), interactionId, messages: fc.array(chatMessage, { maxLength: 4 }), emails: fc.array(emailMessage, { maxLength: 2 }) },
        { requiredKeys: ['type', 'interactionId'] },
      ),
    ),
  },
);

// ---- malformed values: invalid by construction ---------------------------------------------

const EVENT_TYPES: readonly ContactCenterEventType[] = [
  'agent-state-changed', 'offer', 'offer-rescinded', 'interaction-accepted', 'message-received', 'history', 'message-status', 'customer-typing',
  'participant-joined', 'participant-left', 'conference', 'transfer', 'consult', 'consult-message', 'capabilities', 'email-received', 'email-status',
  'interaction-ended', 'wrapup-completed',
];

type Kind = 'id' | 'string' | 'number' | 'boolean' | 'enum' | 'object' | 'array';
/** Every required field of every event type (nested ones by path), and what it must be. */
const REQUIRED: Readonly<Record<ContactCenterEventType, ReadonlyArray<readonly [path: string, kind: Kind]>>> = {
  'agent-state-changed': [['state', 'enum']],
  offer: [
    ['interactionId', 'id'], ['channel', 'enum'], ['queue', 'object'], ['queue.id', 'id'], ['queue.name', 'string'],
    ['customer', 'object'], ['customer.name', 'string'], ['source', 'object'],
  ],
  'offer-rescinded': [['interactionId', 'id'], ['reason', 'enum']],
  'interaction-accepted': [['interactionId', 'id']],
  'message-received': [
    ['interactionId', 'id'], ['message', 'object'], ['message.id', 'id'], ['message.author', 'enum'], ['message.text', 'string'],
    ['message.format', 'enum'], ['message.timestamp', 'number'], ['message.attachments', 'array'],
  ],
  history: [['interactionId', 'id']],
  'message-status': [['interactionId', 'id'], ['messageId', 'id'], ['status', 'enum']],
  'customer-typing': [['interactionId', 'id'], ['typing', 'boolean']],
  'participant-joined': [['interactionId', 'id'], ['participant', 'object'], ['participant.id', 'id'], ['participant.name', 'string'], ['participant.kind', 'enum']],
  'participant-left': [['interactionId', 'id'], ['participantId', 'id']],
  conference: [['interactionId', 'id'], ['state', 'enum'], ['agent', 'object'], ['agent.id', 'id'], ['agent.name', 'string']],
  transfer: [['interactionId', 'id'], ['target', 'object'], ['target.kind', 'enum'], ['state', 'enum']],
  consult: [['interactionId', 'id'], ['state', 'enum'], ['agent', 'object'], ['agent.id', 'id'], ['agent.name', 'string']],
  'consult-message': [
    ['interactionId', 'id'], ['message', 'object'], ['message.id', 'id'], ['message.author', 'enum'], ['message.text', 'string'],
    ['message.format', 'enum'], ['message.timestamp', 'number'], ['message.attachments', 'array'],
  ],
  capabilities: [['capabilities', 'object']],
  'email-received': [
    ['interactionId', 'id'], ['email', 'object'], ['email.id', 'id'], ['email.direction', 'enum'], ['email.from', 'string'],
    ['email.to', 'array'], ['email.cc', 'array'], ['email.subject', 'string'], ['email.timestamp', 'number'], ['email.status', 'enum'],
    ['email.attachments', 'array'],
  ],
  'email-status': [['interactionId', 'id'], ['emailId', 'id'], ['status', 'enum']],
  'interaction-ended': [['interactionId', 'id'], ['reason', 'enum']],
  'wrapup-completed': [['interactionId', 'id']],
};

/** Marks a field to delete rather than set. */
const MISSING = Symbol('missing');
const WRONG: Readonly<Record<Kind, readonly unknown[]>> = {
  id: [MISSING, undefined, '', null, 0, {}, [], true],
  string: [MISSING, undefined, null, 0, {}, [], false],
  number: [MISSING, undefined, null, '1', Number.NaN, Infinity, -Infinity, {}, true],
  boolean: [MISSING, undefined, null, 'true', 0, 1],
  enum: [MISSING, undefined, null, 'nonsense', '', 'OFFER', '__proto__', 'constructor', 7],
  object: [MISSING, undefined, null, 'x', 1, [], true],
  array: [MISSING, undefined, null, {}, 'x', 1, [null], [{}]],
};

/** A copy of `event` with the field at `path` deleted or set to `value` (plain JSON data is copied). */
function broken(event: ContactCenterEvent, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let target: Record<string, unknown> = copy;
  for (const k of keys) target = target[k] as Record<string, unknown>;
  if (value === MISSING) delete target[last];
  else target[last] = value;
  return copy;
}

/** A well-formed event with one required field (top-level or nested) missing or of the wrong type. */
const brokenEvent: fc.Arbitrary<unknown> = wellFormedEvent.chain((event) => {
  const fields: ReadonlyArray<readonly [string, Kind]> = [['at', 'number'], ...REQUIRED[event.type]];
  return fc.constantFrom(...fields).chain(([path, kind]) => fc.constantFrom(...WRONG[kind]).map((value) => broken(event, path, value)));
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const knownType = (v: unknown): boolean => isRecord(v) && EVENT_TYPES.some((t) => t === v['type']);

/** JSON text an adapter might receive, with keys that pollute prototypes when merged naively. */
function pollutingJson(type: string, extra: string): unknown {
  return JSON.parse(
    `{"type":${JSON.stringify(type)},"__proto__":{"polluted":"yes","type":"offer"},"constructor":{"prototype":{"polluted":"yes"}},${extra}}`,
  ) as unknown;
}

const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: brokenEvent },
  { weight: 1, arbitrary: fc.jsonValue().filter((v) => !knownType(v)) },
  { weight: 1, arbitrary: fc.anything().filter((v) => !knownType(v)) },
  // A known type with random other fields, but never `at`: invalid whatever the rest is.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...EVENT_TYPES), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }))
      .map(([type, rest]) => {
        const value: Record<string, unknown> = { ...rest, type };
        delete value['at'];
        return value;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      HUGE,
      { type: HUGE, at: T0 },
      { type: '__proto__', at: T0 },
      { type: 'constructor', at: T0, interactionId: 'i1' },
      { type: 'toString', at: T0 },
      pollutingJson('customer-typing', '"at":1,"interactionId":"i1"'),
      pollutingJson('offer', '"at":1,"interactionId":"i9","channel":"email","queue":{"id":"q","name":"Q"},"customer":{"__proto__":{"name":"x"}},"source":{}'),
      pollutingJson('__proto__', '"at":1'),
      Object.create(null) as unknown,
      [{ type: 'offer', at: T0 }],
      new Date(T0),
      () => 'offer',
    ),
  },
);

/** Well-formed, JSON-round-tripped with `__proto__`/`constructor` keys added: valid, and must pollute nothing. */
const pollutedEvent: fc.Arbitrary<unknown> = wellFormedEvent.map((event) => {
  const json = JSON.stringify(event);
  return JSON.parse(`{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${json.slice(1)}`) as unknown;
});

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: wellFormedEvent },
  { weight: 2, arbitrary: malformedValue },
  { weight: 1, arbitrary: pollutedEvent },
);

/**
 * A session's values: a few offers and acceptances (so that later events meet open
 * interactions), then anything; played as generated, or shuffled with repetitions.
 */
function sequence<T>(item: fc.Arbitrary<T>, maxLength = 25): fc.Arbitrary<Array<T | ContactCenterEvent>> {
  return fc
    .tuple(fc.array(offerEvent, { minLength: 1, maxLength: 3 }), fc.array(acceptedEvent, { maxLength: 3 }), fc.array(item, { maxLength }))
    .chain(([offers, acceptances, rest]) => {
      const base: Array<T | ContactCenterEvent> = [...offers, ...acceptances, ...rest];
      return fc.oneof(
        fc.constant(base),
        fc.array(fc.nat({ max: base.length - 1 }), { minLength: base.length, maxLength: base.length * 2 }).map((picks) => picks.map((k) => base[k] as T | ContactCenterEvent)),
      );
    });
}

// ---- local actions (the store's optimistic half), for the reducer ---------------------------

const localAction: fc.Arbitrary<LocalAction> = fc.oneof(
  fc.record({ type: fc.constant('local/accept-requested'), interactionId, at: time }),
  fc.record({ type: fc.constant('local/accept-failed'), interactionId }),
  fc.record({
    type: fc.constant('local/message-sending'),
    interactionId,
    message: chatMessage.map((m): ChatMessage => ({ ...m, author: 'agent', status: 'sending' })),
  }),
  fc.record({
    type: fc.constant('local/message-sent'),
    interactionId,
    clientMessageId: fc.constantFrom(...MESSAGE_IDS),
    messageId: fc.constantFrom(...MESSAGE_IDS),
    status: fc.constantFrom('sent', 'delivered', 'read'),
    timestamp: time,
  }),
  fc.record({ type: fc.constant('local/message-failed'), interactionId, messageId: fc.constantFrom(...MESSAGE_IDS), error: text }),
  fc.record({ type: fc.constant('local/message-retry'), interactionId, messageId: fc.constantFrom(...MESSAGE_IDS) }),
  fc.record({
    type: fc.constant('local/email-sending'),
    interactionId,
    email: emailMessage.map((e): EmailMessage => ({ ...e, direction: 'outbound', status: 'sending' })),
  }),
  fc.record({
    type: fc.constant('local/email-sent'),
    interactionId,
    clientEmailId: fc.constantFrom(...EMAIL_IDS),
    emailId: fc.constantFrom(...EMAIL_IDS),
    timestamp: time,
  }),
  fc.record({ type: fc.constant('local/email-failed'), interactionId, emailId: fc.constantFrom(...EMAIL_IDS), error: text }),
  fc.record({ type: fc.constant('local/focus'), interactionId }),
  fc.record({ type: fc.constant('local/mark-read'), interactionId }),
);

const anyAction: fc.Arbitrary<StoreAction> = fc.oneof({ weight: 3, arbitrary: wellFormedEvent }, { weight: 1, arbitrary: localAction });

// ---- invariants --------------------------------------------------------------------------------

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

function sortedAndUnique(list: readonly { readonly id: string; readonly timestamp: number }[], what: string, found: string[]): void {
  const ids = new Set<string>();
  list.forEach((item, k) => {
    if (ids.has(item.id)) found.push(`${what}: duplicate id ${item.id}`);
    ids.add(item.id);
    const previous = list[k - 1];
    if (previous && previous.timestamp > item.timestamp) found.push(`${what}: ${previous.id}@${previous.timestamp} before ${item.id}@${item.timestamp}`);
  });
}

/** Every broken invariant of `state` (and of the step from `previous`); empty when all hold. */
function violations(state: CcState, previous?: CcState): string[] {
  const found: string[] = [];
  const keys = Object.keys(state.interactions);
  if (new Set(state.order).size !== state.order.length) found.push(`order has duplicates: ${JSON.stringify(state.order)}`);
  if ([...keys].sort().join('|') !== [...state.order].sort().join('|')) {
    found.push(`order ${JSON.stringify(state.order)} is not the interaction ids ${JSON.stringify(keys)}`);
  }
  for (const id of keys) {
    const i: Interaction | undefined = state.interactions[id];
    if (!i || i.id !== id) {
      found.push(`interactions[${id}] has id ${String(i?.id)}`);
      continue;
    }
    sortedAndUnique(i.messages, `${id} messages`, found);
    sortedAndUnique(i.emails, `${id} emails`, found);
    if (!Number.isInteger(i.unread) || i.unread < 0) found.push(`${id} unread ${i.unread}`);
    if (new Set(i.participants.map((p) => p.id)).size !== i.participants.length) found.push(`${id}: duplicate participants`);
  }
  for (const [channel, id] of Object.entries(state.focused)) {
    if (!CHANNELS.includes(channel as Channel)) found.push(`focused has a key ${channel} that is no channel`);
    const i = typeof id === 'string' && own(state.interactions, id) ? state.interactions[id] : undefined;
    if (!i || i.channel !== channel) found.push(`focused ${channel} → ${String(id)}, which is no ${channel} interaction`);
  }
  if (!Number.isFinite(state.lastSeq)) found.push(`lastSeq ${state.lastSeq}`);
  if (previous && state.lastSeq < previous.lastSeq) found.push(`lastSeq went back from ${previous.lastSeq} to ${state.lastSeq}`);
  return found;
}

const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const PRISTINE = new Map(PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).length]));

/** Properties added to the built-in prototypes since the file loaded. */
function pollution(): string[] {
  const found = PROTOTYPES.filter(([name, proto]) => Reflect.ownKeys(proto).length !== PRISTINE.get(name)).map(([name]) => name);
  if ('polluted' in {}) found.push('({}).polluted');
  return found;
}

function expectSound(state: CcState, previous: CcState | undefined, after: unknown): void {
  const found = violations(state, previous);
  if (found.length > 0) throw new Error(`after ${describeValue(after)}: ${found.join('; ')}`);
}

function describeValue(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Deep-freezes a value so that any mutation by the reducer throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A real store on a quiet simulated contact center (which emits nothing unless scripted). */
function session(): { readonly store: InteractionStore; readonly errors: StoreError[]; dispose(): void } {
  const simulator = new SimulatedContactCenter({ autoplay: false, latencyMs: 0, seed: 7 });
  const store = createInteractionStore(simulator, { agent: simulator.agent });
  const errors: StoreError[] = [];
  store.errors$.subscribe((e) => errors.push(e));
  return {
    store,
    errors,
    dispose() {
      store.dispose();
      simulator.dispose();
    },
  };
}

/** What the properties fed in, for the README's figures (printed once at the end). */
const fed = { runs: 0, values: 0 };

const HUGE_RUN = /(?:\u202e<img src=x onerror=alert\(1\)>){2,}|(?:\[\]\(){2,}/g;

/** Runs a property with the fixed seed; a counterexample shows the huge strings as `‹HUGE›`, not pages of text. */
function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns = RUNS): void {
  fc.assert(property, {
    seed: SEED,
    numRuns,
    reporter(details) {
      const message = fc.defaultReportMessage(details);
      if (message !== undefined) throw new Error(message.replace(HUGE_RUN, '‹HUGE›'));
    },
  });
  fed.runs += numRuns;
}

describe('fuzz: validateEvent, reduce and store.ingest', function () {
  // Generous hang guard; the whole file takes a few seconds.
  this.timeout(60_000);

  after(() => {
    console.log(`fuzz: ${fed.runs} property runs, ${fed.values} values ingested or reduced, seed ${SEED}`);
  });

  it('Reliability: store.ingest never throws on any sequence, and the state invariants hold after every value', () => {
    check(
      fc.property(sequence(anyValue), (values) => {
        const { store, dispose } = session();
        try {
          for (const value of values) {
            const previous = store.state;
            store.ingest(value);
            fed.values++;
            expectSound(store.state, previous, value);
          }
          expect(pollution(), 'built-in prototypes').to.deep.equal([]);
        } finally {
          dispose();
        }
      }),
      RUNS * 2,
    );
  });

  it('Reliability: every malformed value is reported once on errors$ as invalid-event and leaves the state identical (===)', () => {
    check(
      fc.property(fc.array(wellFormedEvent, { maxLength: 12 }), malformedValue, (prefix, bad) => {
        if (validateEvent(bad).ok) throw new Error(`accepted as valid: ${describeValue(bad)}`);
        const { store, errors, dispose } = session();
        try {
          for (const event of prefix) store.ingest(event);
          fed.values += prefix.length + 1;
          const before = store.state;
          errors.length = 0;
          store.ingest(bad);
          if (store.state !== before) throw new Error(`state changed by ${describeValue(bad)}`);
          expect(errors.map((e) => e.code)).to.deep.equal(['invalid-event']);
          expect(Object.is(errors[0]?.event, bad), 'the error carries the value').to.equal(true);
        } finally {
          dispose();
        }
      }),
    );
  });

  it('Reliability: replaying the same sequence (same seqs) gives the state that playing it once gave', () => {
    check(
      fc.property(sequence(wellFormedEvent), (events) => {
        const log = events.map((e, k) => ({ ...e, seq: k + 1 }));
        const once = session();
        const twice = session();
        try {
          for (const e of log) once.store.ingest(e);
          for (const e of log) twice.store.ingest(e);
          const afterFirstPass = twice.store.state;
          for (const e of log) twice.store.ingest(e);
          fed.values += log.length * 3;
          expect(twice.store.state, 'a replay changes nothing').to.equal(afterFirstPass);
          expect(twice.store.state).to.deep.equal(once.store.state);
          expectSound(twice.store.state, undefined, 'replay');
        } finally {
          once.dispose();
          twice.dispose();
        }
      }),
    );
  });

  it('Reliability: a burst (all in one task, folded in place) ends in the state, and raises the notifications in the order, that the same events one at a time do', async () => {
    const messageOf = (id: fc.Arbitrary<string>) => stamped(fc.record({ type: fc.constant('message-received'), interactionId: id, message: chatMessage }));
    const mostlyMessages = fc.oneof(
      { weight: 6, arbitrary: messageOf(fc.constant('i1')) },
      { weight: 2, arbitrary: messageOf(interactionId) },
      { weight: 1, arbitrary: stamped(fc.record({ type: fc.constant('customer-typing'), interactionId: fc.constant('i1'), typing: fc.boolean() })) },
      { weight: 2, arbitrary: wellFormedEvent },
    );
    const burst = fc.tuple(fc.array(offerEvent, { minLength: 1, maxLength: 3 }), fc.array(acceptedEvent, { maxLength: 3 }), fc.array(mostlyMessages, { minLength: 8, maxLength: 60 }));
    await fc.assert(
      fc.asyncProperty(burst, fc.boolean(), async ([offers, acceptances, rest], listening) => {
        const events = [{ ...offers[0], interactionId: 'i1' } as ContactCenterEvent, ...offers, ...acceptances, ...rest];
        const oneByOne = session();
        const together = session();
        const heard = { oneByOne: [] as CcNotification[], together: [] as CcNotification[] };
        oneByOne.store.notifications$.subscribe((n) => heard.oneByOne.push(n));
        if (listening) together.store.notifications$.subscribe((n) => heard.together.push(n));
        try {
          for (const e of events) {
            oneByOne.store.ingest(e);
            void oneByOne.store.state; // reading it publishes: each event on its own
          }
          for (const e of events) together.store.ingest(e);
          await Promise.resolve();
          fed.values += events.length * 2;
          expect(together.store.state).to.deep.equal(oneByOne.store.state);
          if (listening) expect(heard.together).to.deep.equal(heard.oneByOne);
          expect(together.errors).to.deep.equal(oneByOne.errors);
          expectSound(together.store.state, undefined, 'burst');
        } finally {
          oneByOne.dispose();
          together.dispose();
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    fed.runs += RUNS;
  });

  it('Reliability: reduce is pure — deep-frozen inputs stay unchanged, the same input gives the same output — and keeps the invariants, local actions included', () => {
    check(
      fc.property(sequence(anyAction), (actions) => {
        let state = initialState();
        for (const action of actions) {
          // Deep-frozen: a reducer that changed anything it was given would throw here (modules are strict).
          const next = reduce(deepFreeze(state), deepFreeze(action));
          fed.values++;
          expect(reduce(state, action), 'the same input gives the same output').to.deep.equal(next);
          expectSound(next, state, action);
          state = next;
        }
        expect(pollution(), 'built-in prototypes').to.deep.equal([]);
      }),
    );
  });

  it('control: the arbitraries reach deep into the state (interactions accepted, messages, emails, participants)', () => {
    const reached = { accepted: 0, messages: 0, emails: 0, participants: 0, wrapup: 0 };
    check(
      fc.property(sequence(wellFormedEvent), (events) => {
        let state = initialState();
        for (const event of events) {
          state = reduce(state, event);
          for (const i of Object.values(state.interactions)) {
            if (i.status !== 'offered') reached.accepted++;
            if (i.status === 'wrapup') reached.wrapup++;
            if (i.messages.length > 0) reached.messages++;
            if (i.emails.length > 0) reached.emails++;
            if (i.participants.length > 0) reached.participants++;
          }
        }
      }),
      100,
    );
    console.log(`fuzz coverage (steps of 100 sequences): ${JSON.stringify(reached)}`);
    for (const [what, count] of Object.entries(reached)) expect(count, `steps with ${what}`).to.be.greaterThan(25);
  });
});

describe('fuzz regressions', () => {
  const offer = (id: string, channel: Channel = 'webchat'): ContactCenterEvent => ({
    type: 'offer',
    at: T0,
    interactionId: id,
    channel,
    queue: { id: 'q1', name: 'Support' },
    customer: { name: 'Ann' },
    source: {},
  });
  const message = (id: string, timestamp: number, author: ChatMessage['author'] = 'customer'): ChatMessage => ({
    id,
    author,
    text: id,
    format: 'plain',
    timestamp,
    attachments: [],
  });

  it('Reliability: interaction ids named like Object.prototype members (constructor, __proto__, toString) are ordinary ids', () => {
    const { store, errors, dispose } = session();
    try {
      // Before: `interactions['constructor']` found Object and this threw inside ingest.
      expect(() => store.ingest({ type: 'message-received', at: T0, interactionId: 'constructor', message: message('m1', T0) })).not.to.throw();
      // Before: this created an entry `__proto__` that was in no order list.
      store.ingest({ type: 'transfer', at: T0, interactionId: '__proto__', target: { kind: 'queue', queueId: 'q1' }, state: 'pending' });
      expect(errors.map((e) => e.code)).to.deep.equal(['unknown-interaction', 'unknown-interaction']);
      expect(Object.keys(store.state.interactions)).to.deep.equal([]);
      for (const id of ['constructor', '__proto__', 'toString']) {
        store.ingest(offer(id));
        store.ingest({ type: 'interaction-accepted', at: T0 + 1, interactionId: id });
        store.ingest({ type: 'message-received', at: T0 + 2, interactionId: id, message: message(`m-${id}`, T0 + 2) });
      }
      expect(store.state.order).to.deep.equal(['constructor', '__proto__', 'toString']);
      expect(Object.keys(store.state.interactions)).to.have.members(['constructor', '__proto__', 'toString']);
      expect(store.state.interactions['__proto__']?.messages.map((m) => m.id)).to.deep.equal(['m-__proto__']);
      expect(store.state.focused.webchat).to.equal('toString');
      for (const id of ['constructor', '__proto__', 'toString']) {
        store.ingest({ type: 'interaction-ended', at: T0 + 3, interactionId: id, reason: 'agent-ended' });
        store.ingest({ type: 'wrapup-completed', at: T0 + 4, interactionId: id });
      }
      expect(store.state.order).to.deep.equal([]);
      expect(Object.keys(store.state.interactions)).to.deep.equal([]);
      expect(store.state.focused).to.deep.equal({});
      expect(violations(store.state)).to.deep.equal([]);
      expect(pollution()).to.deep.equal([]);
    } finally {
      dispose();
    }
  });

  it('Reliability: a sent message takes its place by the backend timestamp, and an echo of it is not shown twice', () => {
    let state = [offer('i1'), { type: 'interaction-accepted', at: T0, interactionId: 'i1' } as const].reduce<CcState>(reduce, initialState());
    state = reduce(state, { type: 'local/message-sending', interactionId: 'i1', message: { ...message('local-1', T0 + 1, 'agent'), status: 'sending' } });
    state = reduce(state, { type: 'message-received', at: T0 + 5, interactionId: 'i1', message: message('c1', T0 + 5) });
    // The backend stamps the message later than the customer's reply.
    state = reduce(state, { type: 'local/message-sent', interactionId: 'i1', clientMessageId: 'local-1', messageId: 'srv-1', status: 'sent', timestamp: T0 + 9 });
    expect(state.interactions['i1']?.messages.map((m) => `${m.id}@${m.timestamp - T0}`)).to.deep.equal(['c1@5', 'srv-1@9']);

    state = reduce(state, { type: 'local/message-sending', interactionId: 'i1', message: { ...message('local-2', T0 + 10, 'agent'), status: 'sending' } });
    // The backend echoes the agent's message before the send call resolves.
    state = reduce(state, { type: 'message-received', at: T0 + 11, interactionId: 'i1', message: { ...message('srv-2', T0 + 11, 'agent'), status: 'sent' } });
    state = reduce(state, { type: 'local/message-sent', interactionId: 'i1', clientMessageId: 'local-2', messageId: 'srv-2', status: 'sent', timestamp: T0 + 11 });
    expect(state.interactions['i1']?.messages.map((m) => m.id)).to.deep.equal(['c1', 'srv-1', 'srv-2']);
    expect(violations(state)).to.deep.equal([]);
  });

  it('Reliability: a sent email takes its place by the backend timestamp, once', () => {
    const email = (id: string, timestamp: number, direction: EmailMessage['direction']): EmailMessage => ({
      id,
      direction,
      from: 'a@example.com',
      to: ['b@example.com'],
      cc: [],
      subject: id,
      timestamp,
      status: direction === 'inbound' ? 'received' : 'sending',
      attachments: [],
    });
    let state = reduce(initialState(), { ...offer('i1', 'email'), emails: [email('in-1', T0, 'inbound')] } as ContactCenterEvent);
    state = reduce(state, { type: 'local/email-sending', interactionId: 'i1', email: email('local-1', T0 + 1, 'outbound') });
    state = reduce(state, { type: 'email-received', at: T0 + 5, interactionId: 'i1', email: email('in-2', T0 + 5, 'inbound') });
    state = reduce(state, { type: 'local/email-sent', interactionId: 'i1', clientEmailId: 'local-1', emailId: 'in-2', timestamp: T0 + 9 });
    expect(state.interactions['i1']?.emails.map((e) => e.id)).to.deep.equal(['in-1', 'in-2']);
    expect(violations(state)).to.deep.equal([]);
  });

  it('Reliability: a huge pathological Markdown message is ingested, its preview made from the start of it only (no backtracking over all of it)', () => {
    const { store, dispose } = session();
    const bodies: string[] = [];
    store.notifications$.subscribe((n) => bodies.push(n.body));
    // The preview's Markdown patterns backtrack: over all of this text they would take seconds.
    const text = '[]('.repeat(100_000);
    // The work is counted, not timed: characters handed to String.prototype.replace (the preview's patterns) while ingesting.
    const replace = String.prototype.replace;
    let scanned = 0;
    String.prototype.replace = function (this: string, ...args: unknown[]): string {
      scanned += this.length;
      return Reflect.apply(replace, this, args) as string;
    } as typeof replace;
    try {
      store.ingest(offer('i1', 'messenger'));
      store.ingest({ type: 'interaction-accepted', at: T0, interactionId: 'i1' });
      scanned = 0;
      store.ingest({ type: 'message-received', at: T0, interactionId: 'i1', message: { ...message('m1', T0), text, format: 'markdown' } });
    } finally {
      String.prototype.replace = replace;
      dispose();
    }
    expect(store.state.interactions['i1']?.messages.map((m) => m.text.length)).to.deep.equal([text.length]);
    expect(bodies.at(-1)?.length, 'the notification preview').to.be.within(1, NOTIFICATION_PREVIEW_LENGTH);
    expect(scanned, 'characters scanned by the preview').to.be.greaterThan(0).and.to.be.at.most(NOTIFICATION_PREVIEW_LENGTH * 8 * 6);
  });

  it('Reliability: a value that answers differently on every read is folded as it was validated, never thrown into the host', () => {
    const { store, dispose } = session();
    try {
      store.ingest(offer('i1'));
      store.ingest({ type: 'interaction-accepted', at: T0, interactionId: 'i1' });
      store.ingest({ type: 'message-received', at: T0, interactionId: 'i1', message: message('m0', T0) });
      let reads = 0;
      const shifty = {
        type: 'message-received',
        at: T0 + 1,
        interactionId: 'i1',
        get message(): unknown {
          reads++;
          return reads === 1 ? message('m1', T0 + 1) : null;
        },
      };
      expect(() => store.ingest(shifty)).not.to.throw();
      expect(store.state.interactions['i1']?.messages.map((m) => m.id)).to.deep.equal(['m0', 'm1']);
      expect(violations(store.state)).to.deep.equal([]);
    } finally {
      dispose();
    }
  });

  it('Reliability: the state shares no object with the adapter: changing an event after it was emitted changes nothing', () => {
    const { store, dispose } = session();
    try {
      const event = { ...offer('i1'), customer: { name: 'Ann' } };
      store.ingest(event);
      const before = store.state;
      event.customer.name = '<img src=x onerror=alert(1)>';
      expect(store.state.interactions['i1']?.customer.name).to.equal('Ann');
      expect(store.state).to.equal(before);
    } finally {
      dispose();
    }
  });
});
