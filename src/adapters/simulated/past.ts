/**
 * Who the customer is and what happened before: each simulated customer's profile and a
 * realistic past (several conversations across channels), for the customer panel.
 * @packageDocumentation
 */
import type { CustomerRequest, PastInteractionsRequest } from '../../core/adapter.js';
import type { CustomerProfile, PastInteractionPage } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import { customerProfile, pastInteractions } from './past-data.js';
import { record } from './records.js';

const DAY = 86_400_000;

/** The `getCustomer` command: the profile of the interaction's customer. Rejects for an unknown interaction. */
export async function getCustomer(ctx: SimContext, request: CustomerRequest): Promise<CustomerProfile> {
  await ctx.latency('getCustomer');
  const rec = record(ctx, request.interactionId);
  return customerProfile(ctx.seed, rec.customer, rec.source, rec.channel);
}

/**
 * The `listPastInteractions` command: a page of the customer's past conversations, newest
 * first, at most `limit` long, with a cursor to the older ones while there are any. The
 * past is seen from the day the interaction was offered, so paging through it later finds
 * the same conversations. Rejects for an unknown interaction or a cursor it did not give.
 */
export async function listPastInteractions(ctx: SimContext, request: PastInteractionsRequest): Promise<PastInteractionPage> {
  await ctx.latency('listPastInteractions');
  const rec = record(ctx, request.interactionId);
  const start = request.cursor === undefined ? 0 : parseCursor(request.cursor);
  const limit = Math.max(1, Math.trunc(request.limit) || 1);
  const anchor = rec.offeredAt ?? ctx.now();
  const past = pastInteractions(ctx.seed, rec.customer, rec.source, Math.floor(anchor / DAY) * DAY);
  if (start > past.length) fail(`listPastInteractions: cursor ${request.cursor ?? ''} is past the end`);
  const items = past.slice(start, start + limit);
  const next = start + items.length;
  return next < past.length ? { items, nextCursor: `past:${next}` } : { items };
}

function parseCursor(cursor: string): number {
  const match = /^past:(\d{1,6})$/.exec(cursor);
  return match?.[1] !== undefined ? Number(match[1]) : fail(`listPastInteractions: unknown cursor ${cursor}`);
}
