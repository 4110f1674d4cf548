import { Subject, type Observable } from 'rxjs';
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
import type { ContactCenterEvent } from '../../core/events.js';
import {
  CHANNELS,
  isChatChannel,
  type AgentAvailability,
  type AgentProfile,
  type Attachment,
  type Channel,
  type ChatMessage,
  type Customer,
  type DeliveryStatus,
  type DirectoryAgent,
  type EmailMessage,
  type EndReason,
  type InteractionRole,
  type InteractionSource,
  type MessageFormat,
  type MessageTemplate,
  type Queue,
  type SystemNoticeKind,
  type TransferOutcome,
  type TransferTarget,
  type Workflow,
  type WrapupReason,
} from '../../core/types.js';
import {
  DEFAULT_AGENT,
  DRIFT_AVAILABILITIES,
  EMAIL_SUBJECTS,
  OPENING_LINES,
  REPLY_LINES,
  SEED_CUSTOMERS,
  SEED_DIRECTORY,
  SEED_QUEUES,
  SEED_TEMPLATES,
  SEED_WORKFLOWS,
  SEED_WRAPUP_REASONS,
  type SimulatedCustomer,
  type SimulatedQueue,
} from './data.js';
import {
  loadWorld,
  remember,
  replayThenLive,
  saveWorld,
  type InteractionRecord as Rec,
  type SimulatedPersistence,
  type SimulatedWorld,
} from './persistence.js';
import { SeededRandom, randomSeed } from './random.js';
import { TimerSet } from './timers.js';

/** Largest file {@link SimulatedContactCenter.uploadAttachment} accepts: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const AVAILABILITIES: readonly AgentAvailability[] = ['available', 'idle', 'rona', 'busy', 'offline'];
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** Random traffic keeps at most this many interactions open at once. */
const AUTOPLAY_MAX_OPEN = 4;

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
   * interactions (offers, acceptances, messages, receipts, conferences, transfers, ends)
   * and the agent state, then the live events, so a store built on a restored simulator
   * shows the restored world. Timers are re-armed: an unanswered offer times out when
   * its RONA time is up, receipts, email delivery reports, transfers and conference
   * answers still arrive; typing indicators and scheduled customer replies are dropped.
   * Default: nothing is kept.
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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before the simulator stamps `at` and `seq` on it. */
type EventInput = DistributiveOmit<ContactCenterEvent, 'at' | 'seq'>;

/** Statuses in which the agent works on the interaction. */
const WORKING: ReadonlySet<SimulatedInteractionStatus> = new Set(['active', 'conference-requested', 'conference']);
/** Statuses in which the customer can still write. */
const OPEN: ReadonlySet<SimulatedInteractionStatus> = new Set(['held', 'offered', 'active', 'conference-requested', 'conference']);

function fail(message: string): never {
  throw new Error(message);
}

function emailFromName(name: string, n: number): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${local || `customer${n}`}@example.com`;
}

/**
 * A complete contact-center backend that runs in the page: queues, a directory of
 * agents with availability, customers who write, type and leave, delivery receipts,
 * RONA timeouts, transfers that complete or drop, conference invitations accepted or
 * declined. It implements {@link ContactCenterAdapter}, so the store and the elements
 * run on it with no server; the demo, the stories and the tests use it.
 *
 * Drive the customer side with the scripting methods ({@link offer},
 * {@link customerMessage}, {@link customerTyping}, {@link customerLeaves},
 * {@link inboundEmail}, {@link setAgentAvailability}, {@link peerMessage},
 * {@link peerLeaves}), or turn on {@link autoplay} for random traffic. Scripting
 * methods emit at once and throw an `Error` on misuse (unknown interaction, wrong
 * channel, finished interaction); adapter commands wait {@link latencyMs} and reject.
 *
 * Routing rule (R-OFFER-04): an offer made while the agent is in `rona` is *held*
 * (never dropped) and offered, in order, as soon as the agent sets `available`.
 * In the other states offers are routed as usual; random traffic only offers while
 * the agent is `available`. An offer that times out is redirected elsewhere: it is
 * gone from this agent (status `rescinded`), and the agent goes to `rona`.
 */
export class SimulatedContactCenter implements ContactCenterAdapter {
  readonly #events = new Subject<ContactCenterEvent>();
  readonly #outbox: ContactCenterEvent[] = [];
  #emitting = false;
  readonly #timers = new TimerSet();
  readonly #pending = new Set<(reason: Error) => void>();
  readonly #objectUrls: string[] = [];
  readonly #random: SeededRandom;
  readonly #tag: string;
  readonly #now: () => number;
  readonly #agent: AgentProfile;
  readonly #records = new Map<string, Rec>();
  readonly #held: string[] = [];
  readonly #directory: Map<string, DirectoryAgent>;
  #availability: AgentAvailability = 'available';
  #seq = 0;
  #counter = 0;
  #disposed = false;
  readonly #seed: number;
  readonly #persist: SimulatedPersistence | undefined;
  /** What rebuilds the agent's view for a new subscriber; kept only when persisting. */
  #log: ContactCenterEvent[] | undefined;
  #saveQueued = false;
  #latencyMs: number;
  #failureRate: number;
  #autoplay = false;
  readonly #autoplayIntervalMs: number;
  readonly #ronaTimeoutMs: number;
  readonly #readDelayMs: number;
  readonly #typingTimeoutMs: number;
  readonly #agentResponseMs: number;

  /**
   * Every event of the session, in order, each stamped with `at` (epoch ms) and an
   * increasing `seq` starting at 1. Completes on {@link dispose}.
   */
  readonly events$: Observable<ContactCenterEvent> = replayThenLive(() => (this.#disposed ? [] : (this.#log ?? [])), this.#events);

  /** @param options See {@link SimulatedContactCenterOptions}. */
  constructor(options: SimulatedContactCenterOptions = {}) {
    const seed = options.seed ?? randomSeed();
    this.#agent = { ...(options.agent ?? DEFAULT_AGENT) };
    this.#persist = options.persist;
    const restored =
      options.persist &&
      loadWorld(options.persist, { seed: options.seed, agentId: this.#agent.id, reviveUrl: (a) => this.#placeholderUrl(a.name) });
    this.#seed = restored?.seed ?? Math.trunc(seed) >>> 0;
    this.#random = new SeededRandom(restored?.random ?? seed);
    this.#tag = restored?.tag ?? options.idTag ?? (Math.trunc(seed) >>> 0).toString(36);
    this.#now = options.now ?? Date.now;
    this.#directory = new Map(SEED_DIRECTORY.filter((a) => a.id !== this.#agent.id).map((a) => [a.id, { ...a }]));
    this.#latencyMs = SimulatedContactCenter.#duration('latencyMs', options.latencyMs ?? 150);
    this.#failureRate = SimulatedContactCenter.#probability(options.failureRate ?? 0);
    this.#ronaTimeoutMs = options.ronaTimeoutMs === Infinity ? Infinity : SimulatedContactCenter.#duration('ronaTimeoutMs', options.ronaTimeoutMs ?? 30_000);
    this.#autoplayIntervalMs = Math.max(1, SimulatedContactCenter.#duration('autoplayIntervalMs', options.autoplayIntervalMs ?? 20_000));
    this.#readDelayMs = SimulatedContactCenter.#duration('readDelayMs', options.readDelayMs ?? 2500);
    this.#typingTimeoutMs = SimulatedContactCenter.#duration('typingTimeoutMs', options.typingTimeoutMs ?? 4000);
    this.#agentResponseMs = SimulatedContactCenter.#duration('agentResponseMs', options.agentResponseMs ?? 3000);
    if (options.persist) this.#log = [];
    if (restored) this.#restore(restored);
    this.autoplay = options.autoplay ?? false;
  }

  // ---- settings ---------------------------------------------------------------

  /** The logged-in agent. */
  get agent(): AgentProfile {
    return this.#agent;
  }

  /** The logged-in agent's availability as the backend sees it. */
  get availability(): AgentAvailability {
    return this.#availability;
  }

  /** Network latency of commands and receipts, in ms (≥ 0). */
  get latencyMs(): number {
    return this.#latencyMs;
  }
  set latencyMs(value: number) {
    this.#latencyMs = SimulatedContactCenter.#duration('latencyMs', value);
  }

  /** Probability (0..1) that a `sendMessage` call fails; a failed message can be retried. */
  get failureRate(): number {
    return this.#failureRate;
  }
  set failureRate(value: number) {
    this.#failureRate = SimulatedContactCenter.#probability(value);
  }

  /** Whether random traffic runs (see {@link SimulatedContactCenterOptions.autoplay}). */
  get autoplay(): boolean {
    return this.#autoplay;
  }
  set autoplay(on: boolean) {
    if (this.#disposed || on === this.#autoplay) return;
    this.#autoplay = on;
    if (on) this.#scheduleTick(this.#autoplayIntervalMs / 4);
    else this.#timers.clearKey('autoplay');
  }

  /** Turns random traffic on or off (the same as setting {@link autoplay}). */
  setAutoplay(on: boolean): void {
    this.autoplay = on;
  }

  /** True after {@link dispose}. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** A snapshot of the backend: interactions, sent messages, held offers, directory, pending timers. */
  get state(): SimulatedState {
    const interactions: Record<string, SimulatedInteraction> = {};
    for (const rec of this.#records.values()) interactions[rec.id] = this.#snapshot(rec);
    return {
      agent: { ...this.#agent, availability: this.#availability },
      interactions,
      heldOffers: [...this.#held],
      directory: [...this.#directory.values()],
      pendingTimers: this.#timers.size,
      disposed: this.#disposed,
    };
  }

  /** The backend's view of one interaction, or `undefined` when it does not know the id. */
  interaction(interactionId: string): SimulatedInteraction | undefined {
    const rec = this.#records.get(interactionId);
    return rec && this.#snapshot(rec);
  }

  /**
   * Messages this agent sent successfully in an interaction, oldest first, with their
   * current delivery status; empty for an unknown interaction.
   */
  sentMessages(interactionId: string): readonly ChatMessage[] {
    return this.#records.get(interactionId)?.transcript.filter((m) => m.author === 'agent') ?? [];
  }

  // ---- scripting: the customer side ------------------------------------------------

  /**
   * Routes a new interaction to the agent and returns its id. The offer event is
   * emitted at once, unless the agent is in `rona`: then the offer is held and
   * emitted when the agent sets `available` (R-OFFER-04). An unanswered offer is
   * rescinded after `ronaTimeoutMs`.
   * @throws Error for an unknown channel, an unknown queue, or a queue not serving the channel.
   */
  offer(options: SimulatedOfferOptions): string {
    this.#assertLive();
    const { channel } = options;
    if (!CHANNELS.includes(channel)) fail(`Unknown channel ${String(channel)}`);
    const queue = this.#resolveQueue(channel, options.queue);
    const role = options.role ?? 'owner';
    const owner = role === 'invitee' ? this.#resolveOwner(options.owner) : undefined;
    const person = this.#person(options.customerName);
    const id = this.#nextId('sim');
    const source = { ...this.#defaultSource(channel, queue, person), ...options.source };
    const customer: Customer =
      channel === 'messenger'
        ? { name: person.name }
        : channel === 'sms'
          ? { name: person.name, phone: source.phoneNumber ?? person.phone }
          : { name: person.name, email: source.email ?? person.email };
    const rec: Rec = {
      id,
      channel,
      role,
      queue,
      customer,
      source,
      owner,
      status: 'held',
      customerPresent: true,
      customerTyping: false,
      offeredAt: undefined,
      acceptedAt: undefined,
      transcript: [],
      emails: [],
      conferenceAgent: undefined,
      transfer: undefined,
      endReason: undefined,
      rescindReason: undefined,
      wrapupReasonIds: [],
      workflows: [],
    };
    const attachments = (options.attachments ?? []).map((a) => this.#toAttachment(a));
    if (channel === 'email') {
      const subject = options.email?.subject ?? this.#random.pick(EMAIL_SUBJECTS);
      const html = options.email?.html;
      const text = options.email?.text ?? options.text ?? (html === undefined ? `Hello,\n\n${subject}.\n\nRegards,\n${person.name}` : undefined);
      rec.emails.push(
        this.#inbound({ from: customer.email ?? person.email, to: [this.#mailbox(queue)], cc: options.email?.cc ?? [], subject, html, text }, attachments),
      );
    } else if (options.text !== undefined || attachments.length > 0) {
      rec.transcript.push(this.#customerMessage(rec, options.text ?? '', options.format ?? 'plain', attachments));
    }
    this.#records.set(id, rec);
    if (this.#availability === 'rona') this.#held.push(id);
    else this.#present(rec);
    return id;
  }

  /**
   * The customer writes (chat channels). Emitted at once, ending their typing indicator;
   * written to a held offer, it becomes part of the offer. Returns the message id.
   * @throws Error when the interaction is unknown, email, finished, or the customer has left.
   */
  customerMessage(
    interactionId: string,
    text: string,
    options: { readonly attachments?: readonly InboundAttachment[]; readonly format?: MessageFormat } = {},
  ): string {
    const rec = this.#customerSide(interactionId, 'customerMessage');
    const message = this.#customerMessage(rec, text, options.format ?? 'plain', (options.attachments ?? []).map((a) => this.#toAttachment(a)));
    rec.transcript.push(message);
    if (rec.status !== 'held') {
      this.#timers.clearKey(`${rec.id}:typing`);
      rec.customerTyping = false;
      this.#emit({ type: 'message-received', interactionId: rec.id, message });
    }
    return message.id;
  }

  /**
   * The customer starts typing (R-X-05): `typing: true` now, `typing: false` after
   * `typingTimeoutMs` unless a message comes first (a message ends typing by itself).
   * Calling again while typing extends the indicator. Ignored for held offers.
   * @throws Error when the interaction is unknown, email, finished, or the customer has left.
   */
  customerTyping(interactionId: string): void {
    const rec = this.#customerSide(interactionId, 'customerTyping');
    if (rec.status === 'held') return;
    if (!rec.customerTyping) {
      rec.customerTyping = true;
      this.#emit({ type: 'customer-typing', interactionId: rec.id, typing: true });
    }
    this.#timers.set(
      this.#typingTimeoutMs,
      () => {
        if (!rec.customerTyping) return;
        rec.customerTyping = false;
        this.#emit({ type: 'customer-typing', interactionId: rec.id, typing: false });
      },
      { owner: rec.id, key: `${rec.id}:typing` },
    );
  }

  /**
   * The customer leaves. Offered: the offer is rescinded (`customer-left`). Held: it is
   * dropped silently. Accepted: `participant-left` for the customer; the conversation
   * stays open for the agent to end and wrap up (R-END-04), but messages to the customer
   * now fail. Leaving twice is a no-op.
   * @throws Error when the interaction is unknown or already finished.
   */
  customerLeaves(interactionId: string): void {
    const rec = this.#record(interactionId);
    if (!OPEN.has(rec.status)) fail(`Interaction ${interactionId} has already ended`);
    if (!rec.customerPresent) return;
    rec.customerPresent = false;
    rec.customerTyping = false;
    this.#timers.clearKey(`${rec.id}:typing`);
    this.#timers.clearKey(`${rec.id}:reply`);
    if (rec.status === 'held') {
      const index = this.#held.indexOf(rec.id);
      if (index >= 0) this.#held.splice(index, 1);
      this.#rescind(rec, 'customer-left', false);
    } else if (rec.status === 'offered') {
      this.#rescind(rec, 'customer-left', true);
    } else {
      this.#emit({ type: 'participant-left', interactionId: rec.id, participantId: SimulatedContactCenter.customerParticipantId(rec.id) });
    }
  }

  /**
   * An email arrives in an email interaction (offered or accepted; a held offer gains it).
   * Returns the email id.
   * @throws Error when the interaction is unknown, not email, or finished.
   */
  inboundEmail(interactionId: string, email: SimulatedInboundEmail): string {
    const rec = this.#record(interactionId);
    if (rec.channel !== 'email') fail(`Interaction ${interactionId} is ${rec.channel}, not email`);
    if (!OPEN.has(rec.status)) fail(`Interaction ${interactionId} has already ended`);
    const message = this.#inbound(email, (email.attachments ?? []).map((a) => this.#toAttachment(a)));
    rec.emails.push(message);
    if (rec.status !== 'held') this.#emit({ type: 'email-received', interactionId: rec.id, email: message });
    return message.id;
  }

  /**
   * Changes a directory agent's availability: what transfer and conference dialogs
   * list (R-XFER-03), and whether that agent accepts a transfer or an invitation.
   * @throws Error for an unknown agent or availability.
   */
  setAgentAvailability(agentId: string, availability: AgentAvailability): void {
    this.#assertLive();
    const agent = this.#directory.get(agentId) ?? fail(`Unknown directory agent ${agentId}`);
    if (!AVAILABILITIES.includes(availability)) fail(`Unknown availability ${String(availability)}`);
    this.#directory.set(agentId, { ...agent, availability });
    this.#changed();
  }

  /**
   * The other agent of a conference writes (author `peer`). Returns the message id.
   * @throws Error when the interaction is not in conference.
   */
  peerMessage(interactionId: string, text: string): string {
    const rec = this.#record(interactionId);
    const peer = rec.status === 'conference' ? rec.conferenceAgent : undefined;
    if (!peer) fail(`Interaction ${interactionId} is not in conference`);
    const message: ChatMessage = {
      id: this.#nextId('msg'),
      author: 'peer',
      authorName: peer.name,
      text,
      format: 'plain',
      timestamp: this.#now(),
      attachments: [],
    };
    rec.transcript.push(message);
    this.#emit({ type: 'message-received', interactionId: rec.id, message });
    return message.id;
  }

  /**
   * The other agent leaves the conference. Owner view: the invited agent exits (or, if
   * the invitation is still open, declines) and the chat with the customer continues
   * (R-CONF-04). Invitee view: the owner ends the conference, and the interaction goes
   * to wrap-up (`conference-ended`).
   * @throws Error when no conference is requested or in progress.
   */
  peerLeaves(interactionId: string): void {
    const rec = this.#record(interactionId);
    const peer = rec.conferenceAgent;
    if (!peer || (rec.status !== 'conference' && rec.status !== 'conference-requested')) {
      fail(`Interaction ${interactionId} has no conference`);
    }
    if (rec.role === 'invitee') {
      this.#emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent: peer });
      this.#end(rec, 'conference-ended');
      return;
    }
    this.#timers.clearKey(`${rec.id}:conference`);
    const state = rec.status === 'conference' ? 'exited' : 'declined';
    rec.status = 'active';
    rec.conferenceAgent = undefined;
    if (state === 'exited') this.#tellCustomer(rec, 'agent-left', peer.name);
    this.#emit({ type: 'conference', interactionId: rec.id, state, agent: peer });
  }

  // ---- adapter commands -----------------------------------------------------------

  /**
   * Accepts an offer: `interaction-accepted`, then `participant-joined` for the customer
   * (webchat customers are told the agent joined). An `invitee` offer joins the
   * conference (`conference` `started` with the owner).
   * Rejects when the interaction is unknown or not (any longer) offered.
   */
  async acceptOffer(interactionId: string): Promise<void> {
    await this.#latency('acceptOffer');
    const rec = this.#records.get(interactionId);
    if (!rec) fail(`Cannot accept: unknown interaction ${interactionId}`);
    if (rec.status !== 'offered') fail(`Cannot accept interaction ${interactionId}: it is not offered (${rec.status})`);
    this.#timers.clearKey(`${rec.id}:rona`);
    rec.status = 'active';
    rec.acceptedAt = this.#now();
    this.#emit({ type: 'interaction-accepted', interactionId: rec.id });
    if (rec.customerPresent) {
      this.#emit({
        type: 'participant-joined',
        interactionId: rec.id,
        participant: { id: SimulatedContactCenter.customerParticipantId(rec.id), name: rec.customer.name, kind: 'customer' },
      });
    }
    this.#tellCustomer(rec, 'agent-joined', this.#agent.name);
    if (rec.role === 'invitee' && rec.owner) {
      rec.status = 'conference';
      rec.conferenceAgent = rec.owner;
      this.#emit({ type: 'conference', interactionId: rec.id, state: 'started', agent: rec.owner });
    }
  }

  /**
   * Sends a chat message. Resolves after the latency with `{ messageId, status: 'sent', timestamp }`;
   * the message id is the request's `clientMessageId`, which also makes a repeated call
   * idempotent. Messenger and sms then report `delivered` (after the latency) and `read`
   * (after `readDelayMs`, if the customer is still there); webchat has no receipts.
   * Rejects when: the interaction is unknown, email, or not active; the customer has
   * left; an sms carries attachments; or the simulated network fails (`failureRate`).
   */
  async sendMessage(request: SendMessageRequest): Promise<SendMessageResult> {
    await this.#latency('sendMessage');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot send: unknown interaction ${request.interactionId}`);
    if (rec.channel === 'email') fail('Cannot send a chat message in an email interaction: use sendEmail');
    if (!WORKING.has(rec.status)) fail(`Cannot send: interaction ${rec.id} is not active`);
    if (!rec.customerPresent) fail('Cannot send: the customer has left the conversation');
    if (rec.channel === 'sms' && request.attachments.length > 0) fail('SMS messages cannot carry attachments');
    const known = rec.transcript.find((m) => m.id === request.clientMessageId);
    if (known) return { messageId: known.id, status: 'sent', timestamp: known.timestamp };
    if (this.#random.chance(this.#failureRate)) fail('Message not delivered: the network did not answer (simulated failure)');
    const message: ChatMessage = {
      id: request.clientMessageId,
      author: 'agent',
      authorName: this.#agent.name,
      text: request.text,
      format: request.format,
      timestamp: this.#now(),
      attachments: request.attachments,
      status: 'sent',
    };
    rec.transcript.push(message);
    this.#keep({ type: 'message-received', interactionId: rec.id, message, at: message.timestamp });
    if (rec.channel !== 'webchat') this.#scheduleReceipts(rec, message.id, 'sent');
    if (this.#autoplay) this.#scheduleReply(rec);
    return { messageId: message.id, status: 'sent', timestamp: message.timestamp };
  }

  /**
   * Sends an email. Resolves after the latency with the request's `clientEmailId` as the
   * email id; an `email-status` `delivery-report` follows after the latency again.
   * Rejects when the interaction is unknown, not email, or not active; when `to` is
   * empty or an address is invalid; or when `inReplyTo` is not the latest inbound email
   * (R-MAIL-05, R-MAIL-06).
   */
  async sendEmail(request: SendEmailRequest): Promise<SendEmailResult> {
    await this.#latency('sendEmail');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot send: unknown interaction ${request.interactionId}`);
    if (rec.channel !== 'email') fail(`Cannot send an email in a ${rec.channel} interaction: use sendMessage`);
    if (rec.status !== 'active') fail(`Cannot send: interaction ${rec.id} is not active`);
    const known = rec.emails.find((e) => e.id === request.clientEmailId);
    if (known) return { emailId: known.id, timestamp: known.timestamp };
    if (request.to.length === 0) fail('Cannot send: the email has no recipient');
    const invalid = [...request.to, ...request.cc].find((a) => !EMAIL_ADDRESS.test(a.trim()));
    if (invalid !== undefined) fail(`Cannot send: invalid email address "${invalid}"`);
    const answered = rec.emails.findIndex((e) => e.id === request.inReplyTo);
    if (answered < 0) fail(`Cannot send: email ${request.inReplyTo} is not in this thread`);
    if (rec.emails.slice(answered + 1).some((e) => e.direction === 'inbound')) {
      fail('Cannot send: you are not replying to the latest email');
    }
    const email: EmailMessage = {
      id: request.clientEmailId,
      direction: 'outbound',
      from: this.#mailbox(rec.queue),
      to: request.to,
      cc: request.cc,
      subject: request.subject,
      html: request.html,
      text: request.text,
      timestamp: this.#now(),
      status: 'sent',
      attachments: request.attachments,
    };
    rec.emails.push(email);
    this.#keep({ type: 'email-received', interactionId: rec.id, email, at: email.timestamp });
    this.#scheduleDeliveryReport(rec, email.id);
    if (this.#autoplay) this.#scheduleEmailReply(rec, request.subject);
    return { emailId: email.id, timestamp: email.timestamp };
  }

  /**
   * Starts a transfer: `transfer` `pending` at once; then to a queue, `completed` after
   * the latency; to an agent, after `agentResponseMs`, `completed` if that agent is
   * `available` then, else `dropped` (R-XFER-06). Either way the interaction then ends
   * for this agent (`interaction-ended`, reason `transferred`) and goes to wrap-up
   * (R-XFER-05). Rejects for email to an agent (R-XFER-07), an unknown target, a queue
   * not serving the channel, this agent as target, an interaction that is not active
   * (or is in conference), or while another transfer is pending.
   */
  async transfer(request: TransferRequest): Promise<void> {
    await this.#latency('transfer');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot transfer: unknown interaction ${request.interactionId}`);
    if (rec.status !== 'active') fail(`Cannot transfer interaction ${rec.id}: it is ${rec.status}`);
    if (rec.transfer?.state === 'pending') fail('A transfer of this interaction is already in progress');
    const { target } = request;
    if (target.kind === 'queue') {
      const queue = SEED_QUEUES.find((q) => q.id === target.queueId) ?? fail(`Cannot transfer: unknown queue ${target.queueId}`);
      if (!queue.channels.includes(rec.channel)) fail(`Cannot transfer: queue ${queue.name} does not serve ${rec.channel}`);
    } else {
      if (rec.channel === 'email') fail('Email can be transferred to a queue only, not to an agent');
      if (target.agentId === this.#agent.id) fail('Cannot transfer an interaction to yourself');
      if (!this.#directory.has(target.agentId)) fail(`Cannot transfer: unknown agent ${target.agentId}`);
    }
    rec.transfer = { target, state: 'pending' };
    this.#emit({ type: 'transfer', interactionId: rec.id, target, state: 'pending' });
    this.#scheduleTransferOutcome(rec, target);
  }

  /**
   * Invites a directory agent to a three-party chat (R-CONF-01): `conference` `requested`
   * at once; after `agentResponseMs`, `started` if that agent is `available` then (webchat
   * customers are told the agent joined, R-CONF-02), else `declined`. Rejects for email,
   * an unknown agent or this agent, an interaction that is not active, a pending transfer,
   * a customer who has left, or when this agent is not the owner.
   */
  async inviteToConference(request: { readonly interactionId: string; readonly agentId: string }): Promise<void> {
    await this.#latency('inviteToConference');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot invite: unknown interaction ${request.interactionId}`);
    if (!isChatChannel(rec.channel)) fail('Email interactions have no conference');
    if (rec.role !== 'owner') fail('Only the owner of the interaction can invite to a conference');
    if (rec.status === 'conference' || rec.status === 'conference-requested') fail('A conference is already requested or in progress');
    if (rec.status !== 'active') fail(`Cannot invite: interaction ${rec.id} is ${rec.status}`);
    if (rec.transfer?.state === 'pending') fail('Cannot invite while a transfer is in progress');
    if (!rec.customerPresent) fail('Cannot invite: the customer has left the conversation');
    if (request.agentId === this.#agent.id) fail('Cannot invite yourself to a conference');
    const invited = this.#directory.get(request.agentId) ?? fail(`Cannot invite: unknown agent ${request.agentId}`);
    const agent = { id: invited.id, name: invited.name };
    rec.status = 'conference-requested';
    rec.conferenceAgent = agent;
    this.#emit({ type: 'conference', interactionId: rec.id, state: 'requested', agent });
    this.#scheduleInvitationAnswer(rec, agent);
  }

  /**
   * This agent, invited to a conference (an `invitee` interaction), leaves it (R-CONF-04):
   * `conference` `exited`, then `interaction-ended` (`conference-exited`) for this agent.
   * Rejects for an owner (owners end the conference) or when not in conference.
   */
  async exitConference(interactionId: string): Promise<void> {
    await this.#latency('exitConference');
    const rec = this.#records.get(interactionId) ?? fail(`Cannot exit: unknown interaction ${interactionId}`);
    if (rec.role !== 'invitee') fail('Only an invited agent can exit a conference; the owner ends it');
    if (rec.status !== 'conference') fail(`Cannot exit: interaction ${rec.id} is not in conference`);
    this.#tellCustomer(rec, 'agent-left', this.#agent.name);
    this.#emit({ type: 'conference', interactionId: rec.id, state: 'exited', agent: { id: this.#agent.id, name: this.#agent.name } });
    this.#end(rec, 'conference-exited');
  }

  /**
   * The owner ends the conference (R-CONF-03), or withdraws an open invitation:
   * `conference` `ended`, then `interaction-ended` (`conference-ended`). Rejects for an
   * invitee or when no conference is requested or in progress.
   */
  async endConference(interactionId: string): Promise<void> {
    await this.#latency('endConference');
    const rec = this.#records.get(interactionId) ?? fail(`Cannot end conference: unknown interaction ${interactionId}`);
    if (rec.role !== 'owner') fail('Only the owner can end the conference');
    const agent = rec.conferenceAgent;
    if (!agent || (rec.status !== 'conference' && rec.status !== 'conference-requested')) {
      fail(`Interaction ${rec.id} has no conference to end`);
    }
    this.#emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent });
    this.#end(rec, 'conference-ended');
  }

  /**
   * Ends the interaction (`interaction-ended`, reason `agent-ended`); it goes to wrap-up.
   * A webchat customer still present is told the agent left (R-END-04; see the
   * transcript). A conference in progress ends with it. Rejects for an offer not yet
   * accepted, an interaction already ended, an invitee (who exits instead), or while a
   * transfer is pending.
   */
  async endInteraction(interactionId: string): Promise<void> {
    await this.#latency('endInteraction');
    const rec = this.#records.get(interactionId) ?? fail(`Cannot end: unknown interaction ${interactionId}`);
    if (!WORKING.has(rec.status)) fail(`Cannot end interaction ${rec.id}: it is ${rec.status}`);
    if (rec.role !== 'owner') fail('An invited agent exits the conference instead of ending the interaction');
    if (rec.transfer?.state === 'pending') fail('Cannot end while a transfer is in progress');
    if (rec.conferenceAgent) this.#emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent: rec.conferenceAgent });
    this.#tellCustomer(rec, 'agent-left', this.#agent.name);
    this.#end(rec, 'agent-ended');
  }

  /**
   * Records wrap-up (R-END-02): `wrapup-completed`, and the interaction is complete.
   * Rejects when the interaction is not in wrap-up, no reason is given, or a reason is
   * unknown for the channel. Several reasons are accepted on every channel; how many
   * the agent may pick is the widget's setting (R-END-03).
   */
  async submitWrapup(request: WrapupRequest): Promise<void> {
    await this.#latency('submitWrapup');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot wrap up: unknown interaction ${request.interactionId}`);
    if (rec.status !== 'wrapup') fail(`Cannot wrap up interaction ${rec.id}: it is ${rec.status}`);
    if (request.reasonIds.length === 0) fail('Choose at least one wrap-up reason');
    for (const reasonId of request.reasonIds) {
      if (!SEED_WRAPUP_REASONS.some((r) => r.id === reasonId && r.channels.includes(rec.channel))) {
        fail(`Unknown wrap-up reason ${reasonId} for ${rec.channel}`);
      }
    }
    rec.status = 'completed';
    rec.wrapupReasonIds = [...request.reasonIds];
    this.#timers.clearOwner(rec.id);
    this.#emit({ type: 'wrapup-completed', interactionId: rec.id });
  }

  /**
   * Sets this agent's availability (`agent-state-changed`). Setting `available` after
   * RONA offers the held offers, in order (R-OFFER-04). Rejects for `rona` (only the
   * system enters it) and for unknown states.
   */
  async setAgentState(state: AgentAvailability): Promise<void> {
    await this.#latency('setAgentState');
    if (!AVAILABILITIES.includes(state)) fail(`Unknown agent state ${String(state)}`);
    if (state === 'rona') fail('RONA is entered by the system when an offer is left unanswered, not set by the agent');
    this.#availability = state;
    this.#emit({ type: 'agent-state-changed', state });
    if (state === 'available') {
      for (const id of this.#held.splice(0)) {
        const rec = this.#records.get(id);
        if (rec?.status === 'held') this.#present(rec);
      }
    }
  }

  /**
   * Runs a workflow for the interaction (R-CHAT-10). Resolves `{ ok: true, message }`;
   * a workflow whose id contains `fail` resolves `{ ok: false, message }` (the workflow
   * ran and reported failure). Rejects for an unknown interaction, a completed one, or a
   * workflow not offered on the channel.
   */
  async triggerWorkflow(request: { readonly interactionId: string; readonly workflowId: string }): Promise<WorkflowResult> {
    await this.#latency('triggerWorkflow');
    const rec = this.#records.get(request.interactionId) ?? fail(`Cannot run workflow: unknown interaction ${request.interactionId}`);
    if (rec.status === 'completed' || rec.status === 'rescinded') fail(`Cannot run workflow: interaction ${rec.id} is ${rec.status}`);
    const workflow =
      SEED_WORKFLOWS.find((w) => w.id === request.workflowId && w.channels.includes(rec.channel)) ??
      fail(`Unknown workflow ${request.workflowId} for ${rec.channel}`);
    rec.workflows.push(workflow.id);
    this.#changed();
    return workflow.id.includes('fail')
      ? { ok: false, message: `${workflow.name} failed: the service reported an error` }
      : { ok: true, message: `${workflow.name} done for ${rec.customer.name}` };
  }

  /**
   * Stores a file the agent attaches and resolves with a downloadable attachment
   * (a `blob:` URL, revoked on {@link dispose}). Rejects for files over
   * {@link MAX_ATTACHMENT_BYTES}, sms interactions (no attachments), and unknown or
   * finished interactions.
   */
  async uploadAttachment(interactionId: string, file: File): Promise<Attachment> {
    await this.#latency('uploadAttachment');
    const rec = this.#records.get(interactionId) ?? fail(`Cannot upload: unknown interaction ${interactionId}`);
    if (!WORKING.has(rec.status)) fail(`Cannot upload: interaction ${rec.id} is ${rec.status}`);
    if (rec.channel === 'sms') fail('SMS messages cannot carry attachments');
    if (file.size > MAX_ATTACHMENT_BYTES) fail(`${file.name} is larger than the 10 MB limit`);
    return {
      id: this.#nextId('att'),
      name: file.name,
      size: file.size,
      mimeType: file.type || 'application/octet-stream',
      url: this.#objectUrl(file),
    };
  }

  /** Queues serving the channel (transfer targets, R-XFER-02). */
  async listQueues(channel: Channel): Promise<readonly Queue[]> {
    await this.#latency('listQueues');
    return SEED_QUEUES.filter((q) => q.channels.includes(channel)).map(({ id, name, channels }) => ({ id, name, channels }));
  }

  /** Other agents with their current availability (R-XFER-03, R-XFER-04). */
  async listAgents(): Promise<readonly DirectoryAgent[]> {
    await this.#latency('listAgents');
    return [...this.#directory.values()];
  }

  /** Wrap-up reasons for the channel. */
  async listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    await this.#latency('listWrapupReasons');
    return SEED_WRAPUP_REASONS.filter((r) => r.channels.includes(channel)).map(({ id, name }) => ({ id, name }));
  }

  /** Templates for the channel: attached, locked, with `[[parameters]]` and with `{{system}}` variables. */
  async listTemplates(channel: Channel): Promise<readonly MessageTemplate[]> {
    await this.#latency('listTemplates');
    return SEED_TEMPLATES.filter((t) => t.channels.includes(channel));
  }

  /** Workflows that can be triggered on the channel. */
  async listWorkflows(channel: Channel): Promise<readonly Workflow[]> {
    await this.#latency('listWorkflows');
    return SEED_WORKFLOWS.filter((w) => w.channels.includes(channel)).map(({ id, name }) => ({ id, name }));
  }

  /**
   * Ends the session: clears every timer, rejects commands in flight and all later ones,
   * revokes `blob:` URLs it made, and completes {@link events$}. Scripting methods throw
   * afterwards. Calling it again does nothing.
   */
  dispose(): void {
    if (this.#disposed) return;
    // The last changes of a persisted world are written now: a reload may follow at once.
    if (this.#saveQueued) this.#save();
    this.#disposed = true;
    this.#autoplay = false;
    this.#timers.clearAll();
    const error = new Error('The simulated contact center is disposed');
    for (const reject of [...this.#pending]) reject(error);
    this.#pending.clear();
    for (const url of this.#objectUrls.splice(0)) URL.revokeObjectURL(url);
    this.#events.complete();
  }

  /** The participant id the simulator gives the customer of an interaction. */
  static customerParticipantId(interactionId: string): string {
    return `customer-${interactionId}`;
  }

  // ---- internals ------------------------------------------------------------------

  static #duration(name: string, value: number): number {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
    return value;
  }

  static #probability(value: number): number {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`failureRate must be between 0 and 1, got ${value}`);
    return value;
  }

  #assertLive(): void {
    if (this.#disposed) fail('The simulated contact center is disposed');
  }

  /** Waits out the network latency; rejects if the simulator is (or gets) disposed. */
  async #latency(command: string): Promise<void> {
    if (this.#disposed) fail(`${command}: the simulated contact center is disposed`);
    await new Promise<void>((resolve, reject) => {
      const cancel = (error: Error): void => reject(new Error(`${command}: ${error.message}`));
      this.#pending.add(cancel);
      this.#timers.set(this.#latencyMs, () => {
        this.#pending.delete(cancel);
        resolve();
      });
    });
  }

  #emit(event: EventInput): void {
    if (this.#disposed) return;
    this.#seq += 1;
    const stamped = { ...event, at: this.#now(), seq: this.#seq };
    this.#keep(stamped);
    this.#outbox.push(stamped);
    // A subscriber that scripts the simulator from its handler must not see events out of order.
    if (this.#emitting) return;
    this.#emitting = true;
    try {
      for (let next = this.#outbox.shift(); next; next = this.#outbox.shift()) this.#events.next(next);
    } finally {
      this.#emitting = false;
    }
  }

  #nextId(kind: string): string {
    this.#counter += 1;
    // An id handed out (an upload, say) must never be handed out again after a reload.
    this.#changed();
    return `${kind}-${this.#tag}-${this.#counter.toString(36)}`;
  }

  #record(interactionId: string): Rec {
    this.#assertLive();
    return this.#records.get(interactionId) ?? fail(`Unknown interaction ${interactionId}`);
  }

  /** An interaction the customer can still act in (chat channels). */
  #customerSide(interactionId: string, what: string): Rec {
    const rec = this.#record(interactionId);
    if (!isChatChannel(rec.channel)) fail(`${what}: interaction ${interactionId} is email; use inboundEmail`);
    if (!OPEN.has(rec.status)) fail(`${what}: interaction ${interactionId} has already ended`);
    if (!rec.customerPresent) fail(`${what}: the customer of ${interactionId} has left`);
    return rec;
  }

  #resolveQueue(channel: Channel, queue: string | undefined): SimulatedQueue {
    if (queue === undefined) {
      return SEED_QUEUES.find((q) => q.channels.includes(channel)) ?? fail(`No queue serves ${channel}`);
    }
    const wanted = queue.toLowerCase();
    const found = SEED_QUEUES.find((q) => q.id === queue || q.name.toLowerCase() === wanted) ?? fail(`Unknown queue ${queue}`);
    if (!found.channels.includes(channel)) fail(`Queue ${found.name} does not serve ${channel}`);
    return found;
  }

  #resolveOwner(ownerId: string | undefined): { readonly id: string; readonly name: string } {
    const owner =
      ownerId === undefined
        ? ([...this.#directory.values()][0] ?? fail('The directory is empty'))
        : (this.#directory.get(ownerId) ?? fail(`Unknown directory agent ${ownerId}`));
    return { id: owner.id, name: owner.name };
  }

  #person(name: string | undefined): SimulatedCustomer {
    if (name === undefined) return this.#random.pick(SEED_CUSTOMERS);
    const known = SEED_CUSTOMERS.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (known) return known;
    return { name, email: emailFromName(name, this.#counter + 1), phone: `+1 555 01${this.#random.int(10, 99)}` };
  }

  #defaultSource(channel: Channel, queue: SimulatedQueue, person: SimulatedCustomer): InteractionSource {
    switch (channel) {
      case 'messenger':
        return { page: queue.page ?? 'Acme' };
      case 'sms':
        return { phoneNumber: person.phone, sourceNumber: queue.sourceNumber ?? '+1 555 0100' };
      case 'webchat':
      case 'email':
        return { email: person.email };
    }
  }

  #mailbox(queue: SimulatedQueue): string {
    return queue.mailbox ?? 'support@acme.example';
  }

  #customerMessage(rec: Rec, text: string, format: MessageFormat, attachments: readonly Attachment[]): ChatMessage {
    return { id: this.#nextId('msg'), author: 'customer', authorName: rec.customer.name, text, format, timestamp: this.#now(), attachments };
  }

  #inbound(email: SimulatedInboundEmail, attachments: readonly Attachment[]): EmailMessage {
    return {
      id: this.#nextId('email'),
      direction: 'inbound',
      from: email.from,
      to: email.to,
      cc: email.cc ?? [],
      subject: email.subject,
      ...(email.html === undefined ? {} : { html: email.html }),
      ...(email.text === undefined ? {} : { text: email.text }),
      timestamp: this.#now(),
      status: 'received',
      attachments,
    };
  }

  #toAttachment(input: InboundAttachment): Attachment {
    if (input instanceof File) {
      return { id: this.#nextId('att'), name: input.name, size: input.size, mimeType: input.type || 'application/octet-stream', url: this.#objectUrl(input) };
    }
    let size = input.size;
    let url = input.url;
    if (url === undefined) {
      const placeholder = new Blob([`Simulated attachment: ${input.name}\n`], { type: 'text/plain' });
      url = this.#objectUrl(placeholder);
      size ??= placeholder.size;
    }
    return {
      id: input.id ?? this.#nextId('att'),
      name: input.name,
      size: size ?? 0,
      mimeType: input.mimeType ?? 'application/octet-stream',
      url,
      ...(input.contentId === undefined ? {} : { contentId: input.contentId }),
    };
  }

  /** A small download standing in for a file whose content the simulator does not have. */
  #placeholderUrl(name: string): string {
    return this.#objectUrl(new Blob([`Simulated attachment: ${name}\n`], { type: 'text/plain' }));
  }

  #objectUrl(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.#objectUrls.push(url);
    return url;
  }

  /** Emits the offer of a held interaction and starts its RONA timer. */
  #present(rec: Rec): void {
    rec.status = 'offered';
    rec.offeredAt = this.#now();
    this.#emit({
      type: 'offer',
      interactionId: rec.id,
      channel: rec.channel,
      queue: { id: rec.queue.id, name: rec.queue.name },
      customer: rec.customer,
      source: rec.source,
      role: rec.role,
      ...(rec.transcript.length > 0 ? { messages: [...rec.transcript] } : {}),
      ...(rec.emails.length > 0 ? { emails: [...rec.emails] } : {}),
    });
    this.#armRona(rec, this.#ronaTimeoutMs);
  }

  #armRona(rec: Rec, ms: number): void {
    if (Number.isFinite(ms)) this.#timers.set(ms, () => this.#ronaTimeout(rec), { owner: rec.id, key: `${rec.id}:rona` });
  }

  #ronaTimeout(rec: Rec): void {
    if (rec.status !== 'offered') return;
    this.#rescind(rec, 'timeout', true);
    if (this.#availability !== 'rona') {
      this.#availability = 'rona';
      this.#emit({ type: 'agent-state-changed', state: 'rona' });
    }
  }

  #rescind(rec: Rec, reason: 'timeout' | 'customer-left', announce: boolean): void {
    rec.status = 'rescinded';
    rec.rescindReason = reason;
    this.#timers.clearOwner(rec.id);
    if (announce) this.#emit({ type: 'offer-rescinded', interactionId: rec.id, reason });
  }

  /** Moves an interaction to wrap-up; the customer's side stops acting in it. */
  #end(rec: Rec, reason: EndReason): void {
    rec.status = 'wrapup';
    rec.endReason = reason;
    rec.customerTyping = false;
    for (const kind of ['typing', 'reply', 'conference', 'transfer']) this.#timers.clearKey(`${rec.id}:${kind}`);
    this.#emit({ type: 'interaction-ended', interactionId: rec.id, reason });
  }

  /** Records what a webchat customer is shown (only webchat customers see agents come and go). */
  #tellCustomer(rec: Rec, notice: SystemNoticeKind, name: string): void {
    if (rec.channel !== 'webchat' || !rec.customerPresent) return;
    rec.transcript.push({
      id: this.#nextId('notice'),
      author: 'system',
      notice,
      authorName: name,
      text: '',
      format: 'plain',
      timestamp: this.#now(),
      attachments: [],
    });
  }

  /** Receipts of an agent message (messenger, sms): `delivered` after the latency, `read` a while later if the customer is still there. */
  #scheduleReceipts(rec: Rec, messageId: string, reached: 'sent' | 'delivered'): void {
    const read = (): void => {
      this.#timers.set(this.#readDelayMs, () => rec.customerPresent && this.#receipt(rec, messageId, 'read'), { owner: rec.id });
    };
    if (reached === 'delivered') read();
    else
      this.#timers.set(
        this.#latencyMs,
        () => {
          this.#receipt(rec, messageId, 'delivered');
          read();
        },
        { owner: rec.id },
      );
  }

  /** The delivery report of a sent email, after the latency. */
  #scheduleDeliveryReport(rec: Rec, emailId: string): void {
    this.#timers.set(
      this.#latencyMs,
      () => {
        const index = rec.emails.findIndex((e) => e.id === emailId);
        const email = rec.emails[index];
        if (!email || rec.status === 'completed') return;
        rec.emails[index] = { ...email, status: 'delivery-report' };
        this.#emit({ type: 'email-status', interactionId: rec.id, emailId, status: 'delivery-report' });
      },
      { owner: rec.id },
    );
  }

  /** A queue takes a transfer after the latency; an agent after `agentResponseMs`, if available then. */
  #scheduleTransferOutcome(rec: Rec, target: TransferTarget): void {
    const decide = (): void => {
      if (rec.status !== 'active') return;
      const state = target.kind === 'queue' || this.#directory.get(target.agentId)?.availability === 'available' ? 'completed' : 'dropped';
      rec.transfer = { target, state };
      this.#emit({ type: 'transfer', interactionId: rec.id, target, state });
      this.#end(rec, 'transferred');
    };
    this.#timers.set(target.kind === 'queue' ? this.#latencyMs : this.#agentResponseMs, decide, { owner: rec.id, key: `${rec.id}:transfer` });
  }

  /** The invited agent answers after `agentResponseMs`: joins if available then, else declines. */
  #scheduleInvitationAnswer(rec: Rec, agent: { readonly id: string; readonly name: string }): void {
    this.#timers.set(
      this.#agentResponseMs,
      () => {
        if (rec.status !== 'conference-requested') return;
        if (this.#directory.get(agent.id)?.availability === 'available') {
          rec.status = 'conference';
          this.#tellCustomer(rec, 'agent-joined', agent.name);
          this.#emit({ type: 'conference', interactionId: rec.id, state: 'started', agent });
        } else {
          rec.status = 'active';
          rec.conferenceAgent = undefined;
          this.#emit({ type: 'conference', interactionId: rec.id, state: 'declined', agent });
        }
      },
      { owner: rec.id, key: `${rec.id}:conference` },
    );
  }

  #receipt(rec: Rec, messageId: string, status: DeliveryStatus): void {
    if (rec.status === 'completed') return;
    const index = rec.transcript.findIndex((m) => m.id === messageId);
    const message = rec.transcript[index];
    if (!message) return;
    rec.transcript[index] = { ...message, status };
    this.#emit({ type: 'message-status', interactionId: rec.id, messageId, status });
  }

  #snapshot(rec: Rec): SimulatedInteraction {
    return {
      id: rec.id,
      channel: rec.channel,
      role: rec.role,
      status: rec.status,
      queue: { id: rec.queue.id, name: rec.queue.name },
      customer: rec.customer,
      source: rec.source,
      customerPresent: rec.customerPresent,
      customerTyping: rec.customerTyping,
      ...(rec.offeredAt === undefined ? {} : { offeredAt: rec.offeredAt }),
      ...(rec.acceptedAt === undefined ? {} : { acceptedAt: rec.acceptedAt }),
      transcript: [...rec.transcript],
      sentMessages: rec.transcript.filter((m) => m.author === 'agent'),
      emails: [...rec.emails],
      ...(rec.conferenceAgent ? { conferenceAgent: rec.conferenceAgent } : {}),
      ...(rec.owner ? { owner: rec.owner } : {}),
      ...(rec.transfer ? { transfer: rec.transfer } : {}),
      ...(rec.endReason ? { endReason: rec.endReason } : {}),
      ...(rec.rescindReason ? { rescindReason: rec.rescindReason } : {}),
      wrapupReasonIds: rec.wrapupReasonIds,
      workflows: [...rec.workflows],
    };
  }

  // ---- persistence (see persistence.ts) ----------------------------------------------

  /** Adds an event to the replay log (when persisting) and schedules a save. */
  #keep(event: ContactCenterEvent): void {
    if (!this.#log) return;
    this.#log = remember(this.#log, event);
    this.#changed();
  }

  /** Schedules one save for everything that changes in this task. */
  #changed(): void {
    if (!this.#persist || this.#saveQueued || this.#disposed) return;
    this.#saveQueued = true;
    queueMicrotask(() => {
      if (this.#saveQueued && !this.#disposed) this.#save();
    });
  }

  #save(): void {
    this.#saveQueued = false;
    if (!this.#persist) return;
    const directory: Record<string, AgentAvailability> = {};
    for (const a of this.#directory.values()) directory[a.id] = a.availability;
    const world: SimulatedWorld = {
      seed: this.#seed,
      agentId: this.#agent.id,
      tag: this.#tag,
      counter: this.#counter,
      seq: this.#seq,
      random: this.#random.state,
      availability: this.#availability,
      held: [...this.#held],
      directory,
      records: [...this.#records.values()],
      log: this.#log ?? [],
    };
    saveWorld(this.#persist, world, this.#now());
  }

  /** Takes over a world read back from storage and re-arms what was pending in it. */
  #restore(world: SimulatedWorld): void {
    this.#counter = world.counter;
    this.#seq = world.seq;
    this.#availability = world.availability;
    for (const [id, availability] of Object.entries(world.directory)) {
      const agent = this.#directory.get(id);
      if (agent) this.#directory.set(id, { ...agent, availability });
    }
    for (const rec of world.records) this.#records.set(rec.id, rec);
    this.#held.push(...world.held);
    this.#log = [...world.log];
    for (const rec of world.records) {
      if (rec.status === 'offered') this.#armRona(rec, this.#ronaTimeoutMs - (this.#now() - (rec.offeredAt ?? this.#now())));
      if (rec.status === 'held' || rec.status === 'completed' || rec.status === 'rescinded') continue;
      for (const m of rec.transcript) {
        if (m.author === 'agent' && rec.channel !== 'webchat' && (m.status === 'sent' || m.status === 'delivered')) this.#scheduleReceipts(rec, m.id, m.status);
      }
      for (const e of rec.emails) if (e.direction === 'outbound' && e.status === 'sent') this.#scheduleDeliveryReport(rec, e.id);
      if (rec.status === 'active' && rec.transfer?.state === 'pending') this.#scheduleTransferOutcome(rec, rec.transfer.target);
      if (rec.status === 'conference-requested' && rec.conferenceAgent) this.#scheduleInvitationAnswer(rec, rec.conferenceAgent);
    }
  }

  // ---- random traffic ---------------------------------------------------------------

  /** A random delay between `min` and `max` times the autoplay interval. */
  #pace(min: number, max: number): number {
    return this.#autoplayIntervalMs * this.#random.between(min, max);
  }

  #scheduleTick(ms: number): void {
    this.#timers.set(ms, () => this.#tick(), { key: 'autoplay' });
  }

  #tick(): void {
    if (!this.#autoplay) return;
    this.#changed();
    this.#scheduleTick(this.#pace(0.75, 1.25));
    if (this.#random.chance(0.3)) {
      const agent = this.#random.pick([...this.#directory.values()]);
      if (agent) this.#directory.set(agent.id, { ...agent, availability: this.#random.pick(DRIFT_AVAILABILITIES) });
    }
    const open = [...this.#records.values()].filter((r) => r.status === 'offered' || WORKING.has(r.status)).length;
    if (this.#availability !== 'available' || open >= AUTOPLAY_MAX_OPEN) return;
    const channel = this.#random.pick(CHANNELS) ?? 'webchat';
    if (channel === 'email') this.offer({ channel, text: `Hello,\n\n${this.#random.pick(OPENING_LINES)}\n\nThank you.` });
    else this.offer({ channel, text: this.#random.pick(OPENING_LINES) });
  }

  /** The customer answers an agent message a while later: typing first, then a reply; webchat customers sometimes leave. */
  #scheduleReply(rec: Rec): void {
    const key = `${rec.id}:reply`;
    const stillThere = (): boolean => this.#autoplay && rec.customerPresent && WORKING.has(rec.status);
    if (rec.channel === 'webchat' && this.#random.chance(0.1)) {
      this.#timers.set(this.#pace(0.2, 0.5), () => stillThere() && this.customerLeaves(rec.id), { owner: rec.id, key });
      return;
    }
    this.#timers.set(
      this.#pace(0.075, 0.2),
      () => {
        if (!stillThere()) return;
        this.customerTyping(rec.id);
        this.#timers.set(
          Math.min(this.#pace(0.075, 0.175), this.#typingTimeoutMs * 0.9),
          () => stillThere() && this.customerMessage(rec.id, this.#random.pick(REPLY_LINES)),
          { owner: rec.id, key },
        );
      },
      { owner: rec.id, key },
    );
  }

  /** An email customer sometimes answers the agent's email. */
  #scheduleEmailReply(rec: Rec, subject: string): void {
    if (!this.#random.chance(0.35)) return;
    const from = rec.customer.email ?? 'customer@example.com';
    this.#timers.set(
      this.#pace(0.4, 0.75),
      () => {
        if (!this.#autoplay || rec.status !== 'active') return;
        const reply = /^re:/i.test(subject) ? subject : `Re: ${subject}`;
        this.inboundEmail(rec.id, { from, to: [this.#mailbox(rec.queue)], subject: reply, text: this.#random.pick(REPLY_LINES) });
      },
      { owner: rec.id, key: `${rec.id}:reply` },
    );
  }
}
