/**
 * Handing a conversation to others: transfers to a queue or an agent and how they end
 * (R-XFER-05, R-XFER-06), and conferences with another agent from both sides, owner and
 * invitee (R-CONF-01 to R-CONF-04), including the other agent's messages and leaving.
 * @packageDocumentation
 */
import { capabilitiesOf } from '../../core/channels.js';
import type { TransferRequest } from '../../core/adapter.js';
import { isChatChannel, type ChatMessage, type TransferTarget } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import { SEED_QUEUES } from './data.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { record, tellCustomer, toWrapup } from './records.js';

type AgentRef = { readonly id: string; readonly name: string };

/** The `transfer` command: `pending` now, the outcome later. */
export async function transfer(ctx: SimContext, request: TransferRequest): Promise<void> {
  await ctx.latency('transfer');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot transfer: unknown interaction ${request.interactionId}`);
  if (rec.status !== 'active') fail(`Cannot transfer interaction ${rec.id}: it is ${rec.status}`);
  if (rec.transfer?.state === 'pending') fail('A transfer of this interaction is already in progress');
  const { target } = request;
  if (target.kind === 'queue') {
    const queue = SEED_QUEUES.find((q) => q.id === target.queueId) ?? fail(`Cannot transfer: unknown queue ${target.queueId}`);
    if (!queue.channels.includes(rec.channel)) fail(`Cannot transfer: queue ${queue.name} does not serve ${rec.channel}`);
  } else {
    if (rec.channel === 'email') fail('Email can be transferred to a queue only, not to an agent');
    if (target.agentId === ctx.agent.id) fail('Cannot transfer an interaction to yourself');
    const agent = ctx.directory.get(target.agentId) ?? fail(`Cannot transfer: unknown agent ${target.agentId}`);
    if (agent.role === 'supervisor' && !capabilitiesOf(rec.channel).supervisorTransfer) fail('Only WebChat can be transferred to a supervisor');
  }
  rec.transfer = { target, state: 'pending' };
  ctx.events.emit({ type: 'transfer', interactionId: rec.id, target, state: 'pending' });
  scheduleTransferOutcome(ctx, rec, target);
}

/** A queue takes a transfer after the latency; an agent after `agentResponseMs`, if available then. */
export function scheduleTransferOutcome(ctx: SimContext, rec: Rec, target: TransferTarget): void {
  const decide = (): void => {
    if (rec.status !== 'active') return;
    const state = target.kind === 'queue' || ctx.directory.get(target.agentId)?.availability === 'available' ? 'completed' : 'dropped';
    rec.transfer = { target, state };
    ctx.events.emit({ type: 'transfer', interactionId: rec.id, target, state });
    toWrapup(ctx, rec, 'transferred');
  };
  ctx.timers.set(target.kind === 'queue' ? ctx.latencyMs : ctx.agentResponseMs, decide, { owner: rec.id, key: `${rec.id}:transfer` });
}

/** The `inviteToConference` command: `requested` now, the invited agent's answer later. */
export async function inviteToConference(ctx: SimContext, request: { readonly interactionId: string; readonly agentId: string }): Promise<void> {
  await ctx.latency('inviteToConference');
  const rec = ctx.records.get(request.interactionId) ?? fail(`Cannot invite: unknown interaction ${request.interactionId}`);
  if (!isChatChannel(rec.channel)) fail('Email interactions have no conference');
  if (rec.role !== 'owner') fail('Only the owner of the interaction can invite to a conference');
  if (rec.status === 'conference' || rec.status === 'conference-requested') fail('A conference is already requested or in progress');
  if (rec.status !== 'active') fail(`Cannot invite: interaction ${rec.id} is ${rec.status}`);
  if (rec.transfer?.state === 'pending') fail('Cannot invite while a transfer is in progress');
  if (!rec.customerPresent) fail('Cannot invite: the customer has left the conversation');
  if (request.agentId === ctx.agent.id) fail('Cannot invite yourself to a conference');
  const invited = ctx.directory.get(request.agentId) ?? fail(`Cannot invite: unknown agent ${request.agentId}`);
  const agent = { id: invited.id, name: invited.name };
  rec.status = 'conference-requested';
  rec.conferenceAgent = agent;
  ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'requested', agent });
  scheduleInvitationAnswer(ctx, rec, agent);
}

/** The invited agent answers after `agentResponseMs`: joins if available then, else declines. */
export function scheduleInvitationAnswer(ctx: SimContext, rec: Rec, agent: AgentRef): void {
  ctx.timers.set(
    ctx.agentResponseMs,
    () => {
      if (rec.status !== 'conference-requested') return;
      if (ctx.directory.get(agent.id)?.availability === 'available') {
        rec.status = 'conference';
        tellCustomer(ctx, rec, 'agent-joined', agent.name);
        ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'started', agent });
      } else {
        rec.status = 'active';
        rec.conferenceAgent = undefined;
        // Offline or in RONA, the invitation goes unanswered; otherwise the agent says no.
        const away = ctx.directory.get(agent.id)?.availability;
        const reason = away === 'offline' || away === 'rona' ? 'timeout' : 'declined';
        ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'declined', agent, reason });
      }
    },
    { owner: rec.id, key: `${rec.id}:conference` },
  );
}

/** The `exitConference` command: an invited agent leaves. */
export async function exitConference(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('exitConference');
  const rec = ctx.records.get(interactionId) ?? fail(`Cannot exit: unknown interaction ${interactionId}`);
  if (rec.role !== 'invitee') fail('Only an invited agent can exit a conference; the owner ends it');
  if (rec.status !== 'conference') fail(`Cannot exit: interaction ${rec.id} is not in conference`);
  tellCustomer(ctx, rec, 'agent-left', ctx.agent.name);
  ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'exited', agent: { id: ctx.agent.id, name: ctx.agent.name } });
  toWrapup(ctx, rec, 'conference-exited');
}

/** The `endConference` command: the owner ends the conference or withdraws the invitation. */
export async function endConference(ctx: SimContext, interactionId: string): Promise<void> {
  await ctx.latency('endConference');
  const rec = ctx.records.get(interactionId) ?? fail(`Cannot end conference: unknown interaction ${interactionId}`);
  if (rec.role !== 'owner') fail('Only the owner can end the conference');
  const agent = rec.conferenceAgent;
  if (!agent || (rec.status !== 'conference' && rec.status !== 'conference-requested')) {
    fail(`Interaction ${rec.id} has no conference to end`);
  }
  ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent });
  toWrapup(ctx, rec, 'conference-ended');
}

/** Scripting: the other agent of a conference writes. */
export function peerMessage(ctx: SimContext, interactionId: string, text: string): string {
  const rec = record(ctx, interactionId);
  const peer = rec.status === 'conference' ? rec.conferenceAgent : undefined;
  if (!peer) fail(`Interaction ${interactionId} is not in conference`);
  const message: ChatMessage = {
    id: ctx.nextId('msg'),
    author: 'peer',
    authorName: peer.name,
    text,
    format: 'plain',
    timestamp: ctx.now(),
    attachments: [],
  };
  rec.transcript.push(message);
  ctx.events.emit({ type: 'message-received', interactionId: rec.id, message });
  return message.id;
}

/** Scripting: the other agent leaves (invitee exits or declines; owner ends the conference). */
export function peerLeaves(ctx: SimContext, interactionId: string): void {
  const rec = record(ctx, interactionId);
  const peer = rec.conferenceAgent;
  if (!peer || (rec.status !== 'conference' && rec.status !== 'conference-requested')) {
    fail(`Interaction ${interactionId} has no conference`);
  }
  if (rec.role === 'invitee') {
    ctx.events.emit({ type: 'conference', interactionId: rec.id, state: 'ended', agent: peer });
    toWrapup(ctx, rec, 'conference-ended');
    return;
  }
  ctx.timers.clearKey(`${rec.id}:conference`);
  const state = rec.status === 'conference' ? 'exited' : 'declined';
  rec.status = 'active';
  rec.conferenceAgent = undefined;
  if (state === 'exited') tellCustomer(ctx, rec, 'agent-left', peer.name);
  ctx.events.emit({ type: 'conference', interactionId: rec.id, state, agent: peer });
}
