/**
 * English strings. The keys are the catalogue every locale must fill:
 * `zh-CN.ts` is typed against them, so a missing key fails the type check.
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
export const en = {
  // actions (accessible names are part of the public contract, see DESIGN.md)
  accept: 'Accept',
  send: 'Send',
  retry: 'Retry',
  transfer: 'Transfer',
  conference: 'Conference',
  end: 'End',

  // channels
  'channel.messenger': 'Facebook Messenger',
  'channel.sms': 'SMS',
  'channel.webchat': 'WebChat',
  'channel.email': 'Email',

  // contact request (R-OFFER-01)
  'offer.label': '{channel} request from {customer}',
  'offer.queue': 'Queue',
  'offer.page': 'Page',
  'offer.phoneNumber': 'Phone number',
  'offer.sourceNumber': 'Source number',
  'offer.customer': 'Customer',
  'offer.email': 'Email',
  'offer.elapsed': 'Waiting',
  'offer.none': 'No contact requests',
  'offer.acceptFailed': 'Could not accept the request: {reason}',

  // conversation pane (R-CHAT-01…04)
  'chat.empty': 'No active conversation',
  'chat.customer': 'Customer',
  'chat.queue': 'Queue',
  'chat.agent': 'Agent',
  'chat.date': 'Date',
  'chat.duration': 'Duration',
  'chat.thread': 'Conversation with {customer}',
  'chat.message': 'Message',
  'chat.placeholder': 'Type a message. Enter sends, Shift+Enter adds a line.',
  'chat.counter': '{count} / {max}',
  'chat.tooLong': 'The message is {over} characters too long ({count} / {max}). Shorten it to send.',
  'chat.customerSaid': '{name} said',
  'chat.youSaid': 'You said',
  'chat.agentSaid': '{name} said',
  'chat.typing': '{name} is typing…',
  'chat.ended': 'This conversation has ended.',
  'chat.newMessage': 'New message from {name}: {text}',
  'chat.attachment': '{name} ({size})',

  // delivery status (R-CHAT-05)
  'status.sending': 'Sending',
  'status.sent': 'Sent',
  'status.delivered': 'Delivered',
  'status.read': 'Read',
  'status.failed': 'Not sent',

  // system notices (R-CHAT-02, R-END-04, R-CONF-02)
  'notice.customer-joined': '{name} joined the chat',
  'notice.customer-left': '{name} left the chat',
  'notice.agent-joined': '{name} joined the chat',
  'notice.agent-left': '{name} left the chat',
  'notice.transferred': 'The conversation was transferred',
  'notice.conference-started': 'Conference started',
  'notice.conference-ended': 'Conference ended',
  'notice.info': '{name}',

  // conversation tools (R-CHAT-06, R-CHAT-07, R-CHAT-10, R-TPL-*, R-END-01)
  cancel: 'Cancel',
  templates: 'Templates',
  'templates.search': 'Search templates',
  'templates.none': 'No templates match',
  'templates.loading': 'Loading templates…',
  'templates.loadFailed': 'Could not load templates: {reason}',
  'templates.locked': 'Locked',
  'template.inUse': 'Template: {name}',
  'template.lockedHint': 'This template is locked: send it or remove it; it cannot be edited.',
  'template.remove': 'Remove template',
  'template.edit': 'Edit as text',
  'template.fill': 'Fill in {count} field(s) to send.',
  'template.unknown': 'Unknown variables were left out: {names}',
  'template.preview': 'Message preview',
  'attach.button': 'Attach file',
  'attach.list': 'Attachments',
  'attach.uploading': 'Uploading {name}…',
  'attach.remove': 'Remove {name}',
  'attach.too-large': '{name} is larger than {max}. Attach a smaller file.',
  'attach.type-not-allowed': '{name} is not a file type that can be sent.',
  'attach.empty': '{name} is empty.',
  'attach.failed': 'Could not upload {name}: {reason}',
  'format.toolbar': 'Formatting',
  'format.bold': 'Bold',
  'format.italic': 'Italic',
  'format.list': 'Bulleted list',
  'format.link': 'Link',
  'format.code': 'Code',
  'workflow.menu': 'Workflows',
  'workflow.none': 'No workflows for this channel',
  'workflow.loadFailed': 'Could not load workflows: {reason}',
  'workflow.started': 'Workflow “{name}” triggered. {message}',
  'workflow.failed': 'Workflow “{name}” failed: {reason}',
  'end.title': 'End this conversation?',
  'end.consent': 'Messenger and SMS conversations may only be ended with the customer’s consent. Has the customer agreed to end the conversation?',
  'end.confirm': 'End conversation',
  'end.failed': 'Could not end the conversation: {reason}',
  'chat.tools': 'Conversation actions',

  // task list (R-OFFER-03)

  'tasks.label': 'Tasks',
  'tasks.none': 'No tasks',
  'tasks.unread': '{count} unread',
  'tasks.open': 'Open conversation with {customer}',
  'status.offered': 'Request',
  'status.active': 'Active',
  'status.conference-requested': 'Conference requested',
  'status.conference': 'Conference',
  'status.wrapup': 'Wrap-up',

  // notifications (R-CHAT-08)
  'notification.offer': 'New {channel} request from {name}',
  'notification.message': 'New message from {name}',
  'notification.email': 'New email from {name}',

  // transfer, conference and wrap-up dialogs (R-XFER-*, R-CONF-01, R-END-02, R-END-03)
  'dialog.search': 'Search',
  'dialog.refresh': 'Refresh list',
  'dialog.loading': 'Loading…',
  'dialog.loadFailed': 'Could not load the list: {reason}',
  'dialog.empty': 'The list is empty.',
  'dialog.noMatch': 'Nothing matches “{query}”.',
  'dialog.selected': 'Selected: {names}',
  'dialog.gone': 'This conversation is no longer available.',
  'transfer.title': 'Transfer request',
  'transfer.to': 'Transfer to',
  'transfer.queue': 'Queue',
  'transfer.agent': 'Agent',
  'transfer.queues': 'Queues',
  'transfer.agents': 'Agents',
  'transfer.emailQueuesOnly': 'Email can be transferred to a queue only, not to a specific agent or supervisor.',
  'transfer.failed': 'Could not transfer the conversation: {reason}',
  'conference.title': 'Conference request',
  'conference.agents': 'Agents',
  'conference.failed': 'Could not start the conference: {reason}',
  'wrapup.title': 'Wrap-up reasons',
  'wrapup.reasons': 'Wrap-up reasons',
  'wrapup.chooseOne': 'Choose a reason.',
  'wrapup.chooseMany': 'Choose one or more reasons.',
  'wrapup.notEnded': 'Wrap-up can be submitted once the conversation has ended.',
  'wrapup.submit': 'Submit wrap-up',
  'wrapup.later': 'Wrap up later',
  'wrapup.failed': 'Could not submit wrap-up: {reason}',

  // agent state (R-OFFER-04)
  'agent.state': 'Agent state',
  'agent.available': 'Available',
  'agent.idle': 'Idle',
  'agent.rona': 'RONA',
  'agent.busy': 'Busy',
  'agent.offline': 'Offline',
  'agent.ronaNotice': 'You did not answer a contact request, so no new requests are offered. Set yourself Available to receive requests again.',
  'agent.setAvailable': 'Set Available',
  'agent.changeFailed': 'Could not change your state: {reason}',

  // keyboard shortcuts (R-CHAT-09)
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.none': 'Not assigned',
  'shortcuts.action.accept': 'Accept the oldest contact request',
  'shortcuts.action.send': 'Send the message (in the message box)',
  'shortcuts.action.transfer': 'Transfer the conversation',
  'shortcuts.action.conference': 'Start a conference',
  'shortcuts.action.end': 'End the conversation',
  'shortcuts.action.templates': 'Open templates',
  'shortcuts.action.focusComposer': 'Go to the message box',
  'shortcuts.action.help': 'Show keyboard shortcuts',

  // errors
  'error.generic': 'Something went wrong: {reason}',
  'error.noStore': 'Not connected: give this element a store or place it inside <cc-provider>.',
} as const;

/** A key of the string catalogue. */
export type MessageKey = keyof typeof en;

/** A complete catalogue: every key, translated. */
export type Messages = { readonly [K in MessageKey]: string };
