/**
 * English strings of the keyboard shortcut help. Registered by `cc-shortcut-help`
 * when it loads, so pages without the help do not carry them.
 */
export const enShortcutHelp = {
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
} as const;
