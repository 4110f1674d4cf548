import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcTemplatePicker } from '../src/components/cc-template-picker/cc-template-picker.js';
import { shadowPart } from './dialog-support.js';
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

/** R-TPL-01: a search that matches no template. */
export const NoMatch: StoryObj = {
  render: () => {
    const picker = createRef<CcTemplatePicker>();
    const world = storyWorld(async () => {
      const el = picker.value;
      if (!el) return;
      const search = (await shadowPart(el, 'input[part~="search"]')) as HTMLInputElement;
      search.value = 'warranty';
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    return html`<div style="height:360px"><cc-template-picker ${ref(picker)} open .store=${world.store} channel="webchat"></cc-template-picker></div>`;
  },
};

/** R-TPL-01: at the bottom of a box that clips its content, the list opens upward above the button, fully visible. */
export const AtTheBottomOfAPane: StoryObj = {
  render: () =>
    html`<div style="height:400px;width:560px;overflow:hidden;border:1px solid #c9ced6;display:flex;align-items:flex-end;padding:8px;box-sizing:border-box">
      <cc-template-picker open .store=${storyWorld().store} channel="webchat"></cc-template-picker>
    </div>`,
};
