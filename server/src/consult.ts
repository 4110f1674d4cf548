/**
 * Consult (warm transfer) in the reference backend: this agent asks another into a private
 * thread about a chat conversation, the other agent answers when available, and then the
 * customer is handed over (**Complete transfer**) or kept (**Cancel consult**). Every step is
 * a logged event, so a restart, a reconnection or a replay shows the consult where it is.
 * @packageDocumentation
 */
import { randomUUID } from 'node:crypto';
import type { CommandArgs } from '../../src/adapters/websocket/protocol.js';
import { CHAT_MESSAGE_MAX_LENGTH } from '../../src/core/channels.js';
import { isChatChannel, type AgentProfile, type ChatMessage, type DirectoryAgent } from '../../src/core/types.js';
import type { EventInput } from './log.js';
import { CONSULTING, type ServerInteraction } from './model.js';

/** What the consult rules read from the backend. */
export interface ConsultContext {
  readonly agent: AgentProfile;
  readonly directory: ReadonlyMap<string, DirectoryAgent>;
  readonly now: () => number;
  /** Refuses the command with a message for the agent. */
  readonly fail: (message: string) => never;
}

/** What a consult command does: the events to log and the command's value. */
export interface ConsultOutcome {
  readonly events: EventInput[];
  readonly value?: unknown;
}

/** What the consulted agent answers, in turn: the simulator's words, so both backends read alike. */
const REPLIES: readonly [string, ...string[]] = [
  'Got it. I can take this one.',
  'Understood. Hand them over when you are ready.',
  'Thanks, I have read the conversation.',
];

/** The message that refuses a command while a consult is open. */
export const CONSULT_OPEN = 'Finish the consult first: complete the transfer or cancel the consult';

/** `startConsult`: asks a directory agent into a private thread about an active chat conversation. */
export function startConsult(ctx: ConsultContext, rec: ServerInteraction, args: CommandArgs<'startConsult'>): ConsultOutcome {
  if (!isChatChannel(rec.channel)) ctx.fail('Email interactions have no consult');
  if (rec.consult && CONSULTING.has(rec.consult.state)) ctx.fail('A consult is already requested or in progress');
  if (rec.status === 'conference' || rec.status === 'conference-requested') ctx.fail('Cannot consult while a conference is requested or in progress');
  if (rec.status !== 'active') ctx.fail(`Cannot consult: interaction ${rec.id} is ${rec.status}`);
  if (rec.transfer?.state === 'pending') ctx.fail('Cannot consult while a transfer is in progress');
  if (!rec.customerPresent) ctx.fail('Cannot consult: the customer has left the conversation');
  if (args.agentId === ctx.agent.id) ctx.fail('Cannot consult yourself');
  const other = ctx.directory.get(args.agentId) ?? ctx.fail(`Cannot consult: unknown agent ${args.agentId}`);
  return { events: [{ type: 'consult', interactionId: rec.id, state: 'requested', agent: { id: other.id, name: other.name } }] };
}

/** `sendConsultMessage`: this agent writes in the private thread. The same message again is answered, never repeated. */
export function sendConsultMessage(ctx: ConsultContext, rec: ServerInteraction, args: CommandArgs<'sendConsultMessage'>): ConsultOutcome {
  const known = rec.consult?.messages.find((m) => m.id === args.clientMessageId && m.author === 'agent');
  if (known) return { events: [], value: { messageId: known.id, status: 'sent', timestamp: known.timestamp } };
  if (rec.consult?.state !== 'started') ctx.fail('Cannot send: no consult is in progress');
  if (args.text.trim() === '') ctx.fail('Cannot send an empty consult message');
  if (args.text.length > CHAT_MESSAGE_MAX_LENGTH) ctx.fail(`A consult message may have at most ${CHAT_MESSAGE_MAX_LENGTH} characters`);
  const message: ChatMessage = {
    id: args.clientMessageId,
    author: 'agent',
    authorName: ctx.agent.name,
    text: args.text,
    format: 'plain',
    timestamp: ctx.now(),
    attachments: [],
    status: 'sent',
  };
  return { events: [{ type: 'consult-message', interactionId: rec.id, message }], value: { messageId: message.id, status: 'sent', timestamp: message.timestamp } };
}

/**
 * `completeConsultTransfer`: the consulted agent takes the customer; this agent moves to
 * wrap-up. An agent who is no longer available by then makes the consult `failed`, and this
 * agent keeps the customer.
 */
export function completeConsultTransfer(ctx: ConsultContext, rec: ServerInteraction): ConsultOutcome {
  const consult = rec.consult;
  if (!consult || consult.state !== 'started') ctx.fail('Cannot complete the transfer: no consult is in progress');
  if (rec.status !== 'active') ctx.fail(`Cannot complete the transfer: interaction ${rec.id} is ${rec.status}`);
  if (!rec.customerPresent) ctx.fail('Cannot complete the transfer: the customer has left the conversation');
  if (ctx.directory.get(consult.agent.id)?.availability !== 'available') {
    return { events: [{ type: 'consult', interactionId: rec.id, state: 'failed', agent: consult.agent, error: `${consult.agent.name} is no longer available` }] };
  }
  return {
    events: [
      { type: 'consult', interactionId: rec.id, state: 'completed', agent: consult.agent },
      { type: 'transfer', interactionId: rec.id, target: { kind: 'agent', agentId: consult.agent.id }, state: 'completed' },
      { type: 'interaction-ended', interactionId: rec.id, reason: 'transferred' },
    ],
  };
}

/** `cancelConsult`: the private thread ends; this agent keeps the customer. */
export function cancelConsult(ctx: ConsultContext, rec: ServerInteraction): ConsultOutcome {
  const consult = rec.consult;
  if (!consult || !CONSULTING.has(consult.state)) ctx.fail('Cannot cancel: no consult is requested or in progress');
  return { events: [{ type: 'consult', interactionId: rec.id, state: 'cancelled', agent: consult.agent }] };
}

/** The events that close an open consult when its conversation ends some other way. */
export function closeConsult(rec: ServerInteraction): EventInput[] {
  const consult = rec.consult;
  return consult && CONSULTING.has(consult.state) ? [{ type: 'consult', interactionId: rec.id, state: 'cancelled', agent: consult.agent }] : [];
}

/**
 * What is due in a consult, from its state alone (so a restart re-arms it): a requested
 * consult is answered (joined, with a greeting, when the agent is available; unanswered,
 * `timeout`, when offline or in RONA; declined otherwise), and a thread whose last word is this agent's gets
 * the other agent's reply. `decide` runs when the follow-up fires and looks again.
 */
export function consultFollowUp(
  ctx: ConsultContext,
  rec: ServerInteraction,
): { readonly key: string; readonly decide: () => EventInput[] } | undefined {
  const consult = rec.consult;
  if (!consult || rec.status !== 'active') return undefined;
  const { agent } = consult;
  if (consult.state === 'requested') {
    return {
      key: `consult:${rec.id}:${agent.id}`,
      decide: () => {
        if (rec.consult !== consult || consult.state !== 'requested' || rec.status !== 'active') return [];
        const availability = ctx.directory.get(agent.id)?.availability;
        if (availability === 'available') {
          return [
            { type: 'consult', interactionId: rec.id, state: 'started', agent },
            {
              type: 'consult-message',
              interactionId: rec.id,
              message: peerMessage(agent, `Hi, ${agent.name} here. What do you need on ${rec.customer.name}'s conversation?`, ctx.now()),
            },
          ];
        }
        return [{ type: 'consult', interactionId: rec.id, state: 'declined', agent, reason: availability === 'offline' || availability === 'rona' ? 'timeout' : 'declined' }];
      },
    };
  }
  const last = consult.messages[consult.messages.length - 1];
  if (consult.state !== 'started' || last?.author !== 'agent') return undefined;
  return {
    key: `consult-reply:${last.id}`,
    decide: () => {
      if (rec.consult !== consult || consult.state !== 'started' || consult.messages[consult.messages.length - 1] !== last) return [];
      const turn = consult.messages.filter((m) => m.author === 'agent').length - 1;
      const text = REPLIES[turn % REPLIES.length] ?? REPLIES[0];
      return [{ type: 'consult-message', interactionId: rec.id, message: peerMessage(agent, text, ctx.now()) }];
    },
  };
}

function peerMessage(agent: { readonly id: string; readonly name: string }, text: string, at: number): ChatMessage {
  return { id: `consult-${randomUUID().replace(/-/g, '').slice(0, 16)}`, author: 'peer', authorName: agent.name, text, format: 'plain', timestamp: at, attachments: [] };
}
