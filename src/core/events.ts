import type {
  AgentAvailability,
  Capability,
  Channel,
  ChatMessage,
  Customer,
  DeliveryStatus,
  EmailMessage,
  EmailStatus,
  InteractionSource,
  ConsultState,
  Participant,
  TransferTarget,
} from './types.js';

/** Fields every inbound event carries. */
export interface EventBase {
  /** Epoch milliseconds when the backend produced the event. */
  readonly at: number;
  /** Backend sequence number, when the backend keeps an ordered log. */
  readonly seq?: number;
}

/** The agent's availability changed (including entering RONA after an unanswered offer). */
export interface AgentStateChangedEvent extends EventBase {
  readonly type: 'agent-state-changed';
  readonly state: AgentAvailability;
}

/** A new interaction is offered to this agent (R-OFFER-01). */
export interface OfferEvent extends EventBase {
  readonly type: 'offer';
  readonly interactionId: string;
  readonly channel: Channel;
  readonly queue: { readonly id: string; readonly name: string };
  readonly customer: Customer;
  readonly source: InteractionSource;
  /** `invitee` when the offer is a conference invitation from another agent. */
  readonly role?: 'owner' | 'invitee';
  /** The customer's opening message, if any (chat channels). */
  readonly messages?: readonly ChatMessage[];
  /** The opening email (email channel). */
  readonly emails?: readonly EmailMessage[];
}

/** An offer was withdrawn before acceptance: it timed out (RONA), the customer left, or another agent took it. */
export interface OfferRescindedEvent extends EventBase {
  readonly type: 'offer-rescinded';
  readonly interactionId: string;
  readonly reason: 'timeout' | 'customer-left' | 'taken';
}

/** The backend confirmed the agent's acceptance. */
export interface InteractionAcceptedEvent extends EventBase {
  readonly type: 'interaction-accepted';
  readonly interactionId: string;
}

/** A message arrived in a chat thread: from the customer, another agent, or the system. */
export interface MessageReceivedEvent extends EventBase {
  readonly type: 'message-received';
  readonly interactionId: string;
  readonly message: ChatMessage;
}

/**
 * Past messages or emails of a conversation, all in one event: what a backend sends when a
 * conversation with a long history is offered, opened or resumed after a reconnect, instead
 * of one event per message. The store merges them in time order in one step (linear in the
 * history's length) and skips any it already holds, so sending a history twice, or one that
 * overlaps messages already received, is harmless. Messages from the customer (or another
 * agent) and inbound emails not held before count as unread; a history raises no
 * notifications (nothing in it is news).
 */
export interface HistoryEvent extends EventBase {
  readonly type: 'history';
  readonly interactionId: string;
  /** Chat messages, in any order. */
  readonly messages?: readonly ChatMessage[];
  /** Emails, in any order. */
  readonly emails?: readonly EmailMessage[];
}

/** Delivery receipt for a message this agent sent (R-CHAT-05). */
export interface MessageStatusEvent extends EventBase {
  readonly type: 'message-status';
  readonly interactionId: string;
  readonly messageId: string;
  readonly status: DeliveryStatus;
  readonly error?: string;
}

/** The customer started or stopped typing (R-X-05). */
export interface CustomerTypingEvent extends EventBase {
  readonly type: 'customer-typing';
  readonly interactionId: string;
  readonly typing: boolean;
}

/** Someone joined the conversation. */
export interface ParticipantJoinedEvent extends EventBase {
  readonly type: 'participant-joined';
  readonly interactionId: string;
  readonly participant: Participant;
}

/**
 * Someone left the conversation. A customer leaving adds a "left the chat" notice
 * (R-END-04); the interaction stays open until the agent ends it and wraps up.
 */
export interface ParticipantLeftEvent extends EventBase {
  readonly type: 'participant-left';
  readonly interactionId: string;
  readonly participantId: string;
}

/** A conference moved on: requested, started (invitee accepted), declined, or ended. */
export interface ConferenceEvent extends EventBase {
  readonly type: 'conference';
  readonly interactionId: string;
  readonly state: 'requested' | 'started' | 'declined' | 'exited' | 'ended';
  readonly agent: { readonly id: string; readonly name: string };
  /** With `declined`: the agent said no (`declined`, the default) or did not answer in time (`timeout`). */
  readonly reason?: ConferenceDeclineReason;
}

/** Why an invitation to a conference came to nothing. */
export type ConferenceDeclineReason = 'declined' | 'timeout';

/** A transfer moved on (R-XFER-05, R-XFER-06). */
export interface TransferEvent extends EventBase {
  readonly type: 'transfer';
  readonly interactionId: string;
  readonly target: TransferTarget;
  readonly state: 'pending' | 'completed' | 'dropped' | 'failed';
  readonly error?: string;
}

/**
 * A consult moved on: `requested` (this agent asked), `started` (the other agent joined the
 * private thread), `declined` (no, or no answer in time: `reason`), `failed` (`error`),
 * `cancelled` (this agent kept the customer) or `completed` (the customer was handed over:
 * a `transfer` `completed` and `interaction-ended` `transferred` follow).
 */
export interface ConsultEvent extends EventBase {
  readonly type: 'consult';
  readonly interactionId: string;
  readonly state: ConsultState;
  readonly agent: { readonly id: string; readonly name: string };
  readonly reason?: ConferenceDeclineReason;
  readonly error?: string;
}

/** The consulted agent wrote in the private consult thread (author `peer`); the customer never sees it. */
export interface ConsultMessageEvent extends EventBase {
  readonly type: 'consult-message';
  readonly interactionId: string;
  readonly message: ChatMessage;
}

/**
 * What the backend supports changed (or is first known, e.g. after a handshake): the listed
 * capabilities replace the adapter's declared ones; those not listed stay as they were.
 */
export interface CapabilitiesEvent extends EventBase {
  readonly type: 'capabilities';
  readonly capabilities: Readonly<Partial<Record<Capability, boolean>>>;
}

/** An email arrived in (or was added to) an email thread. */
export interface EmailReceivedEvent extends EventBase {
  readonly type: 'email-received';
  readonly interactionId: string;
  readonly email: EmailMessage;
}

/** Status of an email this agent sent changed (sent, failed, delivery report). */
export interface EmailStatusEvent extends EventBase {
  readonly type: 'email-status';
  readonly interactionId: string;
  readonly emailId: string;
  readonly status: EmailStatus;
  readonly error?: string;
}

/** The interaction ended and moves to wrap-up. */
export interface InteractionEndedEvent extends EventBase {
  readonly type: 'interaction-ended';
  readonly interactionId: string;
  readonly reason: 'agent-ended' | 'customer-left' | 'transferred' | 'conference-ended' | 'conference-exited';
}

/** Wrap-up was recorded: the interaction is complete and leaves the agent's workspace. */
export interface WrapupCompletedEvent extends EventBase {
  readonly type: 'wrapup-completed';
  readonly interactionId: string;
  /** What wrap-up was submitted with, from a backend that keeps it (so a replay carries the notes). */
  readonly wrapup?: { readonly reasonIds: readonly string[]; readonly notes?: string; readonly automatic?: boolean };
}

/**
 * Every event an adapter can emit, discriminated on `type`.
 * Adapters emit these on `events$`; the store validates each at run time.
 */
export type ContactCenterEvent =
  | AgentStateChangedEvent
  | OfferEvent
  | OfferRescindedEvent
  | InteractionAcceptedEvent
  | MessageReceivedEvent
  | HistoryEvent
  | MessageStatusEvent
  | CustomerTypingEvent
  | ParticipantJoinedEvent
  | ParticipantLeftEvent
  | ConferenceEvent
  | TransferEvent
  | ConsultEvent
  | ConsultMessageEvent
  | CapabilitiesEvent
  | EmailReceivedEvent
  | EmailStatusEvent
  | InteractionEndedEvent
  | WrapupCompletedEvent;

/** The `type` of any inbound event. */
export type ContactCenterEventType = ContactCenterEvent['type'];
