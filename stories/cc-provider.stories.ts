import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { acceptedContact, storyWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-provider',
  component: 'cc-provider',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: 'Gives every cc-* element inside it the agent session\'s store, so none needs a `.store` of its own.',
      },
    },
  },
};
export default meta;

/** One store shared by a contact request list and a chat pane. */
export const SharedStore: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, is anyone there?' });
      w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah', text: 'Question about my order' });
    });
    return html`<cc-provider .store=${world.store}>
      <div style="display:grid;grid-template-columns:280px 1fr;gap:12px;height:480px">
        <cc-contact-request></cc-contact-request>
        <cc-chat-widget channel="webchat"></cc-chat-widget>
      </div>
    </cc-provider>`;
  },
};
