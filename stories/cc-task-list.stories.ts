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
        component:
          "Offers with Accept and open interactions with unread badges (R-OFFER-03, R-CHAT-08); below them, today's finished conversations under Recent, each with its transcript (R-CTX-05).",
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

/** Wraps up an accepted contact by hand with `reasonId` (and notes). */
async function finished(world: StoryWorld, offer: Parameters<typeof acceptedContact>[1], reasonId: string, notes?: string): Promise<void> {
  const id = await acceptedContact(world, offer);
  await world.store.end(id);
  await world.store.listWrapupReasons(offer.channel);
  await world.store.submitWrapup(id, [reasonId], notes === undefined ? {} : { notes });
}

/**
 * R-CTX-05: today's finished conversations under Recent, below the open task: one wrapped
 * up automatically (SMS has auto wrap-up on here), two by the agent. Each opens its transcript.
 */
export const WithRecent: StoryObj = {
  render: () =>
    view(
      storyWorld(
        async (w) => {
          await finished(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Where is my parcel?' }, 'wr-resolved', 'Parcel re-sent.');
          await finished(w, { channel: 'email', customerName: 'Ann Mail' }, 'wr-info-sent');
          const sms = await acceptedContact(w, { channel: 'sms', customerName: 'Lee Wong', text: 'Ok thanks' });
          await w.store.end(sms);
          await acceptedContact(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Hello?' });
        },
        {},
        { autoWrapup: { sms: { afterMs: 50 } } },
      ),
    ),
};

/** R-COMP-07: the task list in Arabic, right to left: the offer's bar on the right, timers still read left to right. */
export const ArabicRightToLeft: StoryObj = {
  globals: { locale: 'ar' },
  render: () =>
    view(
      storyWorld(async (w) => {
        const a = await acceptedContact(w, { channel: 'webchat', customerName: 'سارة أحمد', text: 'مرحبًا' });
        await acceptedContact(w, { channel: 'sms', customerName: 'Sam Text', text: 'Hi' });
        w.store.focus(a);
        w.simulator.offer({ channel: 'messenger', customerName: 'Mo Salah' });
      }),
    ),
};
