import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { SEED_CUSTOMERS } from '../src/adapters/simulated/data.js';
import { pastInteractions } from '../src/adapters/simulated/past-data.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-customer-panel',
  component: 'cc-customer-panel',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Who the customer of the active interaction is (identities, attributes) and their previous conversations, paged with Load older, each with a read-only transcript (R-CTX-01, R-CTX-02).',
      },
    },
  },
};
export default meta;

const view = (world: StoryWorld) => html`<div style="max-width:380px"><cc-customer-panel .store=${world.store}></cc-customer-panel></div>`;

/** The profile and the first page of previous conversations. */
export const Loaded: StoryObj = {
  render: () => view(storyWorld((w) => void acceptedContact(w, { channel: 'sms', customerName: 'Ana Souza', text: 'Hi, is my order on its way?' }))),
};

/** Profile and history on their way: the backend is slow. */
export const Loading: StoryObj = {
  render: () =>
    view(
      storyWorld(async (w) => {
        await acceptedContact(w, { channel: 'webchat', customerName: 'Li Wei', text: 'Hello' });
        w.simulator.latencyMs = 3_600_000;
      }),
    ),
};

/** A customer with no previous conversations. */
export const EmptyHistory: StoryObj = {
  render: () =>
    view(
      storyWorld(async (w) => {
        w.simulator.listPastInteractions = () => Promise.resolve({ items: [] });
        await acceptedContact(w, { channel: 'messenger', customerName: 'Someone New', text: 'First time here!' });
      }),
    ),
};

/** The backend failed to answer: each part says why and offers Retry. */
export const Failed: StoryObj = {
  render: () =>
    view(
      storyWorld(async (w) => {
        w.simulator.getCustomer = () => Promise.reject(new Error('the customer service did not answer'));
        w.simulator.listPastInteractions = () => Promise.reject(new Error('the history service did not answer'));
        await acceptedContact(w, { channel: 'email', customerName: 'Olivia Brown', text: 'Please call me back.' });
      }),
    ),
};

/** The seed customer with the longest past: several pages behind Load older. */
export const LongHistory: StoryObj = {
  render: () => {
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const longest = SEED_CUSTOMERS.reduce((a, c) =>
      pastInteractions(42, c, {}, today).length > pastInteractions(42, a, {}, today).length ? c : a,
    );
    return view(storyWorld((w) => void acceptedContact(w, { channel: 'webchat', customerName: longest.name, text: 'Hello again' })));
  },
};

/** A backend without customer profiles or history: the interaction's own details, and a sentence instead of history. */
export const NoCapability: StoryObj = {
  render: () =>
    view(
      storyWorld((w) => void acceptedContact(w, { channel: 'sms', customerName: 'Ana Souza', text: 'Hi' }), {
        capabilities: { customer: false, history: false },
      }),
    ),
};
