import { expect } from '@open-wc/testing';
import { BehaviorSubject, Subject } from 'rxjs';
import type { ContactCenterAdapter } from '../../src/core/adapter.js';
import type { ConnectionState } from '../../src/core/connection.js';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { createInteractionStore } from '../../src/core/store/store.js';

describe('store.connection$: the adapter’s connection, read through the store', () => {
  it('follows an adapter that reports its connection, and completes on dispose', () => {
    const connection$ = new BehaviorSubject<ConnectionState>('connecting');
    const adapter = { events$: new Subject<ContactCenterEvent>().asObservable(), connection$ } as unknown as ContactCenterAdapter;
    const store = createInteractionStore(adapter);
    const seen: ConnectionState[] = [];
    let completed = false;
    store.connection$.subscribe({ next: (c) => seen.push(c), complete: () => (completed = true) });
    expect(store.connection).to.equal('connecting');
    connection$.next('open');
    connection$.next('open');
    connection$.next('reconnecting');
    expect(seen).to.deep.equal(['connecting', 'open', 'reconnecting']);
    expect(store.connection).to.equal('reconnecting');
    store.dispose();
    expect(completed).to.equal(true);
  });

  it('emits nothing for an adapter without a connection', () => {
    const store = createInteractionStore({ events$: new Subject<ContactCenterEvent>().asObservable() } as unknown as ContactCenterAdapter);
    const seen: ConnectionState[] = [];
    const subscription = store.connection$.subscribe((c) => seen.push(c));
    expect(seen).to.deep.equal([]);
    expect(store.connection).to.equal(undefined);
    subscription.unsubscribe();
    store.dispose();
  });
});
