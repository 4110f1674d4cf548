/**
 * Email interactions: inbound emails, the agent's replies (checked recipients, replying
 * to the latest email only), their delivery reports, and the customer's occasional answer
 * when random traffic runs.
 * @packageDocumentation
 */
import type { SendEmailRequest, SendEmailResult } from '../../core/adapter.js';
import type { Attachment, EmailMessage } from '../../core/types.js';
import { toAttachments } from './attachments.js';
import { fail, type SimContext } from './context.js';
import { REPLY_LINES } from './data.js';
import { mailbox } from './directory.js';
import { addressProblem, queueMailboxes } from './email-checks.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { OPEN, record } from './records.js';
import type { SimulatedInboundEmail } from './types.js';

/** An inbound email, not yet added anywhere. */
export function newInboundEmail(ctx: SimContext, email: SimulatedInboundEmail, attachments: readonly Attachment[]): EmailMessage {
  return {
    id: ctx.nextId('email'),
    direction: 'inbound',
    from: email.from,
    to: email.to,
    cc: email.cc ?? [],
    subject: email.subject,
    ...(email.html === undefined ? {} : { html: email.html }),
    ...(email.text === undefined ? {} : { text: email.text }),
    timestamp: ctx.now(),
    status: 'received',
    attachments,
  };
}

/** Scripting: an email arrives in an email interaction; a held offer gains it silently. */
export function inboundEmail(ctx: SimContext, interactionId: string, email: SimulatedInboundEmail): string {
  const rec = record(ctx, interactionId);
  if (rec.channel !== 'email') fail(`Interaction ${interactionId} is ${rec.channel}, not email`);
  if (!OPEN.has(rec.status)) fail(`Interaction ${interactionId} has already ended`);
  const message = newInboundEmail(ctx, email, toAttachments(ctx, email.attachments));
  rec.emails.push(message);
  if (rec.status !== 'held') ctx.events.emit({ type: 'email-received', interactionId: rec.id, email: message });
  return message.id;
}

/** The `sendEmail` command. */
export async function sendEmail(ctx: SimContext, request: SendEmailRequest): Promise<SendEmailResult> {
  await ctx.latency('sendEmail');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot send: unknown interaction ${request.interactionId}`);
  if (rec.channel !== 'email') fail(`Cannot send an email in a ${rec.channel} interaction: use sendMessage`);
  if (rec.status !== 'active') fail(`Cannot send: interaction ${rec.id} is not active`);
  const known = rec.emails.find((e) => e.id === request.clientEmailId);
  if (known) return { emailId: known.id, timestamp: known.timestamp };
  const problem = addressProblem(request, queueMailboxes(rec.queue.id));
  if (problem !== undefined) fail(problem);
  const answered = rec.emails.findIndex((e) => e.id === request.inReplyTo);
  if (answered < 0) fail(`Cannot send: email ${request.inReplyTo} is not in this thread`);
  if (rec.emails.slice(answered + 1).some((e) => e.direction === 'inbound')) {
    fail('Cannot send: you are not replying to the latest email');
  }
  const email: EmailMessage = {
    id: request.clientEmailId,
    direction: 'outbound',
    from: request.from ?? mailbox(rec.queue),
    to: request.to,
    cc: request.cc,
    ...(request.bcc?.length ? { bcc: request.bcc } : {}),
    subject: request.subject,
    html: request.html,
    text: request.text,
    timestamp: ctx.now(),
    status: 'sent',
    attachments: request.attachments,
  };
  rec.emails.push(email);
  ctx.events.keep({ type: 'email-received', interactionId: rec.id, email, at: email.timestamp });
  scheduleDeliveryReport(ctx, rec, email.id);
  if (ctx.autoplay) scheduleEmailReply(ctx, rec, request.subject);
  return { emailId: email.id, timestamp: email.timestamp };
}

/** The delivery report of a sent email, after the latency. */
export function scheduleDeliveryReport(ctx: SimContext, rec: Rec, emailId: string): void {
  ctx.timers.set(
    ctx.latencyMs,
    () => {
      const index = rec.emails.findIndex((e) => e.id === emailId);
      const email = rec.emails[index];
      if (!email || rec.status === 'completed') return;
      rec.emails[index] = { ...email, status: 'delivery-report' };
      ctx.events.emit({ type: 'email-status', interactionId: rec.id, emailId, status: 'delivery-report' });
    },
    { owner: rec.id },
  );
}

/** Random traffic: an email customer sometimes answers the agent's email. */
function scheduleEmailReply(ctx: SimContext, rec: Rec, subject: string): void {
  if (!ctx.random.chance(0.35)) return;
  const from = rec.customer.email ?? 'customer@example.com';
  ctx.timers.set(
    ctx.pace(0.4, 0.75),
    () => {
      if (!ctx.autoplay || rec.status !== 'active') return;
      const reply = /^re:/i.test(subject) ? subject : `Re: ${subject}`;
      inboundEmail(ctx, rec.id, { from, to: [mailbox(rec.queue)], subject: reply, text: ctx.random.pick(REPLY_LINES) });
    },
    { owner: rec.id, key: `${rec.id}:reply` },
  );
}
