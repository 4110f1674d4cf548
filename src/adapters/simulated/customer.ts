/**
 * The customer's side of a chat: messages, typing, leaving, and the delivery and read
 * receipts of the agent's messages (messenger and sms).
 * @packageDocumentation
 */
import { isChatChannel, type Attachment, type ChatMessage, type DeliveryStatus, type MessageFormat } from '../../core/types.js';
import { toAttachments } from './attachments.js';
import { fail, type SimContext } from './context.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { OPEN, customerParticipantId, record, rescind } from './records.js';
import type { InboundAttachment } from './types.js';

/** A message from the customer of an interaction, not yet added anywhere. */
export function newCustomerMessage(
  ctx: SimContext,
  rec: Rec,
  text: string,
  format: MessageFormat,
  attachments: readonly Attachment[],
): ChatMessage {
  return { id: ctx.nextId('msg'), author: 'customer', authorName: rec.customer.name, text, format, timestamp: ctx.now(), attachments };
}

/** An interaction the customer can still act in (chat channels). */
function customerSide(ctx: SimContext, interactionId: string, what: string): Rec {
  const rec = record(ctx, interactionId);
  if (!isChatChannel(rec.channel)) fail(`${what}: interaction ${interactionId} is email; use inboundEmail`);
  if (!OPEN.has(rec.status)) fail(`${what}: interaction ${interactionId} has already ended`);
  if (!rec.customerPresent) fail(`${what}: the customer of ${interactionId} has left`);
  return rec;
}

/** Scripting: the customer writes; a message ends their typing indicator. */
export function customerMessage(
  ctx: SimContext,
  interactionId: string,
  text: string,
  options: { readonly attachments?: readonly InboundAttachment[]; readonly format?: MessageFormat },
): string {
  const rec = customerSide(ctx, interactionId, 'customerMessage');
  const message = newCustomerMessage(ctx, rec, text, options.format ?? 'plain', toAttachments(ctx, options.attachments));
  rec.transcript.push(message);
  if (rec.status !== 'held') {
    ctx.timers.clearKey(`${rec.id}:typing`);
    rec.customerTyping = false;
    ctx.events.emit({ type: 'message-received', interactionId: rec.id, message });
  }
  return message.id;
}

/** Scripting: the customer types; the indicator lasts `typingTimeoutMs` from the latest call. */
export function customerTyping(ctx: SimContext, interactionId: string): void {
  const rec = customerSide(ctx, interactionId, 'customerTyping');
  if (rec.status === 'held') return;
  if (!rec.customerTyping) {
    rec.customerTyping = true;
    ctx.events.emit({ type: 'customer-typing', interactionId: rec.id, typing: true });
  }
  ctx.timers.set(
    ctx.typingTimeoutMs,
    () => {
      if (!rec.customerTyping) return;
      rec.customerTyping = false;
      ctx.events.emit({ type: 'customer-typing', interactionId: rec.id, typing: false });
    },
    { owner: rec.id, key: `${rec.id}:typing` },
  );
}

/** Scripting: the customer leaves; an offer is withdrawn, an accepted conversation stays for wrap-up. */
export function customerLeaves(ctx: SimContext, interactionId: string): void {
  const rec = record(ctx, interactionId);
  if (!OPEN.has(rec.status)) fail(`Interaction ${interactionId} has already ended`);
  if (!rec.customerPresent) return;
  rec.customerPresent = false;
  rec.customerTyping = false;
  ctx.timers.clearKey(`${rec.id}:typing`);
  ctx.timers.clearKey(`${rec.id}:reply`);
  if (rec.status === 'held') {
    const index = ctx.held.indexOf(rec.id);
    if (index >= 0) ctx.held.splice(index, 1);
    rescind(ctx, rec, 'customer-left', false);
  } else if (rec.status === 'offered') {
    rescind(ctx, rec, 'customer-left', true);
  } else {
    ctx.events.emit({ type: 'participant-left', interactionId: rec.id, participantId: customerParticipantId(rec.id) });
  }
}

/** Receipts of an agent message (messenger, sms): `delivered` after the latency, `read` a while later if the customer is still there. */
export function scheduleReceipts(ctx: SimContext, rec: Rec, messageId: string, reached: 'sent' | 'delivered'): void {
  const read = (): void => {
    ctx.timers.set(ctx.readDelayMs, () => rec.customerPresent && receipt(ctx, rec, messageId, 'read'), { owner: rec.id });
  };
  if (reached === 'delivered') read();
  else
    ctx.timers.set(
      ctx.latencyMs,
      () => {
        receipt(ctx, rec, messageId, 'delivered');
        read();
      },
      { owner: rec.id },
    );
}

function receipt(ctx: SimContext, rec: Rec, messageId: string, status: DeliveryStatus): void {
  if (rec.status === 'completed') return;
  const index = rec.transcript.findIndex((m) => m.id === messageId);
  const message = rec.transcript[index];
  if (!message) return;
  rec.transcript[index] = { ...message, status };
  ctx.events.emit({ type: 'message-status', interactionId: rec.id, messageId, status });
}
