/**
 * English strings every element may need, built into `localize.ts`. The rest are in
 * `en-email.ts`, `en-dialogs.ts` and `en-shortcut-help.ts`, registered by the elements
 * that use them; `en.ts` merges all of them into the complete catalogue.
 */
export const enCore = {
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
  'draft.cardMasked': 'A card number in this draft is masked in the copy kept for a reload: only its last four digits are saved. It stays on screen as you typed it.',
  'chat.newMessage': 'New message from {name}: {text}',
  'chat.attachment': '{name} ({size})',
  'chat.unformatted': 'Message too long to format, shown as text',
  'find.label': 'Find in conversation',
  'find.next': 'Next match',
  'find.previous': 'Previous match',
  'find.count': '{current} of {total}',
  'find.none': 'No matches',

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
  'workflow.loading': 'Loading workflows…',
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
  'dialog.gone': 'This conversation is no longer available.',

  // connection to the backend (network adapters)
  'connection.connecting': 'Connecting…',
  'connection.open': 'Connected',
  'connection.reconnecting': 'Connection lost. Reconnecting…',
  'connection.closed': 'Disconnected',
  'connection.queued': 'Messages are kept and sent once the connection is back.',
  'connection.resynced': 'The contact center’s history was reset and has been reloaded. Check that your latest messages were sent.',
  'connection.dismiss': 'Dismiss',

  // conversation actions (R-XFER-01, R-CONF-03, R-CONF-04, R-END-05)
  endConference: 'End conference',
  exitConference: 'Exit conference',
  'actions.wrapup': 'Wrap up',
  'actions.conferenceRequested': 'Waiting for {name} to join…',
  'actions.endConferenceFailed': 'Could not end the conference: {reason}',
  'actions.exitConferenceFailed': 'Could not exit the conference: {reason}',
  'actions.dialogFailed': 'Could not open the dialog: {reason}',
  'actions.transferDropped': 'The transfer was not accepted and the conversation was dropped.',

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

  // errors
  'error.generic': 'Something went wrong: {reason}',
  'error.noStore': 'Not connected: give this element a store or place it inside <cc-provider>.',
} as const;
