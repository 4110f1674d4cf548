/**
 * The DOM events the elements fire, and their details, in one place.
 *
 * The rule every event follows:
 * - Its name is `cc-` and what happened, in the present tense: `cc-send`, `cc-transfer`,
 *   `cc-agent-state-change`. A change ends in `-change`, never `-changed`.
 * - It reports a command the store has taken, so it fires after the store call
 *   succeeded; a refused command fires nothing and shows its error instead. (A chat
 *   message is taken as soon as it is in the thread: the store queues and retries it, and
 *   a failure shows on the message with **Retry**.)
 * - A `-request` event is the one exception: it fires before the element acts and is
 *   cancelable, so the host can act instead.
 * - Events on elements bubble and are composed; `cc-locale-change` and
 *   `cc-shortcuts-change` fire on `window`.
 */
import type { Locale } from './controllers/localize.js';
import type { ShortcutMap } from './controllers/shortcuts.js';
import type { ConnectionState } from './core/connection.js';
import type { CcNotification } from './core/store/notifications.js';
import type { OutgoingEmail } from './core/store/store.js';
import type { AgentAvailability, Channel, MessageTemplate, TransferTarget } from './core/types.js';

/** Detail of `cc-accept`: the agent accepted an offer, and the store took it. */
export interface CcAcceptDetail {
  readonly interactionId: string;
  readonly channel: Channel;
}

/** Detail of `cc-task-select`: the agent chose an open task. */
export interface CcTaskSelectDetail {
  readonly interactionId: string;
  readonly channel: Channel;
}

/** Detail of `cc-send`: the agent sent a message (chat, SMS) or an email. */
export interface CcSendDetail {
  readonly interactionId: string;
  readonly channel: Channel;
  /** The text sent: the message, or the plain-text body of an email. */
  readonly text: string;
  /** Email only: the id of the sent email in the thread. */
  readonly emailId?: string | undefined;
  /** Email only: how it answers. */
  readonly mode?: OutgoingEmail['mode'] | undefined;
}

/** Detail of `cc-end`: the agent ended the conversation; wrap-up follows. */
export interface CcEndDetail {
  readonly interactionId: string;
}

/** Detail of `cc-workflow`: a workflow the agent triggered answered. */
export interface CcWorkflowDetail {
  readonly interactionId: string;
  readonly workflowId: string;
  readonly ok: boolean;
  readonly message: string;
}

/** Detail of `cc-template-select`: the agent chose a template. */
export interface CcTemplateSelectDetail {
  readonly template: MessageTemplate;
}

/** Detail of `cc-agent-state-change`: the agent's state changed at their request. */
export interface CcAgentStateChangeDetail {
  readonly availability: AgentAvailability;
}

/** Detail of `cc-connection-change`: the connection to the contact center changed state. */
export interface CcConnectionChangeDetail {
  readonly state: ConnectionState;
}

/** Detail of `cc-transfer-request`: the agent chose Transfer (cancelable). */
export interface CcTransferRequestDetail {
  readonly interactionId: string;
}

/** Detail of `cc-transfer`: the transfer started. */
export interface CcTransferDetail {
  readonly interactionId: string;
  readonly target: TransferTarget;
}

/** Detail of `cc-conference`: the conference invitation was sent. */
export interface CcConferenceDetail {
  readonly interactionId: string;
  readonly agentId: string;
}

/**
 * Detail of `cc-consult`: a consult with another agent (a warm transfer) moved on:
 * `started` (the agent was asked, from the transfer dialog's **Consult**), `completed`
 * (**Complete transfer**: the customer goes to that agent) or `cancelled` (**Cancel
 * consult**: the agent keeps the customer).
 */
export interface CcConsultDetail {
  readonly interactionId: string;
  readonly agentId: string;
  readonly step: 'started' | 'completed' | 'cancelled';
}

/** Detail of `cc-wrapup`: wrap-up was submitted; the interaction is complete. */
export interface CcWrapupDetail {
  readonly interactionId: string;
  readonly reasonIds: readonly string[];
}

/**
 * Why a dialog closed: `completed` (its command succeeded), `cancel` (its dismiss or
 * Close button), `escape`, or `api` (`close()` or `open = false`).
 */
export type CcDialogCloseReason = 'completed' | 'cancel' | 'escape' | 'api';

/** Detail of `cc-dialog-close`, fired by every dialog. */
export interface CcDialogCloseDetail {
  readonly reason: CcDialogCloseReason;
}

/** Detail of `cc-locale-change`, fired on `window` when the locale changes. */
export interface LocaleChangeDetail {
  readonly locale: Locale;
}

/** Detail of `cc-shortcuts-change`, fired on `window` when the shortcuts change. */
export interface ShortcutsChangeDetail {
  readonly shortcuts: ShortcutMap;
}

/** Every event an element fires, by name, with its detail. */
export interface CcEventMap {
  'cc-accept': CcAcceptDetail;
  'cc-task-select': CcTaskSelectDetail;
  'cc-send': CcSendDetail;
  'cc-end': CcEndDetail;
  'cc-workflow': CcWorkflowDetail;
  'cc-template-select': CcTemplateSelectDetail;
  'cc-agent-state-change': CcAgentStateChangeDetail;
  'cc-connection-change': CcConnectionChangeDetail;
  'cc-transfer-request': CcTransferRequestDetail;
  'cc-transfer': CcTransferDetail;
  'cc-conference': CcConferenceDetail;
  'cc-consult': CcConsultDetail;
  'cc-wrapup': CcWrapupDetail;
  'cc-dialog-close': CcDialogCloseDetail;
  'cc-notification': CcNotification;
}

/** Every event fired on `window`, by name, with its detail. */
export interface CcWindowEventMap {
  'cc-locale-change': LocaleChangeDetail;
  'cc-shortcuts-change': ShortcutsChangeDetail;
}

/** The event of a name in {@link CcEventMap}. */
export type CcEvent<K extends keyof CcEventMap> = CustomEvent<CcEventMap[K]>;

/** The event of a name in {@link CcWindowEventMap}. */
export type CcWindowEvent<K extends keyof CcWindowEventMap> = CustomEvent<CcWindowEventMap[K]>;

/** Fires a `window` event of {@link CcWindowEventMap}. */
export function emitOnWindow<K extends keyof CcWindowEventMap>(type: K, detail: CcWindowEventMap[K]): void {
  window.dispatchEvent(new CustomEvent(type, { detail }));
}

declare global {
  interface HTMLElementEventMap {
    'cc-accept': CcEvent<'cc-accept'>;
    'cc-task-select': CcEvent<'cc-task-select'>;
    'cc-send': CcEvent<'cc-send'>;
    'cc-end': CcEvent<'cc-end'>;
    'cc-workflow': CcEvent<'cc-workflow'>;
    'cc-template-select': CcEvent<'cc-template-select'>;
    'cc-agent-state-change': CcEvent<'cc-agent-state-change'>;
    'cc-connection-change': CcEvent<'cc-connection-change'>;
    'cc-transfer-request': CcEvent<'cc-transfer-request'>;
    'cc-transfer': CcEvent<'cc-transfer'>;
    'cc-conference': CcEvent<'cc-conference'>;
    'cc-consult': CcEvent<'cc-consult'>;
    'cc-wrapup': CcEvent<'cc-wrapup'>;
    'cc-dialog-close': CcEvent<'cc-dialog-close'>;
    'cc-notification': CcEvent<'cc-notification'>;
  }
  interface WindowEventMap {
    'cc-locale-change': CcWindowEvent<'cc-locale-change'>;
    'cc-shortcuts-change': CcWindowEvent<'cc-shortcuts-change'>;
  }
}
