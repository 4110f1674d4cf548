import type { Channel, Interaction } from '../types.js';

/** Auto wrap-up of one channel: how long wrap-up may last and what is submitted when it runs out. */
export interface AutoWrapupPolicy {
  /** How long after the interaction enters wrap-up the default reason is submitted, in ms. */
  readonly afterMs: number;
  /** The wrap-up reason submitted then; the channel's first listed reason when absent. */
  readonly reasonId?: string;
  /** How much time **Extend** adds, in ms; 30 s when absent. */
  readonly extendMs?: number;
}

/** Auto wrap-up per channel; channels left out wrap up by hand only. */
export type AutoWrapupOptions = Readonly<Partial<Record<Channel, AutoWrapupPolicy>>>;

/** What **Extend** adds when the policy does not say. */
export const DEFAULT_EXTEND_MS = 30_000;

// Longer delays overflow setTimeout, which then fires at once: such a timer wakes up early and waits again.
const MAX_TIMER_MS = 2_147_483_647;

/** What the timer needs from the store. */
export interface AutoWrapupHost {
  now(): number;
  /** Sets (or clears, `undefined`) the interaction's deadline in the state. */
  schedule(interactionId: string, at: number | undefined): void;
  /** Submits the default reason; rejects when wrap-up could not be recorded. */
  expire(interaction: Interaction, policy: AutoWrapupPolicy): Promise<void>;
}

/**
 * The store's auto wrap-up: starts a deadline when an interaction of a channel with a policy
 * enters wrap-up, moves it on **Extend**, and submits the default reason when it passes. The
 * deadline lives in the state (`Interaction.autoWrapupAt`), so every element counts down to
 * the same moment; the timer here only acts on it.
 */
export class AutoWrapup {
  readonly #options: AutoWrapupOptions;
  readonly #host: AutoWrapupHost;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Running deadlines; the state's copy is updated a microtask later, so Extend reads this one. */
  readonly #deadlines = new Map<string, number>();
  /** Interactions whose deadline was set once: a failed automatic submit does not restart it. */
  readonly #started = new Set<string>();

  constructor(options: AutoWrapupOptions, host: AutoWrapupHost) {
    this.#options = options;
    this.#host = host;
  }

  /** The policy of a channel, if auto wrap-up is on for it. */
  policy(channel: Channel): AutoWrapupPolicy | undefined {
    const p = this.#options[channel];
    return p && Number.isFinite(p.afterMs) && p.afterMs >= 0 ? p : undefined;
  }

  /** Looks at the interactions after a change: starts deadlines, forgets what is gone. */
  follow(interactions: Readonly<Record<string, Interaction>>): void {
    for (const id of [...this.#started]) {
      const i = interactions[id];
      if (!i || i.status !== 'wrapup') this.#forget(id);
    }
    for (const id in interactions) {
      const i = interactions[id] as Interaction;
      if (i.status !== 'wrapup' || this.#started.has(id)) continue;
      const policy = this.policy(i.channel);
      if (!policy) continue;
      this.#started.add(id);
      this.#arm(i, this.#host.now() + policy.afterMs, policy);
    }
  }

  /** Adds time to a running deadline; `false` when there is none. */
  extend(i: Interaction, ms?: number): boolean {
    const policy = this.policy(i.channel);
    const deadline = this.#deadlines.get(i.id);
    if (!policy || deadline === undefined) return false;
    const add = ms ?? policy.extendMs ?? DEFAULT_EXTEND_MS;
    if (!Number.isFinite(add) || add < 0) return false;
    this.#arm(i, Math.max(deadline, this.#host.now()) + add, policy);
    return true;
  }

  /**
   * Stops the deadline of an interaction (the agent submitted wrap-up by hand): no
   * countdown shows any more, also when it ran out a moment ago and the automatic submit
   * is still being prepared, and it does not start again for this interaction.
   */
  stop(interactionId: string): void {
    if (!this.#started.has(interactionId)) return;
    this.#cancel(interactionId);
    this.#host.schedule(interactionId, undefined);
  }

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#deadlines.clear();
    this.#started.clear();
  }

  #arm(i: Interaction, at: number, policy: AutoWrapupPolicy): void {
    this.#cancel(i.id);
    this.#deadlines.set(i.id, at);
    this.#host.schedule(i.id, at);
    this.#wait(i, at, policy);
  }

  #wait(i: Interaction, at: number, policy: AutoWrapupPolicy): void {
    const timer = setTimeout(() => {
      this.#timers.delete(i.id);
      if (this.#host.now() < at) {
        this.#wait(i, at, policy);
        return;
      }
      this.#deadlines.delete(i.id);
      this.#host.expire(i, policy).catch(() => {
        // Reported by the store; the interaction stays in wrap-up for the agent to finish by hand.
        this.#host.schedule(i.id, undefined);
      });
    }, Math.min(MAX_TIMER_MS, Math.max(0, at - this.#host.now())));
    this.#timers.set(i.id, timer);
  }

  #cancel(id: string): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(id);
    this.#deadlines.delete(id);
  }

  #forget(id: string): void {
    this.#cancel(id);
    this.#started.delete(id);
  }
}
