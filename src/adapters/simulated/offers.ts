/**
 * Offers: routing a new interaction to the agent, holding offers while the agent is not
 * Available (Idle, in RONA, R-OFFER-04) and presenting them, in order, once the agent
 * is Available again, the RONA
 * timer of an unanswered offer, and accepting an offer.
 * @packageDocumentation
 */
import { CHANNELS, type Customer } from '../../core/types.js';
import { toAttachments } from './attachments.js';
import { fail, type SimContext } from './context.js';
import { newCustomerMessage } from './customer.js';
import { EMAIL_SUBJECTS } from './data.js';
import { defaultSource, mailbox, person, resolveOwner, resolveQueue } from './directory.js';
import { newInboundEmail } from './email.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { customerParticipantId, rescind, tellCustomer } from './records.js';
import type { SimulatedOfferOptions } from './types.js';

/** Scripting: routes a new interaction to the agent (held while the agent is not Available) and returns its id. */
export function offer(ctx: SimContext, options: SimulatedOfferOptions): string {
  ctx.assertLive();
  const { channel } = options;
  if (!CHANNELS.includes(channel)) fail(`Unknown channel ${String(channel)}`);
  const queue = resolveQueue(channel, options.queue);
  const role = options.role ?? 'owner';
  const owner = role === 'invitee' ? resolveOwner(ctx, options.owner) : undefined;
  const who = person(ctx, options.customerName);
  const id = ctx.nextId('sim');
  const source = { ...defaultSource(channel, queue, who), ...options.source };
  const customer: Customer =
    channel === 'messenger'
      ? { name: who.name }
      : channel === 'sms'
        ? { name: who.name, phone: source.phoneNumber ?? who.phone }
        : { name: who.name, email: source.email ?? who.email };
  const rec: Rec = {
    id,
    channel,
    role,
    queue,
    customer,
    source,
    owner,
    status: 'held',
    customerPresent: true,
    customerTyping: false,
    offeredAt: undefined,
    acceptedAt: undefined,
    transcript: [],
    emails: [],
    conferenceAgent: undefined,
    transfer: undefined,
    endReason: undefined,
    rescindReason: undefined,
    wrapupReasonIds: [],
    workflows: [],
  };
  const attachments = toAttachments(ctx, options.attachments);
  if (channel === 'email') {
    const subject = options.email?.subject ?? ctx.random.pick(EMAIL_SUBJECTS);
    const html = options.email?.html;
    const text = options.email?.text ?? options.text ?? (html === undefined ? `Hello,\n\n${subject}.\n\nRegards,\n${who.name}` : undefined);
    rec.emails.push(
      newInboundEmail(ctx, { from: customer.email ?? who.email, to: [mailbox(queue)], cc: options.email?.cc ?? [], subject, html, text }, attachments),
    );
  } else if (options.text !== undefined || attachments.length > 0) {
    rec.transcript.push(newCustomerMessage(ctx, rec, options.text ?? '', options.format ?? 'plain', attachments));
  }
  ctx.records.set(id, rec);
  // Only an Available agent is offered work; the offer waits meanwhile.
  if (ctx.availability !== 'available') ctx.held.push(id);
  else present(ctx, rec);
  return id;
}

/** Emits the offer of a held interaction and starts its RONA timer. */
function present(ctx: SimContext, rec: Rec): void {
  rec.status = 'offered';
  rec.offeredAt = ctx.now();
  ctx.events.emit({
    type: 'offer',
    interactionId: rec.id,
    channel: rec.channel,
    queue: { id: rec.queue.id, name: rec.queue.name },
    customer: rec.customer,
    source: rec.source,
    role: rec.role,
    ...(rec.transcript.length > 0 ? { messages: [...rec.transcript] } : {}),
    ...(rec.emails.length > 0 ? { emails: [...rec.emails] } : {}),
  });
  armRona(ctx, rec, ctx.ronaTimeoutMs);
}

/** Presents the offers held while the agent was not Available, in order; the agent has just set `available`. */
export function presentHeld(ctx: SimContext): void {
  for (const id of ctx.held.splice(0)) {
    const rec = ctx.records.get(id);
    if (rec?.status === 'held') present(ctx, rec);
  }
}

/** Rescinds the offer after `ms` unless it is answered first. */
export function armRona(ctx: SimContext, rec: Rec, ms: number): void {
  if (Number.isFinite(ms)) ctx.timers.set(ms, () => ronaTimeout(ctx, rec), { owner: rec.id, key: `${rec.id}:rona` });
}

/** The offer goes elsewhere and the agent goes to `rona`. */
function ronaTimeout(ctx: SimContext, rec: Rec): void {
  if (rec.status !== 'offered') return;
  rescind(ctx, rec, 'timeout', true);
  if (ctx.availability !== 'rona') {
    ctx.availability = 'rona';
    ctx.events.emit({ type: 'agent-state-changed', state: 'rona' });
  }
}

/** The `acceptOffer` command. */
export async function acceptOffer(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('acceptOffer');
  const rec = ctx.records.get(interactionId);
  if (!rec) fail(`Cannot accept: unknown interaction ${interactionId}`);
  if (rec.status !== 'offered') fail(`Cannot accept interaction ${interactionId}: it is not offered (${rec.status})`);
  ctx.timers.clearKey(`${rec.id}:rona`);
  rec.status = 'active';
  rec.acceptedAt = ctx.now();
  ctx.events.emit({ type: 'interaction-accepted', interactionId: rec.id });
  if (rec.customerPresent) {
    ctx.events.emit({
      type: 'participant-joined',
      interactionId: rec.id,
      participant: { id: customerParticipantId(rec.id), name: rec.customer.name, kind: 'customer' },
    });
  }
  tellCustomer(ctx, rec, 'agent-joined', ctx.agent.name);
  if (rec.role === 'invitee' && rec.owner) {
    rec.status = 'conference';
    rec.conferenceAgent = rec.owner;
    ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'started', agent: rec.owner });
  }
}
