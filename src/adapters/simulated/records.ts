/**
 * The backend's interaction records: which statuses count as working or open, looking a
 * record up, the two ways an interaction leaves the agent (rescinded offer, wrap-up),
 * the notices a webchat customer is shown, and the snapshots the scripting API returns.
 * @packageDocumentation
 */
import type { EndReason, SystemNoticeKind } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import type { InteractionRecord as Rec } from './persistence.js';
import type { SimulatedInteraction, SimulatedInteractionStatus } from './types.js';

/** Statuses in which the agent works on the interaction. */
export const WORKING: ReadonlySet<SimulatedInteractionStatus> = new Set(['active', 'conference-requested', 'conference']);
/** Statuses in which the customer can still write. */
export const OPEN: ReadonlySet<SimulatedInteractionStatus> = new Set(['held', 'offered', 'active', 'conference-requested', 'conference']);

/** The participant id the simulator gives the customer of an interaction. */
export function customerParticipantId(interactionId: string): string {
  return `customer-${interactionId}`;
}

/** The record of a scripting call. @throws Error when disposed or the id is unknown. */
export function record(ctx: SimContext, interactionId: string): Rec {
  ctx.assertLive();
  return ctx.records.get(interactionId) ?? fail(`Unknown interaction ${interactionId}`);
}

/** Withdraws an offer (held or offered); only an offer the agent saw is announced. */
export function rescind(ctx: SimContext, rec: Rec, reason: 'timeout' | 'customer-left', announce: boolean): void {
  rec.status = 'rescinded';
  rec.rescindReason = reason;
  ctx.timers.clearOwner(rec.id);
  if (announce) ctx.events.emit({ type: 'offer-rescinded', interactionId: rec.id, reason });
}

/** Moves an interaction to wrap-up; the customer's side stops acting in it, and a consult still running ends. */
export function toWrapup(ctx: SimContext, rec: Rec, reason: EndReason): void {
  rec.status = 'wrapup';
  rec.endReason = reason;
  rec.customerTyping = false;
  for (const kind of ['typing', 'reply', 'conference', 'transfer', 'consult', 'consult-reply']) ctx.timers.clearKey(`${rec.id}:${kind}`);
  const consult = rec.consult;
  if (consult?.state === 'requested' || consult?.state === 'started') {
    consult.state = 'cancelled';
    ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'cancelled', agent: consult.agent });
  }
  ctx.events.emit({ type: 'interaction-ended', interactionId: rec.id, reason });
}

/** Records what a webchat customer is shown (only webchat customers see agents come and go). */
export function tellCustomer(ctx: SimContext, rec: Rec, notice: SystemNoticeKind, name: string): void {
  if (rec.channel !== 'webchat' || !rec.customerPresent) return;
  rec.transcript.push({
    id: ctx.nextId('notice'),
    author: 'system',
    notice,
    authorName: name,
    text: '',
    format: 'plain',
    timestamp: ctx.now(),
    attachments: [],
  });
}

/** A copy of a record that later changes do not reach. */
export function snapshot(rec: Rec): SimulatedInteraction {
  return {
    id: rec.id,
    channel: rec.channel,
    role: rec.role,
    status: rec.status,
    queue: { id: rec.queue.id, name: rec.queue.name },
    customer: rec.customer,
    source: rec.source,
    customerPresent: rec.customerPresent,
    customerTyping: rec.customerTyping,
    ...(rec.offeredAt === undefined ? {} : { offeredAt: rec.offeredAt }),
    ...(rec.acceptedAt === undefined ? {} : { acceptedAt: rec.acceptedAt }),
    transcript: [...rec.transcript],
    sentMessages: rec.transcript.filter((m) => m.author === 'agent'),
    emails: [...rec.emails],
    ...(rec.conferenceAgent ? { conferenceAgent: rec.conferenceAgent } : {}),
    ...(rec.owner ? { owner: rec.owner } : {}),
    ...(rec.transfer ? { transfer: rec.transfer } : {}),
    ...(rec.endReason ? { endReason: rec.endReason } : {}),
    ...(rec.rescindReason ? { rescindReason: rec.rescindReason } : {}),
    wrapupReasonIds: rec.wrapupReasonIds,
    workflows: [...rec.workflows],
  };
}
