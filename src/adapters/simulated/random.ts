/**
 * A small seedable pseudo-random generator (mulberry32), so that a simulated
 * contact center driven with the same seed and script makes the same choices.
 * Not for anything security-related.
 * @packageDocumentation
 */

/** Deterministic random choices from a 32-bit seed. */
export class SeededRandom {
  #state: number;

  /** @param seed Any finite number; only its low 32 bits matter. */
  constructor(seed: number) {
    this.#state = Math.trunc(seed) >>> 0;
  }

  /**
   * The generator's position in its sequence: `new SeededRandom(state)` continues the
   * same sequence (a simulator keeps it across reloads).
   */
  get state(): number {
    return this.#state;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    return p >= 1 || (p > 0 && this.next() < p);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly [T, ...T[]]): T;
  /** One element of a list, or `undefined` when it is empty. */
  pick<T>(items: readonly T[]): T | undefined;
  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** A seed for callers that did not choose one: different on every call. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296);
}
