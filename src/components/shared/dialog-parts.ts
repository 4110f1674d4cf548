import { html, type TemplateResult } from 'lit';
import { sameInteractionStatus, selectInteraction } from '../../core/store/selectors.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { AgentAvailability, DirectoryAgent, Interaction } from '../../core/types.js';
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

/** The directory, available agents first (otherwise in the adapter's order), for the transfer and conference dialogs. */
export async function listAgentsByAvailability(store: InteractionStore): Promise<readonly DirectoryAgent[]> {
  const agents = await store.listAgents();
  return [...agents].sort((a, b) => RANK[a.availability] - RANK[b.availability]);
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
