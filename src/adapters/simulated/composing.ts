/**
 * The simulator's composing help, deterministic so demos and tests see the same answers:
 * suggested replies match the customer's latest words to the channel's templates and a few
 * generic replies by shared keywords; a summary is extractive (the customer's first message,
 * what the agent did, how it ended).
 * @packageDocumentation
 */
import type { SuggestRepliesRequest, SummarizeRequest } from '../../core/adapter.js';
import type { EndReason } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import { SEED_TEMPLATES, SEED_WORKFLOWS } from './data.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { record } from './records.js';

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

/** The channel's unlocked templates without parameters to fill, their known variables filled in. */
function templateCandidates(ctx: SimContext, rec: Rec): Candidate[] {
  const values: Readonly<Record<string, string>> = { customerName: rec.customer.name, agentName: ctx.agent.name, queueName: rec.queue.name };
  const candidates: Candidate[] = [];
  for (const tpl of SEED_TEMPLATES) {
    if (tpl.locked || !tpl.channels.includes(rec.channel) || tpl.body.includes('[[')) continue;
    let known = true;
    const text = tpl.body.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => {
      const value = values[name];
      if (value === undefined) known = false;
      return value ?? '';
    });
    if (known) candidates.push({ text: text.replace(/\*\*/g, '').replace(/\s*\n+\s*/g, ' ').trim(), keywords: words(`${tpl.name} ${tpl.body}`) });
  }
  return candidates;
}

/** The `suggestReplies` command: up to three replies to a customer message of a chat or SMS conversation. */
export async function suggestReplies(ctx: SimContext, request: SuggestRepliesRequest): Promise<readonly string[]> {
  await ctx.latency('suggestReplies');
  const rec = record(ctx, request.interactionId);
  const message = rec.transcript.find((m) => m.id === request.messageId && m.author === 'customer');
  if (!message) fail(`suggestReplies: no customer message ${request.messageId} in ${request.interactionId}`);
  const said = words(message.text);
  const candidates = [...templateCandidates(ctx, rec), ...GENERIC.map((g) => ({ text: g.text, keywords: new Set(g.keywords) }))];
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

/** The `summarize` command: an extractive summary of the conversation in a few sentences. */
export async function summarize(ctx: SimContext, request: SummarizeRequest): Promise<string> {
  await ctx.latency('summarize');
  const rec = record(ctx, request.interactionId);
  const parts: string[] = [];
  const first = rec.transcript.find((m) => m.author === 'customer' && m.text.trim() !== '') ?? undefined;
  const email = rec.emails.find((e) => e.direction === 'inbound');
  if (first) parts.push(`${rec.customer.name} wrote: "${clip(first.text, 160)}"`);
  else if (email) parts.push(`${rec.customer.name} emailed about "${clip(email.subject, 120)}".`);
  else parts.push(`Conversation with ${rec.customer.name}.`);
  const sent = rec.transcript.filter((m) => m.author === 'agent').length + rec.emails.filter((e) => e.direction === 'outbound').length;
  if (sent > 0) parts.push(`The agent sent ${sent} ${sent === 1 ? 'reply' : 'replies'}.`);
  const workflows = rec.workflows.map((id) => SEED_WORKFLOWS.find((w) => w.id === id)?.name ?? id);
  if (workflows.length > 0) parts.push(`Workflows run: ${[...new Set(workflows)].join(', ')}.`);
  if (rec.conferenceAgent) parts.push(`${rec.conferenceAgent.name} was invited to a conference.`);
  if (rec.endReason) parts.push(OUTCOMES[rec.endReason]);
  else if (rec.status === 'active') parts.push('The conversation is still open.');
  return parts.join(' ');
}
