/**
 * The agent's unsent drafts, one per interaction, for every pane: held in memory (so a
 * pane shown again finds its draft at once) and mirrored to a {@link DraftStore} (so a
 * reload finds it, R-X-04). Card numbers are masked in what is stored. The store owns one
 * book and forgets an interaction's draft when the interaction ends.
 * @packageDocumentation
 */
import { Subject, type Observable } from 'rxjs';
import { draftKey, type DraftStore, type MaybePromise } from './draft-store.js';
import { maskCardNumbers } from './mask.js';

/**
 * What one pane's drafts are, for the book: a name that tells them apart in storage, how
 * a stored value is checked when read back, and what of a draft is worth storing.
 */
export interface DraftKind<T> {
  /** Written with every stored draft; a stored draft of another kind is not read. */
  readonly name: string;
  /** A stored value as a draft, or `undefined` when it is not a well-formed one (it is then deleted). */
  parse(value: unknown): T | undefined;
  /**
   * The JSON value to store for a draft, or `undefined` when nothing of it would survive a
   * reload (the stored copy is then deleted; the draft stays in memory). Default: the draft.
   */
  stored?(draft: T): unknown;
}

/** A draft came back from storage, was saved, or was deleted (sent, discarded, or its interaction ended). */
export interface DraftChange {
  readonly interactionId: string;
  readonly cause: 'restored' | 'saved' | 'deleted';
}

/** A {@link DraftStore} call that threw or rejected. */
export interface DraftStorageFailure {
  readonly operation: 'get' | 'set' | 'delete';
  readonly interactionId: string;
  readonly error: unknown;
}

/** What a {@link DraftBook} needs from its store. */
export interface DraftBookOptions {
  readonly storage: DraftStore;
  /** The signed-in agent: every key carries it, so one agent never reads another's drafts. */
  readonly agentId: () => string;
  /** Called when the storage fails; the first failure after a success only, not every keystroke. */
  readonly report: (failure: DraftStorageFailure) => void;
}

interface Entry {
  /** The kind the draft was saved or restored as, compared by identity. */
  readonly kind: unknown;
  readonly value: unknown;
}

type Write = { readonly op: 'set'; readonly value: string } | { readonly op: 'delete' };

/** What is stored under a draft's key. */
interface StoredDraft {
  readonly kind: string;
  readonly draft: unknown;
}

function isThenable<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

/**
 * Drafts by interaction id. Panes read with {@link get}, write with {@link set} and
 * {@link delete}, and re-render on {@link changes$}; the store calls {@link close} when an
 * interaction ends, is wrapped up, transferred away or rescinded.
 */
export class DraftBook {
  readonly #storage: DraftStore;
  readonly #agentId: () => string;
  readonly #report: (failure: DraftStorageFailure) => void;
  readonly #memory = new Map<string, Entry>();
  /** Interactions whose stored draft has been read (or overwritten) already. */
  readonly #settled = new Set<string>();
  /** Interactions that ended: they have no draft any more. */
  readonly #closed = new Set<string>();
  /** Interactions whose draft had a card number masked in its stored copy. */
  readonly #masked = new Set<string>();
  /** Bumped by every change, so a slow read never overwrites what happened meanwhile. */
  readonly #generation = new Map<string, number>();
  /** Writes to a host store, one at a time per key: the newest waiting write replaces older waiting ones. */
  readonly #writing = new Map<string, { next: Write | undefined }>();
  readonly #changes = new Subject<DraftChange>();
  #failing = false;

  /** Every change to a draft other than one restored synchronously by {@link get}. */
  readonly changes$: Observable<DraftChange> = this.#changes.asObservable();

  constructor(options: DraftBookOptions) {
    this.#storage = options.storage;
    this.#agentId = options.agentId;
    this.#report = options.report;
  }

  /**
   * The draft of an interaction, or `undefined`. The first call for an interaction reads
   * the stored copy: at once from a synchronous store, otherwise later, announced on
   * {@link changes$} with the cause `restored` (unless the agent has started a draft meanwhile).
   */
  get<T>(kind: DraftKind<T>, interactionId: string): T | undefined {
    if (!this.#memory.has(interactionId) && !this.#settled.has(interactionId) && !this.#closed.has(interactionId)) {
      this.#restore(kind, interactionId);
    }
    const entry = this.#memory.get(interactionId);
    // Only `set` and `#restore` fill the memory, both with a value of the kind they were given.
    return entry?.kind === kind ? (entry.value as T) : undefined;
  }

  /**
   * Replaces an interaction's draft and stores it, card numbers masked (the draft in
   * memory, as the agent typed it, is untouched). Ignored once the interaction has ended.
   */
  set<T>(kind: DraftKind<T>, interactionId: string, draft: T): void {
    if (this.#closed.has(interactionId)) return;
    this.#touch(interactionId);
    this.#memory.set(interactionId, { kind, value: draft });
    const stored = kind.stored ? kind.stored(draft) : draft;
    if (stored === undefined) {
      this.#write(interactionId, { op: 'delete' });
    } else {
      const masked = maskCardNumbers(stored);
      if (masked.masked) this.#masked.add(interactionId);
      this.#write(interactionId, { op: 'set', value: JSON.stringify({ kind: kind.name, draft: masked.value } satisfies StoredDraft) });
    }
    this.#changes.next({ interactionId, cause: 'saved' });
  }

  /** Deletes an interaction's draft, in memory and in storage: it was sent or discarded. */
  delete(interactionId: string): void {
    this.#touch(interactionId);
    this.#memory.delete(interactionId);
    this.#masked.delete(interactionId);
    this.#write(interactionId, { op: 'delete' });
    this.#changes.next({ interactionId, cause: 'deleted' });
  }

  /**
   * True once a card number was masked in the stored copy of the interaction's current
   * draft: panes say so (the text on screen keeps it). False again after {@link delete}.
   */
  masked(interactionId: string): boolean {
    return this.#masked.has(interactionId);
  }

  /** The interaction is over for this agent: its draft is deleted and no new one is kept. */
  close(interactionId: string): void {
    this.delete(interactionId);
    this.#closed.add(interactionId);
  }

  /** The interaction is offered again (the same id back from a queue): it may have a draft again. */
  reopen(interactionId: string): void {
    this.#closed.delete(interactionId);
  }

  /** Completes {@link changes$}; writes already started still finish. */
  dispose(): void {
    this.#changes.complete();
  }

  #key(interactionId: string): string {
    return draftKey(this.#agentId(), interactionId);
  }

  #touch(interactionId: string): void {
    this.#settled.add(interactionId);
    this.#generation.set(interactionId, (this.#generation.get(interactionId) ?? 0) + 1);
  }

  #restore<T>(kind: DraftKind<T>, interactionId: string): void {
    this.#settled.add(interactionId);
    const generation = this.#generation.get(interactionId) ?? 0;
    void this.#call('get', interactionId, () => this.#storage.get(this.#key(interactionId)), (raw, sync) => {
      if (raw === null || raw === undefined || (this.#generation.get(interactionId) ?? 0) !== generation) return;
      const stored = this.#parse(raw);
      if (stored === undefined) {
        this.#write(interactionId, { op: 'delete' });
        return;
      }
      if (stored.kind !== kind.name) return;
      const draft = kind.parse(stored.draft);
      if (draft === undefined) {
        this.#write(interactionId, { op: 'delete' });
        return;
      }
      this.#memory.set(interactionId, { kind, value: draft });
      if (!sync) this.#changes.next({ interactionId, cause: 'restored' });
    });
  }

  #parse(raw: string): StoredDraft | undefined {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
    if (typeof value !== 'object' || value === null || !('kind' in value) || !('draft' in value)) return undefined;
    return typeof value.kind === 'string' ? { kind: value.kind, draft: value.draft } : undefined;
  }

  #write(interactionId: string, write: Write): void {
    const key = this.#key(interactionId);
    const inFlight = this.#writing.get(key);
    if (inFlight) {
      inFlight.next = write;
      return;
    }
    this.#perform(key, interactionId, write);
  }

  #perform(key: string, interactionId: string, write: Write): void {
    const slot: { next: Write | undefined } = { next: undefined };
    const pending = this.#call(
      write.op,
      interactionId,
      () => (write.op === 'set' ? this.#storage.set(key, write.value) : this.#storage.delete(key)),
      () => undefined,
    );
    if (!pending) return;
    this.#writing.set(key, slot);
    void pending.then(() => {
      this.#writing.delete(key);
      if (slot.next) this.#perform(key, interactionId, slot.next);
    });
  }

  /**
   * Calls the storage, passing a result to `done` (`sync` when it came at once). Failures are
   * reported, never thrown. Returns a Promise that settles after `done` when the call was asynchronous.
   */
  #call<T>(operation: DraftStorageFailure['operation'], interactionId: string, call: () => MaybePromise<T>, done: (value: T, sync: boolean) => void): Promise<void> | undefined {
    const fail = (error: unknown): void => {
      if (!this.#failing) this.#report({ operation, interactionId, error });
      this.#failing = true;
    };
    const succeed = (value: T, sync: boolean): void => {
      this.#failing = false;
      done(value, sync);
    };
    let result: MaybePromise<T>;
    try {
      result = call();
    } catch (error) {
      fail(error);
      return undefined;
    }
    if (!isThenable(result)) {
      succeed(result, true);
      return undefined;
    }
    return Promise.resolve(result).then((value) => succeed(value, false), fail);
  }
}
