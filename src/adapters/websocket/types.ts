/**
 * The public types of {@link WebSocketContactCenter}: its options, the socket it needs,
 * the issues it reports and the errors its commands reject with.
 * @packageDocumentation
 */
import type { CommandName } from './protocol.js';
import type { ReconnectPolicy } from './reconnect.js';

/**
 * The part of the browser `WebSocket` the adapter uses, so that tests and other
 * runtimes can supply their own (see {@link WebSocketContactCenterOptions.createSocket}).
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onmessage: ((event: MessageEvent) => unknown) | null;
  onclose: ((event: CloseEvent) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** What kind of trouble {@link WebSocketContactCenter.issues$} reports. */
export type WebSocketIssueKind =
  /** A frame that is not JSON, not an object, or misses required fields. */
  | 'malformed-frame'
  /** An event frame whose event failed validation; it is skipped. */
  | 'invalid-event'
  /** A frame that is well-formed but out of place (an event before the welcome, a result nobody waits for…). */
  | 'protocol'
  /** An event arrived after a gap in the sequence; the adapter reconnects to get the missing ones. */
  | 'sequence-gap'
  /** The server's log restarted (another epoch, or it lost events): sequence numbers start again and the adapter resynchronises. */
  | 'log-reset'
  /** An `error` frame from the server. */
  | 'server-error'
  /** The server stopped answering; the connection is dropped and re-established. */
  | 'heartbeat-timeout'
  /** The socket could not even be created (bad URL, blocked by the page's policy). */
  | 'connect-failed';

/** A problem the adapter met and handled. Reported on {@link WebSocketContactCenter.issues$}, never thrown. */
export interface WebSocketIssue {
  readonly kind: WebSocketIssueKind;
  /** Human-readable explanation (English). */
  readonly message: string;
  /** The beginning of the offending frame, when there is one (at most 200 characters). */
  readonly frame?: string;
}

/** Counters, for diagnostics and tests. */
export interface WebSocketStats {
  /** Connections the server welcomed. */
  readonly welcomes: number;
  /** Connection attempts (first included). */
  readonly attempts: number;
  /** Events emitted on `events$`. */
  readonly events: number;
  /** Events received again (seq already seen) and dropped. */
  readonly duplicatesDropped: number;
  /** Commands sent again, with the same idempotency key, after a reconnection. */
  readonly commandsResent: number;
  /** Frames reported as malformed. */
  readonly malformedFrames: number;
}

/** Why a command failed. `timeout` and `closed` are the adapter's own; the others come from the server. */
export type WebSocketCommandErrorCode =
  | 'timeout'
  | 'closed'
  | 'too-large'
  | 'invalid-result'
  | 'rejected'
  | 'invalid-args'
  | 'unknown-command'
  | 'internal'
  | 'idempotency-conflict'
  | (string & {});

/** The rejection of a command. Its `message` explains the cause to the agent. */
export class WebSocketCommandError extends Error {
  /** Machine-readable cause. */
  readonly code: WebSocketCommandErrorCode;
  /** The command that failed. */
  readonly command: CommandName;

  /**
   * @param code Machine-readable cause.
   * @param command The command that failed.
   * @param message Human-readable explanation.
   */
  constructor(code: WebSocketCommandErrorCode, command: CommandName, message: string) {
    super(message);
    this.name = 'WebSocketCommandError';
    this.code = code;
    this.command = command;
  }
}

/** Options of {@link WebSocketContactCenter}. */
export interface WebSocketContactCenterOptions {
  /** The backend's WebSocket URL, e.g. `ws://127.0.0.1:8787/`. */
  readonly url: string;
  /** The agent this session belongs to (sent in `hello`). */
  readonly agentId: string;
  /**
   * The agent's token, sent in `hello` (the reference backend wants a signed, short-lived
   * one: see `docs/protocol.md`). A function is asked again on every connection attempt,
   * so a host can hand out a fresh token before the old one expires.
   */
  readonly token?: string | (() => string | undefined);
  /**
   * A command not answered this long after it was issued is rejected with a
   * {@link WebSocketCommandError} (`timeout`) — also while it waits for a connection; a
   * command that never reached the server is then dropped, never sent later. Default 15000.
   */
  readonly commandTimeoutMs?: number;
  /** Reconnection backoff; missing fields take {@link DEFAULT_RECONNECT_POLICY}'s. */
  readonly reconnect?: Partial<ReconnectPolicy>;
  /**
   * The connection is considered dead when nothing arrives for this long (ms), and is
   * re-established. Default: twice the server's announced heartbeat plus one second.
   */
  readonly heartbeatTimeoutMs?: number;
  /**
   * Longest wait for the server's welcome on a new connection (ms). Default 10000. Once
   * the server's heartbeat is known, a reconnection waits only as long as a dead
   * connection takes to detect, growing by the backoff factor per failed attempt up to this.
   */
  readonly handshakeTimeoutMs?: number;
  /** Resume after this sequence number (a host that persisted it). Default 0: the whole log is replayed. */
  readonly lastSeq?: number;
  /** Largest file {@link WebSocketContactCenter.uploadAttachment} sends, bytes. Default 8 MiB. */
  readonly maxUploadBytes?: number;
  /** Connect at once (default) or wait for {@link WebSocketContactCenter.connect}. */
  readonly autoConnect?: boolean;
  /** Makes the socket; default `new WebSocket(url)`. For tests and non-browser runtimes. */
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Random numbers in [0, 1) for the backoff jitter; default `Math.random`. */
  readonly random?: () => number;
}
