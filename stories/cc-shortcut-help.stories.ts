import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { resetShortcuts, setShortcuts } from '../src/controllers/shortcuts.js';

const meta: Meta = {
  title: 'Elements/cc-shortcut-help',
  component: 'cc-shortcut-help',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The keyboard shortcut help (R-CHAT-09): every action with its current keys. Ctrl+Alt+K (⌃⌥K on macOS) opens it from any page with a contact request or task list; hosts rebind keys with `setShortcuts()`.',
      },
      // A modal dialog makes the rest of its page inert: give each story its own frame on the docs page.
      story: { inline: false, iframeHeight: 520 },
    },
  },
};
export default meta;

/** R-CHAT-09: open, with the default bindings. */
export const Open: StoryObj = {
  render: () => html`<cc-shortcut-help open></cc-shortcut-help>`,
};

/** R-CHAT-09: a host's bindings — accept on F2, send on Ctrl+Enter, conference turned off — shown with macOS symbols. */
export const CustomBindings: StoryObj = {
  // Bindings are page-wide: restore the defaults when leaving the story.
  beforeEach: () => {
    setShortcuts({ accept: 'F2', send: 'Ctrl+Enter', conference: null });
    return resetShortcuts;
  },
  render: () => html`<cc-shortcut-help open platform="mac"></cc-shortcut-help>`,
};
