/**
 * Who the customer is and what happened before: each simulated customer's profile and a
 * realistic past (several conversations across channels), for the customer panel.
 * @packageDocumentation
 */
import type { CustomerRequest, PastInteractionsRequest } from '../../core/adapter.js';
import type { CustomerProfile, PastInteractionPage } from '../../core/types.js';
import { fail, type SimContext } from './context.js';

/** The `getCustomer` command. */
export async function getCustomer(ctx: SimContext, request: CustomerRequest): Promise<CustomerProfile> {
  await ctx.latency('getCustomer');
  return fail(`Customer profiles are not implemented yet (${request.interactionId})`);
}

/** The `listPastInteractions` command. */
export async function listPastInteractions(ctx: SimContext, request: PastInteractionsRequest): Promise<PastInteractionPage> {
  await ctx.latency('listPastInteractions');
  return fail(`Past conversations are not implemented yet (${request.interactionId})`);
}
