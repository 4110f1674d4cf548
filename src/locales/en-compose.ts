/**
 * English strings of the composers' extras: quick responses typed with `/`, the emoji
 * picker, the SMS segment count, the email pane's Bcc and From, and files pasted or dropped
 * into a chat composer. Registered by the elements that use them.
 */
export const enCompose = {
  quickResponses: 'Quick responses',
  'quickResponses.loading': 'Loading quick responses…',
  'quickResponses.none': 'No quick responses match',
  'quickResponses.loadFailed': 'Quick responses could not be loaded: {reason}',
  emoji: 'Emoji',
  'emoji.search': 'Search emoji',
  'emoji.loading': 'Loading emoji…',
  'emoji.none': 'No emoji match',
  'emoji.loadFailed': 'Emoji could not be loaded: {reason}',
  'sms.segments': '{count} SMS · {units} / {capacity} characters',
  'sms.segmentsUnicode': '{count} SMS · {units} / {capacity} characters (Unicode)',
  'sms.segmentsChanged': 'The message is now {count} SMS',
  // email pane
  'email.bcc': 'Bcc',
  // chat composer: files pasted or dropped
  'attach.dropHere': 'Drop files to attach them',
  'attach.noFilesHere': 'Files cannot be sent in {channel}: only text.',
} as const;
