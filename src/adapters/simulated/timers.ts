/**
 * The simulator's timers: every callback it schedules (latency, receipts, RONA, typing,
 * replies, random traffic), kept in one set so that dispose clears them all.
 * @packageDocumentation
 */

/** Identifies a scheduled callback of a {@link TimerSet}. */
export type TimerHandle = ReturnType<typeof setTimeout>;

interface Entry {
  readonly owner: string | undefined;
  readonly key: string | undefined;
}

/**
 * Every timer the simulator starts, so that one call clears them all.
 * A timer may belong to an owner (an interaction id) and carry a key: setting a
 * key again replaces the earlier timer of that key.
 */
export class TimerSet {
  readonly #entries = new Map<TimerHandle, Entry>();
  readonly #byKey = new Map<string, TimerHandle>();

  /** Runs `fn` once after `ms` milliseconds (negative counts as 0). */
  set(ms: number, fn: () => void, options: { readonly owner?: string; readonly key?: string } = {}): TimerHandle {
    if (options.key !== undefined) this.clearKey(options.key);
    const handle = setTimeout(() => {
      this.#forget(handle);
      fn();
    }, Math.max(0, ms));
    this.#entries.set(handle, { owner: options.owner, key: options.key });
    if (options.key !== undefined) this.#byKey.set(options.key, handle);
    return handle;
  }

  /** True while a timer of that key is pending. */
  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Cancels the timer of that key, if any. */
  clearKey(key: string): void {
    const handle = this.#byKey.get(key);
    if (handle !== undefined) this.clear(handle);
  }

  /** Cancels one timer. */
  clear(handle: TimerHandle): void {
    clearTimeout(handle);
    this.#forget(handle);
  }

  /** Cancels every timer of an owner. */
  clearOwner(owner: string): void {
    for (const [handle, entry] of [...this.#entries]) if (entry.owner === owner) this.clear(handle);
  }

  /** Cancels every timer. */
  clearAll(): void {
    for (const handle of [...this.#entries.keys()]) this.clear(handle);
  }

  /** How many timers are pending. */
  get size(): number {
    return this.#entries.size;
  }

  #forget(handle: TimerHandle): void {
    const entry = this.#entries.get(handle);
    if (!entry) return;
    this.#entries.delete(handle);
    if (entry.key !== undefined && this.#byKey.get(entry.key) === handle) this.#byKey.delete(entry.key);
  }
}
