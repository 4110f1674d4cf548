/**
 * Who is who in the simulated contact center: queues and their mailboxes, the directory
 * of other agents and their availability, the customers of new offers and where they
 * write from, and the directory look-ups of the adapter (queues, agents, wrap-up
 * reasons, templates, workflows).
 * @packageDocumentation
 */
import type {
  AgentAvailability,
  Channel,
  DirectoryAgent,
  InteractionSource,
  MessageTemplate,
  Queue,
  Workflow,
  WrapupReason,
} from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import {
  SEED_CUSTOMERS,
  SEED_QUEUES,
  SEED_TEMPLATES,
  SEED_WORKFLOWS,
  SEED_WRAPUP_REASONS,
  type SimulatedCustomer,
  type SimulatedQueue,
} from './data.js';

export const AVAILABILITIES: readonly AgentAvailability[] = ['available', 'idle', 'rona', 'busy', 'offline'];

/** A queue by id or name (case-insensitive), or the channel's first queue. */
export function resolveQueue(channel: Channel, queue: string | undefined): SimulatedQueue {
  if (queue === undefined) {
    return SEED_QUEUES.find((q) => q.channels.includes(channel)) ?? fail(`No queue serves ${channel}`);
  }
  const wanted = queue.toLowerCase();
  const found = SEED_QUEUES.find((q) => q.id === queue || q.name.toLowerCase() === wanted) ?? fail(`Unknown queue ${queue}`);
  if (!found.channels.includes(channel)) fail(`Queue ${found.name} does not serve ${channel}`);
  return found;
}

/** The owner of an `invitee` offer: a directory agent, by default the first. */
export function resolveOwner(ctx: SimContext, ownerId: string | undefined): { readonly id: string; readonly name: string } {
  const owner =
    ownerId === undefined
      ? ([...ctx.directory.values()][0] ?? fail('The directory is empty'))
      : (ctx.directory.get(ownerId) ?? fail(`Unknown directory agent ${ownerId}`));
  return { id: owner.id, name: owner.name };
}

function emailFromName(name: string, n: number): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${local || `customer${n}`}@example.com`;
}

/** The customer of a new offer: a seed customer by name, a random one, or a new one with generated contacts. */
export function person(ctx: SimContext, name: string | undefined): SimulatedCustomer {
  if (name === undefined) return ctx.random.pick(SEED_CUSTOMERS);
  const known = SEED_CUSTOMERS.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (known) return known;
  return { name, email: emailFromName(name, ctx.counter + 1), phone: `+1 555 01${ctx.random.int(10, 99)}` };
}

/** Where the customer writes from, shown on the contact request. */
export function defaultSource(channel: Channel, queue: SimulatedQueue, customer: SimulatedCustomer): InteractionSource {
  switch (channel) {
    case 'messenger':
      return { page: queue.page ?? 'Acme' };
    case 'sms':
      return {
        phoneNumber: customer.phone,
        sourceNumber: queue.sourceNumber ?? '+1 555 0100',
        sourceNumberKind: queue.sourceNumberKind ?? 'long-code',
      };
    case 'webchat':
    case 'email':
      return { email: customer.email };
  }
}

/** The address a queue's emails come from. */
export function mailbox(queue: SimulatedQueue): string {
  return queue.mailbox ?? 'support@acme.example';
}

/** Scripting: a directory agent's availability changes. */
export function setAgentAvailability(ctx: SimContext, agentId: string, availability: AgentAvailability): void {
  ctx.assertLive();
  const agent = ctx.directory.get(agentId) ?? fail(`Unknown directory agent ${agentId}`);
  if (!AVAILABILITIES.includes(availability)) fail(`Unknown availability ${String(availability)}`);
  ctx.directory.set(agentId, { ...agent, availability });
  ctx.changed();
}

export async function listQueues(ctx: SimContext, channel: Channel): Promise<readonly Queue[]> {
  await ctx.latency('listQueues');
  return SEED_QUEUES.filter((q) => q.channels.includes(channel)).map(({ id, name, channels, mailboxes }) => ({ id, name, channels, ...(mailboxes ? { mailboxes } : {}) }));
}

export async function listAgents(ctx: SimContext): Promise<readonly DirectoryAgent[]> {
  await ctx.latency('listAgents');
  return [...ctx.directory.values()];
}

export async function listWrapupReasons(ctx: SimContext, channel: Channel): Promise<readonly WrapupReason[]> {
  await ctx.latency('listWrapupReasons');
  return SEED_WRAPUP_REASONS.filter((r) => r.channels.includes(channel)).map(({ id, name }) => ({ id, name }));
}

export async function listTemplates(ctx: SimContext, channel: Channel): Promise<readonly MessageTemplate[]> {
  await ctx.latency('listTemplates');
  return SEED_TEMPLATES.filter((t) => t.channels.includes(channel));
}

export async function listWorkflows(ctx: SimContext, channel: Channel): Promise<readonly Workflow[]> {
  await ctx.latency('listWorkflows');
  return SEED_WORKFLOWS.filter((w) => w.channels.includes(channel)).map(({ id, name }) => ({ id, name }));
}
