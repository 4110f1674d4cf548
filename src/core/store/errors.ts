/** What went wrong, for hosts that log or show errors. */
export type StoreErrorCode = 'invalid-event' | 'unknown-interaction' | 'command-failed' | 'invalid-command' | 'draft-storage-failed';

/** An error reported on `InteractionStore.errors$`. Never thrown into the host. */
export interface StoreError {
  readonly code: StoreErrorCode;
  /** Human-readable explanation (English; elements show localised text by `code`). */
  readonly message: string;
  /** The command that failed, for `command-failed` and `invalid-command`; the `DraftStore` method, for `draft-storage-failed`. */
  readonly command?: string;
  readonly interactionId?: string;
  /** The offending inbound value, for `invalid-event`. */
  readonly event?: unknown;
}

/** Rejection of a store command: carries the same fields as the reported {@link StoreError}. */
export class CommandError extends Error {
  readonly code: StoreErrorCode;
  readonly command: string;
  constructor(code: StoreErrorCode, command: string, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.command = command;
  }
}
