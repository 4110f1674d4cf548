import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcSmsWidget } from '../src/components/cc-sms-widget/cc-sms-widget.js';
import { shadowPart } from './dialog-support.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-sms-widget',
  component: 'cc-sms-widget',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'SMS conversation pane: thread with delivery receipts (R-CHAT-05), 1000-character composer (R-CHAT-03), templates, workflows, and End with the customer’s consent (R-END-01). No attachments, no rich text.',
      },
    },
  },
};
export default meta;

const pane = (world: StoryWorld) =>
  html`<div style="height:520px;max-width:640px;display:grid"><cc-sms-widget .store=${world.store}></cc-sms-widget></div>`;

/** R-CHAT-05: a conversation with delivery receipts. */
export const Conversation: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Is my package on its way?' });
        await w.store.send(id, 'Yes! It left our warehouse this morning.');
      }),
    ),
};

/** R-CHAT-05: a message the carrier did not take, with Retry. */
export const FailedMessage: StoryObj = {
  render: () =>
    pane(
      storyWorld(
        async (w) => {
          const id = await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Hello?' });
          await w.store.send(id, 'Hi Sam, how can I help?');
        },
        { failureRate: 1 },
      ),
    ),
};

/** No SMS conversation yet. */
export const Empty: StoryObj = { render: () => pane(storyWorld()) };

/** R-END-01: SMS ends only with the customer's consent, which the agent confirms here. */
export const EndWithConsent: StoryObj = {
  // A modal dialog makes the rest of its page inert: its own frame on the docs page.
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
  render: () => {
    const widget = createRef<CcSmsWidget>();
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Great, thanks!' });
      const el = widget.value;
      if (el) (await shadowPart(el, 'button[part~="end"]')).click();
    });
    return html`<div style="height:520px;max-width:640px;display:grid"><cc-sms-widget ${ref(widget)} .store=${world.store}></cc-sms-widget></div>`;
  },
};

/** R-END-04: the customer left; the agent ends and wraps up. */
export const CustomerLeft: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Never mind, found it.' });
        w.simulator.customerLeaves(id);
      }),
    ),
};

/** R-COMP-02: beside the character counter, how many SMS the text is sent as; an emoji makes it Unicode (70 / 67 per SMS). */
export const Segments: StoryObj = {
  render: () => {
    const widget = createRef<CcSmsWidget>();
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'sms', customerName: 'Ana Lima', text: 'Can you confirm my appointment?' });
      const el = widget.value;
      if (!el) return;
      await shadowPart(el, 'textarea');
      el.draft = 'Your appointment is confirmed for Tuesday at 10:00 at our Main Street branch. Please bring your ID and arrive 10 minutes early. See you then 🙂';
    });
    return html`<div style="height:520px;max-width:640px;display:grid"><cc-sms-widget ${ref(widget)} .store=${world.store}></cc-sms-widget></div>`;
  },
};
