/** English strings of the consult feature, registered by the elements that show them. */
export const enConsult = {
  // transfer dialog
  consult: 'Consult',
  'consult.startFailed': 'Could not start the consult: {reason}',
  'consult.loadFailed': 'Could not show the consult: {reason}',
  // consult panel in the chat and SMS panes
  'consult.region': 'Internal consult with {name}',
  'consult.internal': 'Internal consult with {name} — the customer does not see this',
  'consult.waiting': 'Waiting for {name}…',
  'consult.thread': 'Messages with {name}',
  'consult.you': 'You',
  'consult.message': 'Consult message',
  'consult.send': 'Send',
  'consult.sendLabel': 'Send consult message',
  'consult.sending': 'Sending…',
  'consult.sent': 'Sent',
  'consult.notSent': 'Not sent: {reason}',
  'consult.complete': 'Complete transfer',
  'consult.cancel': 'Cancel consult',
  'consult.declined': '{name} declined the consult.',
  'consult.timeout': '{name} did not answer the consult request.',
  'consult.failed': 'The consult with {name} failed: {reason}',
  'consult.cancelled': 'The consult with {name} ended. You keep the conversation.',
  'consult.noReason': 'no reason was given',
  'consult.completeFailed': 'Could not complete the transfer: {reason}',
  'consult.cancelFailed': 'Could not cancel the consult: {reason}',
} as const;
