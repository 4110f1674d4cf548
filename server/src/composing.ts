/**
 * The reference backend's composing help: the same deterministic suggested replies and
 * extractive summaries as the simulator, over the server's interaction records.
 * @packageDocumentation
 */
import { suggestionsFor, summaryOf } from '../../src/adapters/simulated/composing-data.js';
import type { CommandArgs } from '../../src/adapters/websocket/protocol.js';
import type { AgentProfile } from '../../src/core/types.js';
import type { ServerInteraction } from './model.js';

/** The `suggestReplies` command: replies to one of the customer's messages. */
export function suggestReplies(rec: ServerInteraction, agent: AgentProfile, args: CommandArgs<'suggestReplies'>, fail: (message: string) => never): readonly string[] {
  const message = rec.messages.find((m) => m.id === args.messageId && m.author === 'customer');
  if (!message) fail(`No customer message ${args.messageId} in interaction ${rec.id}`);
  return suggestionsFor(message.text, rec.channel, { customerName: rec.customer.name, agentName: agent.name, queueName: rec.queue.name });
}

/** The `summarize` command: an extractive summary of the conversation (workflows are not kept by this backend). */
export function summarize(rec: ServerInteraction): string {
  return summaryOf({
    customerName: rec.customer.name,
    messages: rec.messages,
    emails: rec.emails,
    workflows: [],
    conferenceAgent: rec.conferenceAgent,
    endReason: rec.endReason,
  });
}
