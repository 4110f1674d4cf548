import type { Observable } from 'rxjs';
import type { ContactCenterEvent } from './events.js';
import type {
  AgentAvailability,
  Attachment,
  Capability,
  Channel,
  CustomerProfile,
  DeliveryStatus,
  DirectoryAgent,
  MessageFormat,
  MessageTemplate,
  PastInteractionPage,
  Queue,
  TransferTarget,
  Workflow,
  WrapupReason,
} from './types.js';

/** A chat message the agent sends (R-CHAT-04). */
export interface SendMessageRequest {
  readonly interactionId: string;
  /** Id the store gave the optimistic message; adapters should use it as an idempotency key. */
  readonly clientMessageId: string;
  readonly text: string;
  readonly format: MessageFormat;
  readonly attachments: readonly Attachment[];
}

/** What the backend says about a sent message. */
export interface SendMessageResult {
  /** The backend's id for the message; defaults to the client id. */
  readonly messageId?: string;
  /** Delivery state reached when the call resolved; defaults to `sent`. */
  readonly status?: Exclude<DeliveryStatus, 'sending' | 'failed'>;
  /** Epoch ms the backend accepted the message. */
  readonly timestamp?: number;
}

/** An email the agent sends (quick reply, reply, reply all, forward). */
export interface SendEmailRequest {
  readonly interactionId: string;
  readonly clientEmailId: string;
  readonly mode: 'quick-reply' | 'reply' | 'reply-all' | 'forward';
  /** The email being answered: always the latest in the thread (R-MAIL-05). */
  readonly inReplyTo: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Blind copies: sent, but not shown to the other recipients. */
  readonly bcc?: readonly string[];
  /** The mailbox it goes out from, one of the queue's `mailboxes`; without it, the mailbox the answered email was sent to. */
  readonly from?: string;
  readonly subject: string;
  /** Sanitized HTML body. */
  readonly html: string;
  readonly text: string;
  readonly attachments: readonly Attachment[];
}

/** What the backend says about a sent email. */
export interface SendEmailResult {
  readonly emailId?: string;
  readonly timestamp?: number;
}

/** A transfer request (R-XFER-*). Email interactions accept queue targets only (R-XFER-07). */
export interface TransferRequest {
  readonly interactionId: string;
  readonly target: TransferTarget;
}

/** Wrap-up for a finished interaction (R-END-02, R-END-03). */
export interface WrapupRequest {
  readonly interactionId: string;
  readonly reasonIds: readonly string[];
  /** What the agent wrote in **Notes** (at most 500 characters); absent when empty or when the backend keeps no notes. */
  readonly notes?: string;
  /** True when auto wrap-up submitted the default reason because its time ran out. */
  readonly automatic?: boolean;
}

/** Asks another agent into a private consult about an interaction. */
export interface ConsultRequest {
  readonly interactionId: string;
  readonly agentId: string;
}

/** A message from this agent in the private consult thread (never sent to the customer). */
export interface ConsultMessageRequest {
  readonly interactionId: string;
  /** Id the store gave the optimistic message; use it as an idempotency key. */
  readonly clientMessageId: string;
  readonly text: string;
}

/** Asks for the customer's profile. */
export interface CustomerRequest {
  readonly interactionId: string;
}

/** Asks for a page of the customer's past conversations, newest first. */
export interface PastInteractionsRequest {
  readonly interactionId: string;
  /** The `nextCursor` of the previous page; absent for the newest page. */
  readonly cursor?: string;
  /** How many to return at most (the backend may return fewer). */
  readonly limit: number;
}

/** Result of a triggered workflow (R-CHAT-10). */
export interface WorkflowResult {
  readonly ok: boolean;
  /** Human-readable outcome from the backend. */
  readonly message?: string;
}

/**
 * The one boundary between the widgets and a contact-center backend.
 *
 * Implement this to connect the widgets to your platform. Inbound happenings are
 * emitted on `events$`; everything the agent does is a Promise-returning command.
 * A rejected promise is shown to the agent as a localised error and never loses
 * state: reject with an `Error` whose message explains the cause.
 */
export interface ContactCenterAdapter {
  /** Every inbound event, in order. Must not complete while the session lasts. */
  readonly events$: Observable<ContactCenterEvent>;

  /**
   * What the backend supports, so elements hide what it cannot do. Capabilities left out
   * default to `true` for the required commands (transfer, conference, attachments,
   * templates, workflows) and to whether the optional methods exist for the rest (`consult`:
   * all four consult methods; `customer`: `getCustomer`; `history`: `listPastInteractions`;
   * `suggestions`: `suggestReplies`; `summary`: `summarize`; `wrapup-notes`: `true`). A `capabilities` event changes them later.
   */
  readonly capabilities?: Readonly<Partial<Record<Capability, boolean>>>;

  acceptOffer(interactionId: string): Promise<void>;
  sendMessage(request: SendMessageRequest): Promise<SendMessageResult>;
  sendEmail(request: SendEmailRequest): Promise<SendEmailResult>;
  /** Starts a transfer; its outcome arrives as `transfer` events. */
  transfer(request: TransferRequest): Promise<void>;
  /** Invites another agent; the outcome arrives as `conference` events. */
  inviteToConference(request: { readonly interactionId: string; readonly agentId: string }): Promise<void>;
  /** The invited agent leaves the conference; the owner's chat continues. */
  exitConference(interactionId: string): Promise<void>;
  /** The owner ends the conference (and the interaction moves to wrap-up). */
  endConference(interactionId: string): Promise<void>;
  endInteraction(interactionId: string): Promise<void>;
  submitWrapup(request: WrapupRequest): Promise<void>;
  setAgentState(state: AgentAvailability): Promise<void>;
  triggerWorkflow(request: { readonly interactionId: string; readonly workflowId: string }): Promise<WorkflowResult>;
  /** Uploads a file the agent attaches; resolves with a downloadable attachment. */
  uploadAttachment(interactionId: string, file: File): Promise<Attachment>;

  listQueues(channel: Channel): Promise<readonly Queue[]>;
  listAgents(): Promise<readonly DirectoryAgent[]>;
  listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]>;
  listTemplates(channel: Channel): Promise<readonly MessageTemplate[]>;
  listWorkflows(channel: Channel): Promise<readonly Workflow[]>;

  // ---- optional: consult (warm transfer) on chat channels ----
  /** Asks an agent into a private consult; the answer arrives as `consult` events. */
  startConsult?(request: ConsultRequest): Promise<void>;
  /** Sends this agent's message in the consult thread; never reaches the customer. */
  sendConsultMessage?(request: ConsultMessageRequest): Promise<SendMessageResult>;
  /** Hands the customer to the consulted agent: `consult` `completed`, `transfer` `completed`, then wrap-up. */
  completeConsultTransfer?(interactionId: string): Promise<void>;
  /** Ends the consult; this agent keeps the customer (`consult` `cancelled`). */
  cancelConsult?(interactionId: string): Promise<void>;

  // ---- optional: who the customer is ----
  /** The customer's profile: identities per channel and the backend's attributes. */
  getCustomer?(request: CustomerRequest): Promise<CustomerProfile>;
  /** The customer's past conversations, newest first, a page at a time. */
  listPastInteractions?(request: PastInteractionsRequest): Promise<PastInteractionPage>;

  // ---- optional: composing help ----
  /** Up to three replies the agent might send to a customer message; the agent edits before sending. */
  suggestReplies?(request: SuggestRepliesRequest): Promise<readonly string[]>;
  /** A short plain-text summary of the conversation for the wrap-up notes. */
  summarize?(request: SummarizeRequest): Promise<string>;
}

/** What {@link ContactCenterAdapter.suggestReplies} answers: a customer message of an interaction. */
export interface SuggestRepliesRequest {
  readonly interactionId: string;
  readonly messageId: string;
}

/** What {@link ContactCenterAdapter.summarize} summarizes. */
export interface SummarizeRequest {
  readonly interactionId: string;
}
