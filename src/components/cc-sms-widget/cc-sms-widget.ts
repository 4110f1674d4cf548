import { customElement } from 'lit/decorators.js';
import type { ChatChannel } from '../../core/types.js';
import { CcChatWidget } from '../cc-chat-widget/cc-chat-widget.js';
import { SmsCounter } from './sms-counter.js';

/**
 * The conversation pane for SMS: the same pane as `<cc-chat-widget>` — customer, queue,
 * agent, date, timer, thread, a 1000-character composer sending on **Send** or Enter —
 * with SMS's features: delivery receipts (R-CHAT-05), **Templates**, **Workflows** and
 * **End** after confirming the customer's consent (R-END-01); no attachments and no
 * rich formatting. Beside the character counter it shows how many SMS the text is sent as
 * (GSM-7: 160, or 153 per part; any other character makes it UCS-2: 70, or 67 per part).
 * Its `channel` is always `sms`.
 *
 * Without `interaction-id` it shows the agent's active SMS conversation.
 *
 * @summary SMS conversation pane.
 * @fires cc-send - The agent sent a message. Detail: `{ interactionId, text }`.
 * @fires cc-end - The agent ended the conversation (wrap-up follows). Detail: `{ interactionId }`.
 * @fires cc-workflow - A triggered workflow answered. Detail: `{ interactionId, workflowId, ok, message }`.
 * @fires cc-template-select - A template was chosen. Detail: `{ template }`.
 * @fires cc-consult - A consult moved on: `started` (from the inner transfer dialog's Consult), `completed` (Complete transfer) or `cancelled` (Cancel consult). Detail: `{ interactionId, agentId, step }`.
 * @csspart header - Customer, queue, agent, date, timer and the actions.
 * @csspart actions - The action buttons.
 * @csspart thread - The message list (a live log).
 * @csspart bubble - Every message bubble.
 * @csspart customer-bubble - The customer's bubble.
 * @csspart peer-bubble - Another agent's bubble in a conference (with their name above it).
 * @csspart agent-bubble - This agent's bubble.
 * @csspart avatar - The customer's initials.
 * @csspart notice - A system notice.
 * @csspart composer - The composer area.
 * @csspart textarea - The message box.
 * @csspart send - The Send button.
 * @csspart end - The End button.
 * @csspart error - The composer's length error.
 * @csspart segments - How many SMS the text is sent as, beside the character counter.
 * @csspart quick-responses - The Quick responses list typed with `/` (or its status line).
 * @csspart template - The panel of a locked or parameterised template.
 * @csspart confirm - The end-confirmation dialog.
 * @csspart empty - The text shown when there is no conversation.
 * @csspart auto-wrapup-notice - Says that auto wrap-up took the conversation this pane showed, and with which reason.
 * @csspart consult - The internal consult region (while a consult is requested or in progress).
 * @csspart consult-internal - Its "the customer does not see this" line.
 * @csspart consult-thread - The private messages with the consulted agent.
 * @csspart consult-message - One private message.
 * @csspart consult-input - The Consult message box.
 * @csspart consult-send - Its Send button.
 * @csspart consult-complete - The Complete transfer button.
 * @csspart consult-cancel - The Cancel consult button.
 * @csspart consult-error - Why Complete transfer or Cancel consult failed.
 * @csspart consult-notice - A consult declined, unanswered, failed or cancelled (until dismissed).
 * @csspart suggestions - The Suggested replies group above the composer (with the `suggestions` capability).
 * @csspart suggestion - One suggested reply: a button that puts its text into the composer.
 * @csspart link - A link in a message (http(s), mailto, tel; opens in a new tab).
 * @csspart link-host - Where a link really goes, after its text.
 * @csspart link-warning - A link whose text names another host than it goes to: where it really goes.
 * @cssprop --cc-color-customer-bubble - Customer bubble background (grey).
 * @cssprop --cc-color-agent-bubble - Agent bubble background (blue).
 * @cssprop --cc-color-primary - Buttons and links.
 * @cssprop --cc-color-danger - Errors and failed messages.
 * @cssprop --cc-color-surface - Pane background.
 * @cssprop --cc-color-border - Pane, header and separator borders.
 * @cssprop --cc-color-field-border - Borders of the composer, find and template parameter fields (3:1, WCAG 1.4.11).
 * @cssprop --cc-color-on-customer-bubble - Customer bubble text.
 * @cssprop --cc-color-peer-bubble - Bubble of another agent in a conference.
 * @cssprop --cc-color-on-peer-bubble - Its text.
 * @cssprop --cc-color-on-agent-bubble - Agent bubble text.
 * @cssprop --cc-color-avatar - Initials avatar background.
 * @cssprop --cc-color-on-avatar - Initials text.
 * @cssprop --cc-color-surface-alt - Header background.
 * @cssprop --cc-color-text-muted - Secondary text.
 * @cssprop --cc-color-warning - Template warnings and unfilled parameters.
 */
@customElement('cc-sms-widget')
export class CcSmsWidget extends CcChatWidget {
  readonly #segments = new SmsCounter();

  protected override get servedChannel(): ChatChannel {
    return 'sms';
  }

  protected override renderCounterExtra(id: string, text: string): unknown {
    return this.#segments.render(id, text);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-sms-widget': CcSmsWidget;
  }
}
