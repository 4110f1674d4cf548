/**
 * The simulated contact center's public face: the `ContactCenterAdapter` commands, the
 * scripting API of the customer side, settings and snapshots. It holds one shared
 * `SimContext` and hands each call to the module that does that job.
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
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
import type { ContactCenterEvent } from '../../core/events.js';
import type {
  AgentAvailability,
  AgentProfile,
  Attachment,
  Capability,
  Channel,
  ChatMessage,
  CustomerProfile,
  DirectoryAgent,
  MessageFormat,
  MessageTemplate,
  PastInteractionPage,
  Queue,
  Workflow,
  WrapupReason,
} from '../../core/types.js';
import { endInteraction, sendMessage, setAgentState, submitWrapup, triggerWorkflow, uploadAttachment } from './agent-commands.js';
import { setAutoplay } from './autoplay.js';
import { cancelConsult, completeConsultTransfer, sendConsultMessage, startConsult } from './consult.js';
import { SimContext, checkDuration, checkProbability, fail } from './context.js';
import { suggestReplies, summarize } from './composing.js';
import { customerLeaves, customerMessage, customerTyping } from './customer.js';
import { listAgents, listQueues, listTemplates, listWorkflows, listWrapupReasons, setAgentAvailability } from './directory.js';
import { inboundEmail, sendEmail } from './email.js';
import { addHistory } from './history.js';
import { acceptOffer, offer } from './offers.js';
import { getCustomer, listPastInteractions } from './past.js';
import { customerParticipantId, snapshot } from './records.js';
import { rearmRestoredTimers } from './restore.js';
import { endConference, exitConference, inviteToConference, peerLeaves, peerMessage, transfer } from './transfer-conference.js';
import type {
  InboundAttachment,
  SimulatedContactCenterOptions,
  SimulatedInboundEmail,
  SimulatedInteraction,
  SimulatedOfferOptions,
  SimulatedState,
} from './types.js';

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
  readonly #ctx: SimContext;

  /**
   * Every event of the session, in order, each stamped with `at` (epoch ms) and an
   * increasing `seq` starting at 1. Completes on {@link dispose}.
   */
  readonly events$: Observable<ContactCenterEvent>;

  /** @param options See {@link SimulatedContactCenterOptions}. */
  constructor(options: SimulatedContactCenterOptions = {}) {
    this.#ctx = new SimContext(options);
    this.events$ = this.#ctx.events.events$;
    rearmRestoredTimers(this.#ctx);
    this.autoplay = options.autoplay ?? false;
    this.#capabilities = { ...options.capabilities };
  }

  #capabilities: Partial<Record<Capability, boolean>>;

  /**
   * What this backend supports: everything, unless switched off by the `capabilities`
   * option or {@link setCapabilities}. A switched-off feature's commands reject.
   */
  get capabilities(): Readonly<Partial<Record<Capability, boolean>>> {
    return this.#capabilities;
  }

  /** Switches capabilities on or off while running: emits a `capabilities` event, so the elements follow. */
  setCapabilities(capabilities: Readonly<Partial<Record<Capability, boolean>>>): void {
    this.#capabilities = { ...this.#capabilities, ...capabilities };
    this.#ctx.events.emit({ type: 'capabilities', capabilities });
  }

  /** Rejects a command of a switched-off capability, as a backend without it would. */
  #check(capability: Capability): void {
    if (this.#capabilities[capability] === false) fail(`This contact center does not support ${capability}`);
  }

  // ---- settings ---------------------------------------------------------------

  /** The logged-in agent. */
  get agent(): AgentProfile {
    return this.#ctx.agent;
  }

  /** The logged-in agent's availability as the backend sees it. */
  get availability(): AgentAvailability {
    return this.#ctx.availability;
  }

  /** Network latency of commands and receipts, in ms (≥ 0). */
  get latencyMs(): number {
    return this.#ctx.latencyMs;
  }
  set latencyMs(value: number) {
    this.#ctx.latencyMs = checkDuration('latencyMs', value);
  }

  /** Probability (0..1) that a `sendMessage` call fails; a failed message can be retried. */
  get failureRate(): number {
    return this.#ctx.failureRate;
  }
  set failureRate(value: number) {
    this.#ctx.failureRate = checkProbability(value);
  }

  /** Whether random traffic runs (see {@link SimulatedContactCenterOptions.autoplay}). */
  get autoplay(): boolean {
    return this.#ctx.autoplay;
  }
  set autoplay(on: boolean) {
    setAutoplay(this.#ctx, on);
  }

  /** Turns random traffic on or off (the same as setting {@link autoplay}). */
  setAutoplay(on: boolean): void {
    this.autoplay = on;
  }

  /** True after {@link dispose}. */
  get disposed(): boolean {
    return this.#ctx.disposed;
  }

  /** A snapshot of the backend: interactions, sent messages, held offers, directory, pending timers. */
  get state(): SimulatedState {
    const ctx = this.#ctx;
    const interactions: Record<string, SimulatedInteraction> = {};
    for (const rec of ctx.records.values()) interactions[rec.id] = snapshot(rec);
    return {
      agent: { ...ctx.agent, availability: ctx.availability },
      interactions,
      heldOffers: [...ctx.held],
      directory: [...ctx.directory.values()],
      pendingTimers: ctx.timers.size,
      disposed: ctx.disposed,
    };
  }

  /** The backend's view of one interaction, or `undefined` when it does not know the id. */
  interaction(interactionId: string): SimulatedInteraction | undefined {
    const rec = this.#ctx.records.get(interactionId);
    return rec && snapshot(rec);
  }

  /**
   * Messages this agent sent successfully in an interaction, oldest first, with their
   * current delivery status; empty for an unknown interaction.
   */
  sentMessages(interactionId: string): readonly ChatMessage[] {
    return this.#ctx.records.get(interactionId)?.transcript.filter((m) => m.author === 'agent') ?? [];
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
    return offer(this.#ctx, options);
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
    return customerMessage(this.#ctx, interactionId, text, options);
  }

  /**
   * The customer starts typing (R-X-05): `typing: true` now, `typing: false` after
   * `typingTimeoutMs` unless a message comes first (a message ends typing by itself).
   * Calling again while typing extends the indicator. Ignored for held offers.
   * @throws Error when the interaction is unknown, email, finished, or the customer has left.
   */
  customerTyping(interactionId: string): void {
    customerTyping(this.#ctx, interactionId);
  }

  /**
   * The customer leaves. Offered: the offer is rescinded (`customer-left`). Held: it is
   * dropped silently. Accepted: `participant-left` for the customer; the conversation
   * stays open for the agent to end and wrap up (R-END-04), but messages to the customer
   * now fail. Leaving twice is a no-op.
   * @throws Error when the interaction is unknown or already finished.
   */
  customerLeaves(interactionId: string): void {
    customerLeaves(this.#ctx, interactionId);
  }

  /**
   * An email arrives in an email interaction (offered or accepted; a held offer gains it).
   * Returns the email id.
   * @throws Error when the interaction is unknown, not email, or finished.
   */
  inboundEmail(interactionId: string, email: SimulatedInboundEmail): string {
    return inboundEmail(this.#ctx, interactionId, email);
  }

  /**
   * Changes a directory agent's availability: what transfer and conference dialogs
   * list (R-XFER-03), and whether that agent accepts a transfer or an invitation.
   * @throws Error for an unknown agent or availability.
   */
  setAgentAvailability(agentId: string, availability: AgentAvailability): void {
    setAgentAvailability(this.#ctx, agentId, availability);
  }

  /**
   * The other agent of a conference writes (author `peer`). Returns the message id.
   * @throws Error when the interaction is not in conference.
   */
  peerMessage(interactionId: string, text: string): string {
    return peerMessage(this.#ctx, interactionId, text);
  }

  /**
   * The other agent leaves the conference. Owner view: the invited agent exits (or, if
   * the invitation is still open, declines) and the chat with the customer continues
   * (R-CONF-04). Invitee view: the owner ends the conference, and the interaction goes
   * to wrap-up (`conference-ended`).
   * @throws Error when no conference is requested or in progress.
   */
  peerLeaves(interactionId: string): void {
    peerLeaves(this.#ctx, interactionId);
  }

  /**
   * Gives a conversation a long past: `count` earlier messages (emails in an email
   * conversation; 1 to 100,000), customer and agent taking turns, a minute apart, before
   * its first one, delivered in one `history` event. For demos, benchmarks and tests.
   */
  history(interactionId: string, count: number): void {
    addHistory(this.#ctx, interactionId, count);
  }

  // ---- adapter commands -----------------------------------------------------------

  /**
   * Accepts an offer: `interaction-accepted`, then `participant-joined` for the customer
   * (webchat customers are told the agent joined). An `invitee` offer joins the
   * conference (`conference` `started` with the owner).
   * Rejects when the interaction is unknown or not (any longer) offered.
   */
  acceptOffer(interactionId: string): Promise<void> {
    return acceptOffer(this.#ctx, interactionId);
  }

  /**
   * Sends a chat message. Resolves after the latency with `{ messageId, status: 'sent', timestamp }`;
   * the message id is the request's `clientMessageId`, which also makes a repeated call
   * idempotent. Messenger and sms then report `delivered` (after the latency) and `read`
   * (after `readDelayMs`, if the customer is still there); webchat has no receipts.
   * Rejects when: the interaction is unknown, email, or not active; the customer has
   * left; an sms carries attachments; or the simulated network fails (`failureRate`).
   */
  sendMessage(request: SendMessageRequest): Promise<SendMessageResult> {
    return sendMessage(this.#ctx, request);
  }

  /**
   * Sends an email. Resolves after the latency with the request's `clientEmailId` as the
   * email id; an `email-status` `delivery-report` follows after the latency again.
   * Rejects when the interaction is unknown, not email, or not active; when `to` is
   * empty or an address is invalid; or when `inReplyTo` is not the latest inbound email
   * (R-MAIL-05, R-MAIL-06).
   */
  sendEmail(request: SendEmailRequest): Promise<SendEmailResult> {
    return sendEmail(this.#ctx, request);
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
  transfer(request: TransferRequest): Promise<void> {
    if (this.#capabilities['transfer'] === false) return Promise.reject(new Error(`This contact center does not support transfer`));
    return transfer(this.#ctx, request);
  }

  /**
   * Invites a directory agent to a three-party chat (R-CONF-01): `conference` `requested`
   * at once; after `agentResponseMs`, `started` if that agent is `available` then (webchat
   * customers are told the agent joined, R-CONF-02), else `declined`. Rejects for email,
   * an unknown agent or this agent, an interaction that is not active, a pending transfer,
   * a customer who has left, or when this agent is not the owner.
   */
  inviteToConference(request: { readonly interactionId: string; readonly agentId: string }): Promise<void> {
    if (this.#capabilities['conference'] === false) return Promise.reject(new Error(`This contact center does not support conference`));
    return inviteToConference(this.#ctx, request);
  }

  /**
   * This agent, invited to a conference (an `invitee` interaction), leaves it (R-CONF-04):
   * `conference` `exited`, then `interaction-ended` (`conference-exited`) for this agent.
   * Rejects for an owner (owners end the conference) or when not in conference.
   */
  exitConference(interactionId: string): Promise<void> {
    return exitConference(this.#ctx, interactionId);
  }

  /**
   * The owner ends the conference (R-CONF-03), or withdraws an open invitation:
   * `conference` `ended`, then `interaction-ended` (`conference-ended`). Rejects for an
   * invitee or when no conference is requested or in progress.
   */
  endConference(interactionId: string): Promise<void> {
    return endConference(this.#ctx, interactionId);
  }

  /**
   * Ends the interaction (`interaction-ended`, reason `agent-ended`); it goes to wrap-up.
   * A webchat customer still present is told the agent left (R-END-04; see the
   * transcript). A conference in progress ends with it. Rejects for an offer not yet
   * accepted, an interaction already ended, an invitee (who exits instead), or while a
   * transfer is pending.
   */
  endInteraction(interactionId: string): Promise<void> {
    return endInteraction(this.#ctx, interactionId);
  }

  /**
   * Records wrap-up (R-END-02): `wrapup-completed`, and the interaction is complete.
   * Rejects when the interaction is not in wrap-up, no reason is given, or a reason is
   * unknown for the channel. Several reasons are accepted on every channel; how many
   * the agent may pick is the widget's setting (R-END-03). The reasons, the notes (unless
   * `wrapup-notes` is switched off: then none are kept) and the automatic flag travel with
   * the event.
   */
  submitWrapup(request: WrapupRequest): Promise<void> {
    const { notes: _notes, ...withoutNotes } = request;
    return submitWrapup(this.#ctx, this.#capabilities['wrapup-notes'] === false ? withoutNotes : request);
  }

  /**
   * Sets this agent's availability (`agent-state-changed`). Setting `available` after
   * RONA offers the held offers, in order (R-OFFER-04). Rejects for `rona` (only the
   * system enters it) and for unknown states.
   */
  setAgentState(state: AgentAvailability): Promise<void> {
    return setAgentState(this.#ctx, state);
  }

  /**
   * Runs a workflow for the interaction (R-CHAT-10). Resolves `{ ok: true, message }`;
   * a workflow whose id contains `fail` resolves `{ ok: false, message }` (the workflow
   * ran and reported failure). Rejects for an unknown interaction, a completed one, or a
   * workflow not offered on the channel.
   */
  triggerWorkflow(request: { readonly interactionId: string; readonly workflowId: string }): Promise<WorkflowResult> {
    return triggerWorkflow(this.#ctx, request);
  }

  /**
   * Stores a file the agent attaches and resolves with a downloadable attachment
   * (a `blob:` URL, revoked on {@link dispose}). Rejects for files over
   * {@link MAX_ATTACHMENT_BYTES}, sms interactions (no attachments), and unknown or
   * finished interactions.
   */
  uploadAttachment(interactionId: string, file: File): Promise<Attachment> {
    if (this.#capabilities['attachments'] === false) return Promise.reject(new Error(`This contact center does not support attachments`));
    return uploadAttachment(this.#ctx, interactionId, file);
  }

  /** Queues serving the channel (transfer targets, R-XFER-02). */
  listQueues(channel: Channel): Promise<readonly Queue[]> {
    return listQueues(this.#ctx, channel);
  }

  /** Other agents with their current availability (R-XFER-03, R-XFER-04). */
  listAgents(): Promise<readonly DirectoryAgent[]> {
    return listAgents(this.#ctx);
  }

  /** Wrap-up reasons for the channel. */
  listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    return listWrapupReasons(this.#ctx, channel);
  }

  /** Templates for the channel: attached, locked, with `[[parameters]]` and with `{{system}}` variables. */
  listTemplates(channel: Channel): Promise<readonly MessageTemplate[]> {
    if (this.#capabilities['templates'] === false) return Promise.reject(new Error(`This contact center does not support templates`));
    return listTemplates(this.#ctx, channel);
  }

  /** Workflows that can be triggered on the channel. */
  listWorkflows(channel: Channel): Promise<readonly Workflow[]> {
    if (this.#capabilities['workflows'] === false) return Promise.reject(new Error(`This contact center does not support workflows`));
    return listWorkflows(this.#ctx, channel);
  }

  // ---- optional: consult --------------------------------------------------------------

  /**
   * Asks a directory agent into a private consult (chat channels): `consult` `requested` at
   * once; after `agentResponseMs`, `started` if that agent is available then (they greet in
   * the thread), else `declined` (reason `timeout` for an agent who is not available).
   */
  startConsult(request: ConsultRequest): Promise<void> {
    return this.#optional('consult', () => startConsult(this.#ctx, request));
  }

  /** Sends this agent's consult message; the consulted agent answers shortly. Never reaches the customer. */
  sendConsultMessage(request: ConsultMessageRequest): Promise<SendMessageResult> {
    return this.#optional('consult', () => sendConsultMessage(this.#ctx, request));
  }

  /** Hands the customer to the consulted agent: `consult` `completed`, `transfer` `completed`, then wrap-up. */
  completeConsultTransfer(interactionId: string): Promise<void> {
    return this.#optional('consult', () => completeConsultTransfer(this.#ctx, interactionId));
  }

  /** Ends the consult; this agent keeps the customer (`consult` `cancelled`). */
  cancelConsult(interactionId: string): Promise<void> {
    return this.#optional('consult', () => cancelConsult(this.#ctx, interactionId));
  }

  // ---- optional: who the customer is ---------------------------------------------------

  /** The customer's profile: identities per channel and attributes (account, tier…). */
  getCustomer(request: CustomerRequest): Promise<CustomerProfile> {
    return this.#optional('customer', () => getCustomer(this.#ctx, request));
  }

  /** The customer's past conversations, newest first, a page at a time. */
  listPastInteractions(request: PastInteractionsRequest): Promise<PastInteractionPage> {
    return this.#optional('history', () => listPastInteractions(this.#ctx, request));
  }

  // ---- optional: composing help --------------------------------------------------------

  /** Up to three replies to a customer message, by keyword overlap with the channel's templates and a few generic replies. */
  suggestReplies(request: SuggestRepliesRequest): Promise<readonly string[]> {
    return this.#optional('suggestions', () => suggestReplies(this.#ctx, request));
  }

  /** An extractive summary: the customer's first message, what the agent did, how it ended. */
  summarize(request: SummarizeRequest): Promise<string> {
    return this.#optional('summary', () => summarize(this.#ctx, request));
  }

  #optional<T>(capability: Capability, run: () => Promise<T>): Promise<T> {
    try {
      this.#check(capability);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return run();
  }

  /**
   * Ends the session: clears every timer, rejects commands in flight and all later ones,
   * revokes `blob:` URLs it made, and completes {@link events$}. Scripting methods throw
   * afterwards. Calling it again does nothing.
   */
  dispose(): void {
    this.#ctx.dispose();
  }

  /** The participant id the simulator gives the customer of an interaction. */
  static customerParticipantId(interactionId: string): string {
    return customerParticipantId(interactionId);
  }
}
