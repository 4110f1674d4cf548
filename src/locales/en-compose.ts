/**
 * English strings of the composers' extras: the email pane's Bcc and From, and files
 * pasted or dropped into a chat composer. Registered by the elements that show them.
 */
export const enCompose = {
  // email pane
  'email.bcc': 'Bcc',
  // chat composer: files pasted or dropped
  'attach.dropHere': 'Drop files to attach them',
  'attach.noFilesHere': 'Files cannot be sent in {channel}: only text.',
} as const;
