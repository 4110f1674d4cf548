import { html, type TemplateResult } from 'lit';
import { capabilitiesOf } from '../../core/channels.js';
import { sameInteractionStatus, selectInteraction } from '../../core/store/selectors.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { AgentAvailability, Channel, DirectoryAgent, Interaction, Queue, TransferTarget } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { StoreController, type StoreHost } from '../../controllers/store-controller.js';

/** A dialog that acts on one interaction of the store. */
export interface InteractionDialogHost extends StoreHost {
  interactionId: string | undefined;
}

/**
 * Follows the dialog's interaction (`interaction-id`) in the store; `undefined` once it is
 * gone. The dialogs read only its id, channel and status, so a new message does not
 * re-render them: an append costs the pane, not its closed dialogs.
 */
export function followDialogInteraction(host: InteractionDialogHost): StoreController<Interaction | undefined> {
  return new StoreController(host, (s) => selectInteraction(s, host.interactionId), {
    deps: () => [host.interactionId],
    equals: sameInteractionStatus,
  });
}

/** The body of a dialog whose interaction is not (or no longer) in the store. */
export function interactionGone(): TemplateResult {
  return html`<p class="message" role="status">${t('dialog.gone')}</p>`;
}

// Available agents first: they are the ones who can take a conversation now.
const RANK: Readonly<Record<AgentAvailability, number>> = { available: 0, idle: 1, busy: 2, rona: 3, offline: 4 };

/** Names of directory agents and queues seen in the dialogs, by id, for the panes' transfer notices. */
const knownNames = new Map<string, string>();

function remember(items: readonly { readonly id: string; readonly name: string }[]): void {
  for (const item of items) knownNames.set(item.id, item.name);
}

/** Whether a directory entry is a supervisor (entries without a role are agents). */
export function isSupervisor(agent: DirectoryAgent): boolean {
  return agent.role === 'supervisor';
}

/**
 * Whether conversations of `channel` can be transferred to a supervisor as well as to an
 * agent: WebChat only, as the source document gives it.
 */
export function canTransferToSupervisor(channel: Channel): boolean {
  return capabilitiesOf(channel).supervisorTransfer;
}

/**
 * The directory for the transfer and conference dialogs: agents, available first
 * (otherwise in the adapter's order), then — with `supervisors` — the supervisors, in the
 * same order. Without it supervisors are left out.
 */
export async function listAgentsByAvailability(store: InteractionStore, options: { readonly supervisors?: boolean } = {}): Promise<readonly DirectoryAgent[]> {
  const agents = await store.listAgents();
  remember(agents);
  const byAvailability = (a: DirectoryAgent, b: DirectoryAgent): number => RANK[a.availability] - RANK[b.availability];
  const plain = agents.filter((a) => !isSupervisor(a)).sort(byAvailability);
  return options.supervisors ? [...plain, ...agents.filter(isSupervisor).sort(byAvailability)] : plain;
}

/** The queues serving `channel`, for the transfer dialog. */
export async function listQueuesFor(store: InteractionStore, channel: Channel): Promise<readonly Queue[]> {
  const queues = await store.listQueues(channel);
  remember(queues);
  return queues;
}

/** The name of a transfer's target (an agent or a queue), looked up in the directory when not seen yet. */
export async function transferTargetName(store: InteractionStore, channel: Channel, target: TransferTarget): Promise<string | undefined> {
  const id = target.kind === 'agent' ? target.agentId : target.queueId;
  const known = knownNames.get(id);
  if (known !== undefined) return known;
  try {
    remember(target.kind === 'agent' ? await store.listAgents() : await store.listQueues(channel));
  } catch {
    return undefined;
  }
  return knownNames.get(id);
}

/**
 * An agent as a list option: a coloured availability dot (green = available) before the
 * name, and the availability in words, so colour is never the only cue (R-XFER-03, R-CONF-01).
 */
export function agentOption(agent: DirectoryAgent): TemplateResult {
  return html`<span class="dot ${agent.availability}" part="availability-icon" aria-hidden="true"></span>
    <span class="name">${agent.name}</span>
    <span class="availability">${t(`agent.${agent.availability}`)}</span>`;
}
