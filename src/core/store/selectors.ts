/**
 * Named selectors over {@link CcState}, with the equality each one is meant to be used with.
 * Elements pass them to `StoreController` (or `store.select`) instead of writing their own,
 * so every element reads a slice the same way. The memoised ones answer with the very same
 * object while their slice is unchanged, which keeps `select()` quiet without a deep compare.
 */
import { isChannel, type AgentAvailability, type Channel, type ChatMessage, type Interaction } from '../types.js';
import type { CcState } from './state.js';

/** A function from the state to one slice of it. */
export type Selector<T> = (state: CcState) => T;

const NONE: readonly Interaction[] = Object.freeze([]);

/** True when two lists hold the same items in the same order (for `select(…, equals)`). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

// ---- agent ------------------------------------------------------------------

/** The agent: profile and availability. */
export const selectAgent = (state: CcState): CcState['agent'] => state.agent;

/** The agent's availability. */
export const selectAvailability = (state: CcState): AgentAvailability => state.agent.availability;

/** The agent's display name (the author of agent messages). */
export const selectAgentName = (state: CcState): string => state.agent.name;

/** What the backend supports: elements hide what it cannot do. */
export const selectCapabilities = (state: CcState): CcState['capabilities'] => state.capabilities;

/** Interactions this agent finished, newest first (the task list's **Recent**). */
export const selectRecent = (state: CcState): CcState['recent'] => state.recent;

// ---- one interaction ----------------------------------------------------------

/**
 * The interaction with this id, or `undefined`. Own entries only: ids are backend data, and
 * `constructor` or `__proto__` must not find what `Object.prototype` holds under that name.
 */
export function selectInteraction(state: CcState, id: string | null | undefined): Interaction | undefined {
  return id !== undefined && id !== null && Object.hasOwn(state.interactions, id) ? state.interactions[id] : undefined;
}

/**
 * Whether two answers are the same interaction in the same channel and status: for elements
 * that show only that much of it (the dialogs), so a new message does not re-render them.
 */
export function sameInteractionStatus(a: Interaction | undefined, b: Interaction | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.id === b.id && a.channel === b.channel && a.status === b.status);
}

/**
 * The interaction a widget shows: the one with `interactionId` when given (if it is of
 * one of the widget's channels); for a widget of several channels, the one the agent last
 * accepted or focused (`state.current`) if it is of those channels; else the focused
 * interaction of those channels, else the most recently accepted one that is still open.
 */
export function selectShownInteraction(
  state: CcState,
  channels: readonly Channel[],
  interactionId?: string | null,
): Interaction | undefined {
  if (interactionId) {
    const i = selectInteraction(state, interactionId);
    return i && channels.includes(i.channel) ? i : undefined;
  }
  // The one the agent last turned to, when it is of these channels: a panel of every channel follows the agent.
  const current = state.current === undefined ? undefined : state.interactions[state.current];
  if (current && current.status !== 'offered' && channels.length > 1 && channels.includes(current.channel)) return current;
  let best: Interaction | undefined;
  for (const channel of channels) {
    const id = state.focused[channel];
    const i = id ? state.interactions[id] : undefined;
    if (i && i.status !== 'offered' && (!best || (i.acceptedAt ?? 0) > (best.acceptedAt ?? 0))) best = i;
  }
  if (best) return best;
  for (let k = state.order.length - 1; k >= 0; k--) {
    const i = state.interactions[state.order[k] ?? ''];
    if (i && channels.includes(i.channel) && i.status !== 'offered') return i;
  }
  return undefined;
}

/** The interaction a pane of one channel shows when it is given no `interaction-id`. */
export function selectActiveInteraction(state: CcState, channel: Channel): Interaction | undefined {
  return selectShownInteraction(state, [channel]);
}

/**
 * Whether the customer has left the conversation: the latest customer notice in the thread
 * says so (the store records `participant-left` for the customer as a `customer-left`
 * notice). Nothing the agent sends reaches a customer who has left.
 */
export function customerHasLeft(i: Interaction): boolean {
  const known = leftBy.get(i.messages);
  if (known !== undefined) return known;
  let left = false;
  for (let k = i.messages.length - 1; k >= 0; k--) {
    const notice = i.messages[k]?.notice;
    if (notice === 'customer-left') {
      left = true;
      break;
    }
    if (notice === 'customer-joined') break;
  }
  leftBy.set(i.messages, left);
  return left;
}

// The two thread-wide answers below are asked several times per render of a pane (and by
// more than one part of it): worked out once per message list, which is immutable.
const leftBy = new WeakMap<readonly ChatMessage[], boolean>();
const waitingBy = new WeakMap<readonly ChatMessage[], ReadonlySet<string>>();

/**
 * Ids of this agent's messages that wait behind a failed one: they are still `sending`
 * but are not attempted until the failed message goes (messages are delivered in order).
 * Shown as waiting, not as sending.
 */
export function waitingBehindFailure(i: Interaction): ReadonlySet<string> {
  const known = waitingBy.get(i.messages);
  if (known) return known;
  const waiting = new Set<string>();
  let failed = false;
  for (const m of i.messages) {
    if (m.author !== 'agent') continue;
    if (m.status === 'failed') failed = true;
    else if (failed && m.status === 'sending') waiting.add(m.id);
  }
  waitingBy.set(i.messages, waiting);
  return waiting;
}

// ---- offers -------------------------------------------------------------------

function offersOf(state: CcState, channels: readonly Channel[] | undefined): Interaction[] {
  const found: Interaction[] = [];
  for (const id of state.order) {
    const i = state.interactions[id];
    if (i && i.status === 'offered' && (!channels || channels.includes(i.channel))) found.push(i);
  }
  return found;
}

/**
 * A memoised offers selector for one channel filter: the very same array while the
 * interactions and their order are the same, and while the offers found are the same objects.
 * Its memory is its own, so two stores never share an answer.
 */
export function createOffersSelector(channels?: readonly Channel[]): Selector<readonly Interaction[]> {
  let last: { interactions: CcState['interactions']; order: CcState['order']; offers: readonly Interaction[] } | undefined;
  return (state) => {
    if (last && last.interactions === state.interactions && last.order === state.order) return last.offers;
    const found = offersOf(state, channels);
    const offers = last && sameItems(found, last.offers) ? last.offers : found;
    last = { interactions: state.interactions, order: state.order, offers };
    return offers;
  };
}

/** One memoised selector per channel filter (there are only a few filters). */
const offerSelectors = new Map<string, Selector<readonly Interaction[]>>();

/**
 * Offers waiting for the agent, oldest first, optionally of some channels only. The very same
 * array while they stay the same.
 */
export function selectOffers(state: CcState, channels?: readonly Channel[]): readonly Interaction[] {
  const key = channels ? channels.join(',') : '*';
  let selector = offerSelectors.get(key);
  if (!selector) {
    selector = createOffersSelector(channels);
    offerSelectors.set(key, selector);
  }
  return selector(state);
}

/** The answers of {@link selectOffersFor} for one interaction, per list of offers they were taken from. */
const oneOffer = new WeakMap<readonly Interaction[], Map<string, readonly Interaction[]>>();

/**
 * What a contact request lists: the offers of `channel` (all channels when it is not a
 * channel), or only the offer `interactionId` when given. The same array while it is the same.
 */
export function selectOffersFor(
  state: CcState,
  { channel, interactionId }: { readonly channel?: string | undefined; readonly interactionId?: string | undefined },
): readonly Interaction[] {
  const all = selectOffers(state, isChannel(channel) ? [channel] : undefined);
  if (!interactionId) return all;
  let byId = oneOffer.get(all);
  if (!byId) {
    byId = new Map();
    oneOffer.set(all, byId);
  }
  let answer = byId.get(interactionId);
  if (!answer) {
    const offer = all.find((i) => i.id === interactionId);
    answer = offer ? [offer] : NONE;
    byId.set(interactionId, answer);
  }
  return answer;
}

// ---- tasks --------------------------------------------------------------------

/** What a task list shows: its tasks in arrival order and the focused interaction per channel. */
export interface TaskListSlice {
  readonly tasks: readonly Interaction[];
  readonly focused: CcState['focused'];
}

/** Which tasks a task list shows. */
export interface TaskFilter {
  /** Only this channel's tasks (all channels when it is not a channel). */
  readonly channel?: string | undefined;
  /** Leave offers out. */
  readonly hideOffers?: boolean | undefined;
}

/**
 * Whether two interactions look the same as tasks: the customer, channel, status, unread count,
 * the fields (queue, source) and the timer's start. Messages, receipts and typing change the
 * interaction but not its task, so they do not re-render a task list.
 */
export function sameTask(a: Interaction, b: Interaction): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.channel === b.channel &&
      a.status === b.status &&
      a.unread === b.unread &&
      a.customer === b.customer &&
      a.queue === b.queue &&
      a.source === b.source &&
      a.offeredAt === b.offeredAt &&
      a.acceptedAt === b.acceptedAt)
  );
}

/** Whether two lists hold the same tasks in the same order (see {@link sameTask}). */
export function sameTasks(a: readonly Interaction[], b: readonly Interaction[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((x, k) => {
        const y = b[k];
        return y !== undefined && sameTask(x, y);
      }))
  );
}

/** The equality to select {@link selectTasks} with: the same focus and the same tasks. */
export function sameTaskList(a: TaskListSlice, b: TaskListSlice): boolean {
  return a === b || (a.focused === b.focused && sameTasks(a.tasks, b.tasks));
}

/** A memoised task selector for one filter, with its own memory (see {@link createOffersSelector}). */
export function createTasksSelector({ channel, hideOffers = false }: TaskFilter = {}): Selector<TaskListSlice> {
  const only = isChannel(channel) ? channel : undefined;
  let last: { interactions: CcState['interactions']; order: CcState['order']; slice: TaskListSlice } | undefined;
  return (state) => {
    if (last && last.interactions === state.interactions && last.order === state.order && last.slice.focused === state.focused) {
      return last.slice;
    }
    const tasks: Interaction[] = [];
    for (const id of state.order) {
      const i = state.interactions[id];
      if (i && (!only || i.channel === only) && !(hideOffers && i.status === 'offered')) tasks.push(i);
    }
    const slice = last && last.slice.focused === state.focused && sameItems(tasks, last.slice.tasks) ? last.slice : { tasks, focused: state.focused };
    last = { interactions: state.interactions, order: state.order, slice };
    return slice;
  };
}

const taskSelectors = new Map<string, Selector<TaskListSlice>>();

/** The tasks a task list shows (open interactions and, unless hidden, offers), memoised per filter. */
export function selectTasks(state: CcState, filter: TaskFilter = {}): TaskListSlice {
  const only = isChannel(filter.channel) ? filter.channel : '*';
  const key = `${only}|${filter.hideOffers === true}`;
  let selector = taskSelectors.get(key);
  if (!selector) {
    selector = createTasksSelector({ channel: only === '*' ? undefined : only, hideOffers: filter.hideOffers === true });
    taskSelectors.set(key, selector);
  }
  return selector(state);
}
