import { expect } from '@open-wc/testing';
import type { ContactCenterAdapter } from '../../src/core/adapter.js';
import { adapterCapabilities } from '../../src/core/capabilities.js';
import type { ContactCenterEvent, OfferEvent } from '../../src/core/events.js';
import { reduce } from '../../src/core/store/reducer.js';
import { RECENT_LIMIT, initialState, type CcState, type StoreAction } from '../../src/core/store/state.js';
import { CommandError, type StoreError } from '../../src/core/store/store.js';
import { validateEvent } from '../../src/core/validate.js';
import { selectShownInteraction } from '../../src/core/store/selectors.js';
import { CHANNELS } from '../../src/core/types.js';
import type { ChatMessage, Interaction } from '../../src/core/types.js';
import { createWorld, disposeWorlds, untilState } from '../helpers/world.js';

const T0 = 1_700_000_000_000;

function offer(id = 'i1'): OfferEvent {
  return {
    type: 'offer',
    at: T0,
    interactionId: id,
    channel: 'messenger',
    queue: { id: 'q1', name: 'Support' },
    customer: { name: 'Jane Doe' },
    source: { page: 'Acme' },
  };
}

const accepted = (id = 'i1'): ContactCenterEvent => ({ type: 'interaction-accepted', at: T0 + 1, interactionId: id });
const priya = { id: 'a2', name: 'Priya Natarajan' };

function peer(id: string, at: number): ChatMessage {
  return { id, author: 'peer', authorName: priya.name, text: `peer ${id}`, format: 'plain', timestamp: at, attachments: [] };
}

function fold(...actions: StoreAction[]): CcState {
  return actions.reduce(reduce, initialState());
}

function get(state: CcState, id = 'i1'): Interaction {
  const i = state.interactions[id];
  if (!i) throw new Error(`no interaction ${id}`);
  return i;
}

describe('agent context in the state', () => {
  afterEach(disposeWorlds);

  it('R-CTX-06: a consult is requested, started, carries private messages and ends, never touching the customer thread', () => {
    let s = fold(offer(), accepted(), { type: 'consult', at: T0 + 2, interactionId: 'i1', state: 'requested', agent: priya });
    expect(get(s).consult).to.deep.equal({ agent: priya, state: 'requested', messages: [] });
    s = reduce(s, { type: 'consult', at: T0 + 3, interactionId: 'i1', state: 'started', agent: priya });
    s = reduce(s, { type: 'consult-message', at: T0 + 5, interactionId: 'i1', message: peer('p2', T0 + 5) });
    s = reduce(s, { type: 'consult-message', at: T0 + 4, interactionId: 'i1', message: peer('p1', T0 + 4) });
    const again = reduce(s, { type: 'consult-message', at: T0 + 4, interactionId: 'i1', message: peer('p1', T0 + 4) });
    expect(again, 'a repeated message changes nothing').to.equal(s);
    expect(get(s).consult?.messages.map((m) => m.id)).to.deep.equal(['p1', 'p2']);
    expect(get(s).messages, 'the customer thread is untouched').to.deep.equal([]);
    s = reduce(s, { type: 'consult', at: T0 + 6, interactionId: 'i1', state: 'cancelled', agent: priya });
    expect(get(s).consult?.state).to.equal('cancelled');
    expect(get(s).consult?.messages, 'the thread stays readable after it ends').to.have.length(2);
    expect(get(s).status).to.equal('active');
  });

  it('R-CTX-06: a declined consult keeps why; a failed one keeps the backend\'s reason; a new request starts clean', () => {
    let s = fold(offer(), accepted(), { type: 'consult', at: T0 + 2, interactionId: 'i1', state: 'requested', agent: priya });
    s = reduce(s, { type: 'consult', at: T0 + 3, interactionId: 'i1', state: 'declined', agent: priya, reason: 'timeout' });
    expect(get(s).consult).to.include({ state: 'declined', reason: 'timeout' });
    s = reduce(s, { type: 'consult', at: T0 + 4, interactionId: 'i1', state: 'requested', agent: priya });
    expect(get(s).consult).to.deep.equal({ agent: priya, state: 'requested', messages: [] });
    s = reduce(s, { type: 'consult', at: T0 + 5, interactionId: 'i1', state: 'failed', agent: priya, error: 'directory down' });
    expect(get(s).consult).to.include({ state: 'failed', error: 'directory down' });
  });

  it('R-CTX-06: this agent\'s consult message goes from sending to sent under the backend id, or to failed with the reason', () => {
    let s = fold(offer(), accepted(), { type: 'consult', at: T0 + 2, interactionId: 'i1', state: 'started', agent: priya });
    const mine: ChatMessage = { id: 'c1', author: 'agent', text: 'Can you take a refund?', format: 'plain', timestamp: T0 + 3, attachments: [], status: 'sending' };
    s = reduce(s, { type: 'local/consult-message-sending', interactionId: 'i1', message: mine });
    const sent = reduce(s, { type: 'local/consult-message-sent', interactionId: 'i1', clientMessageId: 'c1', messageId: 'srv-1', timestamp: T0 + 4 });
    expect(get(sent).consult?.messages.map((m) => [m.id, m.status])).to.deep.equal([['srv-1', 'sent']]);
    const failed = reduce(s, { type: 'local/consult-message-failed', interactionId: 'i1', messageId: 'c1', error: 'offline' });
    expect(get(failed).consult?.messages[0]).to.include({ status: 'failed', error: 'offline', text: 'Can you take a refund?' });
  });

  it('R-CTX-01: a widget of every channel follows the interaction the agent last accepted or focused', () => {
    const sms: OfferEvent = { ...offer('s1'), channel: 'sms', source: { phoneNumber: '+15550100' } };
    let s = fold(offer('m1'), sms, accepted('m1'), { ...accepted('s1'), at: T0 + 9 });
    expect(selectShownInteraction(s, CHANNELS)?.id, 'the latest accepted').to.equal('s1');
    s = reduce(s, { type: 'local/focus', interactionId: 'm1' });
    expect(selectShownInteraction(s, CHANNELS)?.id, 'the one clicked in the task list').to.equal('m1');
    expect(selectShownInteraction(s, ['sms'])?.id, 'a one-channel pane keeps its own').to.equal('s1');
    s = reduce(s, { type: 'wrapup-completed', at: T0 + 20, interactionId: 'm1' });
    expect(s.current).to.equal(undefined);
    expect(selectShownInteraction(s, CHANNELS)?.id).to.equal('s1');
  });

  it('R-CTX-07: a capabilities event changes only what it names; the same flags again change nothing', () => {
    const s = fold({ type: 'capabilities', at: T0, capabilities: { consult: false, templates: false } });
    expect(s.capabilities).to.include({ consult: false, templates: false, transfer: true, history: true });
    expect(reduce(s, { type: 'capabilities', at: T0 + 1, capabilities: { consult: false } })).to.equal(s);
  });

  it('R-CTX-07: events naming unknown capabilities or non-boolean flags are rejected', () => {
    expect(validateEvent({ type: 'capabilities', at: T0, capabilities: { teleport: true } }).ok).to.equal(false);
    expect(validateEvent({ type: 'capabilities', at: T0, capabilities: { consult: 'yes' } }).ok).to.equal(false);
    expect(validateEvent({ type: 'capabilities', at: T0, capabilities: { consult: false } }).ok).to.equal(true);
  });

  it('R-CTX-07: capabilities follow the adapter: declared flags, and optional features only with their methods', () => {
    const { simulator } = createWorld({ capabilities: { workflows: false } });
    const caps = adapterCapabilities(simulator);
    expect(caps).to.include({ workflows: false, transfer: true, consult: true, customer: true, history: true });
    const bare = { events$: simulator.events$, capabilities: { consult: true } } as unknown as ContactCenterAdapter;
    expect(adapterCapabilities(bare), 'a declared consult without its methods is off').to.include({ consult: false, customer: false, history: false, transfer: true });
  });

  it('R-CTX-05: wrap-up completion moves the interaction to Recent with how it was wrapped up, newest first, at most 20', () => {
    let s = initialState();
    for (let n = 0; n < RECENT_LIMIT + 2; n++) {
      const id = `i${n}`;
      s = [offer(id), accepted(id), { type: 'interaction-ended', at: T0 + 2, interactionId: id, reason: 'agent-ended' } as StoreAction].reduce(reduce, s);
      s = reduce(s, { type: 'local/wrapup-submitted', interactionId: id, wrapup: { reasonIds: ['r1'], reasonNames: ['Resolved'], notes: `note ${n}`, automatic: n === 0 } });
      s = reduce(s, { type: 'wrapup-completed', at: T0 + 10 + n, interactionId: id });
    }
    expect(s.recent).to.have.length(RECENT_LIMIT);
    expect(s.recent[0]?.interaction.id).to.equal(`i${RECENT_LIMIT + 1}`);
    expect(s.recent[0]).to.deep.include({ finishedAt: T0 + 10 + RECENT_LIMIT + 1 });
    expect(s.recent[0]?.wrapup).to.deep.equal({ reasonIds: ['r1'], reasonNames: ['Resolved'], notes: `note ${RECENT_LIMIT + 1}`, automatic: false });
    expect(s.order).to.deep.equal([]);
    // An offer that was rescinded, or never accepted, is not a finished conversation.
    const rescinded = reduce(reduce(s, offer('x')), { type: 'wrapup-completed', at: T0 + 99, interactionId: 'x' });
    expect(rescinded.recent).to.equal(s.recent);
  });

  it('R-CTX-05: after a reload the backend\'s record of the wrap-up (notes, automatic) goes into Recent', () => {
    let s = fold(offer(), accepted(), { type: 'interaction-ended', at: T0 + 2, interactionId: 'i1', reason: 'agent-ended' });
    s = reduce(s, { type: 'wrapup-completed', at: T0 + 3, interactionId: 'i1', wrapup: { reasonIds: ['r1'], notes: 'Called back', automatic: true } });
    expect(s.recent[0]?.wrapup).to.deep.equal({ reasonIds: ['r1'], reasonNames: [], notes: 'Called back', automatic: true });
  });

  it('R-CTX-04: the auto wrap-up deadline is set only in wrap-up and cleared by undefined', () => {
    let s = fold(offer(), accepted());
    expect(reduce(s, { type: 'local/auto-wrapup', interactionId: 'i1', at: T0 + 30_000 }), 'not in wrap-up').to.equal(s);
    s = reduce(s, { type: 'interaction-ended', at: T0 + 2, interactionId: 'i1', reason: 'agent-ended' });
    s = reduce(s, { type: 'local/auto-wrapup', interactionId: 'i1', at: T0 + 30_000 });
    expect(get(s).autoWrapupAt).to.equal(T0 + 30_000);
    s = reduce(s, { type: 'local/auto-wrapup', interactionId: 'i1', at: undefined });
    expect(get(s)).not.to.have.property('autoWrapupAt');
  });

  it('R-CTX-03: notes go to the backend with the reasons; longer than 500 characters is refused and nothing is lost', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'webchat', customerName: 'Ann' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    await store.end(id);
    await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    const reasons = await store.listWrapupReasons('webchat');
    const reason = reasons[0];
    if (!reason) throw new Error('no wrap-up reasons');
    const errors: StoreError[] = [];
    store.errors$.subscribe((e) => errors.push(e));
    let refused: unknown;
    await store.submitWrapup(id, [reason.id], { notes: 'x'.repeat(501) }).catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(CommandError);
    expect(errors[0]?.code).to.equal('invalid-command');
    expect(store.state.interactions[id]?.status, 'still in wrap-up').to.equal('wrapup');
    await store.submitWrapup(id, [reason.id], { notes: '  Refund issued, ticket 4411  ' });
    await untilState(store, (s) => s.recent.length === 1, 'finished');
    expect(store.state.recent[0]?.wrapup).to.deep.equal({ reasonIds: [reason.id], reasonNames: [reason.name], notes: 'Refund issued, ticket 4411', automatic: false });
  });

  it('R-CTX-02: without the backend\'s history or profile the store refuses clearly instead of calling nothing', async () => {
    const { simulator, store } = createWorld({ capabilities: { history: false, customer: false } });
    const id = simulator.offer({ channel: 'sms', customerName: 'Bo' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    expect(store.supports('history')).to.equal(false);
    const failures = await Promise.allSettled([store.listPastInteractions(id), store.getCustomer(id)]);
    expect(failures.map((f) => f.status)).to.deep.equal(['rejected', 'rejected']);
    expect(failures.map((f) => (f.status === 'rejected' ? (f.reason as CommandError).code : ''))).to.deep.equal(['invalid-command', 'invalid-command']);
  });

  it('R-CTX-07: the simulator switches a capability at run time and the store follows', async () => {
    const { simulator, store } = createWorld();
    expect(store.supports('conference')).to.equal(true);
    simulator.setCapabilities({ conference: false });
    await untilState(store, (s) => !s.capabilities.conference, 'conference off');
    let refused = false;
    await simulator.inviteToConference({ interactionId: 'none', agentId: 'x' }).catch(() => (refused = true));
    expect(refused, 'a switched-off command rejects').to.equal(true);
  });
});
