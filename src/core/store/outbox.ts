/** How the store retries messages the adapter failed to send. */
export interface RetryPolicy {
  /** Delay before the first automatic retry; it doubles each time. */
  readonly initialDelayMs: number;
  /** Longest delay between retries. */
  readonly maxDelayMs: number;
  /** Attempts per message (the first included) before retrying is left to the agent. */
  readonly maxAttempts: number;
}

/** 1 s, 2 s, 4 s, 8 s, 16 s: six attempts over about half a minute, then the agent's Retry. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 6 };

/** What one delivery attempt came to. */
export type AttemptOutcome = 'delivered' | 'failed' | 'gone';

/**
 * Ordered, retrying delivery of chat messages, one queue per interaction: a message
 * is attempted only once every earlier one is delivered, so the customer reads them in
 * the order the agent wrote them. A failed head is retried with exponential backoff
 * while later messages wait (nothing is lost or reordered while the adapter is down).
 */
export class Outbox {
  readonly #attempt: (interactionId: string, messageId: string) => Promise<AttemptOutcome>;
  readonly #policy: RetryPolicy;
  readonly #queues = new Map<string, string[]>();
  readonly #attempts = new Map<string, number>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #inflight = new Set<string>();
  readonly #waiters = new Map<string, (() => void)[]>();
  #disposed = false;

  constructor(attempt: (interactionId: string, messageId: string) => Promise<AttemptOutcome>, policy: RetryPolicy) {
    this.#attempt = attempt;
    this.#policy = policy;
  }

  /** Queues a message; resolves once its first attempt has finished (delivered or failed). */
  enqueue(interactionId: string, messageId: string): Promise<void> {
    const queue = this.#queues.get(interactionId) ?? [];
    queue.push(messageId);
    this.#queues.set(interactionId, queue);
    const attempted = this.#waitFor(messageId);
    void this.#pump(interactionId);
    return attempted;
  }

  /** Attempts the interaction's first waiting message now, with a fresh retry budget. */
  retryNow(interactionId: string): Promise<void> {
    const head = this.#queues.get(interactionId)?.[0];
    if (head === undefined) return Promise.resolve();
    this.#clearTimer(interactionId);
    this.#attempts.delete(head);
    const attempted = this.#waitFor(head);
    void this.#pump(interactionId);
    return attempted;
  }

  /**
   * Attempts every interaction's first waiting message now, with a fresh retry budget:
   * the connection is back, so messages that gave up (or wait for a backoff timer) go
   * without the agent pressing Retry. A message in flight is left alone.
   */
  resume(): void {
    if (this.#disposed) return;
    for (const [interactionId, queue] of [...this.#queues]) {
      const head = queue[0];
      if (head === undefined || this.#inflight.has(interactionId)) continue;
      this.#clearTimer(interactionId);
      this.#attempts.delete(head);
      void this.#pump(interactionId);
    }
  }

  /** Whether the message waits in a queue (failed, queued behind one, or in flight). */
  has(interactionId: string, messageId: string): boolean {
    return this.#queues.get(interactionId)?.includes(messageId) ?? false;
  }

  /** Forgets an interaction's queue (it was wrapped up). */
  drop(interactionId: string): void {
    this.#clearTimer(interactionId);
    for (const id of this.#queues.get(interactionId) ?? []) this.#settle(id);
    this.#queues.delete(interactionId);
  }

  /** Stops every timer; pending promises resolve. */
  dispose(): void {
    this.#disposed = true;
    for (const id of [...this.#queues.keys()]) this.drop(id);
  }

  #waitFor(messageId: string): Promise<void> {
    return new Promise((resolve) => this.#waiters.set(messageId, [...(this.#waiters.get(messageId) ?? []), resolve]));
  }

  #settle(messageId: string): void {
    for (const resolve of this.#waiters.get(messageId) ?? []) resolve();
    this.#waiters.delete(messageId);
  }

  #clearTimer(interactionId: string): void {
    const timer = this.#timers.get(interactionId);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(interactionId);
  }

  async #pump(interactionId: string): Promise<void> {
    if (this.#disposed || this.#inflight.has(interactionId) || this.#timers.has(interactionId)) return;
    const queue = this.#queues.get(interactionId);
    const head = queue?.[0];
    if (!queue || head === undefined) {
      this.#queues.delete(interactionId);
      return;
    }
    this.#inflight.add(interactionId);
    let outcome: AttemptOutcome;
    try {
      outcome = await this.#attempt(interactionId, head);
    } catch {
      outcome = 'failed';
    }
    this.#inflight.delete(interactionId);
    if (this.#disposed || this.#queues.get(interactionId) !== queue) return;
    this.#settle(head);
    if (outcome === 'failed') {
      const attempts = (this.#attempts.get(head) ?? 0) + 1;
      this.#attempts.set(head, attempts);
      if (attempts < this.#policy.maxAttempts) {
        const delay = Math.min(this.#policy.maxDelayMs, this.#policy.initialDelayMs * 2 ** (attempts - 1));
        this.#timers.set(
          interactionId,
          setTimeout(() => {
            this.#timers.delete(interactionId);
            void this.#pump(interactionId);
          }, delay),
        );
      }
      return;
    }
    queue.shift();
    this.#attempts.delete(head);
    void this.#pump(interactionId);
  }
}
