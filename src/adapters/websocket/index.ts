/**
 * The reference network adapter: `WebSocketContactCenter` speaks the JSON protocol of
 * `docs/protocol.md` to a backend such as the Node reference backend in `server/`.
 * @packageDocumentation
 */
export {
  WebSocketContactCenter,
  WebSocketCommandError,
  DEFAULT_RECONNECT_POLICY,
  backoffDelay,
  type ReconnectPolicy,
  type WebSocketCommandErrorCode,
  type WebSocketContactCenterOptions,
  type WebSocketIssue,
  type WebSocketIssueKind,
  type WebSocketLike,
  type WebSocketStats,
} from './websocket-adapter.js';
export { isConnectionSource, type ConnectionSource, type ConnectionState } from '../../core/connection.js';
export { announcedCapabilities, PROTOCOL_CAPABILITIES } from './capabilities.js';
export {
  PROTOCOL_VERSION,
  PAST_PAGE_MAX,
  CLIENT_FEATURES,
  MAX_HISTORY_BYTES,
  COMMAND_NAMES,
  READ_ONLY_COMMANDS,
  isCommandName,
  parseClientFrame,
  parseServerFrame,
  checkCommandValue,
  type ChannelArgs,
  type ClientFrame,
  type CommandArgs,
  type CommandErrorCode,
  type CommandFrame,
  type CommandMap,
  type CommandName,
  type CommandValue,
  type ErrorFrame,
  type EventFrame,
  type HelloFrame,
  type InteractionArgs,
  type ParseResult,
  type PingFrame,
  type PongFrame,
  type ProtocolFeature,
  type ResultFrame,
  type ServerErrorCode,
  type ServerFrame,
  type UploadArgs,
  type WelcomeFrame,
} from './protocol.js';
export { compactReplay, type CompactOptions, type ReplayEntry, type SequencedEvent } from '../replay-history.js';
