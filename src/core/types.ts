/**
 * Domain types shared by the adapter, the store and the elements.
 * Every type here is plain, serialisable data: no classes, no functions.
 * @packageDocumentation
 */

/** The four digital channels. */
export type Channel = 'messenger' | 'sms' | 'webchat' | 'email';

/** Channels that hold a chat conversation (everything but email). */
export type ChatChannel = Exclude<Channel, 'email'>;

/** Every channel, in display order. The one list: validation, adapters and elements read this one. */
export const CHANNELS: readonly Channel[] = ['messenger', 'sms', 'webchat', 'email'];

/** Whether a value (an attribute, a backend's field) names one of the {@link CHANNELS}. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** True when the channel holds a chat conversation rather than an email thread. */
export function isChatChannel(channel: Channel): channel is ChatChannel {
  return channel !== 'email';
}

/**
 * The agent's availability. `rona` (Redirection On No Answer) is entered when an
 * offer is left unanswered; offers stop until the agent sets `available` by hand.
 */
export type AgentAvailability = 'available' | 'idle' | 'rona' | 'busy' | 'offline';

/** A queue an interaction can arrive from or be transferred to. */
export interface Queue {
  readonly id: string;
  readonly name: string;
  /** Channels this queue serves. */
  readonly channels: readonly Channel[];
  /** Email queues: the mailboxes a reply may go out from (the email pane's **From** choices). */
  readonly mailboxes?: readonly string[];
}

/** Another agent in the directory (transfer and conference targets). */
export interface DirectoryAgent {
  readonly id: string;
  readonly name: string;
  readonly availability: AgentAvailability;
  /** An agent (the default when absent) or a supervisor; WebChat can be transferred to supervisors too. */
  readonly role?: 'agent' | 'supervisor';
}

/** The customer on the other side of an interaction. */
export interface Customer {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * Where an interaction came from, as shown on the contact request:
 * messenger → `page`; sms → `phoneNumber` and `sourceNumber`;
 * webchat and email → the customer's `email`.
 */
export interface InteractionSource {
  /** Facebook page the customer wrote to (messenger). */
  readonly page?: string;
  /** The customer's phone number (sms). */
  readonly phoneNumber?: string;
  /** The contact-center number the customer texted (sms). */
  readonly sourceNumber?: string;
  /** What kind of number {@link sourceNumber} is (sms): a long code, a short code or toll-free. */
  readonly sourceNumberKind?: SourceNumberKind;
  /** The customer's email address (webchat, email). */
  readonly email?: string;
}

/** Kinds of SMS number a contact center receives texts on. */
export type SourceNumberKind = 'long-code' | 'short-code' | 'toll-free';

/** Every {@link SourceNumberKind}. */
export const SOURCE_NUMBER_KINDS: readonly SourceNumberKind[] = ['long-code', 'short-code', 'toll-free'];

/** A file attached to a message or an email. */
export interface Attachment {
  readonly id: string;
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  readonly mimeType: string;
  /** Where the file can be downloaded; absent while uploading. */
  readonly url?: string;
  /** Content-ID for inline email images (`cid:` references). */
  readonly contentId?: string;
}

/** Delivery state of a message the agent sent. */
export type DeliveryStatus = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** Who wrote a chat message. `agent` is this agent; `peer` another agent (conference). */
export type MessageAuthor = 'customer' | 'agent' | 'peer' | 'system';

/** What a system notice is about, so it can be localised. */
export type SystemNoticeKind =
  | 'customer-joined'
  | 'customer-left'
  | 'agent-joined'
  | 'agent-left'
  | 'transferred'
  | 'conference-started'
  | 'conference-ended'
  | 'info';

/** Text format of a chat message body. */
export type MessageFormat = 'plain' | 'markdown';

/** One message in a chat thread. */
export interface ChatMessage {
  readonly id: string;
  readonly author: MessageAuthor;
  /** Display name of the author (customer or agent name); absent for system notices. */
  readonly authorName?: string;
  readonly text: string;
  readonly format: MessageFormat;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly attachments: readonly Attachment[];
  /** Delivery state; only on messages this agent sent. */
  readonly status?: DeliveryStatus;
  /** Why sending failed (adapter message), for a failed message. */
  readonly error?: string;
  /** For `system` messages: what happened, so the element can localise it. */
  readonly notice?: SystemNoticeKind;
}

/** Status of one email in a thread: received, sent, or a delivery report (DR). */
export type EmailStatus = 'received' | 'sending' | 'sent' | 'failed' | 'delivery-report';

/** One email in an email thread. */
export interface EmailMessage {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Blind copies of an email the agent sent (never known for inbound email). */
  readonly bcc?: readonly string[];
  readonly subject: string;
  /** Untrusted HTML body; rendered only through the email sanitizer. */
  readonly html?: string;
  /** Plain-text body (used when there is no HTML). */
  readonly text?: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly status: EmailStatus;
  readonly attachments: readonly Attachment[];
  readonly error?: string;
}

/**
 * Where an interaction is in its life:
 * `offered` → `active` → (`conference-requested` → `conference`) → `wrapup` → removed
 * once wrap-up is submitted. A transfer's fate is kept in {@link Interaction.transfer}.
 */
export type InteractionStatus = 'offered' | 'active' | 'conference-requested' | 'conference' | 'wrapup';

/** This agent's part in the interaction: the owner, or an agent invited to a conference. */
export type InteractionRole = 'owner' | 'invitee';

/** A person in the conversation besides this agent. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly kind: 'customer' | 'agent';
}

/** Where a transfer goes. */
export type TransferTarget =
  | { readonly kind: 'queue'; readonly queueId: string }
  | { readonly kind: 'agent'; readonly agentId: string };

/** What became of the last transfer of an interaction. */
export interface TransferOutcome {
  readonly target: TransferTarget;
  readonly state: 'pending' | 'completed' | 'dropped' | 'failed';
  readonly error?: string;
}

/** Why an interaction entered wrap-up. */
export type EndReason = 'agent-ended' | 'customer-left' | 'transferred' | 'conference-ended' | 'conference-exited';

/** One interaction (a conversation or an email thread) as the store holds it. */
export interface Interaction {
  readonly id: string;
  readonly channel: Channel;
  readonly status: InteractionStatus;
  readonly role: InteractionRole;
  readonly queue: { readonly id: string; readonly name: string };
  readonly customer: Customer;
  readonly source: InteractionSource;
  /** Epoch ms when the offer reached the agent (the contact-request timer counts from here). */
  readonly offeredAt: number;
  /** Epoch ms when the agent accepted (the conversation timer counts from here). */
  readonly acceptedAt?: number;
  readonly messages: readonly ChatMessage[];
  readonly emails: readonly EmailMessage[];
  readonly participants: readonly Participant[];
  readonly customerTyping: boolean;
  /** Inbound messages not yet seen by the agent. */
  readonly unread: number;
  /** The agent invited to a conference, while requested or in conference. */
  readonly conferenceAgent?: { readonly id: string; readonly name: string };
  /** The last conference invitation that came to nothing, and why; cleared by the next invitation. */
  readonly conferenceDeclined?: { readonly agent: { readonly id: string; readonly name: string }; readonly reason: 'declined' | 'timeout' };
  readonly transfer?: TransferOutcome;
  readonly endReason?: EndReason;
  /** The consult (warm transfer) with another agent, while it lasts and after it ended, until the next one. */
  readonly consult?: Consult;
  /** In wrap-up with auto wrap-up on: epoch ms when the default reason is submitted (see the store's `autoWrapup` option). */
  readonly autoWrapupAt?: number;
  /** What wrap-up was submitted with, once submitted (kept in {@link FinishedInteraction}). */
  readonly wrapup?: WrapupRecord;
}

/**
 * What an adapter (and the backend behind it) can do beyond the required commands. Elements
 * hide what the backend cannot honour: no dead buttons. See {@link CAPABILITIES}.
 * - `transfer`: transfer to a queue or an agent. `conference`: invite another agent.
 * - `consult`: a private agent-to-agent thread before a transfer (`startConsult` and its kin).
 * - `attachments`: the agent can attach files (`uploadAttachment`).
 * - `templates`: message templates (`listTemplates`). `workflows`: host workflows (`listWorkflows`).
 * - `customer`: a customer profile (`getCustomer`). `history`: past conversations (`listPastInteractions`).
 * - `wrapup-notes`: the backend keeps notes sent with wrap-up.
 * - `suggestions`: suggested replies to the customer (`suggestReplies`). `summary`: a conversation summary (`summarize`).
 */
export type Capability =
  | 'transfer'
  | 'conference'
  | 'consult'
  | 'attachments'
  | 'templates'
  | 'workflows'
  | 'customer'
  | 'history'
  | 'wrapup-notes'
  | 'suggestions'
  | 'summary';

/** Every {@link Capability}, in the order the adapter guide lists them. */
export const CAPABILITIES: readonly Capability[] = [
  'transfer',
  'conference',
  'consult',
  'attachments',
  'templates',
  'workflows',
  'customer',
  'history',
  'wrapup-notes',
  'suggestions',
  'summary',
];

/** Whether a value names a {@link Capability}. */
export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (CAPABILITIES as readonly string[]).includes(value);
}

/** What the backend supports, every capability answered. */
export type Capabilities = Readonly<Record<Capability, boolean>>;

/** Where a consult stands: asked, in progress, or how it ended. */
export type ConsultState = 'requested' | 'started' | 'declined' | 'failed' | 'cancelled' | 'completed';

/**
 * A consult: a private thread between this agent and another agent about the customer's
 * conversation, never sent to the customer, before handing the customer over
 * (**Complete transfer**) or keeping them (**Cancel consult**).
 */
export interface Consult {
  readonly agent: { readonly id: string; readonly name: string };
  readonly state: ConsultState;
  /** With `declined`: the agent said no (`declined`) or did not answer in time (`timeout`). */
  readonly reason?: 'declined' | 'timeout';
  /** With `failed`: the backend's explanation. */
  readonly error?: string;
  /** The private thread: this agent's messages (`agent`, with a delivery status) and the other agent's (`peer`). */
  readonly messages: readonly ChatMessage[];
}

/** One way to reach the customer, as a channel knows them. */
export interface CustomerIdentity {
  readonly channel: Channel;
  /** The address on that channel: an email address, a phone number, a Messenger user name. */
  readonly value: string;
  /** Where, for Messenger: the page the customer writes to. */
  readonly page?: string;
}

/** A backend-provided fact about the customer (account number, tier…). */
export interface CustomerAttribute {
  readonly key: string;
  readonly value: string;
}

/** Who the customer is, as the backend knows them (the customer panel). */
export interface CustomerProfile {
  readonly id?: string;
  readonly name: string;
  readonly identities: readonly CustomerIdentity[];
  readonly attributes: readonly CustomerAttribute[];
}

/** One of the customer's earlier conversations, with its transcript (untrusted content). */
export interface PastInteraction {
  readonly id: string;
  readonly channel: Channel;
  readonly queue: { readonly id: string; readonly name: string };
  /** Epoch ms the conversation started and ended. */
  readonly startedAt: number;
  readonly endedAt?: number;
  /** Names of the wrap-up reasons it was closed with. */
  readonly wrapupReasons: readonly string[];
  /** Notes written at wrap-up. */
  readonly notes?: string;
  /** A one-line plain-text preview of its last message. */
  readonly preview: string;
  /** Chat messages (chat channels). */
  readonly messages: readonly ChatMessage[];
  /** Emails (email). */
  readonly emails: readonly EmailMessage[];
}

/** One page of past conversations, newest first; `nextCursor` fetches the older ones. */
export interface PastInteractionPage {
  readonly items: readonly PastInteraction[];
  readonly nextCursor?: string;
}

/** How a finished interaction was wrapped up. */
export interface WrapupRecord {
  readonly reasonIds: readonly string[];
  /** The reasons' names, when the store knew them. */
  readonly reasonNames: readonly string[];
  readonly notes?: string;
  /** Submitted by auto wrap-up when its time ran out, not by the agent. */
  readonly automatic: boolean;
}

/** An interaction this agent finished today: kept, read-only, under **Recent**. */
export interface FinishedInteraction {
  /** The interaction as it was when wrap-up completed. */
  readonly interaction: Interaction;
  /** Epoch ms wrap-up completed. */
  readonly finishedAt: number;
  readonly wrapup?: WrapupRecord;
}

/** A wrap-up reason the agent picks after an interaction. */
export interface WrapupReason {
  readonly id: string;
  readonly name: string;
}

/** A message template (R-TPL-*). `body` may hold `{{system}}` and `[[param]]` placeholders. */
export interface MessageTemplate {
  readonly id: string;
  readonly name: string;
  readonly body: string;
  /** A locked template is inserted read-only (R-TPL-02). */
  readonly locked: boolean;
  readonly channels: readonly Channel[];
}

/** A host-defined workflow the agent can trigger (R-CHAT-10). */
export interface Workflow {
  readonly id: string;
  readonly name: string;
}

/** This agent. */
export interface AgentProfile {
  readonly id: string;
  readonly name: string;
}
