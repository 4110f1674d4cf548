/**
 * English strings of the Transfer, Conference and Wrap-up dialogs. Registered by each
 * dialog module when it loads, so the chat path, which loads the dialogs on demand, does not carry them.
 */
export const enDialogs = {
  // transfer, conference and wrap-up dialogs (R-XFER-*, R-CONF-01, R-END-02, R-END-03)
  'dialog.search': 'Search',
  'dialog.refresh': 'Refresh list',
  'dialog.loading': 'Loading…',
  'dialog.loadFailed': 'Could not load the list: {reason}',
  'dialog.empty': 'The list is empty.',
  'dialog.noMatch': 'Nothing matches “{query}”.',
  'dialog.selected': 'Selected: {names}',
  'transfer.title': 'Transfer request',
  'transfer.to': 'Transfer to',
  'transfer.queue': 'Queue',
  'transfer.agent': 'Agent',
  'transfer.queues': 'Queues',
  'transfer.agents': 'Agents',
  'transfer.supervisors': 'Supervisors',
  'transfer.availableOnly': 'Only available agents can take a transfer; the others are shown with their status.',
  'transfer.emailQueuesOnly': 'Email can be transferred to a queue only, not to a specific agent or supervisor.',
  'transfer.failed': 'Could not transfer the conversation: {reason}',
  'conference.title': 'Conference request',
  'conference.agents': 'Agents',
  'conference.failed': 'Could not start the conference: {reason}',
  'wrapup.title': 'Wrap-up reasons',
  'wrapup.for': 'Conversation with {name} · {channel}',
  'wrapup.reasons': 'Wrap-up reasons',
  'wrapup.chooseOne': 'Choose a reason.',
  'wrapup.chooseMany': 'Choose one or more reasons.',
  'wrapup.notEnded': 'Wrap-up can be submitted once the conversation has ended.',
  'wrapup.submit': 'Submit wrap-up',
  'wrapup.later': 'Wrap up later',
  'wrapup.failed': 'Could not submit wrap-up: {reason}',
} as const;
