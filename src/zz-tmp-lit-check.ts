import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('zz-tmp-a')
export class ZzTmpA extends LitElement {
  @property({ type: Number }) count = 0;
  override render() {
    return html`<zz-tmp-a .count=${'not a number'}></zz-tmp-a><zz-unknown-tag></zz-unknown-tag><input @click=${42}>`;
  }
}
declare global { interface HTMLElementTagNameMap { 'zz-tmp-a': ZzTmpA } }
