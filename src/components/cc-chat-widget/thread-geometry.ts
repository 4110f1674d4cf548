/** Threads up to this many messages render whole; longer ones only around what is in view. */
export const VIRTUALIZE_AFTER = 150;

/** Messages `start` (included) to `end` (excluded). */
export interface ThreadRange {
  readonly start: number;
  readonly end: number;
}

interface Keyed {
  readonly id: string;
}

/**
 * Where each message of a long thread sits, for rendering only the ones in view.
 * Heights are measured when messages render and kept by message id; a
 * message never rendered counts at the average of the first ones measured. Offsets
 * are prefix sums brought up to date from the first message that changed, so an
 * appended message costs O(1) here, not O(thread).
 */
export class ThreadGeometry<T extends Keyed = Keyed> {
  readonly #heights = new Map<string, number>();
  #list: readonly T[] = [];
  /** `#tops[k]`: top of message k from the first one's top, gaps included; `#tops[n]`: the total. */
  #tops = new Float64Array(1);
  /** `#tops[0..#valid]` are up to date. */
  #valid = 0;
  #estimate = 0;
  #gap = 0;

  /** The list laid out; what changed since the last one is found by identity, then id. */
  sync(list: readonly T[], gap: number): void {
    if (gap !== this.#gap) {
      this.#gap = gap;
      this.#valid = 0;
    }
    const old = this.#list;
    if (list === old) return;
    const common = Math.min(list.length, old.length, this.#valid);
    let k = 0;
    while (k < common && (list[k] === old[k] || list[k]?.id === old[k]?.id)) k++;
    this.#list = list;
    this.#valid = Math.min(this.#valid, k);
    if (this.#tops.length < list.length + 1) {
      const grown = new Float64Array(Math.max(list.length + 1, this.#tops.length * 2));
      grown.set(this.#tops.subarray(0, this.#valid + 1));
      this.#tops = grown;
    }
  }

  /** Forgets measured heights (the width changed, so lines wrap differently). */
  reset(): void {
    this.#heights.clear();
    this.#valid = 0;
  }

  /** How many messages are laid out. */
  get length(): number {
    return this.#list.length;
  }

  /** Id of message k. */
  idAt(k: number): string | undefined {
    return this.#list[k]?.id;
  }

  /** Records message k's rendered height; true when that changes the layout. */
  measure(k: number, height: number): boolean {
    const m = this.#list[k];
    if (!m || this.#heights.get(m.id) === height) return false;
    this.#heights.set(m.id, height);
    this.#valid = Math.min(this.#valid, k);
    return true;
  }

  /** Sets the height unmeasured messages count at (once, from the first measurements). */
  settleEstimate(): boolean {
    if (this.#estimate > 0 || this.#heights.size === 0) return false;
    let sum = 0;
    for (const h of this.#heights.values()) sum += h;
    this.#estimate = sum / this.#heights.size;
    this.#valid = 0;
    return true;
  }

  /** Height of message k, measured or estimated. */
  height(k: number): number {
    const m = this.#list[k];
    return (m ? this.#heights.get(m.id) : undefined) ?? (this.#estimate || 64);
  }

  /** Top of message k (k = length: the bottom of the last one plus a gap). */
  top(k: number): number {
    const n = this.#list.length;
    const upTo = Math.max(0, Math.min(k, n));
    const tops = this.#tops;
    for (let j = this.#valid; j < upTo; j++) tops[j + 1] = (tops[j] ?? 0) + this.height(j) + this.#gap;
    if (upTo > this.#valid) this.#valid = upTo;
    return tops[upTo] ?? 0;
  }

  /** Height of everything, without the gap after the last message. */
  get total(): number {
    const n = this.#list.length;
    return n === 0 ? 0 : this.top(n) - this.#gap;
  }

  /** The message at `y` (from the first one's top), clamped to the list. */
  indexAt(y: number): number {
    const n = this.#list.length;
    if (n === 0) return 0;
    this.top(n);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#tops[mid] ?? 0) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
