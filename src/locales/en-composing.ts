/** English strings of safe links, suggested replies and summaries, registered by the modules that show them. */
export const enComposing = {
  // a link whose text names another host than it goes to
  'link.mismatch': 'link text shows {shown} but goes to {actual}',
  // suggested replies above the chat and SMS composer
  'suggestions.label': 'Suggested replies',
  // Summarize in the wrap-up dialog
  'summary.summarize': 'Summarize',
  'summary.working': 'Summarizing…',
  'summary.failed': 'Could not summarize: {reason}',
  'summary.done': 'Summary put into the notes. You can edit it.',
  'summary.appended': 'Summary added below your notes. You can edit it.',
} as const;
