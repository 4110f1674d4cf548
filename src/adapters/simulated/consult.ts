/**
 * Consult (warm transfer) on chat channels: a private thread between this agent and another
 * agent about the customer's conversation, never sent to the customer.
 * @packageDocumentation
 */
import type { ConsultMessageRequest, ConsultRequest, SendMessageResult } from '../../core/adapter.js';
import { fail, type SimContext } from './context.js';

/** The `startConsult` command. */
export async function startConsult(ctx: SimContext, request: ConsultRequest): Promise<void> {
  await ctx.latency('startConsult');
  fail(`Consult is not implemented yet (${request.interactionId})`);
}

/** The `sendConsultMessage` command. */
export async function sendConsultMessage(ctx: SimContext, request: ConsultMessageRequest): Promise<SendMessageResult> {
  await ctx.latency('sendConsultMessage');
  return fail(`Consult is not implemented yet (${request.interactionId})`);
}

/** The `completeConsultTransfer` command. */
export async function completeConsultTransfer(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('completeConsultTransfer');
  fail(`Consult is not implemented yet (${interactionId})`);
}

/** The `cancelConsult` command. */
export async function cancelConsult(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('cancelConsult');
  fail(`Consult is not implemented yet (${interactionId})`);
}
