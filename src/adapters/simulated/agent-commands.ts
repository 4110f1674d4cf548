/**
 * The agent's commands on a conversation, each after the network latency: sending a chat
 * message, ending, wrapping up, setting the agent's state, running a workflow and
 * uploading a file. Offers, email, transfers and conferences have their own modules.
 * @packageDocumentation
 */
import type { SendMessageRequest, SendMessageResult, WorkflowResult, WrapupRequest } from '../../core/adapter.js';
import type { AgentAvailability, Attachment, ChatMessage } from '../../core/types.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';
import { scheduleReply } from './autoplay.js';
import { fail, type SimContext } from './context.js';
import { scheduleReceipts } from './customer.js';
import { SEED_WORKFLOWS, SEED_WRAPUP_REASONS } from './data.js';
import { AVAILABILITIES } from './directory.js';
import { presentHeld } from './offers.js';
import { WORKING, tellCustomer, toWrapup } from './records.js';

export async function sendMessage(ctx: SimContext, request: SendMessageRequest): Promise<SendMessageResult> {
  await ctx.latency('sendMessage');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot send: unknown interaction ${request.interactionId}`);
  if (rec.channel === 'email') fail('Cannot send a chat message in an email interaction: use sendEmail');
  if (!WORKING.has(rec.status)) fail(`Cannot send: interaction ${rec.id} is not active`);
  if (!rec.customerPresent) fail('Cannot send: the customer has left the conversation');
  if (rec.channel === 'sms' && request.attachments.length > 0) fail('SMS messages cannot carry attachments');
  const known = rec.transcript.find((m) => m.id === request.clientMessageId);
  if (known) return { messageId: known.id, status: 'sent', timestamp: known.timestamp };
  if (ctx.random.chance(ctx.failureRate)) fail('Message not delivered: the network did not answer (simulated failure)');
  const message: ChatMessage = {
    id: request.clientMessageId,
    author: 'agent',
    authorName: ctx.agent.name,
    text: request.text,
    format: request.format,
    timestamp: ctx.now(),
    attachments: request.attachments,
    status: 'sent',
  };
  rec.transcript.push(message);
  ctx.events.keep({ type: 'message-received', interactionId: rec.id, message, at: message.timestamp });
  if (rec.channel !== 'webchat') scheduleReceipts(ctx, rec, message.id, 'sent');
  if (ctx.autoplay) scheduleReply(ctx, rec);
  return { messageId: message.id, status: 'sent', timestamp: message.timestamp };
}

export async function endInteraction(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('endInteraction');
  const rec = ctx.records.get(interactionId) ?? fail(`Cannot end: unknown interaction ${interactionId}`);
  if (!WORKING.has(rec.status)) fail(`Cannot end interaction ${rec.id}: it is ${rec.status}`);
  if (rec.role !== 'owner') fail('An invited agent exits the conference instead of ending the interaction');
  if (rec.transfer?.state === 'pending') fail('Cannot end while a transfer is in progress');
  if (rec.conferenceAgent) ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent: rec.conferenceAgent });
  tellCustomer(ctx, rec, 'agent-left', ctx.agent.name);
  toWrapup(ctx, rec, 'agent-ended');
}

export async function submitWrapup(ctx: SimContext, request: WrapupRequest): Promise<void> {
  await ctx.latency('submitWrapup');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot wrap up: unknown interaction ${request.interactionId}`);
  if (rec.status !== 'wrapup') fail(`Cannot wrap up interaction ${rec.id}: it is ${rec.status}`);
  if (request.reasonIds.length === 0) fail('Choose at least one wrap-up reason');
  for (const reasonId of request.reasonIds) {
    if (!SEED_WRAPUP_REASONS.some((r) => r.id === reasonId && r.channels.includes(rec.channel))) {
      fail(`Unknown wrap-up reason ${reasonId} for ${rec.channel}`);
    }
  }
  rec.status = 'completed';
  rec.wrapupReasonIds = [...request.reasonIds];
  ctx.timers.clearOwner(rec.id);
  // The event carries what was submitted, so a store built after a reload files it under Recent as it was.
  const notes = request.notes?.trim() ?? '';
  const wrapup = { reasonIds: [...request.reasonIds], ...(notes === '' ? {} : { notes }), ...(request.automatic ? { automatic: true } : {}) };
  ctx.events.emit({ type: 'wrapup-completed', interactionId: rec.id, wrapup });
}

export async function setAgentState(ctx: SimContext, state: AgentAvailability): Promise<void> {
  await ctx.latency('setAgentState');
  if (!AVAILABILITIES.includes(state)) fail(`Unknown agent state ${String(state)}`);
  if (state === 'rona') fail('RONA is entered by the system when an offer is left unanswered, not set by the agent');
  ctx.availability = state;
  ctx.events.emit({ type: 'agent-state-changed', state });
  if (state === 'available') presentHeld(ctx);
}

export async function triggerWorkflow(
  ctx: SimContext,
  request: { readonly interactionId: string; readonly workflowId: string },
): Promise<WorkflowResult> {
  await ctx.latency('triggerWorkflow');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot run workflow: unknown interaction ${request.interactionId}`);
  if (rec.status === 'completed' || rec.status === 'rescinded') fail(`Cannot run workflow: interaction ${rec.id} is ${rec.status}`);
  const workflow =
    SEED_WORKFLOWS.find((w) => w.id === request.workflowId && w.channels.includes(rec.channel)) ??
    fail(`Unknown workflow ${request.workflowId} for ${rec.channel}`);
  rec.workflows.push(workflow.id);
  ctx.changed();
  return workflow.id.includes('fail')
    ? { ok: false, message: `${workflow.name} failed: the service reported an error` }
    : { ok: true, message: `${workflow.name} done for ${rec.customer.name}` };
}

export async function uploadAttachment(ctx: SimContext, interactionId: string, file: File): Promise<Attachment> {
  await ctx.latency('uploadAttachment');
  const rec = ctx.records.get(interactionId) ?? fail(`Cannot upload: unknown interaction ${interactionId}`);
  if (!WORKING.has(rec.status)) fail(`Cannot upload: interaction ${rec.id} is ${rec.status}`);
  if (rec.channel === 'sms') fail('SMS messages cannot carry attachments');
  if (file.size > MAX_ATTACHMENT_BYTES) fail(`${file.name} is larger than the 10 MB limit`);
  return {
    id: ctx.nextId('att'),
    name: file.name,
    size: file.size,
    mimeType: file.type || 'application/octet-stream',
    url: ctx.urls.make(file),
  };
}
