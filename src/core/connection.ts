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
