/**
 * The public types of the simulated contact center: its options, what a script passes to
 * offers and inbound emails, and the snapshots it gives of its interactions and state.
 * @packageDocumentation
 */
import type {
  AgentAvailability,
  AgentProfile,
  Capability,
  Channel,
  ChatMessage,
  Customer,
  DirectoryAgent,
  EmailMessage,
  EndReason,
  InteractionRole,
  InteractionSource,
  MessageFormat,
  TransferOutcome,
} from '../../core/types.js';
import type { SimulatedPersistence } from './persistence.js';

/** Options of {@link SimulatedContactCenter}. Every field is optional. */
export interface SimulatedContactCenterOptions {
  /**
   * Seed of every random choice (customers, delays, failures, random traffic) and of
   * generated ids: the same seed and the same script give the same events.
   * Defaults to a different seed on every construction.
   */
  readonly seed?: number;
  /**
   * Middle part of every generated id (`sim-<idTag>-1`). Defaults to the seed, so the
   * same seed gives the same ids; give each simulator of a page its own tag where ids
   * must not repeat across sessions (drafts are stored per interaction id).
   */
  readonly idTag?: string;
  /**
   * Random traffic: new offers on random channels every {@link autoplayIntervalMs}
   * (while the agent is available), customers who type and reply a while after agent
   * messages, webchat customers who occasionally leave, email customers who sometimes
   * answer, and directory agents whose availability drifts. Default `false`.
   */
  readonly autoplay?: boolean;
  /**
   * Mean time between random offers when {@link autoplay} is on, in ms. The other random
   * delays scale with it: customers start typing 7.5–20 % of it after an agent message
   * (1.5–4 s by default) and email customers answer after 40–75 %. Default 20000.
   */
  readonly autoplayIntervalMs?: number;
  /**
   * Network latency in ms, applied before every command takes effect and before every
   * delivery receipt. `0` is allowed (tests). Default 150.
   */
  readonly latencyMs?: number;
  /**
   * An offer unanswered this long (ms) is rescinded with reason `timeout` and the agent
   * goes to `rona` (R-OFFER-04). `Infinity` disables the timeout. Default 30000.
   */
  readonly ronaTimeoutMs?: number;
  /** The logged-in agent. Default {@link DEFAULT_AGENT}. */
  readonly agent?: AgentProfile;
  /** Probability (0..1) that a `sendMessage` call fails. Default 0. Settable later. */
  readonly failureRate?: number;
  /** Clock for event times and timestamps (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
  /** How long after `delivered` a messenger or sms customer reads a message, in ms. Default 2500. */
  readonly readDelayMs?: number;
  /** How long a customer's typing indicator lasts without a message, in ms. Default 4000. */
  readonly typingTimeoutMs?: number;
  /** How long a directory agent takes to answer a conference invitation or an agent transfer, in ms. Default 3000. */
  readonly agentResponseMs?: number;
  /**
   * Capabilities switched off (`false`) or on: the demo's `?capabilities=` sets them, so each
   * combination of features can be seen. Everything is on by default.
   */
  readonly capabilities?: Readonly<Partial<Record<Capability, boolean>>>;
  /**
   * Keeps the world across page reloads: every change is written (once per microtask)
   * to `storage` under `key` as a versioned JSON snapshot, and a new simulator restores
   * it on construction: interactions with their messages, emails and statuses, held
   * offers, the agent's and the directory's availability, the id counter (new ids never
   * repeat old ones) and the random generator's state. A snapshot that is corrupt, of
   * another version, or of another explicit {@link seed} or {@link agent} is removed and
   * the simulator starts empty. A restored world keeps its own id tag ({@link idTag} only
   * names the ids of a new world).
   *
   * Each new subscriber of `events$` first receives the events that rebuild the open
   * interactions (offers, acceptances, messages, receipts, conferences, transfers, ends),
   * the last 20 wrapped-up ones (so the store's Recent list comes back with their threads,
   * reasons, notes and finish times) and the agent state, then the live events, so a store
   * built on a restored simulator shows the restored world. Card numbers in the stored
   * copy of wrap-up notes are masked, as in stored drafts. Timers are re-armed: an
   * unanswered offer times out when its RONA time is up, receipts, email delivery reports,
   * transfers and conference answers still arrive; typing indicators and scheduled
   * customer replies are dropped. Default: nothing is kept.
   */
  readonly persist?: SimulatedPersistence;
}

/**
 * A file a customer sends: a real `File`, or a description (the simulator makes a
 * small placeholder download for it when it has no `url`).
 */
export type InboundAttachment =
  | File
  | {
      readonly id?: string;
      readonly name: string;
      /** Size in bytes; defaults to the placeholder's size. */
      readonly size?: number;
      readonly mimeType?: string;
      readonly url?: string;
      /** Content-ID, for inline images of an email. */
      readonly contentId?: string;
    };

/** The opening email of an email offer. */
export interface SimulatedOpeningEmail {
  /** Default: one of a few sample subjects. */
  readonly subject?: string;
  /** Untrusted HTML body. */
  readonly html?: string;
  /** Plain-text body; defaults to the offer's `text`, or a short sample. */
  readonly text?: string;
  readonly cc?: readonly string[];
}

/** What {@link SimulatedContactCenter.offer} routes to the agent. */
export interface SimulatedOfferOptions {
  readonly channel: Channel;
  /**
   * The customer's name. A name from the seed customers brings their email and phone;
   * any other name gets generated ones. Default: a random seed customer.
   */
  readonly customerName?: string;
  /** Queue id or name (case-insensitive); it must serve the channel. Default: the channel's first queue. */
  readonly queue?: string;
  /**
   * Overrides fields of the source shown on the contact request. By default: messenger →
   * the queue's page; sms → the customer's phone and the queue's number; webchat and
   * email → the customer's email.
   */
  readonly source?: InteractionSource;
  /** The customer's opening chat message (chat channels) or email body (email, when `email.text` is absent). */
  readonly text?: string;
  /** Format of the opening chat message. Default `plain`. */
  readonly format?: MessageFormat;
  /** The opening email (email channel). An email offer always has an opening email. */
  readonly email?: SimulatedOpeningEmail;
  /** Files on the opening message or email. */
  readonly attachments?: readonly InboundAttachment[];
  /**
   * `invitee` offers this agent a seat in another agent's conference: accepting it
   * joins the conference (status `conference`) and `exitConference` leaves it. Default `owner`.
   */
  readonly role?: InteractionRole;
  /** For `invitee` offers: directory id of the agent who owns the conversation. Default: the first directory agent. */
  readonly owner?: string;
}

/** An email arriving in an existing email interaction. */
export interface SimulatedInboundEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  /** Untrusted HTML body. */
  readonly html?: string;
  readonly text?: string;
  readonly attachments?: readonly InboundAttachment[];
}

/**
 * Where the backend has an interaction: `held` (routed while the agent was in RONA,
 * not yet offered), `offered`, the agent's working states, `wrapup`, and the final
 * `completed` (wrap-up submitted) or `rescinded` (offer withdrawn).
 */
export type SimulatedInteractionStatus =
  | 'held'
  | 'offered'
  | 'active'
  | 'conference-requested'
  | 'conference'
  | 'wrapup'
  | 'completed'
  | 'rescinded';

/** The backend's view of one interaction (a snapshot; see {@link SimulatedContactCenter.state}). */
export interface SimulatedInteraction {
  readonly id: string;
  readonly channel: Channel;
  readonly role: InteractionRole;
  readonly status: SimulatedInteractionStatus;
  readonly queue: { readonly id: string; readonly name: string };
  readonly customer: Customer;
  readonly source: InteractionSource;
  /** Whether the customer is still in the conversation. */
  readonly customerPresent: boolean;
  readonly customerTyping: boolean;
  /** Epoch ms of the last offer event. */
  readonly offeredAt?: number;
  /** Epoch ms the backend accepted the agent's acceptance. */
  readonly acceptedAt?: number;
  /**
   * The conversation as the customer sees it: their messages, agent and peer messages
   * (agent messages with their current delivery status) and, for webchat, the notices
   * the customer is shown (an agent joined or left; R-CONF-02, R-END-04).
   */
  readonly transcript: readonly ChatMessage[];
  /** Messages this agent sent successfully, with their current delivery status. */
  readonly sentMessages: readonly ChatMessage[];
  /** The email thread: inbound and sent emails. */
  readonly emails: readonly EmailMessage[];
  /** The other agent of a conference: the invited agent (owner view) or the owner (invitee view). */
  readonly conferenceAgent?: { readonly id: string; readonly name: string };
  /** The owning agent, for `invitee` interactions. */
  readonly owner?: { readonly id: string; readonly name: string };
  readonly transfer?: TransferOutcome;
  readonly endReason?: EndReason;
  /** Why the offer was withdrawn, for `rescinded` interactions. */
  readonly rescindReason?: 'timeout' | 'customer-left';
  /** Wrap-up reasons submitted, for `completed` interactions. */
  readonly wrapupReasonIds: readonly string[];
  /** Ids of workflows triggered for this interaction, in order. */
  readonly workflows: readonly string[];
}

/** A snapshot of the whole simulated backend (for tests and debugging). */
export interface SimulatedState {
  readonly agent: AgentProfile & { readonly availability: AgentAvailability };
  /** Every interaction the backend knows, by id, finished ones included. */
  readonly interactions: Readonly<Record<string, SimulatedInteraction>>;
  /** Ids of offers routed while the agent was in RONA, in the order they will be offered. */
  readonly heldOffers: readonly string[];
  /** The directory (other agents) with current availability. */
  readonly directory: readonly DirectoryAgent[];
  /** Timers pending (latency, receipts, RONA, typing, replies, random traffic). 0 after dispose. */
  readonly pendingTimers: number;
  readonly disposed: boolean;
}
