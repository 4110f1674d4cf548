/**
 * The simulator's `suggestReplies` and `summarize` commands over its interaction records
 * (the answers themselves are made in `./composing-data.js`).
 * @packageDocumentation
 */
import type { SuggestRepliesRequest, SummarizeRequest } from '../../core/adapter.js';
import { suggestionsFor, summaryOf } from './composing-data.js';
import { fail, type SimContext } from './context.js';
import { SEED_WORKFLOWS } from './data.js';
import { record } from './records.js';

/** The `suggestReplies` command: up to three replies to a customer message of a chat or SMS conversation. */
export async function suggestReplies(ctx: SimContext, request: SuggestRepliesRequest): Promise<readonly string[]> {
  await ctx.latency('suggestReplies');
  const rec = record(ctx, request.interactionId);
  const message = rec.transcript.find((m) => m.id === request.messageId && m.author === 'customer');
  if (!message) fail(`suggestReplies: no customer message ${request.messageId} in ${request.interactionId}`);
  return suggestionsFor(message.text, rec.channel, { customerName: rec.customer.name, agentName: ctx.agent.name, queueName: rec.queue.name });
}

/** The `summarize` command: an extractive summary of the conversation. */
export async function summarize(ctx: SimContext, request: SummarizeRequest): Promise<string> {
  await ctx.latency('summarize');
  const rec = record(ctx, request.interactionId);
  return summaryOf({
    customerName: rec.customer.name,
    messages: rec.transcript,
    emails: rec.emails,
    workflows: rec.workflows.map((id) => SEED_WORKFLOWS.find((w) => w.id === id)?.name ?? id),
    conferenceAgent: rec.conferenceAgent,
    endReason: rec.endReason,
  });
}
