import type { AgentAvailability, AgentProfile, Capabilities, Channel, ChatMessage, EmailMessage, FinishedInteraction, Interaction, WrapupRecord } from '../types.js';
import type { ContactCenterEvent } from '../events.js';

/** The whole state of one agent session. Immutable: every change makes a new object. */
export interface CcState {
  readonly agent: AgentProfile & { readonly availability: AgentAvailability };
  /** Interactions by id. */
  readonly interactions: Readonly<Record<string, Interaction>>;
  /** Interaction ids in arrival order. */
  readonly order: readonly string[];
  /** The interaction the agent last worked on, per channel (widgets without `interaction-id` show it). */
  readonly focused: Readonly<Partial<Record<Channel, string>>>;
  /** The interaction the agent last accepted or focused, of any channel (what `<cc-customer-panel>` follows). */
  readonly current?: string;
  /** Highest backend sequence number folded in so far (0 when the backend sends none). */
  readonly lastSeq: number;
  /** What the backend supports (the adapter's declaration, changed by `capabilities` events). */
  readonly capabilities: Capabilities;
  /** Interactions this agent wrapped up, newest first, at most {@link RECENT_LIMIT}. */
  readonly recent: readonly FinishedInteraction[];
}

/** How many finished interactions {@link CcState.recent} keeps. */
export const RECENT_LIMIT = 20;

/**
 * Changes the store makes itself, beside the adapter's events: the optimistic half
 * of a command and its reconciliation. Folded by the same pure reducer.
 */
export type LocalAction =
  | { readonly type: 'local/accept-requested'; readonly interactionId: string; readonly at: number }
  | { readonly type: 'local/accept-failed'; readonly interactionId: string }
  | { readonly type: 'local/message-sending'; readonly interactionId: string; readonly message: ChatMessage }
  | {
      readonly type: 'local/message-sent';
      readonly interactionId: string;
      readonly clientMessageId: string;
      readonly messageId: string;
      readonly status: 'sent' | 'delivered' | 'read';
      readonly timestamp: number;
    }
  | { readonly type: 'local/message-failed'; readonly interactionId: string; readonly messageId: string; readonly error: string }
  | { readonly type: 'local/message-retry'; readonly interactionId: string; readonly messageId: string }
  | { readonly type: 'local/email-sending'; readonly interactionId: string; readonly email: EmailMessage }
  | {
      readonly type: 'local/email-sent';
      readonly interactionId: string;
      readonly clientEmailId: string;
      readonly emailId: string;
      readonly timestamp: number;
    }
  | { readonly type: 'local/email-failed'; readonly interactionId: string; readonly emailId: string; readonly error: string }
  | { readonly type: 'local/consult-message-sending'; readonly interactionId: string; readonly message: ChatMessage }
  | {
      readonly type: 'local/consult-message-sent';
      readonly interactionId: string;
      readonly clientMessageId: string;
      readonly messageId: string;
      readonly timestamp: number;
    }
  | { readonly type: 'local/consult-message-failed'; readonly interactionId: string; readonly messageId: string; readonly error: string }
  /** Auto wrap-up will submit the default reason at `at` (epoch ms); `undefined` stops it. */
  | { readonly type: 'local/auto-wrapup'; readonly interactionId: string; readonly at: number | undefined }
  /** What wrap-up was submitted with, kept for the Recent list once the backend confirms it. */
  | { readonly type: 'local/wrapup-submitted'; readonly interactionId: string; readonly wrapup: WrapupRecord }
  | { readonly type: 'local/focus'; readonly interactionId: string }
  | { readonly type: 'local/mark-read'; readonly interactionId: string };

/** Anything the reducer folds. */
export type StoreAction = ContactCenterEvent | LocalAction;

/** Options for the initial state. */
export interface InitialStateOptions {
  readonly agent?: AgentProfile;
  readonly availability?: AgentAvailability;
  /** What the backend supports; every capability `true` when absent. */
  readonly capabilities?: Capabilities;
}

/** Every capability on. */
export const ALL_CAPABILITIES: Capabilities = {
  transfer: true,
  conference: true,
  consult: true,
  attachments: true,
  templates: true,
  workflows: true,
  customer: true,
  history: true,
  'wrapup-notes': true,
  suggestions: true,
  summary: true,
};

/** A fresh, empty state. */
export function initialState(options: InitialStateOptions = {}): CcState {
  return {
    agent: { ...(options.agent ?? { id: 'agent', name: 'Agent' }), availability: options.availability ?? 'available' },
    // No prototype: an interaction id such as `constructor` or `__proto__` finds nothing it does not hold.
    interactions: Object.create(null) as Record<string, Interaction>,
    order: [],
    focused: {},
    lastSeq: 0,
    capabilities: options.capabilities ?? ALL_CAPABILITIES,
    recent: [],
  };
}
