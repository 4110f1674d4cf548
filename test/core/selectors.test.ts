import { expect } from '@open-wc/testing';
import { Subject } from 'rxjs';
import type { ContactCenterAdapter } from '../../src/core/adapter.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { reduce } from '../../src/core/store/reducer.js';
import { selectOffers, selectShownInteraction } from '../../src/core/store/selectors.js';
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

  it('store.select emits for A only when A changes, however busy B is', () => {
    const events = new Subject<ContactCenterEvent>();
    const store = createInteractionStore({ events$: events.asObservable() } as unknown as ContactCenterAdapter);
    for (const e of [offer('a'), offer('b')]) events.next(e);
    const seen: (Interaction | undefined)[] = [];
    const subscription = store.select((s) => selectShownInteraction(s, ['webchat'], 'a')).subscribe((i) => seen.push(i));
    expect(seen).to.have.length(1);
    for (let k = 0; k < 100; k++) events.next(said('b', k));
    for (const e of activity('b')) events.next(e);
    expect(seen).to.have.length(1);
    events.next(said('a', 1));
    expect(seen).to.have.length(2);
    subscription.unsubscribe();
    store.dispose();
  });
});
