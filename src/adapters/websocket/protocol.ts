/**
 * The JSON protocol between {@link WebSocketContactCenter} and a contact-center
 * backend (documented in `docs/protocol.md`): frame types, command names with their
 * arguments and results, and run-time validation of frames from either side.
 *
 * DOM-free and dependency-free, so the Node reference backend (`server/`) uses the
 * very same definitions.
 * @packageDocumentation
 */
import type {
  ConsultMessageRequest,
  ConsultRequest,
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
import type {
  AgentAvailability,
  AgentProfile,
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
import { CAPABILITIES, CHANNELS } from '../../core/types.js';
import { validateEvent } from '../../core/validate.js';

/** The protocol version this module speaks. A server refuses a `hello` with a version it does not support. */
export const PROTOCOL_VERSION = 1;

/**
 * Largest text frame a server must accept, in bytes of UTF-8: an `uploadAttachment`
 * command carrying a 10 MB file (base64) fits. A longer frame is answered with an
 * `error` frame `frame-too-large`, or the connection is closed (1009) when it is far
 * beyond.
 */
export const MAX_FRAME_BYTES = 14 * 1024 * 1024;

/** Largest frame of any other kind (everything but `uploadAttachment` commands), bytes. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * Largest size of the messages or emails one `history` event carries, bytes of JSON: with
 * the frame around it, a `history` event frame stays under {@link MAX_MESSAGE_BYTES}. A
 * longer past goes out as several `history` events.
 */
export const MAX_HISTORY_BYTES = 192 * 1024;

/**
 * What a client can take, announced in `hello.features`. `history`: the replay may carry a
 * conversation's past in `history` events, with the `message-received` / `email-received`
 * entries they stand for left out (event frames then carry `prev`).
 */
export type ProtocolFeature = 'history';

/** Every feature this module's client announces. */
export const CLIENT_FEATURES: readonly ProtocolFeature[] = ['history'];

/** Most past conversations one `listPastInteractions` page may ask for. */
export const PAST_PAGE_MAX = 50;

/** Longest cursor of `listPastInteractions` (cursors are opaque to the client). */
export const CURSOR_MAX_LENGTH = 200;

/** An interaction id argument. */
export interface InteractionArgs {
  readonly interactionId: string;
}

/** A channel argument (directory look-ups). */
export interface ChannelArgs {
  readonly channel: Channel;
}

/** Arguments of `uploadAttachment`: the file travels base64-encoded in the frame. */
export interface UploadArgs {
  readonly interactionId: string;
  readonly name: string;
  readonly mimeType: string;
  /** Size in bytes of the decoded file. */
  readonly size: number;
  /** The file's bytes, base64 (RFC 4648, with padding). */
  readonly dataBase64: string;
}

/**
 * Every command a client may send: its `args` and the `value` of a successful result
 * (`null` for commands whose outcome arrives as events).
 */
export interface CommandMap {
  readonly acceptOffer: { readonly args: InteractionArgs; readonly value: null };
  readonly sendMessage: { readonly args: SendMessageRequest; readonly value: SendMessageResult };
  readonly sendEmail: { readonly args: SendEmailRequest; readonly value: SendEmailResult };
  readonly transfer: { readonly args: TransferRequest; readonly value: null };
  readonly inviteToConference: { readonly args: { readonly interactionId: string; readonly agentId: string }; readonly value: null };
  readonly exitConference: { readonly args: InteractionArgs; readonly value: null };
  readonly endConference: { readonly args: InteractionArgs; readonly value: null };
  readonly endInteraction: { readonly args: InteractionArgs; readonly value: null };
  readonly submitWrapup: { readonly args: WrapupRequest; readonly value: null };
  readonly setAgentState: { readonly args: { readonly state: AgentAvailability }; readonly value: null };
  readonly triggerWorkflow: { readonly args: { readonly interactionId: string; readonly workflowId: string }; readonly value: WorkflowResult };
  readonly uploadAttachment: { readonly args: UploadArgs; readonly value: Attachment };
  readonly listQueues: { readonly args: ChannelArgs; readonly value: readonly Queue[] };
  readonly listAgents: { readonly args: Readonly<Record<string, never>>; readonly value: readonly DirectoryAgent[] };
  readonly listWrapupReasons: { readonly args: ChannelArgs; readonly value: readonly WrapupReason[] };
  readonly listTemplates: { readonly args: ChannelArgs; readonly value: readonly MessageTemplate[] };
  readonly listWorkflows: { readonly args: ChannelArgs; readonly value: readonly Workflow[] };
  readonly startConsult: { readonly args: ConsultRequest; readonly value: null };
  readonly sendConsultMessage: { readonly args: ConsultMessageRequest; readonly value: SendMessageResult };
  readonly completeConsultTransfer: { readonly args: InteractionArgs; readonly value: null };
  readonly cancelConsult: { readonly args: InteractionArgs; readonly value: null };
  readonly getCustomer: { readonly args: CustomerRequest; readonly value: CustomerProfile };
  readonly listPastInteractions: { readonly args: PastInteractionsRequest; readonly value: PastInteractionPage };
  readonly suggestReplies: { readonly args: SuggestRepliesRequest; readonly value: readonly string[] };
  readonly summarize: { readonly args: SummarizeRequest; readonly value: string };
}

/** Name of a command. */
export type CommandName = keyof CommandMap;
/** Arguments of command `K`. */
export type CommandArgs<K extends CommandName> = CommandMap[K]['args'];
/** Value of a successful result of command `K`. */
export type CommandValue<K extends CommandName> = CommandMap[K]['value'];

/** Every command name, in the order of the adapter interface. */
export const COMMAND_NAMES: readonly CommandName[] = [
  'acceptOffer',
  'sendMessage',
  'sendEmail',
  'transfer',
  'inviteToConference',
  'exitConference',
  'endConference',
  'endInteraction',
  'submitWrapup',
  'setAgentState',
  'triggerWorkflow',
  'uploadAttachment',
  'listQueues',
  'listAgents',
  'listWrapupReasons',
  'listTemplates',
  'listWorkflows',
  'startConsult',
  'sendConsultMessage',
  'completeConsultTransfer',
  'cancelConsult',
  'getCustomer',
  'listPastInteractions',
  'suggestReplies',
  'summarize',
];

/** Commands that change nothing: a server need not record their idempotency keys. */
export const READ_ONLY_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'listQueues',
  'listAgents',
  'listWrapupReasons',
  'listTemplates',
  'listWorkflows',
  'getCustomer',
  'listPastInteractions',
  'suggestReplies',
  'summarize',
]);

/** Whether a string is a command name. */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);
}

// ---- frames ------------------------------------------------------------------------

/** Client → server: the first frame on every connection; asks for every event after `lastSeq`. */
export interface HelloFrame {
  readonly type: 'hello';
  readonly protocol: number;
  readonly agentId: string;
  /** Highest `seq` the client has folded in; 0 for a fresh client. */
  readonly lastSeq: number;
  /** The log the client's `lastSeq` belongs to (from an earlier `welcome`). */
  readonly logId?: string;
  /** The log epoch the client's `lastSeq` belongs to (from an earlier `welcome`); preferred over `logId`. */
  readonly epoch?: string;
  /** The agent's token (see `docs/protocol.md`, Authentication). */
  readonly token?: string;
  /** What the client can take beyond the basics (see {@link ProtocolFeature}); unknown names are ignored. */
  readonly features?: readonly string[];
}

/** Client → server: a command. `id` is its idempotency key: a server applies each key once. */
export interface CommandFrame<K extends CommandName = CommandName> {
  readonly type: 'command';
  readonly id: string;
  readonly name: K;
  readonly args: CommandArgs<K>;
}

/** Either side: a heartbeat; the other side answers with `pong` and the same `t`. */
export interface PingFrame {
  readonly type: 'ping';
  readonly t?: number;
}

/** Either side: the answer to a `ping`. */
export interface PongFrame {
  readonly type: 'pong';
  readonly t?: number;
}

/** Server → client: the answer to `hello`; the replay (events after `replayFrom`) follows it. */
export interface WelcomeFrame {
  readonly type: 'welcome';
  readonly protocol: number;
  /** Identifies the server's event log; a new id means a new log (sequence numbers restart). */
  readonly logId: string;
  /**
   * The log's epoch: changes whenever the server's log is reset (data lost, or rebuilt
   * after a bad record was quarantined). A client whose `hello` named another epoch must
   * resynchronise: it replays from 0. Servers that send none use `logId` as the epoch.
   */
  readonly epoch?: string;
  /** Highest `seq` in the log when the welcome was sent. */
  readonly headSeq: number;
  /**
   * The server replays events with `seq` > `replayFrom`: the hello's `lastSeq`, or 0 when
   * the server could not honour it (another `logId`, or a `lastSeq` beyond its log).
   */
  readonly replayFrom: number;
  /** The server sends `ping` at least this often (ms). */
  readonly heartbeatMs: number;
  readonly agent: AgentProfile;
  /** Free-form server name and version, for logs. */
  readonly server?: string;
  /**
   * What this server supports (see {@link Capability}). Left out, a capability is on when it
   * is one of protocol 1's own commands (`transfer`, `conference`, `attachments`,
   * `templates`, `workflows`) and off otherwise; a server that sends no `capabilities` at
   * all offers no consult, customer profile, history or wrap-up notes. Names this client
   * does not know are ignored.
   */
  readonly capabilities?: Readonly<Partial<Record<Capability, boolean>>>;
}

/** Server → client: one entry of the event log. */
export interface EventFrame {
  readonly type: 'event';
  readonly seq: number;
  /**
   * The `seq` of the entry sent before this one on this connection, when the entries in
   * between were left out of the replay because `history` events already carried their
   * content (only to clients announcing the `history` feature). Absent: `seq − 1`.
   */
  readonly prev?: number;
  /** The event; validated by the client (see `validateEvent`). */
  readonly event: unknown;
}

/**
 * Why a command failed. `rejected` is a business rule; the message explains it to the agent.
 * `idempotency-conflict`: the key was used before with another command or other arguments.
 * `rate-limited`: the connection sent too many frames; nothing was applied, try again later.
 */
export type CommandErrorCode = 'rejected' | 'invalid-args' | 'unknown-command' | 'internal' | 'idempotency-conflict' | 'rate-limited';

/** Server → client: the outcome of one command, matched by `id`. */
export type ResultFrame =
  | { readonly type: 'result'; readonly id: string; readonly ok: true; readonly value?: unknown }
  | { readonly type: 'result'; readonly id: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** Codes of `error` frames. */
export type ServerErrorCode =
  | 'unsupported-protocol'
  | 'unknown-agent'
  | 'unauthorized'
  | 'token-expired'
  | 'malformed-frame'
  | 'frame-too-large'
  | 'rate-limited'
  | 'too-many-connections'
  | 'slow-consumer'
  | 'hello-required'
  | 'internal';

/** Server → client: a protocol-level error. With `fatal` the server closes the connection and a client must not reconnect. */
export interface ErrorFrame {
  readonly type: 'error';
  readonly code: string;
  readonly message: string;
  readonly fatal?: boolean;
}

/** Any frame a client sends. */
export type ClientFrame = HelloFrame | CommandFrame | PingFrame | PongFrame;
/** Any frame a server sends. */
export type ServerFrame = WelcomeFrame | EventFrame | ResultFrame | PingFrame | PongFrame | ErrorFrame;

/** Outcome of parsing one frame: the frame, `ignored` for a well-formed frame of an unknown type, or an error. */
export type ParseResult<F> =
  | { readonly ok: true; readonly frame: F }
  | { readonly ok: true; readonly frame: undefined; readonly ignoredType: string }
  | { readonly ok: false; readonly error: string };

// ---- validation --------------------------------------------------------------------

type Check = (v: unknown, path: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} must be a string`);
const id: Check = (v, p) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? undefined : `${p} must be a non-empty string of at most 200 characters`);
const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be a boolean`);
const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${p} must be a finite number`);
const seqNumber: Check = (v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? undefined : `${p} must be an integer ≥ 0`);
const oneOf =
  (...values: readonly string[]): Check =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${p} must be one of ${values.join(', ')}`;
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? undefined : check(v, p);
const arrayOf =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const e = check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return undefined;
  };
const shape =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, p) => {
    if (!isObject(v)) return `${p} must be an object`;
    for (const [k, check] of Object.entries(fields)) {
      const e = check(v[k], `${p}.${k}`);
      if (e) return e;
    }
    return undefined;
  };
const nothing: Check = (v, p) => (v === undefined || v === null ? undefined : `${p} must be null`);

const CHANNEL = oneOf(...CHANNELS);
const AVAILABILITY = oneOf('available', 'idle', 'rona', 'busy', 'offline');
const size: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? undefined : `${p} must be a size in bytes`);
const ATTACHMENT = shape({ id, name: str, size, mimeType: str, url: optional(str), contentId: optional(str) });
const INTERACTION = { interactionId: id };

/** Argument checks of every command (the server validates inbound commands with them). */
export const COMMAND_ARGS: Readonly<Record<CommandName, Check>> = {
  acceptOffer: shape(INTERACTION),
  sendMessage: shape({ ...INTERACTION, clientMessageId: id, text: str, format: oneOf('plain', 'markdown'), attachments: arrayOf(ATTACHMENT) }),
  sendEmail: shape({
    ...INTERACTION,
    clientEmailId: id,
    mode: oneOf('quick-reply', 'reply', 'reply-all', 'forward'),
    inReplyTo: id,
    to: arrayOf(str),
    cc: arrayOf(str),
    bcc: optional(arrayOf(str)),
    from: optional(str),
    subject: str,
    html: str,
    text: str,
    attachments: arrayOf(ATTACHMENT),
  }),
  transfer: shape({
    ...INTERACTION,
    target: (v, p) => {
      if (!isObject(v)) return `${p} must be an object`;
      if (v['kind'] === 'queue') return id(v['queueId'], `${p}.queueId`);
      if (v['kind'] === 'agent') return id(v['agentId'], `${p}.agentId`);
      return `${p}.kind must be queue or agent`;
    },
  }),
  inviteToConference: shape({ ...INTERACTION, agentId: id }),
  exitConference: shape(INTERACTION),
  endConference: shape(INTERACTION),
  endInteraction: shape(INTERACTION),
  submitWrapup: shape({ ...INTERACTION, reasonIds: arrayOf(id), notes: optional(str), automatic: optional(bool) }),
  setAgentState: shape({ state: AVAILABILITY }),
  triggerWorkflow: shape({ ...INTERACTION, workflowId: id }),
  uploadAttachment: shape({
    ...INTERACTION,
    name: str,
    mimeType: str,
    size: seqNumber,
    dataBase64: (v, p) => (typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) ? undefined : `${p} must be base64`),
  }),
  listQueues: shape({ channel: CHANNEL }),
  listAgents: shape({}),
  listWrapupReasons: shape({ channel: CHANNEL }),
  listTemplates: shape({ channel: CHANNEL }),
  listWorkflows: shape({ channel: CHANNEL }),
  startConsult: shape({ ...INTERACTION, agentId: id }),
  sendConsultMessage: shape({ ...INTERACTION, clientMessageId: id, text: str }),
  completeConsultTransfer: shape(INTERACTION),
  cancelConsult: shape(INTERACTION),
  getCustomer: shape(INTERACTION),
  listPastInteractions: shape({
    ...INTERACTION,
    cursor: optional((v, p) => (typeof v === 'string' && v.length > 0 && v.length <= CURSOR_MAX_LENGTH ? undefined : `${p} must be a non-empty string of at most ${CURSOR_MAX_LENGTH} characters`)),
    limit: (v, p) => (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= PAST_PAGE_MAX ? undefined : `${p} must be an integer from 1 to ${PAST_PAGE_MAX}`),
  }),
  suggestReplies: shape({ ...INTERACTION, messageId: id }),
  summarize: shape(INTERACTION),
};

/** A transcript message or email, checked as the event that would carry it. */
const TRANSCRIPT_MESSAGE: Check = (v, p) => {
  const r = validateEvent({ type: 'message-received', interactionId: 'transcript', message: v, at: 0 });
  return r.ok ? undefined : `${p} is not a chat message (${r.error.replace(/^message-received\.message/, '')})`;
};
const TRANSCRIPT_EMAIL: Check = (v, p) => {
  const r = validateEvent({ type: 'email-received', interactionId: 'transcript', email: v, at: 0 });
  return r.ok ? undefined : `${p} is not an email (${r.error.replace(/^email-received\.email/, '')})`;
};

/** A `capabilities` map: booleans by name; names this client does not know are let through (a newer server). */
const CAPABILITY_MAP: Check = (v, p) => {
  if (!isObject(v)) return `${p} must be an object`;
  for (const c of CAPABILITIES) if (v[c] !== undefined && typeof v[c] !== 'boolean') return `${p}.${c} must be a boolean`;
  return undefined;
};

const NAMED = shape({ id, name: str });

/** Checks of the `value` of a successful result of every command (the client validates results with them). */
export const COMMAND_VALUES: Readonly<Record<CommandName, Check>> = {
  acceptOffer: nothing,
  sendMessage: shape({ messageId: optional(id), status: optional(oneOf('sent', 'delivered', 'read')), timestamp: optional(num) }),
  sendEmail: shape({ emailId: optional(id), timestamp: optional(num) }),
  transfer: nothing,
  inviteToConference: nothing,
  exitConference: nothing,
  endConference: nothing,
  endInteraction: nothing,
  submitWrapup: nothing,
  setAgentState: nothing,
  triggerWorkflow: shape({ ok: bool, message: optional(str) }),
  uploadAttachment: ATTACHMENT,
  listQueues: arrayOf(shape({ id, name: str, channels: arrayOf(CHANNEL), mailboxes: optional(arrayOf(str)) })),
  listAgents: arrayOf(shape({ id, name: str, availability: AVAILABILITY, role: optional(oneOf('agent', 'supervisor')) })),
  listWrapupReasons: arrayOf(NAMED),
  listTemplates: arrayOf(shape({ id, name: str, body: str, locked: bool, channels: arrayOf(CHANNEL) })),
  listWorkflows: arrayOf(NAMED),
  startConsult: nothing,
  sendConsultMessage: shape({ messageId: optional(id), status: optional(oneOf('sent', 'delivered', 'read')), timestamp: optional(num) }),
  completeConsultTransfer: nothing,
  cancelConsult: nothing,
  getCustomer: shape({
    id: optional(id),
    name: str,
    identities: arrayOf(shape({ channel: CHANNEL, value: str, page: optional(str) })),
    attributes: arrayOf(shape({ key: str, value: str })),
  }),
  listPastInteractions: shape({
    items: arrayOf(
      shape({
        id,
        channel: CHANNEL,
        queue: NAMED,
        startedAt: num,
        endedAt: optional(num),
        wrapupReasons: arrayOf(str),
        notes: optional(str),
        preview: str,
        messages: arrayOf(TRANSCRIPT_MESSAGE),
        emails: arrayOf(TRANSCRIPT_EMAIL),
      }),
    ),
    nextCursor: optional(id),
  }),
  suggestReplies: arrayOf(str),
  summarize: str,
};

const SERVER_FRAMES: Readonly<Record<ServerFrame['type'], Check>> = {
  welcome: shape({
    protocol: num,
    logId: id,
    epoch: optional(id),
    headSeq: seqNumber,
    replayFrom: seqNumber,
    heartbeatMs: (v, p) => (typeof v === 'number' && v > 0 && Number.isFinite(v) ? undefined : `${p} must be a positive number`),
    agent: NAMED,
    server: optional(str),
    capabilities: optional(CAPABILITY_MAP),
  }),
  event: (v, p) => {
    if (!isObject(v)) return `${p} must be an object`;
    const e = seqNumber(v['seq'], `${p}.seq`);
    if (e) return e;
    if ((v['seq'] as number) < 1) return `${p}.seq must be ≥ 1`;
    const prev = optional(seqNumber)(v['prev'], `${p}.prev`);
    if (prev) return prev;
    if (typeof v['prev'] === 'number' && v['prev'] >= (v['seq'] as number)) return `${p}.prev must be below seq`;
    return isObject(v['event']) ? undefined : `${p}.event must be an object`;
  },
  result: (v, p) => {
    if (!isObject(v)) return `${p} must be an object`;
    const e = id(v['id'], `${p}.id`) ?? bool(v['ok'], `${p}.ok`);
    if (e) return e;
    return v['ok'] === true ? undefined : shape({ code: str, message: str })(v['error'], `${p}.error`);
  },
  ping: shape({ t: optional(num) }),
  pong: shape({ t: optional(num) }),
  error: shape({ code: str, message: str, fatal: optional(bool) }),
};

const CLIENT_FRAMES: Readonly<Record<ClientFrame['type'], Check>> = {
  hello: shape({
    protocol: num,
    agentId: id,
    lastSeq: seqNumber,
    logId: optional(id),
    epoch: optional(id),
    token: optional(str),
    features: optional((v, p) => (Array.isArray(v) && v.length <= 32 ? arrayOf(id)(v, p) : `${p} must be an array of at most 32 names`)),
  }),
  command: (v, p) => {
    if (!isObject(v)) return `${p} must be an object`;
    const e = id(v['id'], `${p}.id`);
    if (e) return e;
    if (!isCommandName(v['name'])) return `${p}.name must be a known command, got ${JSON.stringify(String(v['name'])).slice(0, 60)}`;
    return COMMAND_ARGS[v['name']](v['args'], `${p}.args`);
  },
  ping: shape({ t: optional(num) }),
  pong: shape({ t: optional(num) }),
};

function parseWith<F>(text: string, checks: Readonly<Record<string, Check>>): ParseResult<F> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isObject(value)) return { ok: false, error: 'a frame must be a JSON object' };
  const type = value['type'];
  if (typeof type !== 'string' || type.length === 0) return { ok: false, error: 'a frame must have a string "type"' };
  if (!Object.prototype.hasOwnProperty.call(checks, type)) return { ok: true, frame: undefined, ignoredType: type.slice(0, 60) };
  const check = checks[type];
  const error = check ? check(value, type) : undefined;
  return error ? { ok: false, error } : { ok: true, frame: value as F };
}

/**
 * Parses and validates a frame a server sent. Never throws. A well-formed frame of an
 * unknown type comes back with `frame: undefined` (a newer server; ignore it).
 * The `event` inside an event frame is checked only to be an object: validate it with
 * `validateEvent`.
 */
export function parseServerFrame(text: string): ParseResult<ServerFrame> {
  return parseWith<ServerFrame>(text, SERVER_FRAMES);
}

/** Parses and validates a frame a client sent, command arguments included. Never throws. */
export function parseClientFrame(text: string): ParseResult<ClientFrame> {
  return parseWith<ClientFrame>(text, CLIENT_FRAMES);
}

/** Checks the value of a successful result of `name`; returns an error message or `undefined`. */
export function checkCommandValue(name: CommandName, value: unknown): string | undefined {
  return COMMAND_VALUES[name](value, `${name} result`);
}
