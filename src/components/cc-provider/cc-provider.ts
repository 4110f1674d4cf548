import { provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { storeContext } from '../../core/context.js';
import type { InteractionStore } from '../../core/store/store.js';

/**
 * Provides an {@link InteractionStore} to every cc-* element inside it, so they need
 * no `.store` of their own. Renders its children as they are.
 *
 * @summary Hands the agent session's store to the widgets inside it.
 * @slot - The widgets (and any host markup) that use the store.
 */
@customElement('cc-provider')
export class CcProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The agent session's store, made with `createInteractionStore(adapter)`. */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: InteractionStore | undefined;

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
}
