/**
 * The simulator's composing help, deterministic so demos and tests see the same answers
 * (and shared with the reference server, so it imports nothing of the simulator's state):
 * suggested replies match the customer's latest words to the channel's templates and a few
 * generic replies by shared keywords; a summary is extractive (the customer's first message,
 * what the agent did, how it ended).
 * @packageDocumentation
 */
import type { Channel, ChatMessage, EmailMessage, EndReason } from '../../core/types.js';
import { SEED_TEMPLATES } from './data.js';

interface Candidate {
  readonly text: string;
  readonly keywords: ReadonlySet<string>;
}

/** Replies for any channel, with the words that call for them. */
const GENERIC: readonly { readonly text: string; readonly keywords: readonly string[] }[] = [
  { text: 'I am sorry to hear that. Let me look into it right away.', keywords: ['problem', 'issue', 'wrong', 'broken', 'error', 'damaged', 'missing', 'refund', 'charged', 'cannot', "can't", 'not'] },
  { text: 'Could you share your order number, please?', keywords: ['order', 'delivery', 'package', 'parcel', 'shipped', 'shipping', 'tracking', 'arrive', 'arrived'] },
  { text: 'You are welcome! Is there anything else I can help you with?', keywords: ['thanks', 'thank', 'great', 'perfect', 'bye'] },
  { text: 'Thank you. One moment while I check that for you.', keywords: [] },
];

const STOP_WORDS = new Set(['the', 'and', 'for', 'you', 'your', 'are', 'was', 'with', 'this', 'that', 'have', 'has', 'from', 'but', 'our', 'can', 'any', 'all', 'will', 'would', 'what', 'how', 'who', 'hi', 'hello']);

function words(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []) {
    if (word.length >= 3 && !STOP_WORDS.has(word)) found.add(word);
  }
  return found;
}

/** Values the simulator fills into a template's `{{variables}}`; one left out drops the templates using it. */
export interface SuggestionValues {
  readonly customerName: string;
  readonly agentName?: string;
  readonly queueName: string;
}

/** The channel's unlocked templates without parameters to fill, their known variables filled in. */
function templateCandidates(channel: Channel, values: SuggestionValues): Candidate[] {
  const known: Readonly<Record<string, string | undefined>> = { ...values };
  const candidates: Candidate[] = [];
  for (const tpl of SEED_TEMPLATES) {
    if (tpl.locked || !tpl.channels.includes(channel) || tpl.body.includes('[[')) continue;
    let complete = true;
    const text = tpl.body.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => {
      const value = known[name];
      if (value === undefined) complete = false;
      return value ?? '';
    });
    if (complete) candidates.push({ text: text.replace(/\*\*/g, '').replace(/\s*\n+\s*/g, ' ').trim(), keywords: words(`${tpl.name} ${tpl.body}`) });
  }
  return candidates;
}

/**
 * Up to three replies to what the customer wrote: the channel's templates and the generic
 * replies that share the most words with it, then generic replies to make three.
 * Deterministic; the reference server answers with the same.
 */
export function suggestionsFor(text: string, channel: Channel, values: SuggestionValues): readonly string[] {
  const said = words(text);
  const candidates = [...templateCandidates(channel, values), ...GENERIC.map((g) => ({ text: g.text, keywords: new Set(g.keywords) }))];
  const scored = candidates.map((c, order) => ({ text: c.text, order, score: [...said].filter((w) => c.keywords.has(w)).length }));
  // Best overlap first; ties keep the list's order, so the answer never varies.
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = scored.filter((s) => s.score > 0).slice(0, 3).map((s) => s.text);
  for (const g of [...GENERIC].reverse()) {
    if (chosen.length >= 3) break;
    if (!chosen.includes(g.text)) chosen.push(g.text);
  }
  return chosen;
}

const OUTCOMES: Readonly<Record<EndReason, string>> = {
  'agent-ended': 'The agent ended the conversation.',
  'customer-left': 'The customer left the conversation.',
  transferred: 'The conversation was transferred.',
  'conference-ended': 'The conference was ended.',
  'conference-exited': 'The agent left the conference.',
};

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** What an extractive summary is made of. */
export interface SummaryInput {
  readonly customerName: string;
  readonly messages: readonly ChatMessage[];
  readonly emails: readonly EmailMessage[];
  /** Names of the workflows the agent ran. */
  readonly workflows: readonly string[];
  readonly conferenceAgent?: { readonly name: string } | undefined;
  readonly endReason?: EndReason | undefined;
}

/** An extractive summary in a few sentences: the customer's first message, what the agent did, how it ended. */
export function summaryOf(input: SummaryInput): string {
  const parts: string[] = [];
  const first = input.messages.find((m) => m.author === 'customer' && m.text.trim() !== '');
  const email = input.emails.find((e) => e.direction === 'inbound');
  if (first) parts.push(`${input.customerName} wrote: "${clip(first.text, 160)}"`);
  else if (email) parts.push(`${input.customerName} emailed about "${clip(email.subject, 120)}".`);
  else parts.push(`Conversation with ${input.customerName}.`);
  const sent = input.messages.filter((m) => m.author === 'agent').length + input.emails.filter((e) => e.direction === 'outbound').length;
  if (sent > 0) parts.push(`The agent sent ${sent} ${sent === 1 ? 'reply' : 'replies'}.`);
  if (input.workflows.length > 0) parts.push(`Workflows run: ${[...new Set(input.workflows)].join(', ')}.`);
  if (input.conferenceAgent) parts.push(`${input.conferenceAgent.name} was invited to a conference.`);
  parts.push(input.endReason ? OUTCOMES[input.endReason] : 'The conversation is still open.');
  return parts.join(' ');
}
