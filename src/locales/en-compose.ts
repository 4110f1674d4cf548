/**
 * English strings of the composer helpers: quick responses typed with `/`, the emoji
 * picker and the SMS segment count. The chat and SMS panes and the email widget register
 * them with the helpers that use them.
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
} as const;
