/**
 * Consult (warm transfer) on chat channels: a private thread between this agent and another
 * agent about the customer's conversation, never sent to the customer. Nothing here touches
 * the record's transcript or emits `message-received`: the thread lives in `rec.consult` and
 * in `consult-message` events only.
 *
 * A consult in progress survives a reload: the record keeps it, the replay log keeps its
 * events and messages, and an unanswered request is answered after the reload
 * ({@link scheduleConsultAnswer} from `restore.ts`). Only a reply the consulted agent had
 * not written yet is lost, as a customer's scheduled reply is.
 * @packageDocumentation
 */
import type { ConsultMessageRequest, ConsultRequest, SendMessageResult } from '../../core/adapter.js';
import { isChatChannel, type ChatMessage } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import type { ConsultRecord, InteractionRecord as Rec } from './persistence.js';
import { toWrapup } from './records.js';

/** What the consulted agent answers, in turn: short and deterministic, so tests and the demo can rely on them. */
const REPLIES: readonly string[] = [
  'Got it. I can take this one.',
  'Understood. Hand them over when you are ready.',
  'Thanks, I have read the conversation.',
];

/** Whether a consult is asked or in progress (not yet ended). */
export function consultRunning(consult: ConsultRecord | undefined): consult is ConsultRecord {
  return consult?.state === 'requested' || consult?.state === 'started';
}

/** The `startConsult` command: `requested` now, the consulted agent's answer after `agentResponseMs`. */
export async function startConsult(ctx: SimContext, request: ConsultRequest): Promise<void> {
  await ctx.latency('startConsult');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot consult: unknown interaction ${request.interactionId}`);
  if (!isChatChannel(rec.channel)) fail('Email interactions have no consult');
  if (rec.role !== 'owner') fail('Only the owner of the interaction can start a consult');
  if (consultRunning(rec.consult)) fail('A consult is already requested or in progress');
  if (rec.status === 'conference' || rec.status === 'conference-requested') fail('Cannot consult while a conference is requested or in progress');
  if (rec.status !== 'active') fail(`Cannot consult: interaction ${rec.id} is ${rec.status}`);
  if (rec.transfer?.state === 'pending') fail('Cannot consult while a transfer is in progress');
  if (!rec.customerPresent) fail('Cannot consult: the customer has left the conversation');
  if (request.agentId === ctx.agent.id) fail('Cannot consult yourself');
  const found = ctx.directory.get(request.agentId) ?? fail(`Cannot consult: unknown agent ${request.agentId}`);
  if (ctx.random.chance(ctx.failureRate)) fail('Consult not started: the network did not answer (simulated failure)');
  const agent = { id: found.id, name: found.name };
  rec.consult = { agent, state: 'requested', messages: [] };
  ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'requested', agent });
  scheduleConsultAnswer(ctx, rec);
}

/**
 * The consulted agent answers after `agentResponseMs`: joins (and greets) if available then;
 * otherwise declines, with reason `timeout` when offline or in RONA (nobody there to answer).
 */
export function scheduleConsultAnswer(ctx: SimContext, rec: Rec): void {
  ctx.timers.set(
    ctx.agentResponseMs,
    () => {
      const consult = rec.consult;
      if (consult?.state !== 'requested' || rec.status !== 'active') return;
      const { agent } = consult;
      const availability = ctx.directory.get(agent.id)?.availability;
      if (availability === 'available') {
        consult.state = 'started';
        ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'started', agent });
        peerWrites(ctx, rec, consult, `Hi, ${agent.name} here. What do you need on ${rec.customer.name}'s conversation?`);
        return;
      }
      consult.state = 'declined';
      const reason = availability === 'offline' || availability === 'rona' ? 'timeout' : 'declined';
      ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'declined', agent, reason });
    },
    { owner: rec.id, key: `${rec.id}:consult` },
  );
}

/** The consulted agent writes in the private thread. */
function peerWrites(ctx: SimContext, rec: Rec, consult: ConsultRecord, text: string): void {
  const message: ChatMessage = {
    id: ctx.nextId('consult'),
    author: 'peer',
    authorName: consult.agent.name,
    text,
    format: 'plain',
    timestamp: ctx.now(),
    attachments: [],
  };
  consult.messages.push(message);
  ctx.events.emit({ type: 'consult-message', interactionId: rec.id, message });
}

/** The consult in progress of a command's interaction. */
function startedConsult(ctx: SimContext, interactionId: string, command: string): { rec: Rec; consult: ConsultRecord } {
  const rec = ctx.records.get(interactionId) ?? fail(`${command}: unknown interaction ${interactionId}`);
  const consult = rec.consult;
  if (consult?.state !== 'started' || rec.status !== 'active') fail(`${command}: no consult is in progress on interaction ${rec.id}`);
  return { rec, consult };
}

/** The `sendConsultMessage` command: the message is kept in the thread (never the transcript); the consulted agent answers. */
export async function sendConsultMessage(ctx: SimContext, request: ConsultMessageRequest): Promise<SendMessageResult> {
  await ctx.latency('sendConsultMessage');
  const { rec, consult } = startedConsult(ctx, request.interactionId, 'Cannot send the consult message');
  const known = consult.messages.find((m) => m.id === request.clientMessageId);
  if (known) return { messageId: known.id, status: 'sent', timestamp: known.timestamp };
  if (ctx.random.chance(ctx.failureRate)) fail('Consult message not delivered: the network did not answer (simulated failure)');
  const message: ChatMessage = {
    id: request.clientMessageId,
    author: 'agent',
    authorName: ctx.agent.name,
    text: request.text,
    format: 'plain',
    timestamp: ctx.now(),
    attachments: [],
    status: 'sent',
  };
  consult.messages.push(message);
  // The store has it from the answer; a reload needs it in the replay log.
  ctx.events.keep({ type: 'consult-message', interactionId: rec.id, message, at: message.timestamp });
  const turn = consult.messages.filter((m) => m.author === 'agent').length - 1;
  ctx.timers.set(
    ctx.agentResponseMs,
    () => {
      if (rec.consult === consult && consult.state === 'started') peerWrites(ctx, rec, consult, REPLIES[turn % REPLIES.length] ?? '');
    },
    { owner: rec.id, key: `${rec.id}:consult-reply` },
  );
  return { messageId: message.id, status: 'sent', timestamp: message.timestamp };
}

/**
 * The `completeConsultTransfer` command: `consult` `completed`, `transfer` to the consulted
 * agent `completed`, and the interaction goes to wrap-up (`transferred`). An agent who is no
 * longer available by then makes the consult `failed`; this agent keeps the customer.
 */
export async function completeConsultTransfer(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('completeConsultTransfer');
  const { rec, consult } = startedConsult(ctx, interactionId, 'Cannot complete the transfer');
  if (!rec.customerPresent) fail('Cannot complete the transfer: the customer has left the conversation');
  if (ctx.random.chance(ctx.failureRate)) fail('Transfer not completed: the network did not answer (simulated failure)');
  const { agent } = consult;
  ctx.timers.clearKey(`${rec.id}:consult-reply`);
  if (ctx.directory.get(agent.id)?.availability !== 'available') {
    consult.state = 'failed';
    ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'failed', agent, error: `${agent.name} is no longer available` });
    return;
  }
  consult.state = 'completed';
  ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'completed', agent });
  const target = { kind: 'agent', agentId: agent.id } as const;
  rec.transfer = { target, state: 'completed' };
  ctx.events.emit({ type: 'transfer', interactionId: rec.id, target, state: 'completed' });
  toWrapup(ctx, rec, 'transferred');
}

/** The `cancelConsult` command: the thread ends, this agent keeps the customer. Never fails at random: the way out stays open. */
export async function cancelConsult(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('cancelConsult');
  const rec = ctx.records.get(interactionId) ?? fail(`Cannot cancel the consult: unknown interaction ${interactionId}`);
  const consult = rec.consult;
  if (!consultRunning(consult)) fail(`Cannot cancel the consult: interaction ${rec.id} has none in progress`);
  endConsult(ctx, rec, consult);
}

/** Ends a running consult as `cancelled` (the interaction's end does the same, in `toWrapup`). */
function endConsult(ctx: SimContext, rec: Rec, consult: ConsultRecord): void {
  ctx.timers.clearKey(`${rec.id}:consult`);
  ctx.timers.clearKey(`${rec.id}:consult-reply`);
  consult.state = 'cancelled';
  ctx.events.emit({ type: 'consult', interactionId: rec.id, state: 'cancelled', agent: consult.agent });
}
