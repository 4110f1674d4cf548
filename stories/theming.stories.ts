import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Guides/Theming examples',
  tags: ['!autodocs'],
  parameters: {
    docs: {
      description: {
        component: 'R-X-03: the `theme` attribute, host-page tokens and `::part`. The "Theming" guide explains each.',
      },
    },
  },
};
export default meta;

/** A conversation with both sides, a receipt and a system notice. */
const conversation = (): StoryWorld =>
  storyWorld(async (w) => {
    const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, my parcel has not arrived.' });
    await w.store.send(id, 'Sorry to hear that! Could you share the order number?');
    w.simulator.customerMessage(id, 'Sure, it is 10-4471.');
  });

const frame = 'height:460px;display:grid';

/** R-X-03: `theme="dark"` and `theme="light"` on the elements themselves, whatever the page's scheme. */
export const ThemeAttribute: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      const jane = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, my parcel has not arrived.' });
      await w.store.send(jane, 'Sorry to hear that! Could you share the order number?');
      const mo = await acceptedContact(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Do you ship to Egypt?' });
      await w.store.send(mo, 'Yes, we do: delivery takes 5 to 7 days.');
    });
    return html`<div style="display:grid;grid-template-columns:1fr 1fr;gap:12px">
      <div style=${frame}><cc-chat-widget theme="light" .store=${world.store} channel="webchat"></cc-chat-widget></div>
      <div style=${frame}><cc-chat-widget theme="dark" .store=${world.store} channel="messenger"></cc-chat-widget></div>
    </div>`;
  },
};

/** R-X-03: `theme="dark"` on `<cc-provider>` themes every element inside it. */
export const ThemedProvider: StoryObj = {
  render: () => {
    const world = conversation();
    world.simulator.offer({ channel: 'sms', customerName: 'Sam Text', text: 'Is my package on its way?' });
    return html`<cc-provider theme="dark" .store=${world.store}>
      <div style="display:grid;grid-template-columns:300px 1fr;gap:12px;height:460px">
        <cc-task-list></cc-task-list>
        <cc-chat-widget channel="webchat"></cc-chat-widget>
      </div>
    </cc-provider>`;
  },
};

const BRAND_CSS = `
.brand {
  --cc-color-primary: #6b2fbf;
  --cc-color-primary-hover: #55249a;
  --cc-color-focus: #6b2fbf;
  --cc-color-agent-bubble: #6b2fbf;
  --cc-color-customer-bubble: #f1ecf9;
  --cc-color-surface-alt: #faf8fd;
  --cc-radius: 14px;
  --cc-font-family: Georgia, 'Songti SC', serif;
}
.brand cc-chat-widget::part(agent-bubble) { border-bottom-right-radius: 2px; }
.brand cc-chat-widget::part(customer-bubble) { border-bottom-left-radius: 2px; }
.brand cc-chat-widget::part(header) { border-bottom: 3px solid #6b2fbf; }
`;

/**
 * R-X-03: a host's brand through the public tokens on a container, and `::part` for shapes
 * the tokens do not cover. `theme="light"` pins the container to the light scheme the
 * brand colours were chosen for.
 */
export const BrandTokensAndParts: StoryObj = {
  // The host page's stylesheet, adopted for this story only.
  beforeEach: () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BRAND_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  },
  render: () => html`<div class="brand" theme="light" style=${frame}><cc-chat-widget .store=${conversation().store} channel="webchat"></cc-chat-widget></div>`,
};

/** R-X-03: `theme="auto"` follows the operating system (`prefers-color-scheme`). */
export const FollowsTheSystem: StoryObj = {
  render: () => html`<div style=${frame}><cc-chat-widget theme="auto" .store=${conversation().store} channel="webchat"></cc-chat-widget></div>`,
};
