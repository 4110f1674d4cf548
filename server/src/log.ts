/**
 * The append-only event log, persisted as JSON lines in `<dataDir>/log.jsonl`:
 *
 * ```
 * {"kind":"meta","logId":"…","created":1700000000000,"protocol":1}
 * {"kind":"entry","events":[{"type":"offer",…,"seq":1,"at":…}]}
 * {"kind":"entry","events":[…],"result":{"id":"<idempotency key>","outcome":{"ok":true,"value":…}}}
 * ```
 *
 * The events of one command and its outcome are one line, written with one `write`: a
 * process killed at any moment leaves all of them or none (a torn last line, never
 * acknowledged, is cut off when the log is opened again).
 * @packageDocumentation
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ContactCenterEvent } from '../../src/core/events.js';
import { validateEvent } from '../../src/core/validate.js';
import { PROTOCOL_VERSION } from '../../src/adapters/websocket/protocol.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the log stamps `seq` and `at` on it. */
export type EventInput = DistributiveOmit<ContactCenterEvent, 'at' | 'seq'>;

/** A logged event: `seq` is always set. */
export type LoggedEvent = ContactCenterEvent & { readonly seq: number };

/** The recorded outcome of a command, returned again for a repeated idempotency key. */
export type CommandOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** Idempotency keys remembered (oldest forgotten first). */
const MAX_KEYS = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The event log and the recorded command outcomes of one data directory. */
export class EventLog {
  /** Identifies this log; a fresh data directory gets a new one. */
  readonly logId: string;
  /** Where the log lives. */
  readonly file: string;
  readonly #events: LoggedEvent[] = [];
  readonly #results = new Map<string, CommandOutcome>();
  readonly #fsync: boolean;
  readonly #now: () => number;
  #fd: number;

  /**
   * Opens (or creates) the log in `dataDir`, reading every entry back.
   * @throws Error when a line other than the last cannot be read (a corrupt log).
   */
  constructor(dataDir: string, options: { readonly fsync?: boolean; readonly now?: () => number } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'log.jsonl');
    this.#fsync = options.fsync ?? false;
    this.#now = options.now ?? Date.now;
    let logId: string | undefined;
    if (existsSync(this.file)) {
      const text = readFileSync(this.file, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      // A process killed in the middle of a write leaves a torn last line: it was never acknowledged.
      if (end < text.length) truncateSync(this.file, Buffer.byteLength(text.slice(0, end)));
      const lines = text.slice(0, end).split('\n');
      lines.pop();
      lines.forEach((line, index) => {
        const where = `${this.file}:${index + 1}`;
        let entry: unknown;
        try {
          entry = JSON.parse(line);
        } catch {
          throw new Error(`corrupt event log at ${where}: not JSON`);
        }
        if (!isObject(entry)) throw new Error(`corrupt event log at ${where}: not an object`);
        if (entry['kind'] === 'meta' && typeof entry['logId'] === 'string') {
          logId ??= entry['logId'];
          return;
        }
        if (entry['kind'] !== 'entry' || !Array.isArray(entry['events'])) throw new Error(`corrupt event log at ${where}: unknown entry`);
        for (const value of entry['events'] as unknown[]) {
          const checked = validateEvent(value);
          if (!checked.ok) throw new Error(`corrupt event log at ${where}: ${checked.error}`);
          const seq = checked.event.seq;
          if (seq !== this.#events.length + 1) throw new Error(`corrupt event log at ${where}: seq ${String(seq)} after ${this.#events.length}`);
          this.#events.push({ ...checked.event, seq });
        }
        const result = entry['result'];
        if (result !== undefined) {
          if (!isObject(result) || typeof result['id'] !== 'string' || !isObject(result['outcome'])) {
            throw new Error(`corrupt event log at ${where}: bad result`);
          }
          this.#remember(result['id'], result['outcome'] as CommandOutcome);
        }
      });
    }
    this.#fd = openSync(this.file, 'a');
    if (logId === undefined) {
      logId = randomUUID();
      this.#write([{ kind: 'meta', logId, created: this.#now(), protocol: PROTOCOL_VERSION }]);
    }
    this.logId = logId;
  }

  /** Highest sequence number in the log (0 when empty). */
  get headSeq(): number {
    return this.#events.length;
  }

  /** Every logged event, oldest first. */
  get events(): readonly LoggedEvent[] {
    return this.#events;
  }

  /** Events with `seq` greater than `after`, oldest first. */
  since(after: number): readonly LoggedEvent[] {
    return this.#events.slice(Math.max(0, Math.min(after, this.#events.length)));
  }

  /** The recorded outcome of a command key, if it was applied. */
  outcome(key: string): CommandOutcome | undefined {
    return this.#results.get(key);
  }

  /** How many command keys are remembered. */
  get keys(): number {
    return this.#results.size;
  }

  /**
   * Stamps `seq` and `at` on the events and appends them, with the command's outcome
   * when given, as one line in one write. Returns the logged events.
   */
  append(inputs: readonly EventInput[], result?: { readonly id: string; readonly outcome: CommandOutcome }): LoggedEvent[] {
    const at = this.#now();
    const logged: LoggedEvent[] = inputs.map((e, i) => ({ ...e, at, seq: this.#events.length + i + 1 }));
    if (logged.length === 0 && !result) return [];
    this.#write([{ kind: 'entry', events: logged, ...(result ? { result } : {}) }]);
    this.#events.push(...logged);
    if (result) this.#remember(result.id, result.outcome);
    return logged;
  }

  /** Closes the file. */
  close(): void {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
  }

  #write(entries: readonly unknown[]): void {
    const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.#fd, buffer, offset);
    if (this.#fsync) fsyncSync(this.#fd);
  }

  #remember(key: string, outcome: CommandOutcome): void {
    this.#results.delete(key);
    this.#results.set(key, outcome);
    if (this.#results.size > MAX_KEYS) {
      const oldest = this.#results.keys().next();
      if (!oldest.done) this.#results.delete(oldest.value);
    }
  }
}
