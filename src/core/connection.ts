import type { Observable } from 'rxjs';

/**
 * Where an adapter's connection to its backend stands:
 * - `connecting`: the first connection is being made (nothing received yet);
 * - `open`: connected; events flow and commands are sent at once;
 * - `reconnecting`: an open connection was lost; it is being re-established and
 *   commands wait in a queue;
 * - `closed`: for good (disposed, refused by the server, or the adapter gave up).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Anything that reports a {@link ConnectionState}: a network adapter such as `WebSocketContactCenter`. */
export interface ConnectionSource {
  /** The current state at once, then every change. */
  readonly connection$: Observable<ConnectionState>;
}

/** Whether a value (an adapter, say) reports its connection state. */
export function isConnectionSource(value: unknown): value is ConnectionSource {
  if (typeof value !== 'object' || value === null || !('connection$' in value)) return false;
  const c: unknown = value.connection$;
  return typeof c === 'object' && c !== null && 'subscribe' in c && typeof c.subscribe === 'function';
}

/**
 * The backend's event log was reset (lost, or rebuilt under a new epoch): its sequence
 * numbers start again, and what the client had folded no longer lines up with them.
 */
export interface LogReset {
  /** The new epoch. */
  readonly epoch: string;
  /** The epoch the client had, when it knew one. */
  readonly previousEpoch?: string;
  /** The last sequence number the client had folded from the old log. */
  readonly previousSeq: number;
}

/** An adapter that tells when its backend's log was reset, so the store can resynchronise. */
export interface ResyncSource {
  /** Emits once per reset, before the first event of the new log. */
  readonly resync$: Observable<LogReset>;
}

/** Whether a value (an adapter, say) reports log resets. */
export function isResyncSource(value: unknown): value is ResyncSource {
  if (typeof value !== 'object' || value === null || !('resync$' in value)) return false;
  const r: unknown = value.resync$;
  return typeof r === 'object' && r !== null && 'subscribe' in r && typeof r.subscribe === 'function';
}
