import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { storyWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-template-picker',
  component: 'cc-template-picker',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: { component: 'The Templates button and its searchable list (R-TPL-01). Fires `cc-template-select`.' },
    },
  },
};
export default meta;

/** Closed: the Templates button. */
export const Closed: StoryObj = {
  render: () => html`<cc-template-picker .store=${storyWorld().store} channel="webchat"></cc-template-picker>`,
};

/** Open, listing WebChat templates (locked ones are marked). */
export const Open: StoryObj = {
  render: () => html`<div style="height:360px"><cc-template-picker open .store=${storyWorld().store} channel="webchat"></cc-template-picker></div>`,
};

/** Open for SMS. */
export const Sms: StoryObj = {
  render: () => html`<div style="height:360px"><cc-template-picker open .store=${storyWorld().store} channel="sms"></cc-template-picker></div>`,
};
