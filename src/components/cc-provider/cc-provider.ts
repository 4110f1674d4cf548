import { provide } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import { storeContext } from '../../core/context.js';
import type { CcNotification } from '../../core/store/notifications.js';
import type { InteractionStore } from '../../core/store/store.js';
import { getLocale, t } from '../../controllers/localize.js';
import { schemes } from '../../styles/themes.js';
import { CcElement } from '../shared/cc-element.js';

/**
 * Provides an {@link InteractionStore} to every cc-* element inside it, so they need
 * no `.store` of their own. Renders its children as they are.
 *
 * It also raises the store's notifications (R-CHAT-08) for the host: each new offer,
 * customer message or inbound email fires `cc-notification`. With `browser-notifications`
 * it shows a browser notification too, while the page is hidden and the user has granted
 * permission (ask with {@link CcProvider.requestNotificationPermission} from a click).
 *
 * With `theme="dark"` (or `light`, or `auto` to follow `prefers-color-scheme`) every
 * element inside it uses that colour scheme (R-X-03).
 *
 * @summary Hands the agent session's store to the widgets inside it, and raises its notifications.
 * @slot - The widgets (and any host markup) that use the store.
 * @fires cc-notification - A new offer, customer message or inbound email arrived (detail: `CcNotification`). Cancelable: `preventDefault()` suppresses the browser notification.
 */
@customElement('cc-provider')
export class CcProvider extends CcElement {
  // `theme` on the provider themes every element inside it (R-X-03).
  static override styles = [
    schemes,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** The agent session's store, made with `createInteractionStore(adapter)`. */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: InteractionStore | undefined;

  /**
   * Show a browser notification for each `cc-notification` while the page is hidden.
   * Needs `Notification.permission === 'granted'`; the element never asks by itself.
   */
  @property({ type: Boolean, attribute: 'browser-notifications' })
  browserNotifications = false;

  #subscribed: InteractionStore | undefined;
  #subscription: Subscription | undefined;

  /**
   * Asks the user to allow browser notifications. Call it from a user gesture (a click):
   * browsers ignore or block requests made without one. Resolves with the permission,
   * `denied` where the browser has no Notification API.
   */
  async requestNotificationPermission(): Promise<NotificationPermission> {
    if (typeof Notification === 'undefined') return 'denied';
    if (Notification.permission !== 'default') return Notification.permission;
    return Notification.requestPermission();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#subscribe();
  }

  override render() {
    return html`<slot></slot>`;
  }

  #subscribe(): void {
    if (!this.isConnected || (this.store === this.#subscribed && this.#subscription)) return;
    this.#unsubscribe();
    this.#subscribed = this.store;
    this.#subscription = this.store?.notifications$.subscribe((n) => this.#notify(n));
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#subscribed = undefined;
  }

  #notify(detail: CcNotification): void {
    if (!this.emit('cc-notification', detail, { cancelable: true }) || !this.browserNotifications) return;
    if (document.visibilityState !== 'hidden' || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const title = t(`notification.${detail.kind}`, { name: detail.title, channel: t(`channel.${detail.channel}`) });
    // One notification per conversation: a newer message replaces the older one.
    const shown = new Notification(title, { body: detail.body, tag: `cc-${detail.interactionId}`, lang: getLocale() });
    shown.onclick = () => {
      window.focus();
      shown.close();
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
}
