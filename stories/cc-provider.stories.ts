import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcProvider } from '../src/components/cc-provider/cc-provider.js';
import type { CcNotification } from '../src/core/store/notifications.js';
import { getLocale } from '../src/controllers/localize.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

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

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the steps a moment apart, stopping once the story's world has been replaced. */
async function paced(world: StoryWorld, steps: readonly (() => unknown)[]): Promise<void> {
  for (const step of steps) {
    await pause(1200);
    if (world.store.disposed) return;
    await step();
  }
}

/**
 * R-CHAT-08: each new offer, customer message and inbound email fires `cc-notification` on the
 * provider (the log on the right lists them); the agent's own messages do not. With
 * `browser-notifications`, a hidden page also gets browser notifications once the button has
 * obtained permission: switch to another tab while the script runs.
 */
export const Notifications: StoryObj = {
  render: () => {
    const provider = createRef<CcProvider>();
    const log = createRef<HTMLOListElement>();
    const permission = createRef<HTMLOutputElement>();
    const onNotification = (e: CustomEvent<CcNotification>): void => {
      const { kind, title, body, at } = e.detail;
      const item = document.createElement('li');
      item.textContent = `${new Date(at).toLocaleTimeString(getLocale())} ${kind} · ${title}${body ? ` — ${body}` : ''}`;
      log.value?.prepend(item);
    };
    const askPermission = async (): Promise<void> => {
      const result = await provider.value?.requestNotificationPermission();
      if (permission.value) permission.value.value = result ?? '';
    };
    const world = storyWorld((w) => {
      let jane = '';
      return paced(w, [
        () => (jane = w.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, is anyone there?' })),
        () => w.store.accept(jane),
        () => w.store.send(jane, 'Hello Jane, how can I help? (no notification for this one)'),
        () => w.simulator.customerMessage(jane, 'My parcel has not arrived yet.'),
        () => w.simulator.offer({ channel: 'email', customerName: 'Eve Mail', email: { subject: 'Invoice 2024-117 is wrong' } }),
        () => w.simulator.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Can I change my delivery address?' }),
        () => w.simulator.customerMessage(jane, 'Order number is 55120.'),
      ]);
    });
    return html`<cc-provider ${ref(provider)} browser-notifications .store=${world.store} @cc-notification=${onNotification}>
      <div style="display:grid;grid-template-columns:280px 1fr 280px;gap:12px;height:480px">
        <cc-task-list></cc-task-list>
        <cc-chat-widget channel="webchat"></cc-chat-widget>
        <section aria-label="cc-notification events" style="overflow:auto;font:14px/1.4 system-ui,sans-serif">
          <p>
            <button type="button" @click=${askPermission}>Allow browser notifications</button>
            <output ${ref(permission)}></output>
          </p>
          <div role="log"><ol ${ref(log)} reversed></ol></div>
        </section>
      </div>
    </cc-provider>`;
  },
};
