import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Subscription } from 'rxjs';
import { storeContext } from '../core/context.js';
import type { CcState } from '../core/store/state.js';
import type { InteractionStore } from '../core/store/store.js';

/** An element that can be given a store directly (`.store=${store}`). */
export interface StoreHost extends ReactiveElement {
  store?: InteractionStore | undefined;
}

/** Options of a {@link StoreController}. */
export interface StoreControllerOptions<T> {
  /** Host values the selector reads; a change re-runs it. */
  readonly deps?: () => readonly unknown[];
  /** When two slices count as the same (default `===`). */
  readonly equals?: (a: T, b: T) => boolean;
}

/**
 * The store an element works on: its own `store` property, else the one `<cc-provider>`
 * provides through context. For elements that call store commands without following a
 * slice of its state; `changed` runs when the provided store changes (default: the host
 * renders again).
 */
export class StoreConsumer {
  readonly #host: StoreHost;
  readonly #consumer: ContextConsumer<typeof storeContext, StoreHost>;

  constructor(host: StoreHost, changed: () => void = () => host.requestUpdate()) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: storeContext, subscribe: true, callback: changed });
  }

  /** The store in use: the host's own, else the provided one. */
  get store(): InteractionStore | undefined {
    return this.#host.store ?? this.#consumer.value;
  }
}

/**
 * Subscribes its host to one slice of the store's state: on connect, unsubscribed on
 * disconnect. The store is the host's own `store` property, else the one provided by
 * `<cc-provider>` through context. The host re-renders only when the slice changes.
 *
 * `options.deps` lists host values the selector reads (an `interactionId`, say): when
 * they change, the selector runs again. `options.equals` decides when a slice changed
 * (default `===`).
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: StoreHost;
  readonly #selector: (state: CcState) => T;
  readonly #deps: () => readonly unknown[];
  readonly #equals: ((a: T, b: T) => boolean) | undefined;
  readonly #consumer: StoreConsumer;
  #subscribed: InteractionStore | undefined;
  #lastDeps: readonly unknown[] = [];
  #subscription: Subscription | undefined;
  #value: T | undefined;
  #connected = false;

  constructor(host: StoreHost, selector: (state: CcState) => T, options: StoreControllerOptions<T> = {}) {
    this.#host = host;
    this.#selector = selector;
    this.#deps = options.deps ?? (() => []);
    this.#equals = options.equals;
    host.addController(this);
    this.#consumer = new StoreConsumer(host, () => this.#sync(true));
  }

  /** The store in use: the host's own, else the provided one. */
  get store(): InteractionStore | undefined {
    return this.#consumer.store;
  }

  /** The current slice, or `undefined` while there is no store. */
  get value(): T | undefined {
    return this.#value;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync(true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  hostUpdate(): void {
    // Before each render: pick up a new `.store` or changed deps without another update cycle.
    this.#sync(false);
  }

  #sync(requestUpdate: boolean): void {
    if (!this.#connected) return;
    const store = this.store;
    const deps = this.#deps();
    const depsChanged = deps.length !== this.#lastDeps.length || deps.some((d, i) => d !== this.#lastDeps[i]);
    if (store === this.#subscribed && !depsChanged && (this.#subscription || !store)) return;
    this.#unsubscribe();
    this.#lastDeps = deps;
    this.#subscribed = store;
    const before = this.#value;
    if (!store || store.disposed) {
      this.#value = undefined;
    } else {
      let initial = true;
      this.#subscription = store.select(this.#selector, this.#equals).subscribe((value) => {
        this.#value = value;
        if (!initial) this.#host.requestUpdate();
      });
      initial = false;
    }
    if (requestUpdate && before !== this.#value) this.#host.requestUpdate();
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#subscribed = undefined;
  }
}
