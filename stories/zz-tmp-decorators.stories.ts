import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

@customElement('zz-tmp-deco')
export class ZzTmpDeco extends LitElement {
  @property() greeting = 'Hello';
  @property({ type: Number }) count = 1;
  @state() private clicks = 0;
  override render() {
    return html`<p id="out">${this.greeting} x${this.count} clicks=${this.clicks}</p><button @click=${() => { this.clicks += 1; }}>Click</button>`;
  }
}

const meta: Meta = {
  title: 'Tmp/Decorators',
  component: 'zz-tmp-deco',
  render: args => html`<zz-tmp-deco greeting=${String(args['greeting'])} .count=${Number(args['count'])}></zz-tmp-deco>`,
  args: { greeting: 'Bonjour', count: 3 },
};
export default meta;
export const Basic: StoryObj = {};
