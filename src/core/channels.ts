/**
 * What each channel supports, in one place: elements, the store and content code ask
 * {@link capabilitiesOf} instead of testing a channel's name, so a new channel or a
 * changed feature is one entry here.
 * @packageDocumentation
 */
import type { Channel, TransferTarget } from './types.js';

/** Largest attachment accepted on any channel that takes files, in bytes. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Longest wrap-up note, in characters. */
export const WRAPUP_NOTES_MAX_LENGTH = 500;

/** Longest chat message the agent may send, in characters. */
export const CHAT_MESSAGE_MAX_LENGTH = 1000;

/** What one channel supports, as the source document gives it. */
export interface ChannelCapabilities {
  /** Agent messages show sending, sent, delivered, read or failed (R-CHAT-05). */
  readonly receipts: boolean;
  /** Files both ways, and how large they may be (R-CHAT-06); `undefined` when the channel takes none. */
  readonly attachments: { readonly maxBytes: number } | undefined;
  /** Text is Markdown, rendered through the sanitizer (R-CHAT-07). */
  readonly markdown: boolean;
  /** Ending asks the agent to confirm the customer agreed (R-END-01). */
  readonly consentToEnd: boolean;
  /** Longest message the agent may send, in characters; `undefined` when there is no limit. */
  readonly maxMessageLength: number | undefined;
  /** Which kinds of transfer target are allowed (R-XFER-07: email goes to queues only). */
  readonly transferTargets: readonly TransferTarget['kind'][];
  /** Supervisors can take a transfer as well as agents (WebChat, as the source document gives it). */
  readonly supervisorTransfer: boolean;
  /** Another agent can be invited into the conversation (R-CONF-01). */
  readonly conference: boolean;
  /** Wrap-up takes several reasons rather than one. */
  readonly multipleWrapupReasons: boolean;
}

const FILES = { maxBytes: ATTACHMENT_MAX_BYTES } as const;

/** Per-channel capabilities. */
export const CHANNEL_CAPABILITIES: Readonly<Record<Channel, ChannelCapabilities>> = {
  messenger: {
    receipts: true,
    attachments: FILES,
    markdown: true,
    consentToEnd: true,
    maxMessageLength: CHAT_MESSAGE_MAX_LENGTH,
    transferTargets: ['queue', 'agent'],
    supervisorTransfer: false,
    conference: true,
    multipleWrapupReasons: false,
  },
  sms: {
    receipts: true,
    attachments: undefined,
    markdown: false,
    consentToEnd: true,
    maxMessageLength: CHAT_MESSAGE_MAX_LENGTH,
    transferTargets: ['queue', 'agent'],
    supervisorTransfer: false,
    conference: true,
    multipleWrapupReasons: false,
  },
  webchat: {
    receipts: false,
    attachments: FILES,
    markdown: false,
    consentToEnd: false,
    maxMessageLength: CHAT_MESSAGE_MAX_LENGTH,
    transferTargets: ['queue', 'agent'],
    supervisorTransfer: true,
    conference: true,
    multipleWrapupReasons: true,
  },
  email: {
    receipts: false,
    attachments: FILES,
    markdown: true,
    consentToEnd: false,
    maxMessageLength: undefined,
    transferTargets: ['queue'],
    supervisorTransfer: false,
    conference: false,
    multipleWrapupReasons: false,
  },
};

/** What `channel` supports. */
export function capabilitiesOf(channel: Channel): ChannelCapabilities {
  return CHANNEL_CAPABILITIES[channel];
}

/** Whether an interaction of `channel` may be transferred to a target of this kind. */
export function canTransferTo(channel: Channel, kind: TransferTarget['kind']): boolean {
  return capabilitiesOf(channel).transferTargets.includes(kind);
}
