/**
 * The state every part of the simulator shares: the agent, the interaction records, held
 * offers, the directory, settings, the clock, the seeded random generator, timers, ids,
 * the command latency, the event stream and saving the world. The other modules are
 * functions over one `SimContext`; {@link SimulatedContactCenter} composes them.
 * @packageDocumentation
 */
import type { AgentAvailability, AgentProfile, DirectoryAgent } from '../../core/types.js';
import { ObjectUrls } from './attachments.js';
import { DEFAULT_AGENT, SEED_DIRECTORY } from './data.js';
import { EventStream } from './event-stream.js';
import { loadWorld, saveWorld, type InteractionRecord as Rec, type SimulatedPersistence } from './persistence.js';
import { SeededRandom, randomSeed } from './random.js';
import { TimerSet } from './timers.js';
import type { SimulatedContactCenterOptions } from './types.js';

/** Throws an `Error`: scripting methods throw it, commands reject with it. */
export function fail(message: string): never {
  throw new Error(message);
}

/** Checks a delay setting. */
export function checkDuration(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

/** Checks the failure rate setting. */
export function checkProbability(value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`failureRate must be between 0 and 1, got ${value}`);
  return value;
}

export class SimContext {
  readonly agent: AgentProfile;
  readonly seed: number;
  /** Middle part of every generated id. */
  readonly tag: string;
  readonly now: () => number;
  readonly random: SeededRandom;
  readonly timers = new TimerSet();
  readonly urls = new ObjectUrls();
  readonly events: EventStream;
  readonly records = new Map<string, Rec>();
  /** Ids of offers routed while the agent was in RONA, in the order they will be offered. */
  readonly held: string[] = [];
  readonly directory: Map<string, DirectoryAgent>;
  /** Records read back from storage, whose timers the simulator re-arms; empty for a new world. */
  readonly restoredRecords: readonly Rec[];
  availability: AgentAvailability = 'available';
  counter = 0;
  disposed = false;
  autoplay = false;
  latencyMs: number;
  failureRate: number;
  readonly autoplayIntervalMs: number;
  readonly ronaTimeoutMs: number;
  readonly readDelayMs: number;
  readonly typingTimeoutMs: number;
  readonly agentResponseMs: number;
  readonly #persist: SimulatedPersistence | undefined;
  #saveQueued = false;
  /** Rejects the commands waiting out their latency. */
  readonly #pending = new Set<(reason: Error) => void>();

  constructor(options: SimulatedContactCenterOptions) {
    const seed = options.seed ?? randomSeed();
    this.agent = { ...(options.agent ?? DEFAULT_AGENT) };
    this.#persist = options.persist;
    const restored =
      options.persist &&
      loadWorld(options.persist, { seed: options.seed, agentId: this.agent.id, reviveUrl: (a) => this.urls.placeholder(a.name) });
    this.seed = restored?.seed ?? Math.trunc(seed) >>> 0;
    this.random = new SeededRandom(restored?.random ?? seed);
    this.tag = restored?.tag ?? options.idTag ?? (Math.trunc(seed) >>> 0).toString(36);
    this.now = options.now ?? Date.now;
    this.directory = new Map(SEED_DIRECTORY.filter((a) => a.id !== this.agent.id).map((a) => [a.id, { ...a }]));
    this.latencyMs = checkDuration('latencyMs', options.latencyMs ?? 150);
    this.failureRate = checkProbability(options.failureRate ?? 0);
    this.ronaTimeoutMs = options.ronaTimeoutMs === Infinity ? Infinity : checkDuration('ronaTimeoutMs', options.ronaTimeoutMs ?? 30_000);
    this.autoplayIntervalMs = Math.max(1, checkDuration('autoplayIntervalMs', options.autoplayIntervalMs ?? 20_000));
    this.readDelayMs = checkDuration('readDelayMs', options.readDelayMs ?? 2500);
    this.typingTimeoutMs = checkDuration('typingTimeoutMs', options.typingTimeoutMs ?? 4000);
    this.agentResponseMs = checkDuration('agentResponseMs', options.agentResponseMs ?? 3000);
    this.events = new EventStream(
      { seq: restored?.seq ?? 0, log: restored ? restored.log : options.persist ? [] : undefined },
      this.now,
      () => this.changed(),
    );
    this.restoredRecords = restored?.records ?? [];
    if (restored) {
      this.counter = restored.counter;
      this.availability = restored.availability;
      for (const [id, availability] of Object.entries(restored.directory)) {
        const agent = this.directory.get(id);
        if (agent) this.directory.set(id, { ...agent, availability });
      }
      for (const rec of restored.records) this.records.set(rec.id, rec);
      this.held.push(...restored.held);
    }
  }

  assertLive(): void {
    if (this.disposed) fail('The simulated contact center is disposed');
  }

  /** Waits out the network latency; rejects if the simulator is (or gets) disposed. */
  async latency(command: string): Promise<void> {
    if (this.disposed) fail(`${command}: the simulated contact center is disposed`);
    await new Promise<void>((resolve, reject) => {
      const cancel = (error: Error): void => reject(new Error(`${command}: ${error.message}`));
      this.#pending.add(cancel);
      this.timers.set(this.latencyMs, () => {
        this.#pending.delete(cancel);
        resolve();
      });
    });
  }

  nextId(kind: string): string {
    this.counter += 1;
    // An id handed out (an upload, say) must never be handed out again after a reload.
    this.changed();
    return `${kind}-${this.tag}-${this.counter.toString(36)}`;
  }

  /** A random delay between `min` and `max` times the autoplay interval. */
  pace(min: number, max: number): number {
    return this.autoplayIntervalMs * this.random.between(min, max);
  }

  /** Schedules one save for everything that changes in this task (when persisting). */
  changed(): void {
    if (!this.#persist || this.#saveQueued || this.disposed) return;
    this.#saveQueued = true;
    queueMicrotask(() => {
      if (this.#saveQueued && !this.disposed) this.#save();
    });
  }

  /**
   * Ends the session: clears every timer, rejects commands in flight, revokes `blob:` URLs
   * and completes the event stream. Calling it again does nothing.
   */
  dispose(): void {
    if (this.disposed) return;
    // The last changes of a persisted world are written now: a reload may follow at once.
    if (this.#saveQueued) this.#save();
    this.disposed = true;
    this.autoplay = false;
    this.timers.clearAll();
    const error = new Error('The simulated contact center is disposed');
    for (const reject of [...this.#pending]) reject(error);
    this.#pending.clear();
    this.urls.revokeAll();
    this.events.close();
  }

  #save(): void {
    this.#saveQueued = false;
    if (!this.#persist) return;
    const directory: Record<string, AgentAvailability> = {};
    for (const a of this.directory.values()) directory[a.id] = a.availability;
    saveWorld(
      this.#persist,
      {
        seed: this.seed,
        agentId: this.agent.id,
        tag: this.tag,
        counter: this.counter,
        seq: this.events.seq,
        random: this.random.state,
        availability: this.availability,
        held: [...this.held],
        directory,
        records: [...this.records.values()],
        log: this.events.log,
      },
      this.now(),
    );
  }
}
