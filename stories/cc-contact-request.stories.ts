import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-contact-request',
  component: 'cc-contact-request',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Offers waiting for the agent (R-OFFER-01): queue, source per channel, elapsed timer (R-OFFER-02) and **Accept** (R-OFFER-05).',
      },
    },
  },
};
export default meta;

const view = (world: StoryWorld) => html`<div style="max-width:360px"><cc-contact-request .store=${world.store}></cc-contact-request></div>`;

/** R-OFFER-01: WebChat — customer name, email, queue. */
export const WebChatOffer: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello!' }))),
};

/** R-OFFER-01: Messenger — queue and source page. */
export const MessengerOffer: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' }))),
};

/** R-OFFER-01: SMS — queue, phone number and source number. */
export const SmsOffer: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'sms', customerName: 'Sam Text' }))),
};

/** R-OFFER-01: Email — customer name, email, queue. */
export const EmailOffer: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'email', customerName: 'Erin Mail' }))),
};

/** Several offers at once, oldest first; one has waited over an hour (R-OFFER-02: h:mm:ss). */
export const SeveralOffers: StoryObj = {
  render: () =>
    view(
      storyWorld((w) => {
        w.store.ingest({
          type: 'offer',
          at: Date.now() - 3_725_000,
          interactionId: 'waited-long',
          channel: 'webchat',
          queue: { id: 'q-webchat-support', name: 'Web Chat Support' },
          customer: { name: 'Patient Pat', email: 'pat@example.com' },
          source: { email: 'pat@example.com' },
        });
        w.simulator.offer({ channel: 'sms', customerName: 'Sam Text' });
        w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
      }),
    ),
};

/** No offer pending. */
export const Empty: StoryObj = {
  render: () => view(storyWorld()),
};
