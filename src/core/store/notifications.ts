import type { ContactCenterEvent } from '../events.js';
import type { Channel, ChatMessage, EmailMessage, Interaction } from '../types.js';
import type { CcState } from './state.js';
import { positionOf } from './timeline.js';

/** What a notification is about: a new offer, a chat message from the customer (or the other agent), an inbound email. */
export type CcNotificationKind = 'offer' | 'message' | 'email';

/**
 * Something new the agent should notice (R-CHAT-08), emitted on
 * `store.notifications$` and fired by `<cc-provider>` as `cc-notification`.
 * Plain, serialisable data.
 */
export interface CcNotification {
  readonly kind: CcNotificationKind;
  readonly interactionId: string;
  readonly channel: Channel;
  /** The customer's name. */
  readonly title: string;
  /**
   * A plain-text preview, at most {@link NOTIFICATION_PREVIEW_LENGTH} characters: the message
   * text (attachment names when it has none), the email's subject (its text when the subject is
   * empty), an offer's opening message or email. Empty when there is nothing to preview.
   */
  readonly body: string;
  /** Epoch milliseconds of the inbound event. */
  readonly at: number;
}

/** The longest {@link CcNotification.body}, in characters (code points). */
export const NOTIFICATION_PREVIEW_LENGTH = 140;

/** Whitespace that flattening changes: anything but single spaces. */
const UNFLAT = /[^\S ]| {2}/;

function preview(text: string): string {
  // Most messages have single spaces only: a test finds that without building a new string.
  const flat = (UNFLAT.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  // UTF-16 units are at least as many as code points: a short text needs no splitting.
  if (flat.length <= NOTIFICATION_PREVIEW_LENGTH) return flat;
  // Counted in code points, so an emoji or a CJK supplement character is never cut in half; a
  // walk, not `[...flat]`, which would make an array of every character of most messages.
  let cut = 0;
  for (let k = 0, count = 0; k < flat.length; count++) {
    if (count === NOTIFICATION_PREVIEW_LENGTH - 1) cut = k;
    else if (count === NOTIFICATION_PREVIEW_LENGTH) return `${flat.slice(0, cut).trimEnd()}…`;
    // A high surrogate followed by a low one is one code point, as string iteration sees it.
    k += (flat.charCodeAt(k) & 0xfc00) === 0xd800 && (flat.charCodeAt(k + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return flat;
}

/** Markdown punctuation is noise in a one-line preview; keep the words. */
function plainMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=$|[\s).,!?;:])/g, '$1');
}

/**
 * The start of a text, enough for any preview. Only this much is scanned: the Markdown
 * patterns backtrack, and a customer's megabyte of `[](` must not freeze the page.
 */
function head(text: string): string {
  return text.trimStart().slice(0, NOTIFICATION_PREVIEW_LENGTH * 8);
}

function messagePreview(m: ChatMessage): string {
  const source = head(m.text);
  const text = m.format === 'markdown' ? plainMarkdown(source) : source;
  return preview(text.trim() ? text : head(m.attachments.map((a) => a.name).join(', ')));
}

function emailPreview(e: EmailMessage): string {
  return preview(head(e.subject.trim() ? e.subject : (e.text ?? '')));
}

function isFromOthers(m: ChatMessage): boolean {
  return m.author === 'customer' || m.author === 'peer';
}

function notification(kind: CcNotificationKind, i: Interaction, body: string, at: number): CcNotification {
  return { kind, interactionId: i.id, channel: i.channel, title: i.customer.name, body, at };
}

/**
 * Whether `event` brings what `state` does not hold yet: a new interaction (offer), a message
 * or an email it has not got. Read before the event is folded. Pure.
 */
export function bringsNews(state: CcState, event: ContactCenterEvent): boolean {
  if (event.type === 'offer') return !state.interactions[event.interactionId];
  if (event.type !== 'message-received' && event.type !== 'email-received') return false;
  const i = state.interactions[event.interactionId];
  if (!i) return false;
  return event.type === 'message-received' ? positionOf(i.messages, event.message.id) < 0 : positionOf(i.emails, event.email.id) < 0;
}

/**
 * The notifications one inbound event raises (R-CHAT-08), found by comparing the state
 * before and after the reducer folded it: a new interaction that arrived as `offered`, a
 * customer or peer message that was not there before, an inbound email that was not there
 * before. The agent's own messages, system notices, duplicates and anything the reducer
 * rejected (same state, or the item absent afterwards) raise nothing. Pure.
 */
export function notificationsFor(prev: CcState, next: CcState, event: ContactCenterEvent): readonly CcNotification[] {
  return prev === next ? [] : notificationsAfter(next, event, bringsNews(prev, event));
}

/**
 * The notifications of `event`, from the state right after folding it and whether it brought
 * news ({@link bringsNews}, read before): what the store uses while it folds a batch, where the
 * state before an event may since have changed in place.
 */
export function notificationsAfter(next: CcState, event: ContactCenterEvent, news: boolean): readonly CcNotification[] {
  if (!news) return [];
  switch (event.type) {
    case 'offer': {
      const i = next.interactions[event.interactionId];
      if (!i || i.status !== 'offered') return [];
      const opening = i.messages.find(isFromOthers);
      const email = i.emails.find((e) => e.direction === 'inbound');
      const body = opening ? messagePreview(opening) : email ? emailPreview(email) : '';
      return [notification('offer', i, body, event.at)];
    }
    case 'message-received': {
      if (!isFromOthers(event.message)) return [];
      const i = next.interactions[event.interactionId];
      const added = i?.messages[positionOf(i.messages, event.message.id)];
      return i && added ? [notification('message', i, messagePreview(added), event.at)] : [];
    }
    case 'email-received': {
      if (event.email.direction !== 'inbound') return [];
      const i = next.interactions[event.interactionId];
      const added = i?.emails[positionOf(i.emails, event.email.id)];
      return i && added ? [notification('email', i, emailPreview(added), event.at)] : [];
    }
    case 'history':
    case 'agent-state-changed':
    case 'offer-rescinded':
    case 'interaction-accepted':
    case 'message-status':
    case 'customer-typing':
    case 'participant-joined':
    case 'participant-left':
    case 'conference':
    case 'transfer':
    case 'consult':
    case 'consult-message':
    case 'capabilities':
    case 'email-status':
    case 'interaction-ended':
    case 'wrapup-completed':
      return [];
  }
}
