/**
 * The commands of {@link WebSocketContactCenter} on their way to the server: each with
 * an idempotency key, kept until answered, sent again with the same key after every
 * reconnection, rejected with a clear error when unanswered in time.
 * @packageDocumentation
 */
import { checkCommandValue, type CommandArgs, type CommandName, type CommandValue, type ResultFrame } from './protocol.js';
import { WebSocketCommandError } from './types.js';

interface PendingCommand {
  readonly name: CommandName;
  readonly frame: string;
  /** Whether the frame went out on some connection. */
  sent: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** What the queue needs from the connection. */
export interface CommandLink {
  /** Sends a frame on the current connection; false when there is none (or it is not welcomed). */
  readonly transmit: (text: string) => boolean;
  /** Whether the server welcomed the current connection. */
  readonly ready: () => boolean;
  /** Reports an answer that does not fit its command. */
  readonly malformed: (message: string, frame: string) => void;
}

/** A command the server refused for the rate is sent again after this long (ms). */
const RATE_LIMITED_RETRY_MS = 1000;

/** An idempotency key: 128 random bits, hex (works in insecure contexts, unlike `randomUUID`). */
function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Commands issued and not yet answered, in the order they were issued. */
export class CommandQueue {
  readonly #pending = new Map<string, PendingCommand>();
  readonly #link: CommandLink;
  readonly #timeoutMs: number;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Commands sent again with their original key after a reconnection. */
  resent = 0;

  constructor(link: CommandLink, timeoutMs: number) {
    this.#link = link;
    this.#timeoutMs = timeoutMs;
  }

  /** Commands issued and not yet answered (queued or in flight). */
  get size(): number {
    return this.#pending.size;
  }

  /** Issues a command: sent at once when connected, else when the connection is back. */
  issue<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandValue<K>> {
    const id = newKey();
    const frame = JSON.stringify({ type: 'command', id, name, args });
    return new Promise<CommandValue<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.#pending.get(id);
        if (!p) return;
        this.#pending.delete(id);
        const why = !p.sent
          ? 'not connected to the contact center, so it was not sent'
          : this.#link.ready()
            ? 'the contact center did not answer'
            : 'the connection was lost before the contact center answered';
        reject(new WebSocketCommandError('timeout', name, `${name} timed out after ${this.#timeoutMs} ms: ${why}`));
      }, this.#timeoutMs);
      // Validated by checkCommandValue against the same CommandMap before resolving.
      const pending: PendingCommand = { name, frame, sent: false, timer, resolve: (v) => resolve(v as CommandValue<K>), reject };
      this.#pending.set(id, pending);
      if (this.#link.ready() && this.#link.transmit(frame)) pending.sent = true;
    });
  }

  /** After a welcome: every unanswered command goes (again) in the order issued, with its original key. */
  resendAll(): void {
    for (const p of this.#pending.values()) {
      if (p.sent) this.resent += 1;
      if (this.#link.transmit(p.frame)) p.sent = true;
    }
  }

  /** Settles the command a result answers; a result nobody waits for is ignored. */
  settle(frame: ResultFrame): void {
    const p = this.#pending.get(frame.id);
    if (!p) return; // Answered already, or timed out: nobody waits for it.
    if (!frame.ok && frame.error.code === 'rate-limited') {
      // Not applied: it goes again shortly, with the same key, still bound by its timeout.
      p.sent = false;
      this.#retryLater();
      return;
    }
    this.#pending.delete(frame.id);
    clearTimeout(p.timer);
    if (!frame.ok) {
      p.reject(new WebSocketCommandError(frame.error.code, p.name, frame.error.message || `${p.name} failed (${frame.error.code})`));
      return;
    }
    const error = checkCommandValue(p.name, frame.value);
    if (error) {
      this.#link.malformed(error, JSON.stringify(frame));
      p.reject(new WebSocketCommandError('invalid-result', p.name, `${p.name}: the server's answer is malformed (${error})`));
      return;
    }
    p.resolve(frame.value ?? undefined);
  }

  /** Rejects every command (`closed`) and stops. */
  rejectAll(reason: string): void {
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const [id, p] of [...this.#pending]) {
      this.#pending.delete(id);
      clearTimeout(p.timer);
      p.reject(new WebSocketCommandError('closed', p.name, `${p.name}: ${reason}`));
    }
  }

  #retryLater(): void {
    if (this.#retryTimer !== undefined) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (!this.#link.ready()) return; // The next welcome sends them.
      for (const p of this.#pending.values()) if (!p.sent && this.#link.transmit(p.frame)) p.sent = true;
    }, RATE_LIMITED_RETRY_MS);
  }
}
