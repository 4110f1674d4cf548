/**
 * What one client may cost the reference backend: frame sizes, buffered bytes,
 * connections, frames per second. Every limit has a default and an option.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';

/** Limits of {@link startServer}; missing fields take {@link DEFAULT_LIMITS}'. */
export interface Limits {
  /** Bytes the server may hold unsent for one client before it drops it as a slow consumer. */
  readonly maxBufferedBytes: number;
  /** Open connections per agent (a hello beyond it is refused). */
  readonly maxConnectionsPerAgent: number;
  /** Open connections in all, authenticated or not (an upgrade beyond it is refused). */
  readonly maxConnections: number;
  /** Frames per second one connection may send, sustained. */
  readonly framesPerSecond: number;
  /** Frames one connection may send in a burst. */
  readonly frameBurst: number;
  /** A connection that has not sent a valid `hello` this long after opening is closed (ms). */
  readonly helloTimeoutMs: number;
}

/** The default {@link Limits}. */
export const DEFAULT_LIMITS: Limits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  maxConnectionsPerAgent: 8,
  maxConnections: 64,
  framesPerSecond: 50,
  frameBurst: 200,
  helloTimeoutMs: 10_000,
};

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. Each frame takes one; a frame
 * finding the bucket empty is refused. Time comes from `now` (ms).
 */
export class TokenBucket {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #at: number;

  constructor(perSecond: number, burst: number, now: () => number = Date.now) {
    this.#perMs = Math.max(0, perSecond) / 1000;
    this.#burst = Math.max(1, burst);
    this.#now = now;
    this.#tokens = this.#burst;
    this.#at = now();
  }

  /** Takes one token; false when there is none. */
  take(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#perMs);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/**
 * JSON with object keys sorted, so the same command arguments give the same text
 * whatever order a client wrote them in. Input is parsed JSON (no cycles).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint an idempotency key is bound to: SHA-256 of the command name and its canonical arguments. */
export function commandFingerprint(name: string, args: unknown): string {
  return createHash('sha256').update(name).update('\n').update(canonicalJson(args)).digest('base64url');
}
