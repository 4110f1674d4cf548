import { html, nothing, type TemplateResult } from 'lit';
import type { EmailMessage, Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { keysFor } from '../shared/interaction-actions.js';
import { paneHeader } from '../shared/pane-header.js';
import { REPLY_MODES, type ComposeMode, type ReplyMode } from './email-draft.js';

/** What the header shows besides the interaction. */
export interface HeaderState {
  /** The interaction can be answered. */
  readonly open: boolean;
  /** **Transfer** is offered: the interaction is open and the backend takes transfers. */
  readonly transferable: boolean;
  readonly mode: ComposeMode;
  readonly ccShown: boolean;
  readonly bccShown: boolean;
  readonly lightGrey: boolean;
  /** Status lines of the interaction's actions (a dropped transfer, a dialog that failed to load, a failed end). */
  readonly notices: TemplateResult;
  /** The End button, while the agent may end the interaction. */
  readonly end: TemplateResult | typeof nothing;
}

/** What the header's buttons do. */
export interface HeaderActions {
  readonly compose: (mode: ReplyMode) => void;
  readonly toggleCc: () => void;
  readonly toggleBcc: () => void;
  readonly viewOriginal: (emailId: string) => void;
  readonly toggleLightGrey: () => void;
  readonly transfer: () => void;
}

/** The email pane's header (R-MAIL-01): subject, addresses, queue, timer and the actions. */
export function emailHeader(i: Interaction, state: HeaderState, actions: HeaderActions): TemplateResult {
  const first = i.emails.find((e) => e.direction === 'inbound');
  const customer = i.customer.email ?? i.source.email ?? first?.from ?? '';
  return paneHeader({
    title: first?.subject || t('email.noSubject'),
    facts: [
      { label: t('email.from'), value: i.customer.name ? `${i.customer.name} <${customer}>` : customer },
      { label: t('email.to'), value: first?.to.join(', ') ?? '' },
      { label: t('chat.queue'), value: i.queue.name },
    ],
    since: i.acceptedAt ?? i.offeredAt,
    actions: { label: t('email.actions'), buttons: headerButtons(first, state, actions) },
    after: state.notices,
  });
}

/** Reply, Reply all, Forward, Cc and Bcc while the interaction is open; View original email; the light-grey toggle; Transfer; End. */
function headerButtons(first: EmailMessage | undefined, state: HeaderState, actions: HeaderActions): TemplateResult {
  const modeLabel = (m: ReplyMode) => t(m === 'reply' ? 'email.reply' : m === 'reply-all' ? 'email.replyAll' : 'email.forward');
  return html`${state.open
      ? html`${REPLY_MODES.map(
            (m) => html`<button class="btn secondary" aria-pressed=${state.mode === m ? 'true' : 'false'} @click=${() => actions.compose(m)}>
              ${modeLabel(m)}
            </button>`,
          )}
          <button class="btn secondary" aria-expanded=${state.ccShown ? 'true' : 'false'} @click=${actions.toggleCc}>${t('email.cc')}</button>
          <button class="btn secondary" aria-expanded=${state.bccShown ? 'true' : 'false'} @click=${actions.toggleBcc}>${t('email.bcc')}</button>`
      : nothing}
    ${first ? html`<button class="btn secondary" @click=${() => actions.viewOriginal(first.id)}>${t('email.viewOriginal')}</button>` : nothing}
    <button class="btn secondary" aria-pressed=${state.lightGrey ? 'true' : 'false'} @click=${actions.toggleLightGrey}>
      ${t('email.lightGrey')}
    </button>
    ${state.transferable
      ? html`<button class="btn secondary" part="transfer" aria-keyshortcuts=${keysFor('transfer')} @click=${actions.transfer}>
          ${t('transfer')}
        </button>`
      : nothing}
    ${state.end}`;
}
