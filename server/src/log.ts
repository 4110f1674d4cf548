/**
 * The append-only event log, persisted as JSON lines in `<dataDir>/log.jsonl`:
 *
 * ```
 * {"kind":"meta","logId":"…","created":1700000000000,"protocol":1}
 * {"kind":"entry","events":[{"type":"offer",…,"seq":1,"at":…}]}
 * {"kind":"entry","events":[…],"result":{"id":"<idempotency key>","hash":"<fingerprint>","outcome":{"ok":true,"value":…}}}
 * ```
 *
 * The events of one command and its outcome are one line, written with one `write`
 * (and `fsync`ed by default): a process killed at any moment leaves all of them or none
 * (a torn last line, never acknowledged, is cut off when the log is opened again).
 *
 * Opening never fails on content: a line that cannot be read back (not JSON, an event
 * that does not validate, a sequence that does not follow) is moved to
 * `<dataDir>/quarantine.jsonl` with the reason, reported on stderr, and the log is
 * rewritten without it under a new `logId` (a new epoch), so clients resynchronise.
 * @packageDocumentation
 */
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
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

/** A recorded command: its outcome and the fingerprint its key is bound to (absent in older logs). */
export interface CommandRecord {
  readonly outcome: CommandOutcome;
  readonly hash?: string;
}

/** A line set aside when the log was opened. */
export interface QuarantinedRecord {
  /** 1-based line number in the log as it was found. */
  readonly line: number;
  readonly reason: string;
}

/** Idempotency keys remembered (oldest forgotten first). */
const MAX_KEYS = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isOutcome(v: unknown): v is CommandOutcome {
  if (!isObject(v)) return false;
  if (v['ok'] === true) return 'value' in v;
  return v['ok'] === false && isObject(v['error']) && typeof v['error']['code'] === 'string' && typeof v['error']['message'] === 'string';
}

/** Makes sure a rename or a new file in `dir` survives power loss. */
function fsyncDir(dir: string): void {
  let fd = -1;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a directory; the file itself was synced.
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** One line read back: its events (renumbered later if needed) and recorded outcome. */
interface ReadEntry {
  readonly events: LoggedEvent[];
  readonly result?: { readonly id: string; readonly hash?: string; readonly outcome: CommandOutcome };
}

/** Reads one line; a string is the reason it must be quarantined. */
function readLine(line: string): ReadEntry | { readonly meta: string } | string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (!isObject(entry)) return 'not an object';
  if (entry['kind'] === 'meta') return typeof entry['logId'] === 'string' ? { meta: entry['logId'] } : 'meta without logId';
  if (entry['kind'] !== 'entry' || !Array.isArray(entry['events'])) return 'unknown entry';
  const events: LoggedEvent[] = [];
  for (const value of entry['events'] as unknown[]) {
    const checked = validateEvent(value);
    if (!checked.ok) return checked.error;
    const seq = checked.event.seq;
    if (seq === undefined) return 'event without seq';
    events.push({ ...checked.event, seq });
  }
  const result = entry['result'];
  if (result === undefined) return { events };
  if (!isObject(result) || typeof result['id'] !== 'string' || !isOutcome(result['outcome'])) return 'bad result';
  const hash = typeof result['hash'] === 'string' ? result['hash'] : undefined;
  return { events, result: { id: result['id'], outcome: result['outcome'], ...(hash === undefined ? {} : { hash }) } };
}

/** The event log and the recorded command outcomes of one data directory. */
export class EventLog {
  /** Identifies this log and its epoch; a fresh or rebuilt log gets a new one. */
  readonly logId: string;
  /** Where the log lives. */
  readonly file: string;
  /** Where bad lines go. */
  readonly quarantineFile: string;
  /** Lines set aside when the log was opened (empty for a sound log). */
  readonly quarantined: readonly QuarantinedRecord[];
  readonly #events: LoggedEvent[] = [];
  readonly #results = new Map<string, CommandRecord>();
  readonly #fsync: boolean;
  readonly #now: () => number;
  #fd: number;

  /**
   * Opens (or creates) the log in `dataDir`, reading every entry back. Never fails on
   * the log's content (see the module comment); fails only when the file system does.
   */
  constructor(dataDir: string, options: { readonly fsync?: boolean; readonly now?: () => number } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, 'log.jsonl');
    this.quarantineFile = path.join(dataDir, 'quarantine.jsonl');
    this.#fsync = options.fsync ?? true;
    this.#now = options.now ?? Date.now;
    let logId: string | undefined;
    const quarantined: QuarantinedRecord[] = [];
    const setAside: string[] = [];
    let rewrite = false;
    if (existsSync(this.file)) {
      const text = readFileSync(this.file, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      // A process killed in the middle of a write leaves a torn last line: it was never acknowledged.
      if (end < text.length) truncateSync(this.file, Buffer.byteLength(text.slice(0, end)));
      const lines = text.slice(0, end).split('\n');
      lines.pop();
      lines.forEach((line, index) => {
        const read = readLine(line);
        const reject = (reason: string): void => {
          quarantined.push({ line: index + 1, reason });
          setAside.push(JSON.stringify({ quarantinedAt: this.#now(), line: index + 1, reason, text: line }));
          rewrite = true;
        };
        if (typeof read === 'string') {
          reject(read);
          return;
        }
        if ('meta' in read) {
          logId ??= read.meta;
          return;
        }
        const first = this.#events.length + 1;
        // Renumbered when an earlier line was set aside or the numbers do not follow: clients resync on the new epoch.
        const events = read.events.map((e, i) => {
          if (e.seq !== first + i) rewrite = true;
          return e.seq === first + i ? e : { ...e, seq: first + i };
        });
        this.#events.push(...events);
        if (read.result) this.#remember(read.result.id, { outcome: read.result.outcome, ...(read.result.hash === undefined ? {} : { hash: read.result.hash }) });
      });
    }
    this.quarantined = quarantined;
    if (rewrite) {
      logId = randomUUID();
      if (setAside.length > 0) appendFileSync(this.quarantineFile, setAside.map((l) => `${l}\n`).join(''), { mode: 0o600 });
      this.#rewrite(logId);
      console.error(
        `cc-backend: ${quarantined.length} unreadable record(s) of ${this.file} moved to ${this.quarantineFile} ` +
          `(${quarantined.map((q) => `line ${q.line}: ${q.reason.slice(0, 120)}`).join('; ') || 'sequence renumbered'}); ` +
          `the log was rebuilt as epoch ${logId}`,
      );
    }
    this.#fd = openSync(this.file, 'a', 0o600);
    if (logId === undefined) {
      logId = randomUUID();
      this.#write([{ kind: 'meta', logId, created: this.#now(), protocol: PROTOCOL_VERSION }]);
      fsyncDir(dataDir);
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

  /** Events with `seq` greater than `after`, oldest first; at most `limit` of them. */
  since(after: number, limit = Infinity): readonly LoggedEvent[] {
    const from = Math.max(0, Math.min(after, this.#events.length));
    return this.#events.slice(from, Number.isFinite(limit) ? from + Math.max(0, limit) : undefined);
  }

  /** The recorded outcome of a command key, if it was applied. */
  outcome(key: string): CommandOutcome | undefined {
    return this.#results.get(key)?.outcome;
  }

  /** The recorded command of a key: its outcome and the fingerprint it is bound to. */
  record(key: string): CommandRecord | undefined {
    return this.#results.get(key);
  }

  /** How many command keys are remembered. */
  get keys(): number {
    return this.#results.size;
  }

  /**
   * Stamps `seq` and `at` on the events and appends them, with the command's outcome
   * when given, as one line in one write. Returns the logged events.
   * @throws Error, writing nothing, when an event would not read back (it does not validate).
   */
  append(
    inputs: readonly EventInput[],
    result?: { readonly id: string; readonly hash?: string; readonly outcome: CommandOutcome },
  ): LoggedEvent[] {
    const at = this.#now();
    const logged: LoggedEvent[] = inputs.map((e, i) => ({ ...e, at, seq: this.#events.length + i + 1 }));
    if (logged.length === 0 && !result) return [];
    for (const event of logged) {
      // What is written must be readable again: a record that would not replay is refused here.
      const checked = validateEvent(event);
      if (!checked.ok) throw new Error(`refusing to log an invalid event: ${checked.error}`);
    }
    this.#write([{ kind: 'entry', events: logged, ...(result ? { result } : {}) }]);
    this.#events.push(...logged);
    if (result) this.#remember(result.id, { outcome: result.outcome, ...(result.hash === undefined ? {} : { hash: result.hash }) });
    return logged;
  }

  /** Closes the file. */
  close(): void {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
  }

  /** Replaces the log file with what was read (atomically: write, fsync, rename). */
  #rewrite(logId: string): void {
    const temporary = `${this.file}.${process.pid}.rebuild`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      const lines = [JSON.stringify({ kind: 'meta', logId, created: this.#now(), protocol: PROTOCOL_VERSION, rebuilt: true })];
      // One line per event: the grouping of events into commands is not needed to replay them.
      for (const event of this.#events) lines.push(JSON.stringify({ kind: 'entry', events: [event] }));
      for (const [id, record] of this.#results) lines.push(JSON.stringify({ kind: 'entry', events: [], result: { id, ...record } }));
      const buffer = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    fsyncDir(path.dirname(this.file));
  }

  #write(entries: readonly unknown[]): void {
    const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.#fd, buffer, offset);
    if (this.#fsync) fsyncSync(this.#fd);
  }

  #remember(key: string, record: CommandRecord): void {
    this.#results.delete(key);
    this.#results.set(key, record);
    if (this.#results.size > MAX_KEYS) {
      const oldest = this.#results.keys().next();
      if (!oldest.done) this.#results.delete(oldest.value);
    }
  }
}
