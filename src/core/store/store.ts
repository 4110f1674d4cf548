import { BehaviorSubject, Observable, Subject, distinctUntilChanged, filter, map, type Subscription } from 'rxjs';
import type { ContactCenterAdapter, WorkflowResult } from '../adapter.js';
import { adapterCapabilities } from '../capabilities.js';
import { canTransferTo, capabilitiesOf } from '../channels.js';
import { isConnectionSource, isResyncSource, type ConnectionState, type LogReset } from '../connection.js';
import type { ContactCenterEvent } from '../events.js';
import type {
  AgentAvailability,
  AgentProfile,
  Attachment,
  Capability,
  Channel,
  CustomerProfile,
  DirectoryAgent,
  Interaction,
  MessageTemplate,
  PastInteractionPage,
  Queue,
  TransferTarget,
  Workflow,
  WrapupReason,
} from '../types.js';
import type { AutoWrapupOptions, AutoWrapupPolicy } from './auto-wrapup.js';
import type { CommandHost } from './command-host.js';
import { AgentContextCommands, PAST_INTERACTIONS_PAGE_SIZE } from './context-commands.js';
import { DraftBook } from '../drafts/draft-book.js';
import { SessionDraftStore, removeLegacyDrafts, type DraftStore } from '../drafts/draft-store.js';
import { EmailCommands, type OutgoingEmail } from './email-commands.js';
import { CommandError, type StoreError, type StoreErrorCode } from './errors.js';
import { MessageCommands, type SendOptions } from './message-commands.js';
import { validateEvent } from '../validate.js';
import { bringsNews, notificationsAfter, type CcNotification } from './notifications.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './outbox.js';
import { changedBy, reduce } from './reducer.js';
import { initialState, type CcState, type StoreAction } from './state.js';
import { folding } from './timeline.js';
import { WrapupCommands } from './wrapup-commands.js';

export { CommandError, PAST_INTERACTIONS_PAGE_SIZE, type OutgoingEmail, type SendOptions, type StoreError, type StoreErrorCode };

/** Options for {@link createInteractionStore}. */
export interface InteractionStoreOptions {
  /** This agent (shown as the author of agent messages). */
  readonly agent?: AgentProfile;
  /** The agent's availability before the adapter reports one. */
  readonly availability?: AgentAvailability;
  /** Clock, for tests; defaults to `Date.now`. */
  readonly now?: () => number;
  /** How failed messages are retried; defaults to {@link DEFAULT_RETRY_POLICY}. */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Where unsent drafts are kept so that a reload finds them (R-X-04). Default: a
   * {@link SessionDraftStore} (this tab's `sessionStorage`, gone when the tab closes).
   * Give your own to keep drafts across tabs or encrypted, or `noDraftStore` to keep them
   * in memory only. Card numbers are masked before anything reaches it.
   */
  readonly draftStore?: DraftStore;
  /**
   * Auto wrap-up per channel: once an interaction of that channel enters wrap-up, the default
   * reason is submitted after `afterMs` unless the agent submits first; **Extend** adds
   * `extendMs`. The deadline is `Interaction.autoWrapupAt`. Off for channels left out.
   */
  readonly autoWrapup?: AutoWrapupOptions;
  /**
   * Email signatures: the queue's (by queue id) or else the agent's, inserted below the
   * reply and above the forwarded message when the agent opens Reply, Reply all or
   * Forward; editable like the rest of the body. Plain text, or simple HTML that goes
   * through the email sanitizer like everything in the editor.
   */
  readonly signatures?: EmailSignatures;
}

/** Email signatures, see {@link InteractionStoreOptions.signatures}. */
export interface EmailSignatures {
  /** The agent's signature, for queues without their own. */
  readonly agent?: string;
  /** Signatures by queue id. */
  readonly queues?: Readonly<Record<string, string>>;
}

/** What goes with wrap-up reasons. */
export interface WrapupOptions {
  /** The agent's notes, at most `WRAPUP_NOTES_MAX_LENGTH` characters; sent when the backend keeps notes. */
  readonly notes?: string;
}

/**
 * Events of one task folded and published one by one; later ones in the same task wait for
 * the end of the task (a microtask) and are folded together, published once. A backend that
 * replays a long history, or a reconnect, then costs linear time however long the thread.
 */
const EVENTS_PUBLISHED_ONE_BY_ONE = 8;

function reason(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}

/**
 * One agent session's state and commands. Built by {@link createInteractionStore}.
 *
 * Data flows one way: adapter events → pure reducer → `select()` → elements.
 * Elements call the commands; commands update optimistically, call the adapter,
 * and reconcile on its answer.
 */
export class InteractionStore {
  readonly #adapter: ContactCenterAdapter;
  readonly #signatures: EmailSignatures;
  readonly #state: BehaviorSubject<CcState>;
  readonly #errors = new Subject<StoreError>();
  readonly #accepted = new Subject<string>();
  readonly #notifications = new Subject<CcNotification>();
  readonly #now: () => number;
  #subscription: Subscription | undefined;
  #disposed = false;
  /** Events ingested in the current task; 0 again once its microtasks ran. */
  #inTask = 0;
  /** The state with the current burst folded in, not published yet; `undefined` between bursts. */
  #working: CcState | undefined;
  /** What the current burst made (see `folding`): nobody has seen it, so later events may change it in place. */
  #burst = new WeakSet<object>();
  /** What the current burst raised (notifications, errors), for once its state is published. */
  #raised: (() => void)[] = [];
  // Command groups in modules of their own, each seeing the store only through a CommandHost.
  readonly #messages: MessageCommands;
  readonly #email: EmailCommands;
  readonly #wrapups: WrapupCommands;
  readonly #context: AgentContextCommands;

  /** Errors: invalid inbound events, failed commands. The store itself never throws into the host. */
  readonly errors$: Observable<StoreError> = this.#errors.asObservable();

  /**
   * Ids of interactions this agent has just accepted through {@link accept}: the
   * conversation pane showing one focuses its composer (R-OFFER-05).
   */
  readonly accepted$: Observable<string> = this.#accepted.asObservable();

  /**
   * A new offer, customer (or peer) message or inbound email (R-CHAT-08), emitted right after
   * the state shows it. Never the agent's own messages, system notices, duplicates or rejected events.
   */
  readonly notifications$: Observable<CcNotification> = this.#notifications.asObservable();

  readonly #resynced = new Subject<LogReset>();

  /**
   * The backend's log was reset (it lost its data, or set a bad record aside) and the
   * store resynchronised with the new one: emitted once per reset, for a notice to the
   * agent (`<cc-connection-status>` shows one). Needs an adapter that reports resets.
   */
  readonly resynced$: Observable<LogReset> = this.#resynced.asObservable();

  readonly #connection = new BehaviorSubject<ConnectionState | undefined>(undefined);

  /**
   * Where the adapter's connection to its backend stands: the current state at once, then
   * every change. Emits nothing for an adapter without a connection (the simulated contact
   * center runs in the page), so elements read connectivity from the store, never the adapter.
   */
  readonly connection$: Observable<ConnectionState> = this.#connection.pipe(
    filter((c): c is ConnectionState => c !== undefined),
    distinctUntilChanged(),
  );

  /** Every state, starting with the current one. */
  readonly state$: Observable<CcState>;

  /**
   * The agent's unsent drafts, per interaction: panes read and write them here, and the
   * store deletes an interaction's draft once it ends, is wrapped up, transferred away or
   * rescinded. Stored through {@link InteractionStoreOptions.draftStore}.
   */
  readonly drafts: DraftBook;

  constructor(adapter: ContactCenterAdapter, options: InteractionStoreOptions = {}) {
    this.#adapter = adapter;
    this.#signatures = options.signatures ?? {};
    this.#now = options.now ?? Date.now;
    this.#state = new BehaviorSubject(initialState({ ...options, capabilities: adapterCapabilities(adapter) }));
    const host = this.#commandHost();
    this.#messages = new MessageCommands(host, { ...DEFAULT_RETRY_POLICY, ...options.retry });
    this.#context = new AgentContextCommands(host);
    this.#wrapups = new WrapupCommands(host, options.autoWrapup);
    this.#email = new EmailCommands(host);
    // A late subscriber starts from the state with every event taken so far. (Not rxjs's
    // `defer`: it brings 2 KB of async-iterable support into every page.)
    this.state$ = new Observable<CcState>((subscriber) => {
      this.#publish();
      return this.#state.subscribe(subscriber);
    });
    removeLegacyDrafts();
    this.drafts = new DraftBook({
      storage: options.draftStore ?? new SessionDraftStore(),
      agentId: () => this.state.agent.id,
      report: ({ operation, interactionId, error }) =>
        this.#report({ code: 'draft-storage-failed', command: operation, interactionId, message: `draft storage failed to ${operation}: ${reason(error)}` }),
    });
    this.#subscription = adapter.events$.subscribe({
      next: (value: unknown) => this.ingest(value),
      error: (e: unknown) => this.#report({ code: 'command-failed', command: 'events$', message: `event stream failed: ${reason(e)}` }),
    });
    this.#followConnection(adapter);
    const following = this.#wrapups.follow(this.#state);
    if (following) this.#subscription?.add(following);
  }

  /** The current state, every event ingested so far folded in (a snapshot; never mutate it). */
  get state(): CcState {
    this.#publish();
    return this.#state.value;
  }

  /** The adapter's connection state now, or `undefined` when the adapter reports none. */
  get connection(): ConnectionState | undefined {
    return this.#connection.value;
  }

  /** The adapter this store talks to (for directory look-ups by dialogs). */
  get adapter(): ContactCenterAdapter {
    return this.#adapter;
  }

  /**
   * An Observable of one slice of the state. It emits the current slice at once and
   * then only when the slice changes (`===`, or `equals` when given), so a subscriber
   * re-renders only when needed.
   */
  select<T>(selector: (state: CcState) => T, equals?: (a: T, b: T) => boolean): Observable<T> {
    return this.state$.pipe(map(selector), distinctUntilChanged(equals));
  }

  /**
   * Validates and folds one inbound value. Invalid values are reported on `errors$` at once,
   * state untouched. The first few events of a task are published one by one; the rest of a
   * burst (a replayed history, a reconnect) are folded as they come, in linear time, and
   * published once at the end of the task. {@link state}, the commands and new subscriptions
   * always see every event ingested before them.
   */
  ingest(value: unknown): void {
    if (this.#disposed) return;
    const result = validateEvent(value);
    if (!result.ok) {
      this.#report({ code: 'invalid-event', message: result.error, event: value });
      return;
    }
    if (this.#inTask === 0) {
      // Queued before anything is published, so a burst lands before the renders it causes.
      queueMicrotask(() => {
        this.#inTask = 0;
        this.#publish();
      });
    }
    this.#inTask += 1;
    const event = result.event;
    this.#working = folding(this.#burst, this.#foldStep, this.#working ?? this.#state.value, event);
    if (this.#inTask <= EVENTS_PUBLISHED_ONE_BY_ONE) this.#publish();
  }

  /** Publishes the current burst's state, then what it raised; ends the burst. */
  #publish(): void {
    const state = this.#working;
    if (state === undefined) return;
    this.#working = undefined;
    this.#burst = new WeakSet();
    const raised = this.#raised;
    this.#raised = [];
    if (state !== this.#state.value) this.#state.next(state);
    for (const run of raised) run();
  }

  readonly #foldStep = (state: CcState, event: ContactCenterEvent): CcState => this.#fold(state, event);

  /** Folds one event of a burst; what it raises waits in `#raised` until the burst is published. */
  #fold(state: CcState, event: ContactCenterEvent): CcState {
    const known = 'interactionId' in event && state.interactions[event.interactionId] !== undefined;
    if ('interactionId' in event && event.type !== 'offer' && event.type !== 'offer-rescinded' && event.type !== 'wrapup-completed' && !known) {
      const error: StoreError = {
        code: 'unknown-interaction',
        interactionId: event.interactionId,
        message: `${event.type} for unknown interaction ${event.interactionId}`,
        event,
      };
      this.#raised.push(() => this.#report(error));
      return state;
    }
    // Nobody listening: no previews to build (a replayed history has no listener to wait for).
    const notify = this.#notifications.observed;
    const news = notify && bringsNews(state, event);
    const next = reduce(state, event);
    const changed = changedBy(state, next);
    this.#forgetDraft(event, changed, known);
    if (!changed) return state;
    if (event.type === 'wrapup-completed') this.#messages.drop(event.interactionId);
    if (news) for (const n of notificationsAfter(next, event, news)) this.#raised.push(() => this.#notifications.next(n));
    return next;
  }

  // ---- commands -------------------------------------------------------------

  /** Accepts an offer (R-OFFER-05). Optimistic: the interaction is active at once; reverted if the adapter refuses. */
  async accept(interactionId: string): Promise<void> {
    const i = this.#require('accept', interactionId);
    if (i.status !== 'offered') return;
    this.#dispatch({ type: 'local/accept-requested', interactionId, at: this.#now() });
    this.#accepted.next(interactionId);
    try {
      await this.#adapter.acceptOffer(interactionId);
    } catch (e) {
      this.#dispatch({ type: 'local/accept-failed', interactionId });
      throw this.#fail('accept', interactionId, e);
    }
  }

  /**
   * Sends a chat message (R-CHAT-04). The message appears at once as `sending`, then becomes
   * `sent` or `failed` (R-CHAT-05). Never rejects. Messages of one interaction are delivered
   * in order: while the adapter fails, the failed message is retried with backoff (see
   * {@link InteractionStoreOptions.retry}) and later ones wait behind it, so nothing is lost
   * or reordered. Resolves with the message's id once its first attempt has finished
   * (the backend's id when it was sent).
   */
  send(interactionId: string, text: string, options: SendOptions = {}): Promise<string> {
    return this.#messages.send(interactionId, text, options);
  }

  /** Sends a failed message again at once, as it was (R-CHAT-05): nothing to retype. */
  retry(interactionId: string, messageId: string): Promise<string> {
    return this.#messages.retry(interactionId, messageId);
  }

  /** The email signature for a queue: its own, else the agent's; `undefined` when there is none. */
  signature(queueId: string): string | undefined {
    const text = this.#signatures.queues?.[queueId] ?? this.#signatures.agent;
    return text?.trim() ? text : undefined;
  }

  /** Sends an email reply or forward. Optimistic like {@link send}; rejects when the adapter fails. */
  sendEmail(interactionId: string, email: OutgoingEmail): Promise<string> {
    return this.#email.send(interactionId, email);
  }

  /** Transfers to a queue or an agent (R-XFER-*). Email goes to queues only (R-XFER-07). */
  async transfer(interactionId: string, target: TransferTarget): Promise<void> {
    const i = this.#require('transfer', interactionId);
    if (!canTransferTo(i.channel, target.kind)) {
      throw this.#fail('transfer', interactionId, new Error('email can be transferred to a queue only'), 'invalid-command');
    }
    await this.#call('transfer', interactionId, () => this.#adapter.transfer({ interactionId, target }));
  }

  /** Invites another agent to a three-party chat (R-CONF-01). */
  async inviteToConference(interactionId: string, agentId: string): Promise<void> {
    const i = this.#require('inviteToConference', interactionId);
    if (!capabilitiesOf(i.channel).conference) {
      throw this.#fail('inviteToConference', interactionId, new Error('email has no conference'), 'invalid-command');
    }
    await this.#call('inviteToConference', interactionId, () => this.#adapter.inviteToConference({ interactionId, agentId }));
  }

  /** The invited agent leaves the conference (R-CONF-04). */
  async exitConference(interactionId: string): Promise<void> {
    this.#require('exitConference', interactionId);
    await this.#call('exitConference', interactionId, () => this.#adapter.exitConference(interactionId));
  }

  /** The owner ends the conference (R-CONF-03). */
  async endConference(interactionId: string): Promise<void> {
    const i = this.#require('endConference', interactionId);
    if (i.role !== 'owner') {
      throw this.#fail('endConference', interactionId, new Error('only the owner can end the conference'), 'invalid-command');
    }
    await this.#call('endConference', interactionId, () => this.#adapter.endConference(interactionId));
  }

  /** Ends the interaction; it moves to wrap-up (R-END-02). */
  async end(interactionId: string): Promise<void> {
    this.#require('end', interactionId);
    await this.#call('end', interactionId, () => this.#adapter.endInteraction(interactionId));
  }

  /**
   * Submits wrap-up reasons, with the agent's notes; the interaction is then complete
   * (R-END-02) and stays, read-only, in {@link CcState.recent}. Stops auto wrap-up.
   */
  submitWrapup(interactionId: string, reasonIds: readonly string[], options: WrapupOptions = {}): Promise<void> {
    return this.#wrapups.submit(interactionId, reasonIds, options.notes, false);
  }

  /**
   * Adds time to the interaction's auto wrap-up (**Extend**): `ms`, or the channel's
   * `extendMs`. `false` when no auto wrap-up is running for it.
   */
  extendAutoWrapup(interactionId: string, ms?: number): boolean {
    return this.#wrapups.extend(interactionId, ms);
  }

  /** The auto wrap-up policy of a channel, when auto wrap-up is on for it. */
  autoWrapupPolicy(channel: Channel): AutoWrapupPolicy | undefined {
    return this.#wrapups.policy(channel);
  }

  // ---- consult (warm transfer) ------------------------------------------------

  /** Asks another agent into a private consult about a chat conversation; `consult` events follow. */
  startConsult(interactionId: string, agentId: string): Promise<void> {
    return this.#context.startConsult(interactionId, agentId);
  }

  /**
   * Sends this agent's message in the consult thread, never to the customer. It shows at once
   * as `sending`, then `sent` or `failed` with the reason (the text stays). Resolves with its id.
   */
  sendConsultMessage(interactionId: string, text: string): Promise<string> {
    return this.#context.sendConsultMessage(interactionId, text);
  }

  /** Hands the customer to the consulted agent (**Complete transfer**); wrap-up follows as for a transfer. */
  completeConsultTransfer(interactionId: string): Promise<void> {
    return this.#context.completeConsultTransfer(interactionId);
  }

  /** Ends the consult (**Cancel consult**); this agent keeps the customer. */
  cancelConsult(interactionId: string): Promise<void> {
    return this.#context.cancelConsult(interactionId);
  }

  // ---- who the customer is ----------------------------------------------------

  /** What the backend supports now (also `state.capabilities`). */
  supports(capability: Capability): boolean {
    return this.state.capabilities[capability];
  }

  /** The customer's profile; rejects when the backend provides none (`supports('customer')`). */
  getCustomer(interactionId: string): Promise<CustomerProfile> {
    return this.#context.getCustomer(interactionId);
  }

  /**
   * A page of the customer's past conversations, newest first; pass the previous page's
   * `nextCursor` for older ones. Rejects when the backend provides no history (`supports('history')`).
   */
  listPastInteractions(interactionId: string, cursor?: string, limit = PAST_INTERACTIONS_PAGE_SIZE): Promise<PastInteractionPage> {
    return this.#context.listPastInteractions(interactionId, cursor, limit);
  }

  // ---- composing help ------------------------------------------------------------

  /**
   * Up to three replies the backend suggests to the customer's latest message (none when the
   * customer has written nothing). Rejects without `supports('suggestions')` or when the backend fails.
   */
  suggestReplies(interactionId: string): Promise<readonly string[]> {
    return this.#context.suggestReplies(interactionId);
  }

  /** A plain-text summary of the conversation for the wrap-up notes (at most 500 characters). Rejects without `supports('summary')`. */
  summarize(interactionId: string): Promise<string> {
    return this.#context.summarize(interactionId);
  }

  /** Sets the agent's availability (leaving RONA needs this, R-OFFER-04). */
  async setAgentState(availability: AgentAvailability): Promise<void> {
    await this.#call('setAgentState', undefined, () => this.#adapter.setAgentState(availability));
  }

  /** Triggers a host-defined workflow for the interaction (R-CHAT-10). */
  async triggerWorkflow(interactionId: string, workflowId: string): Promise<WorkflowResult> {
    this.#require('triggerWorkflow', interactionId);
    return this.#call('triggerWorkflow', interactionId, () => this.#adapter.triggerWorkflow({ interactionId, workflowId }));
  }

  /** Uploads a file the agent attaches. */
  async uploadAttachment(interactionId: string, file: File): Promise<Attachment> {
    this.#require('uploadAttachment', interactionId);
    return this.#call('uploadAttachment', interactionId, () => this.#adapter.uploadAttachment(interactionId, file));
  }

  listQueues(channel: Channel): Promise<readonly Queue[]> {
    return this.#call('listQueues', undefined, () => this.#adapter.listQueues(channel));
  }
  listAgents(): Promise<readonly DirectoryAgent[]> {
    return this.#call('listAgents', undefined, () => this.#adapter.listAgents());
  }
  listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    return this.#wrapups.listReasons(channel);
  }
  listTemplates(channel: Channel): Promise<readonly MessageTemplate[]> {
    return this.#call('listTemplates', undefined, () => this.#adapter.listTemplates(channel));
  }
  listWorkflows(channel: Channel): Promise<readonly Workflow[]> {
    return this.#call('listWorkflows', undefined, () => this.#adapter.listWorkflows(channel));
  }

  /** Makes the interaction the one widgets of its channel show when they have no `interaction-id`. */
  focus(interactionId: string): void {
    this.#dispatch({ type: 'local/focus', interactionId });
  }

  /** Marks every inbound message of the interaction as seen. */
  markRead(interactionId: string): void {
    this.#dispatch({ type: 'local/mark-read', interactionId });
  }

  /** Stops listening to the adapter and completes every stream. Commands after this reject. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#working = undefined;
    this.#raised = [];
    this.#messages.dispose();
    this.#wrapups.dispose();
    this.drafts.dispose();
    this.#state.complete();
    this.#errors.complete();
    this.#accepted.complete();
    this.#notifications.complete();
    this.#resynced.complete();
    this.#connection.complete();
  }

  /** True after {@link dispose}. */
  get disposed(): boolean {
    return this.#disposed;
  }

  // ---- internals ------------------------------------------------------------

  #dispatch(action: StoreAction): void {
    if (this.#disposed) return;
    this.#publish();
    const before = this.#state.value;
    const next = reduce(before, action);
    this.#forgetDraft(action, next !== before, 'interactionId' in action && before.interactions[action.interactionId] !== undefined);
    if (next === before) return;
    // A wrapped-up interaction's unsent messages have nowhere to go.
    if (action.type === 'wrapup-completed') this.#messages.drop(action.interactionId);
    this.#state.next(next);
  }

  /**
   * Nothing of an interaction stays behind in the browser once it is over for this agent.
   * An event the reducer ignored for a known interaction (a late rescind of an accepted
   * offer) leaves the draft alone; for an unknown one (gone before a reload) it cleans up.
   */
  #forgetDraft(action: StoreAction, changed: boolean, known: boolean): void {
    if (!changed && known) return;
    if (action.type === 'offer') this.drafts.reopen(action.interactionId);
    else if (
      action.type === 'interaction-ended' ||
      action.type === 'wrapup-completed' ||
      action.type === 'offer-rescinded' ||
      (action.type === 'transfer' && action.state === 'completed')
    ) {
      this.drafts.close(action.interactionId);
    }
  }

  #report(error: StoreError): void {
    if (!this.#disposed) this.#errors.next(error);
  }

  /**
   * Follows the adapter's connection, when it reports one: once it is back, waiting and
   * given-up messages go at once, without the agent's Retry (R-CHAT-05); when the
   * backend's log was reset, the new log's sequence numbers are accepted.
   */
  #followConnection(adapter: ContactCenterAdapter): void {
    const subscription = this.#subscription;
    if (!subscription) return;
    if (isConnectionSource(adapter)) {
      let previous: ConnectionState | undefined;
      subscription.add(
        adapter.connection$.subscribe((state) => {
          if (state === 'open' && previous !== undefined && previous !== 'open') this.#messages.resume();
          previous = state;
          this.#connection.next(state);
        }),
      );
    }
    if (isResyncSource(adapter)) {
      subscription.add(
        adapter.resync$.subscribe((reset) => {
          if (this.#disposed) return;
          this.#publish();
          // The new log counts from 1 again: without this, each of its events would look like one already folded.
          this.#state.next({ ...this.#state.value, lastSeq: 0 });
          this.#messages.resume();
          this.#resynced.next(reset);
        }),
      );
    }
  }

  /** What the command groups beside the store may use of it. */
  #commandHost(): CommandHost {
    return {
      adapter: this.#adapter,
      state: () => this.state,
      now: () => this.#now(),
      dispatch: (action) => this.#dispatch(action),
      require: (command, interactionId) => this.#require(command, interactionId),
      fail: (command, interactionId, e, code) => this.#fail(command, interactionId, e, code),
      call: (command, interactionId, run) => this.#call(command, interactionId, run),
    };
  }

  #require(command: string, interactionId: string): Interaction {
    if (this.#disposed) throw new CommandError('invalid-command', command, 'the store is disposed');
    const i = this.state.interactions[interactionId];
    if (!i) throw this.#fail(command, interactionId, new Error(`unknown interaction ${interactionId}`), 'unknown-interaction');
    return i;
  }

  #fail(command: string, interactionId: string | undefined, e: unknown, code: StoreErrorCode = 'command-failed'): CommandError {
    const error = new CommandError(code, command, reason(e));
    this.#report({ code, command, message: error.message, ...(interactionId ? { interactionId } : {}) });
    return error;
  }

  async #call<T>(command: string, interactionId: string | undefined, run: () => Promise<T>): Promise<T> {
    if (this.#disposed) throw new CommandError('invalid-command', command, 'the store is disposed');
    try {
      return await run();
    } catch (e) {
      throw this.#fail(command, interactionId, e);
    }
  }
}

/** Creates the store for one agent session on top of an adapter. */
export function createInteractionStore(adapter: ContactCenterAdapter, options: InteractionStoreOptions = {}): InteractionStore {
  return new InteractionStore(adapter, options);
}
