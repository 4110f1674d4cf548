/**
 * The reference backend's state, derived from its event log only: `apply(event)` folds
 * one logged event, so replaying the log after a restart rebuilds exactly the state the
 * server had when it stopped. Command rules read this state (see `backend.ts`).
 * @packageDocumentation
 */
import type { ContactCenterEvent } from '../../src/core/events.js';
import type {
  AgentAvailability,
  Channel,
  ChatMessage,
  ConsultState,
  Customer,
  EmailMessage,
  EndReason,
  InteractionRole,
  InteractionSource,
  TransferOutcome,
} from '../../src/core/types.js';

/** Where the backend has an interaction. `completed` and `rescinded` are final. */
export type ServerInteractionStatus = 'offered' | 'active' | 'conference-requested' | 'conference' | 'wrapup' | 'completed' | 'rescinded';

/** The backend's record of one interaction. */
export interface ServerInteraction {
  readonly id: string;
  readonly channel: Channel;
  readonly role: InteractionRole;
  readonly queue: { readonly id: string; readonly name: string };
  readonly customer: Customer;
  readonly source: InteractionSource;
  status: ServerInteractionStatus;
  customerPresent: boolean;
  /** Every chat message, in log order: customer, agent (with delivery status), peer. */
  readonly messages: ChatMessage[];
  readonly emails: EmailMessage[];
  conferenceAgent: { readonly id: string; readonly name: string } | undefined;
  transfer: TransferOutcome | undefined;
  endReason: EndReason | undefined;
  /** The latest consult with another agent, with its private thread. */
  consult: ServerConsult | undefined;
  /** What wrap-up was submitted with (reasons, notes), once completed. */
  wrapup: { readonly reasonIds: readonly string[]; readonly notes?: string; readonly automatic?: boolean } | undefined;
  /** Epoch ms of the offer, and of the end (`interaction-ended`). */
  readonly startedAt: number;
  endedAt: number | undefined;
}

/** A consult as the backend keeps it: the other agent, where it stands, and the private thread. */
export interface ServerConsult {
  readonly agent: { readonly id: string; readonly name: string };
  state: ConsultState;
  readonly messages: ChatMessage[];
}

/** Consult states in which the private thread is open or about to be. */
export const CONSULTING: ReadonlySet<ConsultState> = new Set<ConsultState>(['requested', 'started']);

/** Statuses in which the agent works on an interaction. */
export const WORKING: ReadonlySet<ServerInteractionStatus> = new Set<ServerInteractionStatus>(['active', 'conference-requested', 'conference']);

/** The participant id the backend gives the customer of an interaction. */
export function customerParticipantId(interactionId: string): string {
  return `customer-${interactionId}`;
}

/** State folded from the event log. */
export class Model {
  /** The agent's availability. */
  availability: AgentAvailability = 'available';
  /** Every interaction ever offered, by id. */
  readonly interactions = new Map<string, ServerInteraction>();

  /** Folds one logged event. Events about unknown interactions are ignored. */
  apply(event: ContactCenterEvent): void {
    if (event.type === 'agent-state-changed') {
      this.availability = event.state;
      return;
    }
    // Capabilities are configuration, announced in the welcome: nothing to fold.
    if (event.type === 'capabilities') return;
    if (event.type === 'offer') {
      if (this.interactions.has(event.interactionId)) return;
      this.interactions.set(event.interactionId, {
        id: event.interactionId,
        channel: event.channel,
        role: event.role ?? 'owner',
        queue: event.queue,
        customer: event.customer,
        source: event.source,
        status: 'offered',
        customerPresent: true,
        messages: [...(event.messages ?? [])],
        emails: [...(event.emails ?? [])],
        conferenceAgent: undefined,
        transfer: undefined,
        endReason: undefined,
        consult: undefined,
        wrapup: undefined,
        startedAt: event.at,
        endedAt: undefined,
      });
      return;
    }
    const rec = this.interactions.get(event.interactionId);
    if (!rec) return;
    switch (event.type) {
      case 'offer-rescinded':
        rec.status = 'rescinded';
        return;
      case 'interaction-accepted':
        if (rec.status === 'offered') rec.status = 'active';
        return;
      case 'message-received':
        if (!rec.messages.some((m) => m.id === event.message.id)) rec.messages.push(event.message);
        return;
      case 'message-status': {
        const index = rec.messages.findIndex((m) => m.id === event.messageId);
        const message = rec.messages[index];
        if (message) rec.messages[index] = { ...message, status: event.status };
        return;
      }
      case 'customer-typing':
        return;
      case 'participant-joined':
        if (event.participant.id === customerParticipantId(rec.id)) rec.customerPresent = true;
        return;
      case 'participant-left':
        if (event.participantId === customerParticipantId(rec.id)) rec.customerPresent = false;
        return;
      case 'conference':
        switch (event.state) {
          case 'requested':
            rec.status = 'conference-requested';
            rec.conferenceAgent = event.agent;
            return;
          case 'started':
            rec.status = 'conference';
            rec.conferenceAgent = event.agent;
            return;
          case 'declined':
          case 'exited':
            if (rec.role === 'owner') {
              rec.status = 'active';
              rec.conferenceAgent = undefined;
            }
            return;
          case 'ended':
            return;
        }
        return;
      case 'transfer':
        rec.transfer = { target: event.target, state: event.state, ...(event.error === undefined ? {} : { error: event.error }) };
        return;
      case 'email-received':
        if (!rec.emails.some((e) => e.id === event.email.id)) rec.emails.push(event.email);
        return;
      case 'history':
        // This backend sends histories but never logs one; folded all the same, should a log hold one.
        for (const m of event.messages ?? []) if (!rec.messages.some((x) => x.id === m.id)) rec.messages.push(m);
        for (const e of event.emails ?? []) if (!rec.emails.some((x) => x.id === e.id)) rec.emails.push(e);
        return;
      case 'email-status': {
        const index = rec.emails.findIndex((e) => e.id === event.emailId);
        const email = rec.emails[index];
        if (email) rec.emails[index] = { ...email, status: event.status };
        return;
      }
      case 'interaction-ended':
        rec.status = 'wrapup';
        rec.endReason = event.reason;
        rec.endedAt = event.at;
        return;
      case 'wrapup-completed':
        rec.status = 'completed';
        rec.wrapup = event.wrapup;
        return;
      case 'consult':
        if (event.state === 'requested' || !rec.consult || rec.consult.agent.id !== event.agent.id) {
          rec.consult = { agent: event.agent, state: event.state, messages: [] };
        } else rec.consult.state = event.state;
        return;
      case 'consult-message':
        if (rec.consult && !rec.consult.messages.some((m) => m.id === event.message.id)) rec.consult.messages.push(event.message);
        return;

    }
  }
}
