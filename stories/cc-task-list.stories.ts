import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-task-list',
  component: 'cc-task-list',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: 'Offers with Accept and open interactions with unread badges (R-OFFER-03, R-CHAT-08).',
      },
    },
  },
};
export default meta;

const view = (world: StoryWorld, channel?: string) =>
  html`<div style="max-width:380px"><cc-task-list .store=${world.store} channel=${channel ?? ''}></cc-task-list></div>`;

/** R-OFFER-03: an SMS offer in the task list — queue, phone number, source number, timer, Accept. */
export const SmsOffer: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Hi' })), 'sms'),
};

/** Offers and open conversations of every channel, with unread counts. */
export const MixedTasks: StoryObj = {
  render: () =>
    view(
      storyWorld(async (w) => {
        const a = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
        const b = await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Hi' });
        w.store.focus(a);
        w.simulator.customerMessage(b, 'Any news?');
        w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
      }),
    ),
};

/** `hide-offers`: offers are left to `<cc-contact-request>`; only open conversations are listed, none with Accept. */
export const WithoutOffers: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
      w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
    });
    return html`<div style="max-width:380px"><cc-task-list .store=${world.store} hide-offers></cc-task-list></div>`;
  },
};

/** Nothing to do. */
export const Empty: StoryObj = { render: () => view(storyWorld()) };
