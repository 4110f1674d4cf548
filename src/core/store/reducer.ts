import type { WrapupCompletedEvent } from '../events.js';
import type { Capabilities, ChatMessage, Consult, DeliveryStatus, EmailMessage, Interaction, SystemNoticeKind, WrapupRecord } from '../types.js';
import { selectInteraction } from './selectors.js';
import { RECENT_LIMIT, type CcState, type StoreAction } from './state.js';
import { freshItems, inTimeOrder, insertByTime, isOwned, mergeFresh, own, positionOf, replaceAt } from './timeline.js';

/** Delivery states only move forward; `failed` may only follow `sending` or `sent`. */
const DELIVERY_RANK: Record<DeliveryStatus, number> = { sending: 0, sent: 1, delivered: 2, read: 3, failed: 1 };

function canMoveTo(from: DeliveryStatus | undefined, to: DeliveryStatus): boolean {
  if (from === undefined) return true;
  if (to === 'failed') return from === 'sending' || from === 'sent';
  if (from === 'failed') return to !== 'sending';
  return DELIVERY_RANK[to] > DELIVERY_RANK[from];
}

function notice(kind: SystemNoticeKind, name: string | undefined, at: number, id: string): ChatMessage {
  return { id, author: 'system', notice: kind, text: '', format: 'plain', timestamp: at, attachments: [], ...(name ? { authorName: name } : {}) };
}

function mapMessage(i: Interaction, id: string, f: (m: ChatMessage) => ChatMessage): Interaction {
  const idx = positionOf(i.messages, id);
  if (idx < 0) return i;
  const current = i.messages[idx] as ChatMessage;
  const next = f(current);
  if (next === current) return i;
  return patched(i, { messages: replaceAt(i.messages, idx, next) });
}

function mapEmail(i: Interaction, id: string, f: (m: EmailMessage) => EmailMessage): Interaction {
  const idx = positionOf(i.emails, id);
  if (idx < 0) return i;
  return { ...i, emails: replaceAt(i.emails, idx, f(i.emails[idx] as EmailMessage)) };
}

/**
 * A copy of the interactions with `id` set to `value`, or removed. The record has no
 * prototype, so `state.interactions[id]` anywhere finds own entries only (see `initialState`).
 */
function interactionsWith(state: CcState, id: string, value: Interaction | undefined): CcState['interactions'] {
  if (value && isOwned(state.interactions)) {
    // Made earlier in the same batch: nobody has seen it yet.
    (state.interactions as Record<string, Interaction>)[id] = value;
    return state.interactions;
  }
  // A literal that spreads (own data properties) and names its prototype: about twice as fast as
  // Object.setPrototypeOf afterwards, and this runs on every event. Object.create(null)
  // would start a slow dictionary. A computed `[id]` defines an own property, even `__proto__`.
  // (TypeScript types `__proto__: null` as a property.)
  const next = value
    ? ({ ...state.interactions, __proto__: null, [id]: value } as Record<string, Interaction>)
    : ({ ...state.interactions, __proto__: null } as unknown as Record<string, Interaction>);
  if (!value) delete next[id];
  return own(next);
}

/** Set by {@link patched} when it changed an interaction in place (see `withInteraction`). */
let changedInPlace = false;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * `i` with `changes`: a new interaction, or, inside a batch, `i` itself changed in place when
 * the batch made it (nobody has seen it yet): a burst of messages then makes one interaction, not one per message.
 */
function patched(i: Interaction, changes: Partial<Writable<Interaction>>): Interaction {
  if (!isOwned(i)) return own({ ...i, ...changes });
  Object.assign(i as Writable<Interaction>, changes);
  changedInPlace = true;
  return i;
}

/** Set by {@link withState} when it changed the batch's own state in place (see {@link changedBy}). */
let stateChangedInPlace = false;

/**
 * `state` with `changes`: a new state, or, inside a batch, the state the batch made changed in
 * place: a burst of 10,000 messages then makes one state object, not 10,000 copies of it.
 */
function withState(state: CcState, changes: Partial<Writable<CcState>>): CcState {
  if (!isOwned(state)) return own({ ...state, ...changes });
  Object.assign(state as Writable<CcState>, changes);
  stateChangedInPlace = true;
  return state;
}

/**
 * Whether the last {@link reduce}, from `before` to `after`, changed anything: a new state,
 * or inside a batch its own state changed in place (then `after === before`).
 */
export function changedBy(before: CcState, after: CcState): boolean {
  return after !== before || stateChangedInPlace;
}

function withInteraction(state: CcState, id: string, f: (i: Interaction) => Interaction): CcState {
  const current = selectInteraction(state, id);
  if (!current) return state;
  changedInPlace = false;
  const next = f(current);
  if (next === current && !changedInPlace) return state;
  return withState(state, { interactions: interactionsWith(state, id, next) });
}

/** The interaction's consult changed by `f`; unchanged without a consult. */
function withConsult(state: CcState, id: string, f: (c: Consult) => Consult): CcState {
  return withInteraction(state, id, (i) => {
    if (!i.consult) return i;
    const consult = f(i.consult);
    return consult === i.consult ? i : { ...i, consult };
  });
}

/** A finished interaction goes to the top of the Recent list, as it was, timers stopped. */
function finished(state: CcState, id: string, at: number, reported: WrapupCompletedEvent['wrapup']): CcState['recent'] {
  const i = selectInteraction(state, id);
  if (!i || i.status === 'offered') return state.recent;
  const { autoWrapupAt: _a, wrapup: submitted, ...rest } = i;
  // What this store submitted names the reasons; after a reload only the backend's record is left.
  const wrapup: WrapupRecord | undefined =
    submitted ??
    (reported && { reasonIds: reported.reasonIds, reasonNames: [], ...(reported.notes ? { notes: reported.notes } : {}), automatic: reported.automatic ?? false });
  const entry = { interaction: { ...rest, customerTyping: false, unread: 0 }, finishedAt: at, ...(wrapup ? { wrapup } : {}) };
  return [entry, ...state.recent.filter((r) => r.interaction.id !== id)].slice(0, RECENT_LIMIT);
}

function without(state: CcState, id: string): CcState {
  const current = selectInteraction(state, id);
  if (!current) return state;
  const focused = { ...state.focused };
  if (focused[current.channel] === id) delete focused[current.channel];
  const next = { ...state, interactions: interactionsWith(state, id, undefined), order: state.order.filter((x) => x !== id), focused };
  if (next.current === id) delete next.current;
  return next;
}

/**
 * Folds one action into the state. Pure: never mutates, never throws on valid input,
 * returns the very same object when nothing changes (so selectors stay quiet).
 * Events about an unknown interaction leave the state as it is.
 *
 * Inside a batch (see `folding`) what the batch itself made, and nobody has seen yet, may
 * change in place, the state included; {@link changedBy} then tells whether anything changed.
 */
export function reduce(state: CcState, action: StoreAction): CcState {
  stateChangedInPlace = false;
  if ('seq' in action && typeof action.seq === 'number') {
    // A backend log replays from the last sequence it believes we have: older entries are duplicates.
    if (action.seq <= state.lastSeq) return state;
    state = withState(state, { lastSeq: action.seq });
  }
  switch (action.type) {
    case 'agent-state-changed':
      return action.state === state.agent.availability ? state : { ...state, agent: { ...state.agent, availability: action.state } };

    case 'offer': {
      // R-OFFER-04: no offer is presented while the agent is in RONA.
      if (selectInteraction(state, action.interactionId) || state.agent.availability === 'rona') return state;
      const messages = inTimeOrder(action.messages ?? []);
      const emails = inTimeOrder(action.emails ?? []);
      const interaction: Interaction = {
        id: action.interactionId,
        channel: action.channel,
        status: 'offered',
        role: action.role ?? 'owner',
        queue: action.queue,
        customer: action.customer,
        source: action.source,
        offeredAt: action.at,
        messages,
        emails,
        participants: [],
        customerTyping: false,
        unread: messages.filter((m) => m.author === 'customer').length + emails.filter((e) => e.direction === 'inbound').length,
      };
      return {
        ...state,
        interactions: interactionsWith(state, interaction.id, interaction),
        order: [...state.order, interaction.id],
      };
    }

    case 'offer-rescinded': {
      const i = selectInteraction(state, action.interactionId);
      return i && i.status === 'offered' ? without(state, i.id) : state;
    }

    case 'local/accept-requested':
    case 'interaction-accepted': {
      const i = selectInteraction(state, action.interactionId);
      if (!i) return state;
      const accepted: Interaction =
        i.status === 'offered' ? { ...i, status: 'active', acceptedAt: action.at } : i;
      if (accepted === i && state.focused[i.channel] === i.id && state.current === i.id) return state;
      return {
        ...state,
        interactions: accepted === i ? state.interactions : interactionsWith(state, i.id, accepted),
        focused: state.focused[i.channel] === i.id ? state.focused : { ...state.focused, [i.channel]: i.id },
        current: i.id,
      };
    }

    case 'local/accept-failed':
      return withInteraction(state, action.interactionId, (i) => {
        if (i.status !== 'active') return i;
        const { acceptedAt: _a, ...rest } = i;
        return { ...rest, status: 'offered' };
      });

    case 'message-received':
      return withInteraction(state, action.interactionId, (i) => {
        if (positionOf(i.messages, action.message.id) >= 0) return i;
        const messages = insertByTime(i.messages, action.message);
        const fromOthers = action.message.author === 'customer' || action.message.author === 'peer';
        return patched(i, {
          messages,
          unread: fromOthers ? i.unread + 1 : i.unread,
          customerTyping: action.message.author === 'customer' ? false : i.customerTyping,
        });
      });

    case 'message-status':
      return withInteraction(state, action.interactionId, (i) =>
        mapMessage(i, action.messageId, (m) => {
          if (!canMoveTo(m.status, action.status)) return m;
          const { error: _e, ...rest } = m;
          return action.status === 'failed' ? { ...rest, status: 'failed', error: action.error ?? '' } : { ...rest, status: action.status };
        }),
      );

    case 'customer-typing':
      return withInteraction(state, action.interactionId, (i) =>
        i.customerTyping === action.typing ? i : patched(i, { customerTyping: action.typing }),
      );

    case 'participant-joined':
      return withInteraction(state, action.interactionId, (i) => {
        if (i.participants.some((p) => p.id === action.participant.id)) return i;
        const kind = action.participant.kind === 'customer' ? 'customer-joined' : 'agent-joined';
        // A customer joins before they write: a late report still stands before their first message.
        const firstWords = kind === 'customer-joined' ? i.messages.find((m) => m.author === 'customer')?.timestamp : undefined;
        const at = firstWords !== undefined && firstWords <= action.at ? firstWords - 1 : action.at;
        return {
          ...i,
          participants: [...i.participants, action.participant],
          messages: insertByTime(i.messages, notice(kind, action.participant.name, at, `sys-join-${action.participant.id}-${action.at}`)),
        };
      });

    case 'participant-left':
      return withInteraction(state, action.interactionId, (i) => {
        const p = i.participants.find((x) => x.id === action.participantId);
        if (!p) return i;
        const kind = p.kind === 'customer' ? 'customer-left' : 'agent-left';
        return {
          ...i,
          participants: i.participants.filter((x) => x.id !== p.id),
          customerTyping: p.kind === 'customer' ? false : i.customerTyping,
          messages: insertByTime(i.messages, notice(kind, p.name, action.at, `sys-left-${p.id}-${action.at}`)),
        };
      });

    case 'conference':
      return withInteraction(state, action.interactionId, (i) => {
        switch (action.state) {
          case 'requested': {
            const { conferenceDeclined: _d, ...rest } = i;
            return { ...rest, status: 'conference-requested', conferenceAgent: action.agent };
          }
          case 'started': {
            const joined: Interaction = { ...i, status: 'conference', conferenceAgent: action.agent };
            return i.participants.some((p) => p.id === action.agent.id)
              ? joined
              : {
                  ...joined,
                  participants: [...i.participants, { ...action.agent, kind: 'agent' }],
                  messages: insertByTime(i.messages, notice('agent-joined', action.agent.name, action.at, `sys-conf-${action.agent.id}-${action.at}`)),
                };
          }
          case 'declined':
          case 'exited': {
            if (i.status !== 'conference' && i.status !== 'conference-requested') return i;
            const { conferenceAgent: _c, ...rest } = i;
            const left = i.participants.some((p) => p.id === action.agent.id);
            return {
              ...rest,
              status: 'active',
              participants: i.participants.filter((p) => p.id !== action.agent.id),
              messages:
                action.state === 'exited' && left
                  ? insertByTime(i.messages, notice('agent-left', action.agent.name, action.at, `sys-exit-${action.agent.id}-${action.at}`))
                  : i.messages,
              ...(action.state === 'declined' && i.status === 'conference-requested'
                ? { conferenceDeclined: { agent: action.agent, reason: action.reason ?? 'declined' } }
                : {}),
            };
          }
          case 'ended':
            return { ...i, messages: insertByTime(i.messages, notice('conference-ended', action.agent.name, action.at, `sys-confend-${action.at}`)) };
        }
      });

    case 'transfer':
      return withInteraction(state, action.interactionId, (i) => ({
        ...i,
        transfer: { target: action.target, state: action.state, ...(action.error ? { error: action.error } : {}) },
      }));

    case 'email-received':
      return withInteraction(state, action.interactionId, (i) => {
        if (positionOf(i.emails, action.email.id) >= 0) return i;
        const emails = insertByTime(i.emails, action.email);
        return { ...i, emails, unread: action.email.direction === 'inbound' ? i.unread + 1 : i.unread };
      });

    case 'history':
      return withInteraction(state, action.interactionId, (i) => {
        const freshMessages = action.messages ? freshItems(i.messages, action.messages) : [];
        const freshEmails = action.emails ? freshItems(i.emails, action.emails) : [];
        if (freshMessages.length === 0 && freshEmails.length === 0) return i;
        // Inbound items the agent has not seen count as unread, as an offer's opening messages do.
        const unread =
          freshMessages.filter((m) => m.author === 'customer' || m.author === 'peer').length +
          freshEmails.filter((e) => e.direction === 'inbound').length;
        return {
          ...i,
          messages: mergeFresh(i.messages, freshMessages),
          emails: mergeFresh(i.emails, freshEmails),
          unread: i.unread + unread,
        };
      });

    case 'email-status':
      return withInteraction(state, action.interactionId, (i) =>
        mapEmail(i, action.emailId, (e) => {
          const { error: _e, ...rest } = e;
          return action.error ? { ...rest, status: action.status, error: action.error } : { ...rest, status: action.status };
        }),
      );

    case 'interaction-ended':
      return withInteraction(state, action.interactionId, (i) =>
        i.status === 'wrapup' ? i : { ...i, status: 'wrapup', endReason: action.reason, customerTyping: false },
      );

    case 'wrapup-completed': {
      const recent = finished(state, action.interactionId, action.at, action.wrapup);
      const next = without(state, action.interactionId);
      return recent === state.recent ? next : { ...next, recent };
    }

    case 'consult':
      return withInteraction(state, action.interactionId, (i) => {
        if (action.state === 'requested') return { ...i, consult: { agent: action.agent, state: 'requested', messages: [] } };
        const c = i.consult;
        // An answer about a consult this store never saw asked (a reload) still shows.
        const base: Consult = c && c.agent.id === action.agent.id ? c : { agent: action.agent, state: action.state, messages: [] };
        const { reason: _r, error: _e, ...rest } = base;
        return {
          ...i,
          consult: {
            ...rest,
            state: action.state,
            ...(action.state === 'declined' ? { reason: action.reason ?? 'declined' } : {}),
            ...(action.state === 'failed' && action.error ? { error: action.error } : {}),
          },
        };
      });

    case 'consult-message':
      return withConsult(state, action.interactionId, (c) =>
        positionOf(c.messages, action.message.id) >= 0 ? c : { ...c, messages: insertByTime(c.messages, action.message) },
      );

    case 'capabilities': {
      let changed = false;
      const next: Record<string, boolean> = { ...state.capabilities };
      for (const [k, v] of Object.entries(action.capabilities)) {
        if (typeof v === 'boolean' && next[k] !== v) {
          next[k] = v;
          changed = true;
        }
      }
      return changed ? { ...state, capabilities: next as unknown as Capabilities } : state;
    }

    case 'local/consult-message-sending':
      return withConsult(state, action.interactionId, (c) => ({ ...c, messages: insertByTime(c.messages, action.message) }));

    case 'local/consult-message-sent':
      return withConsult(state, action.interactionId, (c) => {
        const m = c.messages.find((x) => x.id === action.clientMessageId);
        if (!m) return c;
        const { error: _e, ...rest } = m;
        const others = c.messages.filter((x) => x !== m);
        if (positionOf(others, action.messageId) >= 0) return { ...c, messages: others };
        return { ...c, messages: insertByTime(others, { ...rest, id: action.messageId, status: 'sent', timestamp: action.timestamp }) };
      });

    case 'local/consult-message-failed':
      return withConsult(state, action.interactionId, (c) => {
        const idx = positionOf(c.messages, action.messageId);
        if (idx < 0) return c;
        const m = c.messages[idx] as ChatMessage;
        return { ...c, messages: replaceAt(c.messages, idx, { ...m, status: 'failed', error: action.error }) };
      });

    case 'local/auto-wrapup':
      return withInteraction(state, action.interactionId, (i) => {
        if (i.autoWrapupAt === action.at || (action.at !== undefined && i.status !== 'wrapup')) return i;
        const { autoWrapupAt: _a, ...rest } = i;
        return action.at === undefined ? rest : { ...rest, autoWrapupAt: action.at };
      });

    case 'local/wrapup-submitted':
      return withInteraction(state, action.interactionId, (i) => ({ ...i, wrapup: action.wrapup }));

    case 'local/message-sending':
      return withInteraction(state, action.interactionId, (i) => ({ ...i, messages: insertByTime(i.messages, action.message) }));

    case 'local/message-sent':
      return withInteraction(state, action.interactionId, (i) => {
        const m = i.messages.find((x) => x.id === action.clientMessageId);
        if (!m) return i;
        const { error: _e, ...rest } = m;
        // A receipt may already have moved the message further than the send call reports.
        const status = m.status && m.status !== 'failed' && DELIVERY_RANK[m.status] > DELIVERY_RANK[action.status] ? m.status : action.status;
        // The backend's timestamp may move the message, so it goes in again in time order; if the
        // backend already echoed it under its id, that copy stays and this one goes.
        return { ...i, messages: insertByTime(i.messages.filter((x) => x !== m), { ...rest, id: action.messageId, status, timestamp: action.timestamp }) };
      });

    case 'local/message-failed':
      return withInteraction(state, action.interactionId, (i) =>
        mapMessage(i, action.messageId, (m) => ({ ...m, status: 'failed', error: action.error })),
      );

    case 'local/message-retry':
      return withInteraction(state, action.interactionId, (i) =>
        mapMessage(i, action.messageId, (m) => {
          if (m.status !== 'failed') return m;
          const { error: _e, ...rest } = m;
          return { ...rest, status: 'sending' };
        }),
      );

    case 'local/email-sending':
      return withInteraction(state, action.interactionId, (i) => ({ ...i, emails: insertByTime(i.emails, action.email) }));

    case 'local/email-sent':
      return withInteraction(state, action.interactionId, (i) => {
        const e = i.emails.find((x) => x.id === action.clientEmailId);
        if (!e) return i;
        const { error: _e, ...rest } = e;
        // As for messages: in time order by the backend's timestamp, one copy per id.
        return { ...i, emails: insertByTime(i.emails.filter((x) => x !== e), { ...rest, id: action.emailId, status: 'sent', timestamp: action.timestamp }) };
      });

    case 'local/email-failed':
      return withInteraction(state, action.interactionId, (i) =>
        mapEmail(i, action.emailId, (e) => ({ ...e, status: 'failed', error: action.error })),
      );

    case 'local/focus': {
      const i = selectInteraction(state, action.interactionId);
      if (!i || (state.focused[i.channel] === i.id && state.current === i.id)) return state;
      return { ...state, focused: state.focused[i.channel] === i.id ? state.focused : { ...state.focused, [i.channel]: i.id }, current: i.id };
    }

    case 'local/mark-read':
      return withInteraction(state, action.interactionId, (i) => (i.unread === 0 ? i : { ...i, unread: 0 }));
  }
}
