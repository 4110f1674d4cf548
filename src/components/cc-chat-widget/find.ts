import type { ChatMessage } from '../../core/types.js';

// Messages are immutable, so each one's searchable text is folded once.
const folded = new WeakMap<ChatMessage, string>();

function fold(text: string): string {
  return text.toLocaleLowerCase();
}

/**
 * Indexes of the messages whose text contains `query` (case-insensitive), newest
 * first: find-in-conversation walks back from where the agent is. `noticeText` gives a
 * system notice's shown (localised) text; other messages are searched by their own text
 * and attachment names.
 */
export function findMessages(messages: readonly ChatMessage[], query: string, noticeText: (m: ChatMessage) => string): number[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const found: number[] = [];
  for (let k = messages.length - 1; k >= 0; k--) {
    const m = messages[k];
    if (!m) continue;
    let text: string | undefined;
    if (m.author === 'system') {
      text = fold(noticeText(m));
    } else {
      text = folded.get(m);
      if (text === undefined) {
        text = fold(m.attachments.length > 0 ? `${m.text}\n${m.attachments.map((a) => a.name).join('\n')}` : m.text);
        folded.set(m, text);
      }
    }
    if (text.includes(needle)) found.push(k);
  }
  return found;
}

/** `text` split around case-insensitive occurrences of `query`: odd entries are the matches. */
export function splitMatches(text: string, query: string): string[] {
  const needle = fold(query.trim());
  if (!needle) return [text];
  const haystack = fold(text);
  // Folding can change lengths (e.g. İ); then the text is shown unmarked rather than cut wrongly.
  if (haystack.length !== text.length) return [text];
  const parts: string[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    parts.push(text.slice(from, at), text.slice(at, at + needle.length));
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}
