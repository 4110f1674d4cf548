/**
 * Re-arming a world read back from storage: what was pending when the page went away
 * still happens (offers time out when their RONA time is up; receipts, email delivery
 * reports, transfer outcomes, conference and consult answers arrive). Typing indicators,
 * scheduled customer replies and a consulted agent's unwritten reply are not re-armed; a
 * consult in progress goes on (its thread is in the replay log).
 * @packageDocumentation
 */
import type { SimContext } from './context.js';
import { scheduleReceipts } from './customer.js';
import { scheduleDeliveryReport } from './email.js';
import { scheduleConsultAnswer } from './consult.js';
import { armRona } from './offers.js';
import { scheduleInvitationAnswer, scheduleTransferOutcome } from './transfer-conference.js';

export function rearmRestoredTimers(ctx: SimContext): void {
  for (const rec of ctx.restoredRecords) {
    if (rec.status === 'offered') armRona(ctx, rec, ctx.ronaTimeoutMs - (ctx.now() - (rec.offeredAt ?? ctx.now())));
    if (rec.status === 'held' || rec.status === 'completed' || rec.status === 'rescinded') continue;
    for (const m of rec.transcript) {
      if (m.author === 'agent' && rec.channel !== 'webchat' && (m.status === 'sent' || m.status === 'delivered')) scheduleReceipts(ctx, rec, m.id, m.status);
    }
    for (const e of rec.emails) if (e.direction === 'outbound' && e.status === 'sent') scheduleDeliveryReport(ctx, rec, e.id);
    if (rec.status === 'active' && rec.transfer?.state === 'pending') scheduleTransferOutcome(ctx, rec, rec.transfer.target);
    if (rec.status === 'conference-requested' && rec.conferenceAgent) scheduleInvitationAnswer(ctx, rec, rec.conferenceAgent);
    if (rec.status === 'active' && rec.consult?.state === 'requested') scheduleConsultAnswer(ctx, rec);
  }
}
