/**
 * What the store makes of the backend's composing help (R-COMP-06): suggested replies are
 * answered for the latest customer message, at most three, trimmed, non-empty and distinct;
 * a summary is trimmed plain text that fits the wrap-up notes.
 * @packageDocumentation
 */
import type { ChatMessage, Interaction } from '../types.js';

/** Most suggested replies shown. */
export const SUGGESTIONS_MAX = 3;
/** Longest summary put into the wrap-up notes. */
export const SUMMARY_MAX_LENGTH = 500;

/** The customer's latest message in a conversation, if any. */
export function latestCustomerMessage(i: Interaction): ChatMessage | undefined {
  for (let k = i.messages.length - 1; k >= 0; k--) {
    const m = i.messages[k];
    if (m?.author === 'customer') return m;
  }
  return undefined;
}

/** The backend's suggestions as shown: strings only, trimmed, non-empty, distinct, at most {@link SUGGESTIONS_MAX}. */
export function cleanSuggestions(suggestions: unknown): readonly string[] {
  if (!Array.isArray(suggestions)) throw new TypeError('suggested replies are not a list');
  const kept: string[] = [];
  for (const s of suggestions as readonly unknown[]) {
    if (typeof s !== 'string') continue;
    const text = s.trim();
    if (text !== '' && !kept.includes(text)) kept.push(text);
    if (kept.length === SUGGESTIONS_MAX) break;
  }
  return kept;
}

/** The backend's summary as put into notes: trimmed and cut at {@link SUMMARY_MAX_LENGTH} characters on a word. */
export function cleanSummary(summary: unknown): string {
  if (typeof summary !== 'string') throw new TypeError('the summary is not text');
  const text = summary.trim();
  if (text.length <= SUMMARY_MAX_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_MAX_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
