import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-agent-state',
  component: 'cc-agent-state',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: 'The agent’s availability. In RONA no offers arrive until the agent sets Available by hand (R-OFFER-04).',
      },
    },
  },
};
export default meta;

const view = (world: StoryWorld) => html`<cc-agent-state .store=${world.store}></cc-agent-state>`;

/** Available: offers arrive. */
export const Available: StoryObj = { render: () => view(storyWorld()) };

/** Idle: chosen by the agent. */
export const Idle: StoryObj = { render: () => view(storyWorld((w) => w.store.setAgentState('idle'))) };

/** R-OFFER-04: RONA after an unanswered offer, with the manual way back. */
export const Rona: StoryObj = {
  render: () => view(storyWorld((w) => void w.simulator.offer({ channel: 'sms', customerName: 'Unanswered' }), { ronaTimeoutMs: 10 })),
};

/** R-OFFER-04: RONA in a compact 48 px top bar: the element stays one line, the notice opens below it over the page. */
export const RonaInTopBar: StoryObj = {
  render: () => {
    const world = storyWorld((w) => void w.simulator.offer({ channel: 'sms', customerName: 'Unanswered' }), { ronaTimeoutMs: 10 });
    return html`<header style="display:flex;align-items:center;gap:8px;height:48px;padding:0 12px;border-bottom:1px solid #c9ced6">
        <strong>Acme desk</strong>
        <cc-agent-state .store=${world.store}></cc-agent-state>
      </header>
      <p style="padding:12px">Page content under the top bar.</p>`;
  },
};
