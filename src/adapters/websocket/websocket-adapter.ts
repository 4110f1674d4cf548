import { BehaviorSubject, Subject, distinctUntilChanged, type Observable } from 'rxjs';
import type {
  ContactCenterAdapter,
  SendEmailRequest,
  SendEmailResult,
  SendMessageRequest,
  SendMessageResult,
  TransferRequest,
  WorkflowResult,
  WrapupRequest,
} from '../../core/adapter.js';
import type { ConnectionSource, ConnectionState } from '../../core/connection.js';
import type { ContactCenterEvent } from '../../core/events.js';
import type {
  AgentAvailability,
  Attachment,
  Channel,
  DirectoryAgent,
  MessageTemplate,
  Queue,
  Workflow,
  WrapupReason,
} from '../../core/types.js';
import { validateEvent } from '../../core/validate.js';
import {
  PROTOCOL_VERSION,
  checkCommandValue,
  parseServerFrame,
  type CommandArgs,
  type CommandName,
  type CommandValue,
  type EventFrame,
  type ResultFrame,
  type WelcomeFrame,
} from './protocol.js';

/** How {@link WebSocketContactCenter} waits between connection attempts: exponential backoff with jitter. */
export interface ReconnectPolicy {
  /** Delay before the first reconnection attempt, ms. Default 250. */
  readonly initialDelayMs: number;
  /** Upper bound of every delay, ms. Default 10000. */
  readonly maxDelayMs: number;
  /** Growth of the delay per failed attempt. Default 2. */
  readonly factor: number;
  /**
   * Share of each delay that is random (0..1): the delay is drawn from
   * `[base × (1 − jitter), base]`, so many clients do not reconnect in lockstep. Default 0.5.
   */
  readonly jitter: number;
  /** Attempts in a row before giving up (`closed`). Default `Infinity`. */
  readonly maxAttempts: number;
}

/** The default {@link ReconnectPolicy}: 250 ms doubling up to 10 s, half of it random, forever. */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Infinity,
};

/**
 * Delay before reconnection attempt `attempt` (0 for the first):
 * `min(maxDelayMs, initialDelayMs × factor^attempt)`, minus up to `jitter` of it at random.
 * Always within `[0, maxDelayMs]`.
 */
export function backoffDelay(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * Math.pow(policy.factor, Math.max(0, attempt)));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.max(0, Math.min(policy.maxDelayMs, base * (1 - jitter * r)));
}

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
  /** The server's log restarted (another `logId`, or it lost events): sequence numbers start again. */
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
export type WebSocketCommandErrorCode = 'timeout' | 'closed' | 'too-large' | 'invalid-result' | 'rejected' | 'invalid-args' | 'unknown-command' | 'internal' | (string & {});

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
  /** Credentials sent in `hello`, when the server requires them. */
  readonly token?: string;
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
  /** The server must welcome a new connection within this time (ms). Default 10000. */
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

interface PendingCommand {
  readonly name: CommandName;
  readonly frame: string;
  /** Whether the frame went out on some connection. */
  sent: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

const WS_OPEN = 1;
/** Close code the adapter uses when it drops a connection itself (heartbeat, gap). */
const CLOSE_RESYNC = 4000;

/** An idempotency key: 128 random bits, hex (works in insecure contexts, unlike `randomUUID`). */
function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * A reference network adapter: connects the widgets to a backend over one WebSocket
 * speaking the JSON protocol of `docs/protocol.md` (`server/` is a reference backend).
 *
 * - **Resumable**: every event carries a sequence number; after a reconnection the
 *   adapter asks for everything after the last one it emitted, and drops any event it
 *   has already seen, so nothing is lost or emitted twice.
 * - **Idempotent commands**: each command gets a random idempotency key. Commands
 *   issued while disconnected wait in a queue; after reconnecting, every unanswered
 *   command is sent again with the *same* key, and the server applies each key once.
 * - **Bounded waits**: a command unanswered after {@link WebSocketContactCenterOptions.commandTimeoutMs}
 *   is rejected with a clear `Error`; reconnection uses exponential backoff with jitter,
 *   bounded by {@link ReconnectPolicy.maxDelayMs}.
 * - **Never throws into the host**: malformed frames and invalid events are reported on
 *   {@link issues$} and skipped.
 *
 * Show {@link connection$} to the agent with `<cc-connection-status>`.
 */
export class WebSocketContactCenter implements ContactCenterAdapter, ConnectionSource {
  readonly #url: string;
  readonly #agentId: string;
  readonly #token: string | undefined;
  readonly #commandTimeoutMs: number;
  readonly #policy: ReconnectPolicy;
  readonly #heartbeatTimeoutMs: number | undefined;
  readonly #handshakeTimeoutMs: number;
  readonly #maxUploadBytes: number;
  readonly #createSocket: (url: string) => WebSocketLike;
  readonly #random: () => number;

  readonly #events = new Subject<ContactCenterEvent>();
  readonly #connection: BehaviorSubject<ConnectionState>;
  readonly #issues = new Subject<WebSocketIssue>();
  readonly #pending = new Map<string, PendingCommand>();

  #socket: WebSocketLike | undefined;
  /** True between the welcome and the loss of the socket it came on. */
  #ready = false;
  #everOpen = false;
  #lastSeq: number;
  #logId: string | undefined;
  #welcome: WelcomeFrame | undefined;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #stats: { -readonly [K in keyof WebSocketStats]: number } = {
    welcomes: 0,
    attempts: 0,
    events: 0,
    duplicatesDropped: 0,
    commandsResent: 0,
    malformedFrames: 0,
  };
  readonly #onOnline = (): void => this.reconnectNow();

  /** Every inbound event, in sequence order, each exactly once. Completes on {@link dispose}. */
  readonly events$: Observable<ContactCenterEvent> = this.#events.asObservable();

  /** The connection state; emits the current one at once, then every change. Completes on {@link dispose}. */
  readonly connection$: Observable<ConnectionState>;

  /** Problems met and handled: malformed frames, invalid events, gaps, server errors. */
  readonly issues$: Observable<WebSocketIssue> = this.#issues.asObservable();

  /** @param options See {@link WebSocketContactCenterOptions}. */
  constructor(options: WebSocketContactCenterOptions) {
    this.#url = options.url;
    this.#agentId = options.agentId;
    this.#token = options.token;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 15_000;
    this.#policy = { ...DEFAULT_RECONNECT_POLICY, ...options.reconnect };
    this.#heartbeatTimeoutMs = options.heartbeatTimeoutMs;
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.#maxUploadBytes = options.maxUploadBytes ?? 8 * 1024 * 1024;
    this.#createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.#random = options.random ?? Math.random;
    this.#lastSeq = Math.max(0, Math.trunc(options.lastSeq ?? 0));
    this.#connection = new BehaviorSubject<ConnectionState>('connecting');
    this.connection$ = this.#connection.pipe(distinctUntilChanged());
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
    if (options.autoConnect ?? true) this.connect();
  }

  // ---- state ------------------------------------------------------------------------

  /** The current connection state. */
  get connectionState(): ConnectionState {
    return this.#connection.value;
  }

  /** Highest sequence number emitted so far (persist it to resume a later session). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The last `welcome` the server sent, or `undefined` before the first. */
  get welcome(): WelcomeFrame | undefined {
    return this.#welcome;
  }

  /** Commands issued and not yet answered (queued or in flight). */
  get pendingCommands(): number {
    return this.#pending.size;
  }

  /** Counters since construction. */
  get stats(): WebSocketStats {
    return { ...this.#stats };
  }

  // ---- connection -------------------------------------------------------------------

  /** Opens the connection (only needed with `autoConnect: false`). Does nothing when connected or closed. */
  connect(): void {
    if (this.#closed || this.#socket || this.#reconnectTimer !== undefined) return;
    this.#open();
  }

  /** Skips the backoff wait and tries to connect now (e.g. when the host knows the network is back). */
  reconnectNow(): void {
    if (this.#closed || this.#socket) return;
    this.#clearReconnect();
    this.#attempt = 0;
    this.#open();
  }

  /**
   * Ends the session: closes the socket, rejects every pending command, completes
   * {@link events$}, {@link connection$} (after `closed`) and {@link issues$}.
   * Calling it again does nothing.
   */
  dispose(): void {
    if (this.#closed && this.#events.closed) return;
    this.#shutDown(new Error('The WebSocket contact center is disposed'));
    this.#events.complete();
    this.#issues.complete();
    this.#connection.complete();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
  }

  #shutDown(reason: Error): void {
    this.#closed = true;
    this.#clearReconnect();
    this.#clearWatchdog();
    const socket = this.#socket;
    this.#socket = undefined;
    this.#ready = false;
    if (socket) {
      this.#detach(socket);
      try {
        socket.close(1000, 'closed by the client');
      } catch {
        // Closing a socket that never opened may throw in some runtimes; it is gone either way.
      }
    }
    for (const [id, p] of [...this.#pending]) {
      this.#pending.delete(id);
      clearTimeout(p.timer);
      p.reject(new WebSocketCommandError('closed', p.name, `${p.name}: ${reason.message}`));
    }
    this.#setState('closed');
  }

  #open(): void {
    this.#stats.attempts += 1;
    let socket: WebSocketLike;
    try {
      socket = this.#createSocket(this.#url);
    } catch (e) {
      this.#report('connect-failed', `cannot open ${this.#url}: ${e instanceof Error ? e.message : String(e)}`);
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      const hello = {
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        agentId: this.#agentId,
        lastSeq: this.#lastSeq,
        ...(this.#logId === undefined ? {} : { logId: this.#logId }),
        ...(this.#token === undefined ? {} : { token: this.#token }),
      };
      this.#transmit(JSON.stringify(hello));
    };
    socket.onmessage = (event) => {
      if (socket === this.#socket) this.#onFrame(event.data);
    };
    socket.onclose = () => {
      if (socket === this.#socket) this.#lost();
    };
    socket.onerror = () => {
      // A close event always follows; reconnection starts there.
    };
    this.#armWatchdog(this.#handshakeTimeoutMs);
  }

  /** The current socket is gone (closed by the peer, or dropped by us): reconnect. */
  #lost(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#ready = false;
    this.#clearWatchdog();
    if (socket) this.#detach(socket);
    if (this.#closed) return;
    this.#setState(this.#everOpen ? 'reconnecting' : 'connecting');
    this.#scheduleReconnect();
  }

  /** Drops the current socket ourselves (dead peer, sequence gap) and reconnects. */
  #drop(reason: string): void {
    const socket = this.#socket;
    this.#lost(); // detaches the socket first: its close event is not ours to handle any more
    if (!socket) return;
    try {
      socket.close(CLOSE_RESYNC, reason);
    } catch {
      // Already closing.
    }
  }

  #detach(socket: WebSocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnectTimer !== undefined) return;
    if (this.#attempt >= this.#policy.maxAttempts) {
      this.#shutDown(new Error(`gave up reconnecting to ${this.#url} after ${this.#attempt} attempts`));
      return;
    }
    const delay = backoffDelay(this.#attempt, this.#policy, this.#random);
    this.#attempt += 1;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (!this.#closed && !this.#socket) this.#open();
    }, delay);
  }

  #clearReconnect(): void {
    if (this.#reconnectTimer !== undefined) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  #armWatchdog(ms: number): void {
    this.#clearWatchdog();
    this.#watchdog = setTimeout(() => {
      this.#watchdog = undefined;
      this.#report('heartbeat-timeout', `nothing received from the server for ${ms} ms; reconnecting`);
      this.#drop('heartbeat timeout');
    }, ms);
  }

  #clearWatchdog(): void {
    if (this.#watchdog !== undefined) clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }

  #setState(state: ConnectionState): void {
    if (this.#connection.value !== state && !this.#connection.closed) this.#connection.next(state);
  }

  #transmit(text: string): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WS_OPEN) return false;
    try {
      socket.send(text);
      return true;
    } catch {
      return false;
    }
  }

  #report(kind: WebSocketIssueKind, message: string, frame?: string): void {
    if (kind === 'malformed-frame') this.#stats.malformedFrames += 1;
    if (!this.#issues.closed) this.#issues.next(frame === undefined ? { kind, message } : { kind, message, frame: clip(frame) });
  }

  // ---- inbound ----------------------------------------------------------------------

  #onFrame(data: unknown): void {
    const welcomed = this.#welcome;
    this.#armWatchdog(this.#ready && welcomed ? (this.#heartbeatTimeoutMs ?? welcomed.heartbeatMs * 2 + 1000) : this.#handshakeTimeoutMs);
    if (typeof data !== 'string') {
      this.#report('malformed-frame', 'binary frames are not part of the protocol');
      return;
    }
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.#report('malformed-frame', parsed.error, data);
      return;
    }
    const frame = parsed.frame;
    if (!frame) return; // A frame type from a newer server: ignored.
    switch (frame.type) {
      case 'welcome':
        this.#onWelcome(frame);
        return;
      case 'event':
        this.#onEvent(frame, data);
        return;
      case 'result':
        this.#onResult(frame);
        return;
      case 'ping':
        this.#transmit(JSON.stringify(frame.t === undefined ? { type: 'pong' } : { type: 'pong', t: frame.t }));
        return;
      case 'pong':
        return;
      case 'error':
        this.#report('server-error', `${frame.code}: ${frame.message}`);
        if (frame.fatal) this.#shutDown(new Error(`the server refused the connection (${frame.code}: ${frame.message})`));
        return;
    }
  }

  #onWelcome(frame: WelcomeFrame): void {
    if (frame.protocol !== PROTOCOL_VERSION) {
      this.#report('server-error', `the server speaks protocol ${frame.protocol}, this client ${PROTOCOL_VERSION}`);
      this.#shutDown(new Error(`unsupported protocol version ${frame.protocol}`));
      return;
    }
    if (frame.replayFrom < this.#lastSeq) {
      this.#report(
        'log-reset',
        `the server's log ${frame.logId} restarts at ${frame.replayFrom}, after this client saw ${this.#lastSeq}; a new store is needed to show it`,
      );
      this.#lastSeq = frame.replayFrom;
    }
    this.#logId = frame.logId;
    this.#welcome = frame;
    this.#stats.welcomes += 1;
    this.#attempt = 0;
    this.#ready = true;
    this.#everOpen = true;
    this.#armWatchdog(this.#heartbeatTimeoutMs ?? frame.heartbeatMs * 2 + 1000);
    this.#setState('open');
    // Unanswered commands go (again) in the order they were issued, with their original keys.
    for (const p of this.#pending.values()) {
      if (p.sent) this.#stats.commandsResent += 1;
      if (this.#transmit(p.frame)) p.sent = true;
    }
  }

  #onEvent(frame: EventFrame, raw: string): void {
    if (!this.#ready) {
      this.#report('protocol', `event ${frame.seq} arrived before the welcome`, raw);
      return;
    }
    if (frame.seq <= this.#lastSeq) {
      this.#stats.duplicatesDropped += 1;
      return;
    }
    if (frame.seq !== this.#lastSeq + 1) {
      this.#report('sequence-gap', `expected event ${this.#lastSeq + 1}, got ${frame.seq}; reconnecting to resume`, raw);
      this.#drop('sequence gap');
      return;
    }
    this.#lastSeq = frame.seq;
    const result = validateEvent({ ...(frame.event as object), seq: frame.seq });
    if (!result.ok) {
      // Skipped, not retried: the same entry would come back on every replay.
      this.#report('invalid-event', `event ${frame.seq}: ${result.error}`, raw);
      return;
    }
    this.#stats.events += 1;
    this.#events.next(result.event);
  }

  #onResult(frame: ResultFrame): void {
    const p = this.#pending.get(frame.id);
    if (!p) return; // Answered already, or timed out: nobody waits for it.
    this.#pending.delete(frame.id);
    clearTimeout(p.timer);
    if (!frame.ok) {
      p.reject(new WebSocketCommandError(frame.error.code, p.name, frame.error.message || `${p.name} failed (${frame.error.code})`));
      return;
    }
    const error = checkCommandValue(p.name, frame.value);
    if (error) {
      this.#report('malformed-frame', error, JSON.stringify(frame));
      p.reject(new WebSocketCommandError('invalid-result', p.name, `${p.name}: the server's answer is malformed (${error})`));
      return;
    }
    p.resolve(frame.value ?? undefined);
  }

  // ---- commands ---------------------------------------------------------------------

  #command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandValue<K>> {
    if (this.#closed) {
      return Promise.reject(new WebSocketCommandError('closed', name, `${name}: the connection to the contact center is closed`));
    }
    const id = newKey();
    const frame = JSON.stringify({ type: 'command', id, name, args });
    return new Promise<CommandValue<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.#pending.get(id);
        if (!p) return;
        this.#pending.delete(id);
        const why = !p.sent
          ? 'not connected to the contact center, so it was not sent'
          : this.#ready
            ? 'the contact center did not answer'
            : 'the connection was lost before the contact center answered';
        reject(new WebSocketCommandError('timeout', name, `${name} timed out after ${this.#commandTimeoutMs} ms: ${why}`));
      }, this.#commandTimeoutMs);
      // Validated by checkCommandValue against the same CommandMap before resolving.
      const pending: PendingCommand = { name, frame, sent: false, timer, resolve: (v) => resolve(v as CommandValue<K>), reject };
      this.#pending.set(id, pending);
      if (this.#ready && this.#transmit(frame)) pending.sent = true;
    });
  }

  /** Accepts an offer. */
  async acceptOffer(interactionId: string): Promise<void> {
    await this.#command('acceptOffer', { interactionId });
  }

  /** Sends a chat message; the server also deduplicates by `clientMessageId`. */
  sendMessage(request: SendMessageRequest): Promise<SendMessageResult> {
    return this.#command('sendMessage', {
      interactionId: request.interactionId,
      clientMessageId: request.clientMessageId,
      text: request.text,
      format: request.format,
      attachments: request.attachments,
    });
  }

  /** Sends an email; the server also deduplicates by `clientEmailId`. */
  sendEmail(request: SendEmailRequest): Promise<SendEmailResult> {
    return this.#command('sendEmail', request);
  }

  /** Starts a transfer; its outcome arrives as `transfer` events. */
  async transfer(request: TransferRequest): Promise<void> {
    await this.#command('transfer', request);
  }

  /** Invites another agent; the outcome arrives as `conference` events. */
  async inviteToConference(request: { readonly interactionId: string; readonly agentId: string }): Promise<void> {
    await this.#command('inviteToConference', request);
  }

  /** The invited agent leaves the conference. */
  async exitConference(interactionId: string): Promise<void> {
    await this.#command('exitConference', { interactionId });
  }

  /** The owner ends the conference. */
  async endConference(interactionId: string): Promise<void> {
    await this.#command('endConference', { interactionId });
  }

  /** Ends the interaction; it moves to wrap-up. */
  async endInteraction(interactionId: string): Promise<void> {
    await this.#command('endInteraction', { interactionId });
  }

  /** Records wrap-up. */
  async submitWrapup(request: WrapupRequest): Promise<void> {
    await this.#command('submitWrapup', request);
  }

  /** Sets the agent's availability. */
  async setAgentState(state: AgentAvailability): Promise<void> {
    await this.#command('setAgentState', { state });
  }

  /** Runs a workflow for the interaction. */
  triggerWorkflow(request: { readonly interactionId: string; readonly workflowId: string }): Promise<WorkflowResult> {
    return this.#command('triggerWorkflow', request);
  }

  /**
   * Uploads a file (base64 in the frame) and resolves with the server's attachment.
   * Rejects at once for files over {@link WebSocketContactCenterOptions.maxUploadBytes}.
   */
  async uploadAttachment(interactionId: string, file: File): Promise<Attachment> {
    if (file.size > this.#maxUploadBytes) {
      throw new WebSocketCommandError(
        'too-large',
        'uploadAttachment',
        `${file.name} is larger than the ${Math.round(this.#maxUploadBytes / 1024 / 1024)} MB this connection accepts`,
      );
    }
    const dataBase64 = base64(new Uint8Array(await file.arrayBuffer()));
    return this.#command('uploadAttachment', {
      interactionId,
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      size: file.size,
      dataBase64,
    });
  }

  /** Queues serving the channel. */
  listQueues(channel: Channel): Promise<readonly Queue[]> {
    return this.#command('listQueues', { channel });
  }

  /** Other agents with their availability. */
  listAgents(): Promise<readonly DirectoryAgent[]> {
    return this.#command('listAgents', {});
  }

  /** Wrap-up reasons for the channel. */
  listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    return this.#command('listWrapupReasons', { channel });
  }

  /** Templates for the channel. */
  listTemplates(channel: Channel): Promise<readonly MessageTemplate[]> {
    return this.#command('listTemplates', { channel });
  }

  /** Workflows for the channel. */
  listWorkflows(channel: Channel): Promise<readonly Workflow[]> {
    return this.#command('listWorkflows', { channel });
  }
}
