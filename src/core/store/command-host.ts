import type { ContactCenterAdapter } from '../adapter.js';
import type { Interaction } from '../types.js';
import type { CommandError, StoreErrorCode } from './errors.js';
import type { CcState, StoreAction } from './state.js';

/**
 * What a group of store commands may use of the store, and nothing more: the group gets
 * this instead of the store, so it cannot reach the store's fields or other commands.
 */
export interface CommandHost {
  readonly adapter: ContactCenterAdapter;
  /** The current state, every ingested event folded in. */
  state(): CcState;
  now(): number;
  /** Folds a local action (an optimistic change, its outcome) into the state. */
  dispatch(action: StoreAction): void;
  /** The interaction; throws (and reports) when it is unknown or the store is disposed. */
  require(command: string, interactionId: string): Interaction;
  /** Reports a failure on `errors$` and returns the error to reject with. */
  fail(command: string, interactionId: string | undefined, e: unknown, code?: StoreErrorCode): CommandError;
  /** Runs an adapter call; a rejection is reported and rethrown as a {@link CommandError}. */
  call<T>(command: string, interactionId: string | undefined, run: () => Promise<T>): Promise<T>;
}

let idCounter = 0;

/** An id for something the store shows before the backend has named it (a message being sent). */
export function localId(prefix: string): string {
  idCounter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${idCounter.toString(36)}-${random}`;
}
