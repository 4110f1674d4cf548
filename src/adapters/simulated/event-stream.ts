/**
 * The simulator's event stream: stamps each event with `at` and `seq`, delivers events in
 * order even when a subscriber scripts the simulator from its handler, and (when the world
 * is persisted) keeps the log that replays the open interactions and the last wrapped-up
 * ones to a new subscriber.
 * @packageDocumentation
 */
import { Subject, type Observable } from 'rxjs';
import type { ContactCenterEvent } from '../../core/events.js';
import { compactLog, remember, replayThenLive } from './persistence.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before the simulator stamps `at` and `seq` on it. */
export type EventInput = DistributiveOmit<ContactCenterEvent, 'at' | 'seq'>;

/** Where a stream starts: a new world starts at `seq` 0, a restored one where it stopped. */
export interface EventStreamStart {
  readonly seq: number;
  /** The replay log; `undefined` when nothing is persisted (then nothing is replayed). */
  readonly log: readonly ContactCenterEvent[] | undefined;
}

export class EventStream {
  readonly #subject = new Subject<ContactCenterEvent>();
  readonly #outbox: ContactCenterEvent[] = [];
  #emitting = false;
  #closed = false;
  #seq: number;
  #log: ContactCenterEvent[] | undefined;
  readonly #now: () => number;
  readonly #onKept: () => void;

  /**
   * Each new subscriber receives the replay log first (each conversation's messages and
   * emails in one `history` event), then the live events; completes on {@link close}.
   */
  readonly events$: Observable<ContactCenterEvent>;

  /**
   * @param now Clock of the `at` stamps.
   * @param onKept Called when an event joins the replay log, so the world gets saved.
   */
  constructor(start: EventStreamStart, now: () => number, onKept: () => void) {
    this.#seq = start.seq;
    this.#log = start.log && [...start.log];
    this.#now = now;
    this.#onKept = onKept;
    this.events$ = replayThenLive(() => (this.#closed || !this.#log ? [] : compactLog(this.#log)), this.#subject);
  }

  /** The `seq` of the last event emitted. */
  get seq(): number {
    return this.#seq;
  }

  /** The replay log (empty when nothing is persisted). */
  get log(): readonly ContactCenterEvent[] {
    return this.#log ?? [];
  }

  /** Stamps and emits an event; does nothing once closed. */
  emit(event: EventInput): void {
    if (this.#closed) return;
    this.#seq += 1;
    const stamped = { ...event, at: this.#now(), seq: this.#seq };
    this.keep(stamped);
    this.#outbox.push(stamped);
    // A subscriber that scripts the simulator from its handler must not see events out of order.
    if (this.#emitting) return;
    this.#emitting = true;
    try {
      for (let next = this.#outbox.shift(); next; next = this.#outbox.shift()) this.#subject.next(next);
    } finally {
      this.#emitting = false;
    }
  }

  /**
   * Adds an event to the replay log (when persisting) without emitting it: a command's
   * answer tells the store what a live event would, but a new subscriber needs the event.
   */
  keep(event: ContactCenterEvent): void {
    if (!this.#log) return;
    this.#log = remember(this.#log, event);
    this.#onKept();
  }

  /** Completes {@link events$}; later events are dropped and nothing is replayed. */
  close(): void {
    this.#closed = true;
    this.#subject.complete();
  }
}
