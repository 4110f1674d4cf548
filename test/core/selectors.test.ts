import { expect } from '@open-wc/testing';
import { Subject } from 'rxjs';
import type { ContactCenterAdapter } from '../../src/core/adapter.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { reduce } from '../../src/core/store/reducer.js';
import {
  createOffersSelector,
  createTasksSelector,
  customerHasLeft,
  sameInteractionStatus,
  sameItems,
  sameTaskList,
  sameTasks,
  selectActiveInteraction,
  selectAgent,
  selectAgentName,
  selectAvailability,
  selectInteraction,
  selectOffers,
  selectOffersFor,
  selectShownInteraction,
  selectTasks,
  waitingBehindFailure,
} from '../../src/core/store/selectors.js';
import { initialState, type CcState } from '../../src/core/store/state.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import type { Interaction } from '../../src/core/types.js';

const T0 = 1_700_000_000_000;

function offer(id: string): ContactCenterEvent {
  return { type: 'offer', at: T0, interactionId: id, channel: 'webchat', queue: { id: 'q1', name: 'Support' }, customer: { name: id }, source: {} };
}

function said(id: string, k: number): ContactCenterEvent {
  return {
    type: 'message-received',
    at: T0 + k,
    interactionId: id,
    message: { id: `${id}-${k}`, author: 'customer', text: `hello ${k}`, format: 'plain', timestamp: T0 + k, attachments: [] },
  };
}

const activity = (id: string): ContactCenterEvent[] => [
  said(id, 1),
  said(id, 2),
  { type: 'customer-typing', at: T0 + 3, interactionId: id, typing: true },
  { type: 'message-status', at: T0 + 4, interactionId: id, messageId: `${id}-1`, status: 'read' },
  { type: 'participant-joined', at: T0 + 5, interactionId: id, participant: { id: 'p', name: 'P', kind: 'customer' } },
];

function two(): CcState {
  return [offer('a'), offer('b'), { type: 'interaction-accepted', at: T0, interactionId: 'a' } as const, { type: 'interaction-accepted', at: T0, interactionId: 'b' } as const].reduce(
    reduce,
    initialState(),
  );
}

describe('selectors: an element re-renders only when its slice changes', () => {
  it('selectShownInteraction returns the very same object for A while B changes, and a new one when A does', () => {
    let state = two();
    const shown = selectShownInteraction(state, ['webchat'], 'a');
    for (const event of activity('b')) {
      state = reduce(state, event);
      expect(selectShownInteraction(state, ['webchat'], 'a')).to.equal(shown);
    }
    state = reduce(state, said('a', 9));
    const changed = selectShownInteraction(state, ['webchat'], 'a');
    expect(changed).not.to.equal(shown);
    expect(changed?.messages.at(-1)?.text).to.equal('hello 9');
  });

  it('selectOffers keeps the same offers while accepted interactions change', () => {
    let state = [offer('a'), offer('b'), offer('c'), { type: 'interaction-accepted', at: T0, interactionId: 'c' } as const].reduce(reduce, initialState());
    const before = selectOffers(state);
    for (const event of activity('c')) state = reduce(state, event);
    const after = selectOffers(state);
    expect(after.map((i) => i.id)).to.deep.equal(['a', 'b']);
    expect(after.every((i, k) => i === before[k]), 'the same objects').to.equal(true);
  });

  it('selectOffers answers with the very same array while no offer changes, and a new one when one does', () => {
    let state = [offer('a'), offer('b'), offer('c'), { type: 'interaction-accepted', at: T0, interactionId: 'c' } as const].reduce(reduce, initialState());
    const first = selectOffers(state);
    for (const event of activity('c')) {
      state = reduce(state, event);
      expect(selectOffers(state)).to.equal(first);
    }
    // An event that skipped a selector call: the answer is looked for again, and equal.
    state = reduce(reduce(state, said('c', 7)), said('c', 8));
    expect(selectOffers(state)).to.deep.equal(first);

    const typing = reduce(state, { type: 'customer-typing', at: T0, interactionId: 'a', typing: true });
    const changedOffer = selectOffers(typing);
    expect(changedOffer).not.to.equal(first);
    expect(changedOffer.map((i) => i.id)).to.deep.equal(['a', 'b']);
    expect(changedOffer[0]).to.equal(typing.interactions['a']);

    const accepted = reduce(typing, { type: 'interaction-accepted', at: T0, interactionId: 'a' });
    expect(selectOffers(accepted).map((i) => i.id)).to.deep.equal(['b']);
    const more = reduce(accepted, offer('d'));
    expect(selectOffers(more).map((i) => i.id)).to.deep.equal(['b', 'd']);
    const rescinded = reduce(more, { type: 'offer-rescinded', at: T0, interactionId: 'b', reason: 'timeout' });
    expect(selectOffers(rescinded).map((i) => i.id)).to.deep.equal(['d']);
  });

  it('selectOffers answers each channel filter on its own, for states made by hand too', () => {
    let state = [offer('a'), offer('b'), { type: 'interaction-accepted', at: T0, interactionId: 'a' } as const].reduce(reduce, initialState());
    state = reduce(state, { ...offer('s'), channel: 'sms' } as ContactCenterEvent);
    expect(selectOffers(state).map((i) => i.id)).to.deep.equal(['b', 's']);
    expect(selectOffers(state, ['sms']).map((i) => i.id)).to.deep.equal(['s']);
    expect(selectOffers(state, ['webchat']).map((i) => i.id)).to.deep.equal(['b']);
    expect(selectOffers(state, []).map((i) => i.id)).to.deep.equal([]);
    const next = reduce(state, said('a', 1));
    expect(selectOffers(next, ['sms']).map((i) => i.id)).to.deep.equal(['s']);
    expect(selectOffers(next).map((i) => i.id)).to.deep.equal(['b', 's']);

    const b = state.interactions['b'];
    if (!b) throw new Error('no b');
    const byHand: CcState = { ...state, interactions: { b: { ...b, status: 'active' } }, order: ['b'] };
    expect(selectOffers(byHand)).to.deep.equal([]);
  });

  it('store.select emits for A only when A changes, however busy B is', async () => {
    const events = new Subject<ContactCenterEvent>();
    const store = createInteractionStore({ events$: events.asObservable() } as unknown as ContactCenterAdapter);
    for (const e of [offer('a'), offer('b')]) events.next(e);
    const seen: (Interaction | undefined)[] = [];
    const subscription = store.select((s) => selectShownInteraction(s, ['webchat'], 'a')).subscribe((i) => seen.push(i));
    expect(seen).to.have.length(1);
    for (let k = 0; k < 100; k++) events.next(said('b', k));
    for (const e of activity('b')) events.next(e);
    // A burst is published at the end of its task.
    await Promise.resolve();
    expect(seen).to.have.length(1);
    events.next(said('a', 1));
    expect(seen).to.have.length(2);
    subscription.unsubscribe();
    store.dispose();
  });
});

describe('named selectors: the same state gives the very same answer', () => {
  function busy(): CcState {
    let state = [offer('a'), offer('b'), offer('c'), { type: 'interaction-accepted', at: T0, interactionId: 'c' } as const].reduce(reduce, initialState());
    state = reduce(state, { ...offer('s'), channel: 'sms' } as ContactCenterEvent);
    return state;
  }

  it('selectAgent, selectAvailability, selectAgentName read the agent', () => {
    const state = initialState({ agent: { id: 'me', name: 'Me' }, availability: 'idle' });
    expect(selectAgent(state)).to.equal(state.agent);
    expect(selectAvailability(state)).to.equal('idle');
    expect(selectAgentName(state)).to.equal('Me');
  });

  it('selectInteraction finds own entries only', () => {
    const state = busy();
    expect(selectInteraction(state, 'a')).to.equal(state.interactions['a']);
    expect(selectInteraction(state, 'constructor')).to.equal(undefined);
    expect(selectInteraction(state, undefined)).to.equal(undefined);
    const byHand: CcState = { ...state, interactions: {} };
    expect(selectInteraction(byHand, 'toString')).to.equal(undefined);
  });

  it('sameInteractionStatus ignores messages but not the status', () => {
    let state = busy();
    const before = selectInteraction(state, 'c');
    state = reduce(state, said('c', 1));
    expect(sameInteractionStatus(before, selectInteraction(state, 'c'))).to.equal(true);
    state = reduce(state, { type: 'interaction-ended', at: T0, interactionId: 'c', reason: 'customer-left' });
    expect(sameInteractionStatus(before, selectInteraction(state, 'c'))).to.equal(false);
    expect(sameInteractionStatus(undefined, undefined)).to.equal(true);
    expect(sameInteractionStatus(before, undefined)).to.equal(false);
  });

  it('selectActiveInteraction is the pane’s interaction of one channel', () => {
    const state = busy();
    expect(selectActiveInteraction(state, 'webchat')?.id).to.equal('c');
    expect(selectActiveInteraction(state, 'sms')).to.equal(undefined);
  });

  it('selectOffersFor: one channel or one offer, the same array while it is the same', () => {
    let state = busy();
    const sms = selectOffersFor(state, { channel: 'sms' });
    expect(sms.map((i) => i.id)).to.deep.equal(['s']);
    expect(selectOffersFor(state, { channel: 'not-a-channel' }).map((i) => i.id)).to.deep.equal(['a', 'b', 's']);
    const one = selectOffersFor(state, { interactionId: 'b' });
    expect(one.map((i) => i.id)).to.deep.equal(['b']);
    expect(selectOffersFor(state, { interactionId: 'b' })).to.equal(one);
    state = reduce(state, said('c', 1));
    expect(selectOffersFor(state, { interactionId: 'b' })).to.equal(one);
    expect(selectOffersFor(state, { channel: 'sms' })).to.equal(sms);
    expect(selectOffersFor(state, { interactionId: 'c' })).to.deep.equal([]);
  });

  it('selectTasks: the same slice while the tasks are the same objects, channel and hide-offers filters', () => {
    let state = busy();
    const all = selectTasks(state);
    expect(all.tasks.map((i) => i.id)).to.deep.equal(['a', 'b', 'c', 's']);
    expect(selectTasks(state)).to.equal(all);
    expect(selectTasks(state, { hideOffers: true }).tasks.map((i) => i.id)).to.deep.equal(['c']);
    expect(selectTasks(state, { channel: 'sms' }).tasks.map((i) => i.id)).to.deep.equal(['s']);
    expect(selectTasks(state, { channel: 'nonsense' }).tasks).to.have.length(4);
    const sms = selectTasks(state, { channel: 'sms' });
    state = reduce(state, { type: 'customer-typing', at: T0, interactionId: 'c', typing: true });
    expect(selectTasks(state, { channel: 'sms' }), 'another channel’s message').to.equal(sms);
    const next = selectTasks(state);
    expect(next, 'a task changed object').not.to.equal(all);
    expect(sameTaskList(all, next), 'but not what a task shows').to.equal(true);
    state = reduce(state, { type: 'interaction-accepted', at: T0, interactionId: 'a' });
    expect(sameTaskList(next, selectTasks(state))).to.equal(false);
    expect(sameTasks([], [])).to.equal(true);
  });

  it('a selector made for one store keeps its own memory', () => {
    const mine = createOffersSelector();
    const state = busy();
    const first = mine(state);
    expect(mine(state)).to.equal(first);
    expect(createOffersSelector()(state)).not.to.equal(first);
    const tasks = createTasksSelector({ hideOffers: true });
    expect(tasks(state)).to.equal(tasks(state));
  });

  it('two stores side by side do not change each other’s offers', () => {
    const one = new Subject<ContactCenterEvent>();
    const two = new Subject<ContactCenterEvent>();
    const a = createInteractionStore({ events$: one.asObservable() } as unknown as ContactCenterAdapter);
    const b = createInteractionStore({ events$: two.asObservable() } as unknown as ContactCenterAdapter);
    const seenA: string[][] = [];
    const seenB: string[][] = [];
    const subscriptions = [
      a.select((s) => selectOffers(s), sameItems).subscribe((o) => seenA.push(o.map((i) => i.id))),
      b.select((s) => selectOffers(s), sameItems).subscribe((o) => seenB.push(o.map((i) => i.id))),
    ];
    one.next(offer('x'));
    two.next(offer('y'));
    two.next(said('y', 1));
    one.next({ type: 'interaction-accepted', at: T0, interactionId: 'x' });
    two.next(offer('z'));
    expect(selectOffers(a.state).map((i) => i.id)).to.deep.equal([]);
    expect(selectOffers(b.state).map((i) => i.id)).to.deep.equal(['y', 'z']);
    expect(seenA).to.deep.equal([[], ['x'], []]);
    expect(seenB).to.deep.equal([[], ['y'], ['y'], ['y', 'z']]);
    for (const s of subscriptions) s.unsubscribe();
    a.dispose();
    b.dispose();
  });
});

describe('derived chat flags', () => {
  const customer = { id: 'cust', name: 'Jane', kind: 'customer' } as const;

  it('R-END-04: customerHasLeft follows the latest customer notice the reducer records for participant-left', () => {
    let state = reduce(reduce(initialState(), offer('a')), { type: 'interaction-accepted', at: T0, interactionId: 'a' });
    const left = (): boolean => customerHasLeft(state.interactions['a'] as Interaction);
    expect(left()).to.equal(false);
    state = reduce(state, { type: 'participant-joined', at: T0 + 1, interactionId: 'a', participant: customer });
    expect(left()).to.equal(false);
    state = reduce(state, { type: 'participant-left', at: T0 + 2, interactionId: 'a', participantId: 'cust' });
    expect(left()).to.equal(true);
    state = reduce(state, { type: 'participant-joined', at: T0 + 3, interactionId: 'a', participant: customer });
    expect(left(), 'back again').to.equal(false);
    state = reduce(state, { type: 'participant-joined', at: T0 + 4, interactionId: 'a', participant: { id: 'ag2', name: 'Sam', kind: 'agent' } });
    state = reduce(state, { type: 'participant-left', at: T0 + 5, interactionId: 'a', participantId: 'ag2' });
    expect(left(), 'another agent leaving is not the customer').to.equal(false);
  });

  it('R-CHAT-05: waitingBehindFailure names the sending messages behind a failed one, and none once it is sent', () => {
    const mine = (k: number, status: 'sending' | 'failed' | 'sent') =>
      ({ id: `m${k}`, author: 'agent', text: `m${k}`, format: 'plain', timestamp: T0 + k, attachments: [], status }) as const;
    let state = reduce(reduce(initialState(), offer('a')), { type: 'interaction-accepted', at: T0, interactionId: 'a' });
    for (const m of [mine(1, 'sent'), mine(2, 'sending'), mine(3, 'sending'), mine(4, 'sending')]) {
      state = reduce(state, { type: 'local/message-sending', interactionId: 'a', message: m });
    }
    const waiting = (): string[] => [...waitingBehindFailure(state.interactions['a'] as Interaction)];
    expect(waiting(), 'nothing failed').to.deep.equal([]);
    state = reduce(state, { type: 'local/message-failed', interactionId: 'a', messageId: 'm2', error: 'down' });
    expect(waiting()).to.deep.equal(['m3', 'm4']);
    state = reduce(state, { type: 'local/message-retry', interactionId: 'a', messageId: 'm2' });
    expect(waiting(), 'the failed one is being sent again').to.deep.equal([]);
    state = reduce(state, { type: 'local/message-sent', interactionId: 'a', clientMessageId: 'm2', messageId: 'm2', status: 'sent', timestamp: T0 + 2 });
    expect(waiting()).to.deep.equal([]);
  });
});
