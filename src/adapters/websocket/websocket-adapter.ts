import { BehaviorSubject, Subject, distinctUntilChanged, type Observable } from 'rxjs';
import type {
  ConsultMessageRequest,
  ConsultRequest,
  ContactCenterAdapter,
  CustomerRequest,
  PastInteractionsRequest,
  SendEmailRequest,
  SendEmailResult,
  SendMessageRequest,
  SendMessageResult,
  SuggestRepliesRequest,
  SummarizeRequest,
  TransferRequest,
  WorkflowResult,
  WrapupRequest,
} from '../../core/adapter.js';
import type { ConnectionSource, ConnectionState, LogReset, ResyncSource } from '../../core/connection.js';
import type { ContactCenterEvent } from '../../core/events.js';
import type {
  AgentAvailability,
  Attachment,
  Capability,
  Channel,
  CustomerProfile,
  DirectoryAgent,
  MessageTemplate,
  PastInteractionPage,
  Queue,
  Workflow,
  WrapupReason,
} from '../../core/types.js';
import { validateEvent } from '../../core/validate.js';
import { announcedCapabilities, sameCapabilities } from './capabilities.js';
import { CommandQueue } from './commands.js';
import { CLIENT_FEATURES, PROTOCOL_VERSION, parseServerFrame, type CommandArgs, type CommandName, type CommandValue, type EventFrame, type WelcomeFrame } from './protocol.js';
import { DEFAULT_RECONNECT_POLICY, backoffDelay, handshakeTimeout, type ReconnectPolicy } from './reconnect.js';
import {
  WebSocketCommandError,
  type WebSocketContactCenterOptions,
  type WebSocketIssueKind,
  type WebSocketIssue,
  type WebSocketLike,
  type WebSocketStats,
} from './types.js';

export { DEFAULT_RECONNECT_POLICY, backoffDelay, type ReconnectPolicy } from './reconnect.js';
export {
  WebSocketCommandError,
  type WebSocketCommandErrorCode,
  type WebSocketContactCenterOptions,
  type WebSocketIssue,
  type WebSocketIssueKind,
  type WebSocketLike,
  type WebSocketStats,
} from './types.js';

const WS_OPEN = 1;
/** Close code the adapter uses when it drops a connection itself (heartbeat, gap). */
const CLOSE_RESYNC = 4000;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Ignores the error a socket still reports after the adapter let go of it. */
const ignore = (): void => undefined;

/**
 * A reference network adapter: connects the widgets to a backend over one WebSocket
 * speaking the JSON protocol of `docs/protocol.md` (`server/` is a reference backend).
 *
 * - **Resumable**: every event carries a sequence number; after a reconnection the
 *   adapter asks for everything after the last one it emitted, and drops any event it
 *   has already seen, so nothing is lost or emitted twice. It announces the `history`
 *   feature: a server may then replay a conversation's past as a few `history` events.
 * - **Idempotent commands**: each command gets a random idempotency key. Commands
 *   issued while disconnected wait in a queue; after reconnecting, every unanswered
 *   command is sent again with the *same* key, and the server applies each key once.
 * - **Bounded waits**: a command unanswered after {@link WebSocketContactCenterOptions.commandTimeoutMs}
 *   is rejected with a clear `Error`; reconnection uses exponential backoff with jitter,
 *   bounded by {@link ReconnectPolicy.maxDelayMs}.
 * - **Never throws into the host**: malformed frames and invalid events are reported on
 *   {@link issues$} and skipped.
 * - **Says what the backend supports**: {@link capabilities} follows the server's welcome
 *   (a server that announces nothing offers no consult, customer profile, history or
 *   wrap-up notes), and a change reaches the store as a `capabilities` event.
 * - **Resynchronises**: when the server's log was reset (a new epoch in its welcome),
 *   the adapter replays the new log from its start and says so on {@link resync$}, which
 *   the store follows.
 *
 * Show {@link connection$} to the agent with `<cc-connection-status>`.
 */
export class WebSocketContactCenter implements ContactCenterAdapter, ConnectionSource, ResyncSource {
  readonly #url: string;
  readonly #agentId: string;
  readonly #token: string | (() => string | undefined) | undefined;
  readonly #policy: ReconnectPolicy;
  readonly #heartbeatTimeoutMs: number | undefined;
  readonly #handshakeTimeoutMs: number;
  readonly #maxUploadBytes: number;
  readonly #createSocket: (url: string) => WebSocketLike;
  readonly #random: () => number;

  readonly #events = new Subject<ContactCenterEvent>();
  readonly #connection: BehaviorSubject<ConnectionState>;
  readonly #issues = new Subject<WebSocketIssue>();
  readonly #resync = new Subject<LogReset>();
  readonly #commands: CommandQueue;

  #socket: WebSocketLike | undefined;
  /** True between the welcome and the loss of the socket it came on. */
  #ready = false;
  #everOpen = false;
  #lastSeq: number;
  #epoch: string | undefined;
  #welcome: WelcomeFrame | undefined;
  #attempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  /** What the server announced in its last welcome, with later `capabilities` events folded in. */
  #capabilities: Readonly<Record<Capability, boolean>> = announcedCapabilities(undefined);
  #stats: { -readonly [K in Exclude<keyof WebSocketStats, 'commandsResent'>]: number } = {
    welcomes: 0,
    attempts: 0,
    events: 0,
    duplicatesDropped: 0,
    malformedFrames: 0,
  };
  readonly #onOnline = (): void => this.reconnectNow();

  /** Every inbound event, in sequence order, each exactly once. Completes on {@link dispose}. */
  readonly events$: Observable<ContactCenterEvent> = this.#events.asObservable();

  /** The connection state; emits the current one at once, then every change. Completes on {@link dispose}. */
  readonly connection$: Observable<ConnectionState>;

  /** Problems met and handled: malformed frames, invalid events, gaps, server errors. */
  readonly issues$: Observable<WebSocketIssue> = this.#issues.asObservable();

  /** The server's log was reset: emitted before the first event of the new log. Completes on {@link dispose}. */
  readonly resync$: Observable<LogReset> = this.#resync.asObservable();

  /** @param options See {@link WebSocketContactCenterOptions}. */
  constructor(options: WebSocketContactCenterOptions) {
    this.#url = options.url;
    this.#agentId = options.agentId;
    this.#token = options.token;
    this.#commands = new CommandQueue(
      {
        transmit: (text) => this.#transmit(text),
        ready: () => this.#ready,
        malformed: (message, frame) => this.#report('malformed-frame', message, frame),
      },
      options.commandTimeoutMs ?? 15_000,
    );
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
    return this.#commands.size;
  }

  /**
   * What the server supports, from the `capabilities` of its welcome (see `docs/protocol.md`).
   * Before the first welcome, and for a server that announces nothing, only protocol 1's own
   * commands are on: no consult, customer profile, history or wrap-up notes. When a welcome
   * changes them, a `capabilities` event on {@link events$} tells the store.
   */
  get capabilities(): Readonly<Partial<Record<Capability, boolean>>> {
    return this.#capabilities;
  }

  /** Counters since construction. */
  get stats(): WebSocketStats {
    return { ...this.#stats, commandsResent: this.#commands.resent };
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
    this.#resync.complete();
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
    this.#commands.rejectAll(reason.message);
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
      let token: string | undefined;
      try {
        token = typeof this.#token === 'function' ? this.#token() : this.#token;
      } catch (e) {
        this.#report('connect-failed', `the token could not be obtained: ${e instanceof Error ? e.message : String(e)}`);
      }
      const hello = {
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        agentId: this.#agentId,
        lastSeq: this.#lastSeq,
        features: CLIENT_FEATURES,
        // `logId` for servers that predate epochs; the reference backend's epoch is its logId.
        ...(this.#epoch === undefined ? {} : { logId: this.#epoch, epoch: this.#epoch }),
        ...(token === undefined ? {} : { token }),
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
    this.#armWatchdog(handshakeTimeout(this.#attempt, this.#handshakeTimeoutMs, this.#detectionMs(), this.#policy));
  }

  /** How long silence lasts before a connection counts as dead; unknown before the first welcome. */
  #detectionMs(): number | undefined {
    return this.#heartbeatTimeoutMs ?? (this.#welcome ? this.#welcome.heartbeatMs * 2 + 1000 : undefined);
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
    // Not null: closing a socket that is still connecting makes Node's `ws` emit an error,
    // and an error with no listener would be thrown out of the host process.
    socket.onerror = ignore;
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
    this.#armWatchdog(
      this.#ready
        ? (this.#detectionMs() ?? this.#handshakeTimeoutMs)
        : handshakeTimeout(this.#attempt, this.#handshakeTimeoutMs, this.#detectionMs(), this.#policy),
    );
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
        this.#commands.settle(frame);
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
    const epoch = frame.epoch ?? frame.logId;
    const previousEpoch = this.#epoch;
    const newEpoch = previousEpoch !== undefined && epoch !== previousEpoch;
    if ((newEpoch || frame.replayFrom < this.#lastSeq) && this.#lastSeq > 0) {
      const previousSeq = this.#lastSeq;
      this.#report(
        'log-reset',
        `the server's log was reset (epoch ${epoch}${previousEpoch === undefined ? '' : `, was ${previousEpoch}`}): it replays from ${frame.replayFrom}, after this client saw ${previousSeq}; resynchronising`,
      );
      this.#lastSeq = frame.replayFrom;
      // Before the replay: whoever folds the events must accept the new log's numbers.
      if (!this.#resync.closed) this.#resync.next({ epoch, previousSeq, ...(previousEpoch === undefined ? {} : { previousEpoch }) });
    }
    this.#epoch = epoch;
    this.#welcome = frame;
    this.#stats.welcomes += 1;
    this.#attempt = 0;
    this.#ready = true;
    this.#everOpen = true;
    this.#armWatchdog(this.#detectionMs() ?? this.#handshakeTimeoutMs);
    this.#announce(announcedCapabilities(frame.capabilities));
    this.#setState('open');
    this.#commands.resendAll();
  }

  /** Takes the server's capabilities; tells the store (before the replay) when they changed. */
  #announce(capabilities: Readonly<Record<Capability, boolean>>): void {
    if (sameCapabilities(capabilities, this.#capabilities)) return;
    this.#capabilities = capabilities;
    this.#stats.events += 1;
    if (!this.#events.closed) this.#events.next({ type: 'capabilities', capabilities, at: Date.now() });
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
    // Entries a server left out of the replay (their content came in `history` events) are no gap.
    if ((frame.prev ?? frame.seq - 1) > this.#lastSeq) {
      this.#report('sequence-gap', `expected event ${this.#lastSeq + 1}, got ${frame.seq}${frame.prev === undefined ? '' : ` after ${frame.prev}`}; reconnecting to resume`, raw);
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
    if (result.event.type === 'capabilities') this.#capabilities = { ...this.#capabilities, ...result.event.capabilities };
    this.#stats.events += 1;
    this.#events.next(result.event);
  }

  // ---- commands ---------------------------------------------------------------------

  #command<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandValue<K>> {
    if (this.#closed) {
      return Promise.reject(new WebSocketCommandError('closed', name, `${name}: the connection to the contact center is closed`));
    }
    return this.#commands.issue(name, args);
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

  /** Records wrap-up, with the agent's notes (when the server keeps them) and whether auto wrap-up sent it. */
  async submitWrapup(request: WrapupRequest): Promise<void> {
    await this.#command('submitWrapup', {
      interactionId: request.interactionId,
      reasonIds: request.reasonIds,
      ...(request.notes === undefined ? {} : { notes: request.notes }),
      ...(request.automatic === undefined ? {} : { automatic: request.automatic }),
    });
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

  // ---- optional: consult ------------------------------------------------------------

  /** Asks another agent into a private consult; the answer arrives as `consult` events. */
  async startConsult(request: ConsultRequest): Promise<void> {
    await this.#command('startConsult', { interactionId: request.interactionId, agentId: request.agentId });
  }

  /** Sends this agent's consult message (never to the customer); `clientMessageId` deduplicates it. */
  sendConsultMessage(request: ConsultMessageRequest): Promise<SendMessageResult> {
    return this.#command('sendConsultMessage', { interactionId: request.interactionId, clientMessageId: request.clientMessageId, text: request.text });
  }

  /** Hands the customer to the consulted agent. */
  async completeConsultTransfer(interactionId: string): Promise<void> {
    await this.#command('completeConsultTransfer', { interactionId });
  }

  /** Ends the consult; this agent keeps the customer. */
  async cancelConsult(interactionId: string): Promise<void> {
    await this.#command('cancelConsult', { interactionId });
  }

  // ---- optional: who the customer is ------------------------------------------------

  /** The customer's profile. */
  getCustomer(request: CustomerRequest): Promise<CustomerProfile> {
    return this.#command('getCustomer', { interactionId: request.interactionId });
  }

  /** A page of the customer's past conversations, newest first. */
  listPastInteractions(request: PastInteractionsRequest): Promise<PastInteractionPage> {
    return this.#command('listPastInteractions', {
      interactionId: request.interactionId,
      limit: request.limit,
      ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
    });
  }

  // ---- optional: composing help ---------------------------------------------------

  /** Replies the server suggests to a customer message. */
  suggestReplies(request: SuggestRepliesRequest): Promise<readonly string[]> {
    return this.#command('suggestReplies', { interactionId: request.interactionId, messageId: request.messageId });
  }

  /** The server's summary of the conversation. */
  summarize(request: SummarizeRequest): Promise<string> {
    return this.#command('summarize', { interactionId: request.interactionId });
  }
}
