/**
 * The reference backend's logic, without the network: command rules (each idempotency
 * key applied once, its outcome persisted with its events), follow-ups (delivery
 * receipts, transfer and conference decisions — derived from the state, so they are
 * re-armed after a restart), and the scripting API tests and demos use to play the
 * customer's side.
 * @packageDocumentation
 */
import { randomUUID } from 'node:crypto';
import {
  COMMAND_ARGS,
  READ_ONLY_COMMANDS,
  isCommandName,
  type CommandArgs,
  type CommandName,
} from '../../src/adapters/websocket/protocol.js';
import {
  DEFAULT_AGENT,
  SEED_CUSTOMERS,
  SEED_DIRECTORY,
  SEED_QUEUES,
  SEED_TEMPLATES,
  SEED_WORKFLOWS,
  SEED_WRAPUP_REASONS,
  type SimulatedQueue,
} from '../../src/adapters/simulated/data.js';
import { addressProblem, queueMailboxes } from '../../src/adapters/simulated/email-checks.js';
import { WRAPUP_NOTES_MAX_LENGTH } from '../../src/core/channels.js';
import {
  CHANNELS,
  isChatChannel,
  type AgentAvailability,
  type AgentProfile,
  type Capabilities,
  type Capability,
  type Channel,
  type ChatMessage,
  type DirectoryAgent,
  type EmailMessage,
  type InteractionSource,
  type MessageFormat,
} from '../../src/core/types.js';
import { EventLog, type CommandOutcome, type EventInput, type LoggedEvent } from './log.js';
import { backendCapabilities, requiredCapability } from './capabilities.js';
import { CONSULT_OPEN, cancelConsult, closeConsult, completeConsultTransfer, consultFollowUp, sendConsultMessage, startConsult, type ConsultContext } from './consult.js';
import { customerProfile, pastInteractions } from './customers.js';
import { readUpload, storeUpload, type FileStore, type StoredFile } from './files.js';
import { suggestReplies, summarize } from './composing.js';
import { commandFingerprint } from './limits.js';
import { normalizeArgs } from './normalize.js';
import { CONSULTING, Model, WORKING, customerParticipantId, type ServerInteraction } from './model.js';

/** A command refused by a business rule; its message is shown to the agent. */
export class RuleError extends Error {
  override readonly name = 'RuleError';
}

function fail(message: string): never {
  throw new RuleError(message);
}

const AVAILABILITIES: readonly AgentAvailability[] = ['available', 'idle', 'rona', 'busy', 'offline'];

/** Options of {@link Backend}. */
export interface BackendOptions {
  /** Where the event log and uploaded files live. */
  readonly dataDir: string;
  /** The one agent this backend serves. Default: the simulator's default agent. */
  readonly agent?: AgentProfile;
  /** `fsync` after every append (survives power loss, not only process death). Default true. */
  readonly fsync?: boolean;
  /** Delay of follow-ups: delivery receipts, transfer and conference decisions (ms). Default 300. */
  readonly followUpMs?: number;
  /** Download URL of an uploaded file. */
  readonly fileUrl: (id: string, name: string) => string;
  /** Clock. Default `Date.now`. */
  readonly now?: () => number;
  /** Capabilities switched off (`false`); everything is on by default. Announced in the welcome. */
  readonly capabilities?: Readonly<Partial<Record<Capability, boolean>>>;
}

/** What {@link Backend.execute} did with a command. */
export interface Execution {
  readonly outcome: CommandOutcome;
  /** True when the key was seen before: the recorded outcome, nothing applied again. */
  readonly repeated: boolean;
}

/** What {@link Backend.offer} routes to the agent (the scripting API). */
export interface OfferScript {
  readonly channel: Channel;
  readonly customerName?: string;
  /** Queue id or name; default the channel's first queue. */
  readonly queue?: string;
  /** Opening chat message, or the body of the opening email. */
  readonly text?: string;
  readonly email?: { readonly subject?: string; readonly text?: string; readonly html?: string; readonly cc?: readonly string[] };
}

/** Counters for diagnostics and tests. */
export interface BackendStats {
  /** Commands applied (keys seen for the first time), read-only ones excluded. */
  readonly commandsApplied: number;
  /** Commands whose key was seen before: answered from the record, not applied again. */
  readonly commandsRepeated: number;
  /** Commands refused by a rule (not recorded). */
  readonly commandsRejected: number;
  /** Commands refused because their key was used before for something else. */
  readonly commandsConflicting: number;
}

/** One agent's contact center: an event-sourced model over a persistent log. */
export class Backend {
  /** The persistent log. */
  readonly log: EventLog;
  /** State folded from the log. */
  readonly model = new Model();
  /** The agent served. */
  readonly agent: AgentProfile;
  readonly #directory: Map<string, DirectoryAgent>;
  readonly #files: FileStore;
  readonly #followUpMs: number;
  readonly #now: () => number;
  readonly #listeners = new Set<(events: readonly LoggedEvent[]) => void>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #stats = { commandsApplied: 0, commandsRepeated: 0, commandsRejected: 0, commandsConflicting: 0 };
  readonly #consult: ConsultContext;
  /** What this backend supports: announced to every client in its welcome. */
  readonly capabilities: Capabilities;
  #closed = false;

  /** Opens the log in `options.dataDir` and rebuilds the state from it. */
  constructor(options: BackendOptions) {
    this.#files = { dataDir: options.dataDir, fileUrl: options.fileUrl, fail };
    this.#now = options.now ?? Date.now;
    this.log = new EventLog(options.dataDir, { fsync: options.fsync ?? true, now: this.#now });
    this.agent = options.agent ?? DEFAULT_AGENT;
    this.#directory = new Map(SEED_DIRECTORY.filter((a) => a.id !== this.agent.id).map((a) => [a.id, { ...a }]));
    this.#followUpMs = options.followUpMs ?? 300;
    this.capabilities = backendCapabilities(options.capabilities);
    this.#consult = { agent: this.agent, directory: this.#directory, now: this.#now, fail };
    for (const event of this.log.events) {
      try {
        this.model.apply(event);
      } catch (e) {
        // The log validated; a fold that still fails must not keep the server from starting.
        console.error(`cc-backend: event ${event.seq} could not be folded; skipped`, e);
      }
    }
    this.#armFollowUps();
  }

  /** Counters since start. */
  get stats(): BackendStats {
    return { ...this.#stats };
  }

  /** Calls `listener` with every batch of events appended from now on. Returns the unsubscribe function. */
  subscribe(listener: (events: readonly LoggedEvent[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops the follow-up timers and closes the log. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#listeners.clear();
    this.log.close();
  }

  /**
   * Runs a command once per idempotency key. A key seen before with the same command
   * and arguments returns the recorded outcome (also after a restart); with anything
   * else it is refused (`idempotency-conflict`). Only applied commands are recorded: a
   * refusal by a rule (`rejected`) or an unexpected failure (`internal`) changes nothing
   * and is not persisted, so the same key may succeed later.
   * `beforePublish` runs after the outcome is persisted and before anyone hears of it
   * (the fault-injection hook). Never throws.
   */
  execute(id: string, name: string, rawArgs: unknown, beforePublish?: () => void): Execution {
    if (!isCommandName(name)) return { outcome: { ok: false, error: { code: 'unknown-command', message: `unknown command ${name.slice(0, 60)}` } }, repeated: false };
    const invalid = COMMAND_ARGS[name](rawArgs, `${name} args`);
    if (invalid) return { outcome: { ok: false, error: { code: 'invalid-args', message: invalid.slice(0, 300) } }, repeated: false };
    // Only the fields the protocol defines are kept: nothing a client adds is stored or replayed.
    const args = normalizeArgs(name, rawArgs as CommandArgs<typeof name>);
    const readOnly = READ_ONLY_COMMANDS.has(name);
    const hash = readOnly ? undefined : commandFingerprint(name, args);
    const known = readOnly ? undefined : this.log.record(id);
    if (known) {
      if (known.hash !== undefined && known.hash !== hash) {
        this.#stats.commandsConflicting += 1;
        return {
          outcome: { ok: false, error: { code: 'idempotency-conflict', message: `the key ${id.slice(0, 60)} was used before for another command or other arguments` } },
          repeated: false,
        };
      }
      this.#stats.commandsRepeated += 1;
      return { outcome: known.outcome, repeated: true };
    }
    try {
      const run = this.#run(name, args);
      const outcome: CommandOutcome = { ok: true, value: run.value ?? null };
      if (readOnly) return { outcome, repeated: false };
      const logged = this.log.append(run.events, { id, ...(hash === undefined ? {} : { hash }), outcome });
      this.#stats.commandsApplied += 1;
      this.#publish(logged, beforePublish);
      return { outcome, repeated: false };
    } catch (e) {
      if (e instanceof RuleError) {
        this.#stats.commandsRejected += 1;
        return { outcome: { ok: false, error: { code: 'rejected', message: e.message } }, repeated: false };
      }
      console.error(`cc-backend: ${name} failed`, e);
      return { outcome: { ok: false, error: { code: 'internal', message: `${name} failed on the server` } }, repeated: false };
    }
  }

  // ---- scripting: the customer's side ------------------------------------------------

  /** Offers a new interaction to the agent; returns its id. */
  offer(script: OfferScript): string {
    const { channel } = script;
    if (!CHANNELS.includes(channel)) fail(`unknown channel ${String(channel)}`);
    const queue = this.#queue(channel, script.queue);
    const known = SEED_CUSTOMERS.find((c) => c.name.toLowerCase() === (script.customerName ?? '').toLowerCase());
    const name = script.customerName ?? SEED_CUSTOMERS[0].name;
    const person = known ?? { name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '') || 'customer'}@example.com`, phone: '+1 555 0142' };
    const id = this.#id('ws');
    const source: InteractionSource =
      channel === 'messenger'
        ? { page: queue.page ?? 'Acme' }
        : channel === 'sms'
          ? { phoneNumber: person.phone, sourceNumber: queue.sourceNumber ?? '+1 555 0100' }
          : { email: person.email };
    const customer = channel === 'messenger' ? { name } : channel === 'sms' ? { name, phone: person.phone } : { name, email: person.email };
    const at = this.#now();
    const messages: ChatMessage[] = [];
    const emails: EmailMessage[] = [];
    if (channel === 'email') {
      const subject = script.email?.subject ?? 'Question about my order';
      emails.push({
        id: this.#id('email'),
        direction: 'inbound',
        from: person.email,
        to: [queue.mailbox ?? 'support@acme.example'],
        cc: [...(script.email?.cc ?? [])],
        subject,
        ...(script.email?.html === undefined ? {} : { html: script.email.html }),
        text: script.email?.text ?? script.text ?? `Hello,\n\n${subject}.\n\n${name}`,
        timestamp: at,
        status: 'received',
        attachments: [],
      });
    } else if (script.text !== undefined) {
      messages.push({ id: this.#id('msg'), author: 'customer', authorName: name, text: script.text, format: 'plain', timestamp: at, attachments: [] });
    }
    this.#publish(
      this.log.append([
        {
          type: 'offer',
          interactionId: id,
          channel,
          queue: { id: queue.id, name: queue.name },
          customer,
          source,
          role: 'owner',
          ...(messages.length > 0 ? { messages } : {}),
          ...(emails.length > 0 ? { emails } : {}),
        },
      ]),
    );
    return id;
  }

  /** The customer writes; returns the message id. */
  customerMessage(interactionId: string, text: string, format: MessageFormat = 'plain'): string {
    const rec = this.#customerSide(interactionId);
    const message: ChatMessage = { id: this.#id('msg'), author: 'customer', authorName: rec.customer.name, text, format, timestamp: this.#now(), attachments: [] };
    this.#publish(this.log.append([{ type: 'message-received', interactionId, message }]));
    return message.id;
  }

  /**
   * The customer writes `texts`, one message each, logged as one entry (a long past made
   * in one step, for tests and demos); returns the message ids. Their times follow the
   * conversation's last message, a millisecond apart.
   */
  customerMessages(interactionId: string, texts: readonly string[]): string[] {
    const rec = this.#customerSide(interactionId);
    const last = rec.messages[rec.messages.length - 1]?.timestamp ?? 0;
    const start = Math.max(last + 1, this.#now() - texts.length);
    const events: EventInput[] = texts.map((text, i) => ({
      type: 'message-received',
      interactionId,
      message: { id: this.#id('msg'), author: 'customer', authorName: rec.customer.name, text, format: 'plain', timestamp: start + i, attachments: [] },
    }));
    this.#publish(this.log.append(events));
    return events.map((e) => (e.type === 'message-received' ? e.message.id : ''));
  }

  /** The customer starts (or stops) typing. */
  customerTyping(interactionId: string, typing = true): void {
    this.#customerSide(interactionId);
    this.#publish(this.log.append([{ type: 'customer-typing', interactionId, typing }]));
  }

  /** The customer leaves: an open offer is rescinded, an accepted conversation gets `participant-left`. */
  customerLeaves(interactionId: string): void {
    const rec = this.#customerSide(interactionId);
    this.#publish(
      this.log.append([
        rec.status === 'offered'
          ? { type: 'offer-rescinded', interactionId, reason: 'customer-left' }
          : { type: 'participant-left', interactionId, participantId: customerParticipantId(interactionId) },
      ]),
    );
  }

  /** An email arrives in an email interaction; returns its id. */
  inboundEmail(interactionId: string, email: { readonly subject: string; readonly text?: string; readonly html?: string; readonly from?: string }): string {
    const rec = this.#record(interactionId);
    if (rec.channel !== 'email') fail(`interaction ${interactionId} is ${rec.channel}, not email`);
    if (rec.status === 'completed' || rec.status === 'rescinded' || rec.status === 'wrapup') fail(`interaction ${interactionId} has ended`);
    const message: EmailMessage = {
      id: this.#id('email'),
      direction: 'inbound',
      from: email.from ?? rec.customer.email ?? 'customer@example.com',
      to: [this.#mailbox(rec)],
      cc: [],
      subject: email.subject,
      ...(email.html === undefined ? {} : { html: email.html }),
      ...(email.text === undefined ? {} : { text: email.text }),
      timestamp: this.#now(),
      status: 'received',
      attachments: [],
    };
    this.#publish(this.log.append([{ type: 'email-received', interactionId, email: message }]));
    return message.id;
  }

  /** Changes a directory agent's availability (not logged: the directory is configuration). */
  setDirectoryAvailability(agentId: string, availability: AgentAvailability): void {
    const agent = this.#directory.get(agentId) ?? fail(`unknown directory agent ${agentId}`);
    if (!AVAILABILITIES.includes(availability)) fail(`unknown availability ${String(availability)}`);
    this.#directory.set(agentId, { ...agent, availability });
  }

  /** A snapshot for tests and debugging. */
  snapshot(): {
    readonly logId: string;
    readonly headSeq: number;
    readonly agent: AgentProfile & { readonly availability: AgentAvailability };
    readonly interactions: readonly ServerInteraction[];
    readonly stats: BackendStats;
    readonly keys: number;
  } {
    return {
      logId: this.log.logId,
      headSeq: this.log.headSeq,
      agent: { ...this.agent, availability: this.model.availability },
      interactions: [...this.model.interactions.values()],
      stats: this.stats,
      keys: this.log.keys,
    };
  }

  // ---- commands ------------------------------------------------------------------------

  #run<K extends CommandName>(name: K, args: CommandArgs<K>): { events: EventInput[]; value?: unknown } {
    // The switch narrows `name`, not `args`; every branch reads the args of its own command.
    const a = args as unknown as Record<string, unknown>;
    const interactionId = typeof a['interactionId'] === 'string' ? a['interactionId'] : '';
    const needs = requiredCapability(name);
    if (needs !== undefined && !this.capabilities[needs]) fail(`This contact center does not support ${needs}`);
    switch (name) {
      case 'acceptOffer': {
        const rec = this.#record(interactionId);
        if (rec.status !== 'offered') fail(`Cannot accept interaction ${rec.id}: it is not offered (${rec.status})`);
        const events: EventInput[] = [{ type: 'interaction-accepted', interactionId }];
        if (rec.customerPresent) {
          events.push({
            type: 'participant-joined',
            interactionId,
            participant: { id: customerParticipantId(rec.id), name: rec.customer.name, kind: 'customer' },
          });
        }
        return { events };
      }
      case 'sendMessage': {
        const request = args as CommandArgs<'sendMessage'>;
        const rec = this.#record(interactionId);
        if (!isChatChannel(rec.channel)) fail('Cannot send a chat message in an email interaction: use sendEmail');
        const known = rec.messages.find((m) => m.id === request.clientMessageId && m.author === 'agent');
        // The same message sent again (a new key for a retry): answered, never duplicated.
        if (known) return { events: [], value: { messageId: known.id, status: 'sent', timestamp: known.timestamp } };
        if (!WORKING.has(rec.status)) fail(`Cannot send: interaction ${rec.id} is not active`);
        if (!rec.customerPresent) fail('Cannot send: the customer has left the conversation');
        if (rec.channel === 'sms' && request.attachments.length > 0) fail('SMS messages cannot carry attachments');
        const message: ChatMessage = {
          id: request.clientMessageId,
          author: 'agent',
          authorName: this.agent.name,
          text: request.text,
          format: request.format,
          timestamp: this.#now(),
          attachments: request.attachments,
          status: 'sent',
        };
        return { events: [{ type: 'message-received', interactionId, message }], value: { messageId: message.id, status: 'sent', timestamp: message.timestamp } };
      }
      case 'sendEmail': {
        const request = args as CommandArgs<'sendEmail'>;
        const rec = this.#record(interactionId);
        if (rec.channel !== 'email') fail(`Cannot send an email in a ${rec.channel} interaction: use sendMessage`);
        const known = rec.emails.find((e) => e.id === request.clientEmailId);
        if (known) return { events: [], value: { emailId: known.id, timestamp: known.timestamp } };
        if (rec.status !== 'active') fail(`Cannot send: interaction ${rec.id} is not active`);
        const problem = addressProblem(request, queueMailboxes(rec.queue.id));
        if (problem !== undefined) fail(problem);
        const answered = rec.emails.findIndex((e) => e.id === request.inReplyTo);
        if (answered < 0) fail(`Cannot send: email ${request.inReplyTo} is not in this thread`);
        if (rec.emails.slice(answered + 1).some((e) => e.direction === 'inbound')) fail('Cannot send: you are not replying to the latest email');
        const email: EmailMessage = {
          id: request.clientEmailId,
          direction: 'outbound',
          from: request.from ?? this.#mailbox(rec),
          to: request.to,
          cc: request.cc,
          ...(request.bcc?.length ? { bcc: request.bcc } : {}),
          subject: request.subject,
          html: request.html,
          text: request.text,
          timestamp: this.#now(),
          status: 'sent',
          attachments: request.attachments,
        };
        return { events: [{ type: 'email-received', interactionId, email }], value: { emailId: email.id, timestamp: email.timestamp } };
      }
      case 'transfer': {
        const { target } = args as CommandArgs<'transfer'>;
        const rec = this.#record(interactionId);
        if (rec.status !== 'active') fail(`Cannot transfer interaction ${rec.id}: it is ${rec.status}`);
        if (rec.transfer?.state === 'pending') fail('A transfer of this interaction is already in progress');
        if (rec.consult && CONSULTING.has(rec.consult.state)) fail(CONSULT_OPEN);
        if (target.kind === 'queue') {
          const queue = SEED_QUEUES.find((q) => q.id === target.queueId) ?? fail(`Cannot transfer: unknown queue ${target.queueId}`);
          if (!queue.channels.includes(rec.channel)) fail(`Cannot transfer: queue ${queue.name} does not serve ${rec.channel}`);
        } else {
          if (rec.channel === 'email') fail('Email can be transferred to a queue only, not to an agent');
          if (target.agentId === this.agent.id) fail('Cannot transfer an interaction to yourself');
          if (!this.#directory.has(target.agentId)) fail(`Cannot transfer: unknown agent ${target.agentId}`);
        }
        return { events: [{ type: 'transfer', interactionId, target, state: 'pending' }] };
      }
      case 'inviteToConference': {
        const { agentId } = args as CommandArgs<'inviteToConference'>;
        const rec = this.#record(interactionId);
        if (!isChatChannel(rec.channel)) fail('Email interactions have no conference');
        if (rec.status === 'conference' || rec.status === 'conference-requested') fail('A conference is already requested or in progress');
        if (rec.status !== 'active') fail(`Cannot invite: interaction ${rec.id} is ${rec.status}`);
        if (rec.transfer?.state === 'pending') fail('Cannot invite while a transfer is in progress');
        if (rec.consult && CONSULTING.has(rec.consult.state)) fail(CONSULT_OPEN);
        if (!rec.customerPresent) fail('Cannot invite: the customer has left the conversation');
        if (agentId === this.agent.id) fail('Cannot invite yourself to a conference');
        const invited = this.#directory.get(agentId) ?? fail(`Cannot invite: unknown agent ${agentId}`);
        return { events: [{ type: 'conference', interactionId, state: 'requested', agent: { id: invited.id, name: invited.name } }] };
      }
      case 'exitConference':
        return fail('Only an invited agent can exit a conference; this backend offers owner interactions only');
      case 'endConference': {
        const rec = this.#record(interactionId);
        const agent = rec.conferenceAgent;
        if (!agent || (rec.status !== 'conference' && rec.status !== 'conference-requested')) fail(`Interaction ${rec.id} has no conference to end`);
        return {
          events: [
            { type: 'conference', interactionId, state: 'ended', agent },
            { type: 'interaction-ended', interactionId, reason: 'conference-ended' },
          ],
        };
      }
      case 'endInteraction': {
        const rec = this.#record(interactionId);
        if (!WORKING.has(rec.status)) fail(`Cannot end interaction ${rec.id}: it is ${rec.status}`);
        if (rec.transfer?.state === 'pending') fail('Cannot end while a transfer is in progress');
        const events: EventInput[] = closeConsult(rec);
        if (rec.conferenceAgent) events.push({ type: 'conference', interactionId, state: 'ended', agent: rec.conferenceAgent });
        events.push({ type: 'interaction-ended', interactionId, reason: 'agent-ended' });
        return { events };
      }
      case 'submitWrapup': {
        const { reasonIds, notes, automatic } = args as CommandArgs<'submitWrapup'>;
        const rec = this.#record(interactionId);
        if (rec.status !== 'wrapup') fail(`Cannot wrap up interaction ${rec.id}: it is ${rec.status}`);
        if (reasonIds.length === 0) fail('Choose at least one wrap-up reason');
        for (const reasonId of reasonIds) {
          if (!SEED_WRAPUP_REASONS.some((r) => r.id === reasonId && r.channels.includes(rec.channel))) fail(`Unknown wrap-up reason ${reasonId} for ${rec.channel}`);
        }
        const kept = notes?.trim() ?? '';
        if (kept !== '' && !this.capabilities['wrapup-notes']) fail('This contact center keeps no wrap-up notes');
        if (kept.length > WRAPUP_NOTES_MAX_LENGTH) fail(`Wrap-up notes may have at most ${WRAPUP_NOTES_MAX_LENGTH} characters (these have ${kept.length})`);
        // Logged with the event, so the notes survive a restart and come back with the customer's past.
        const wrapup = { reasonIds: [...reasonIds], ...(kept === '' ? {} : { notes: kept }), ...(automatic ? { automatic } : {}) };
        return { events: [{ type: 'wrapup-completed', interactionId, wrapup }] };
      }
      case 'setAgentState': {
        const { state } = args as CommandArgs<'setAgentState'>;
        if (state === 'rona') fail('RONA is entered by the system, not set by the agent');
        return { events: [{ type: 'agent-state-changed', state }] };
      }
      case 'triggerWorkflow': {
        const { workflowId } = args as CommandArgs<'triggerWorkflow'>;
        const rec = this.#record(interactionId);
        if (rec.status === 'completed' || rec.status === 'rescinded') fail(`Cannot run workflow: interaction ${rec.id} is ${rec.status}`);
        const workflow = SEED_WORKFLOWS.find((w) => w.id === workflowId && w.channels.includes(rec.channel)) ?? fail(`Unknown workflow ${workflowId} for ${rec.channel}`);
        return {
          events: [],
          value: workflow.id.includes('fail')
            ? { ok: false, message: `${workflow.name} failed: the service reported an error` }
            : { ok: true, message: `${workflow.name} done for ${rec.customer.name}` },
        };
      }
      case 'uploadAttachment': {
        const upload = args as CommandArgs<'uploadAttachment'>;
        const rec = this.#record(upload.interactionId);
        if (!WORKING.has(rec.status)) fail(`Cannot upload: interaction ${rec.id} is ${rec.status}`);
        if (rec.channel === 'sms') fail('SMS messages cannot carry attachments');
        return { events: [], value: storeUpload(this.#files, this.#id('att'), upload) };
      }
      case 'listQueues': {
        const { channel } = args as CommandArgs<'listQueues'>;
        return { events: [], value: SEED_QUEUES.filter((q) => q.channels.includes(channel)).map(({ id, name, channels, mailboxes }) => ({ id, name, channels, ...(mailboxes ? { mailboxes } : {}) })) };
      }
      case 'listAgents':
        return { events: [], value: [...this.#directory.values()] };
      case 'listWrapupReasons': {
        const { channel } = args as CommandArgs<'listWrapupReasons'>;
        return { events: [], value: SEED_WRAPUP_REASONS.filter((r) => r.channels.includes(channel)).map(({ id, name }) => ({ id, name })) };
      }
      case 'listTemplates': {
        const { channel } = args as CommandArgs<'listTemplates'>;
        return { events: [], value: SEED_TEMPLATES.filter((t) => t.channels.includes(channel)) };
      }
      case 'listWorkflows': {
        const { channel } = args as CommandArgs<'listWorkflows'>;
        return { events: [], value: SEED_WORKFLOWS.filter((w) => w.channels.includes(channel)).map(({ id, name }) => ({ id, name })) };
      }
      case 'startConsult':
        return startConsult(this.#consult, this.#record(interactionId), args as CommandArgs<'startConsult'>);
      case 'sendConsultMessage':
        return sendConsultMessage(this.#consult, this.#record(interactionId), args as CommandArgs<'sendConsultMessage'>);
      case 'completeConsultTransfer':
        return completeConsultTransfer(this.#consult, this.#record(interactionId));
      case 'cancelConsult':
        return cancelConsult(this.#consult, this.#record(interactionId));
      case 'getCustomer':
        return { events: [], value: customerProfile(this.#record(interactionId)) };
      case 'listPastInteractions':
        return { events: [], value: pastInteractions(this.#record(interactionId), this.model.interactions.values(), args as CommandArgs<'listPastInteractions'>, fail) };
      case 'suggestReplies':
        return { events: [], value: suggestReplies(this.#record(interactionId), this.agent, args as CommandArgs<'suggestReplies'>, fail) };
      case 'summarize':
        return { events: [], value: summarize(this.#record(interactionId)) };
    }
    return fail(`unknown command ${String(name)}`);
  }

  /** An uploaded file, for the download route; `undefined` when unknown. */
  file(id: string): StoredFile | undefined {
    return readUpload(this.#files, id);
  }

  // ---- follow-ups ---------------------------------------------------------------------

  /**
   * Schedules what the state says is due: receipts of sent messenger/sms messages and
   * emails, decisions of pending transfers and conference invitations. Derived from the
   * state alone, so a restart re-arms them.
   */
  #armFollowUps(): void {
    if (this.#closed) return;
    for (const rec of this.model.interactions.values()) {
      if (rec.status === 'completed' || rec.status === 'rescinded') continue;
      if (rec.channel === 'messenger' || rec.channel === 'sms') {
        for (const m of rec.messages) {
          if (m.author === 'agent' && m.status === 'sent') {
            this.#later(`receipt:${m.id}`, () => {
              const now = this.model.interactions.get(rec.id)?.messages.find((x) => x.id === m.id);
              return now?.status === 'sent' ? [{ type: 'message-status', interactionId: rec.id, messageId: m.id, status: 'delivered' }] : [];
            });
          }
        }
      }
      for (const e of rec.emails) {
        if (e.direction === 'outbound' && e.status === 'sent') {
          this.#later(`email:${e.id}`, () => {
            const now = this.model.interactions.get(rec.id)?.emails.find((x) => x.id === e.id);
            return now?.status === 'sent' ? [{ type: 'email-status', interactionId: rec.id, emailId: e.id, status: 'delivery-report' }] : [];
          });
        }
      }
      if (rec.status === 'conference-requested' && rec.conferenceAgent) {
        const agent = rec.conferenceAgent;
        this.#later(`conference:${rec.id}`, () => {
          if (rec.status !== 'conference-requested') return [];
          const state = this.#directory.get(agent.id)?.availability === 'available' ? 'started' : 'declined';
          return [{ type: 'conference', interactionId: rec.id, state, agent }];
        });
      }
      const consult = consultFollowUp(this.#consult, rec);
      if (consult) this.#later(consult.key, consult.decide);
      if (rec.transfer?.state === 'pending' && rec.status === 'active') {
        const target = rec.transfer.target;
        this.#later(`transfer:${rec.id}`, () => {
          if (rec.status !== 'active' || rec.transfer?.state !== 'pending') return [];
          const state = target.kind === 'queue' || this.#directory.get(target.agentId)?.availability === 'available' ? 'completed' : 'dropped';
          return [
            { type: 'transfer', interactionId: rec.id, target, state },
            { type: 'interaction-ended', interactionId: rec.id, reason: 'transferred' },
          ];
        });
      }
    }
  }

  #later(key: string, decide: () => EventInput[]): void {
    if (this.#timers.has(key)) return;
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        if (this.#closed) return;
        try {
          const events = decide();
          if (events.length > 0) this.#publish(this.log.append(events));
        } catch (e) {
          // A timer has nobody to answer: report it and keep serving.
          console.error(`cc-backend: follow-up ${key} failed`, e);
        }
      }, this.#followUpMs),
    );
  }

  #publish(events: readonly LoggedEvent[], beforePublish?: () => void): void {
    for (const event of events) this.model.apply(event);
    beforePublish?.();
    if (events.length > 0) for (const listener of [...this.#listeners]) listener(events);
    this.#armFollowUps();
  }

  // ---- helpers ------------------------------------------------------------------------

  #record(interactionId: string): ServerInteraction {
    return this.model.interactions.get(interactionId) ?? fail(`Unknown interaction ${interactionId}`);
  }

  #customerSide(interactionId: string): ServerInteraction {
    const rec = this.#record(interactionId);
    if (!isChatChannel(rec.channel)) fail(`interaction ${interactionId} is email; use inboundEmail`);
    if (rec.status === 'completed' || rec.status === 'rescinded' || rec.status === 'wrapup') fail(`interaction ${interactionId} has ended`);
    if (!rec.customerPresent) fail(`the customer of ${interactionId} has left`);
    return rec;
  }

  #queue(channel: Channel, queue: string | undefined): SimulatedQueue {
    if (queue === undefined) return SEED_QUEUES.find((q) => q.channels.includes(channel)) ?? fail(`no queue serves ${channel}`);
    const wanted = queue.toLowerCase();
    const found = SEED_QUEUES.find((q) => q.id === queue || q.name.toLowerCase() === wanted) ?? fail(`unknown queue ${queue}`);
    if (!found.channels.includes(channel)) fail(`queue ${found.name} does not serve ${channel}`);
    return found;
  }

  #mailbox(rec: ServerInteraction): string {
    return SEED_QUEUES.find((q) => q.id === rec.queue.id)?.mailbox ?? 'support@acme.example';
  }

  #id(kind: string): string {
    return `${kind}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  }
}
