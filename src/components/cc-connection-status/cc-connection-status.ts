import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Observable, Subscription } from 'rxjs';
import type { ConnectionSource, ConnectionState } from '../../core/connection.js';
import type { InteractionStore } from '../../core/store/store.js';
import { t } from '../../controllers/localize.js';
import { StoreConsumer } from '../../controllers/store-controller.js';
import { styles } from './cc-connection-status.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';

/**
 * Shows whether the widgets are connected to the contact center: **Connected**,
 * **Connecting…**, **Connection lost. Reconnecting…** (with a note that messages are
 * kept and sent once the connection is back) or **Disconnected**. A polite live region
 * (`role="status"`), so screen readers announce every change.
 *
 * It follows the `connection$` of its `source`, or else the store's `connection$` (which
 * reports the connection of a network adapter such as `WebSocketContactCenter`). With an
 * adapter that has no connection (the simulated contact center runs in the page) it renders nothing. The host element reflects the
 * current state as the `state` attribute, for host styling.
 *
 * When the store reports that the backend's log was reset and it resynchronised
 * (`store.resynced$`), it shows a notice that asks the agent to check their latest
 * messages, until the agent dismisses it.
 *
 * @summary Connection indicator: Connected / Connecting / Reconnecting / Disconnected.
 * @fires cc-connection-change - The connection state changed. Detail: `{ state }`.
 * @csspart status - The indicator (the live region).
 * @csspart indicator - The coloured dot.
 * @csspart label - The state's text.
 * @csspart hint - The note shown while reconnecting.
 * @csspart notice - The notice shown after a resynchronisation.
 * @cssprop --cc-color-success - Connected dot.
 * @cssprop --cc-color-warning - Connecting and reconnecting dot.
 * @cssprop --cc-color-danger - Reconnecting border, disconnected dot and border.
 * @cssprop --cc-color-text-muted - The reconnecting hint.
 * @cssprop --cc-color-border - Border of the indicator while connected or connecting.
 * @cssprop --cc-color-surface - Background of the indicator.
 * @cssprop --cc-color-text - The state's text.
 */
@customElement('cc-connection-status')
export class CcConnectionStatus extends CcStoreElement {
  static override styles = styles;

  /** What to follow instead of the store: anything with a `connection$` Observable. */
  @property({ attribute: false })
  source: ConnectionSource | undefined;

  /** While connected, show nothing (the live region stays, so reconnection is still announced). */
  @property({ type: Boolean, attribute: 'hide-when-open' })
  hideWhenOpen = false;

  @state()
  private current: ConnectionState | undefined;

  @state()
  private resynced = false;

  readonly #consumer = new StoreConsumer(this);
  #followed: Observable<ConnectionState> | undefined;
  #subscription: Subscription | undefined;
  #noticeStore: InteractionStore | undefined;
  #noticeSubscription: Subscription | undefined;

  /** Whether the resynchronisation notice is shown. */
  get noticeShown(): boolean {
    return this.resynced;
  }

  /** The connection state shown, or `undefined` when there is nothing to follow. */
  get connectionState(): ConnectionState | undefined {
    return this.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unfollow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.#consumer.store;
    this.#followNotices(store);
    const wanted = this.source?.connection$ ?? store?.connection$;
    if (wanted === this.#followed && (this.#subscription || !wanted)) return;
    this.#unfollow();
    this.#followed = wanted;
    this.current = undefined;
    if (!wanted) return;
    let initial = true;
    this.#subscription = wanted.subscribe((next) => {
      if (next === this.current) return;
      this.current = next;
      if (!initial) this.emit('cc-connection-change', { state: next });
    });
    initial = false;
  }

  protected override updated(): void {
    if (this.current) this.setAttribute('state', this.current);
    else this.removeAttribute('state');
  }

  override render() {
    const current = this.current;
    if (!current) return nothing;
    const quiet = current === 'open' && this.hideWhenOpen;
    return html`<div class="status ${current} ${quiet ? 'visually-hidden' : ''}" part="status" role="status">
        <span class="dot" part="indicator" aria-hidden="true"></span>
        <span class="label" part="label">${t(`connection.${current}`)}</span>
        ${current === 'reconnecting' ? html`<span class="hint" part="hint">${t('connection.queued')}</span>` : nothing}
      </div>
      <div class="notice-region" role="status">
        ${this.resynced
          ? html`<p class="notice" part="notice">
              <span>${t('connection.resynced')}</span>
              <button type="button" @click=${this.#dismiss}>${t('connection.dismiss')}</button>
            </p>`
          : nothing}
      </div>`;
  }

  #dismiss = (): void => {
    this.resynced = false;
  };

  #followNotices(store: InteractionStore | undefined): void {
    if (store === this.#noticeStore && (this.#noticeSubscription || !store)) return;
    this.#noticeSubscription?.unsubscribe();
    this.#noticeSubscription = undefined;
    this.#noticeStore = store;
    this.resynced = false;
    if (!store || store.disposed) return;
    this.#noticeSubscription = store.resynced$.subscribe(() => {
      this.resynced = true;
    });
  }

  #unfollow(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#followed = undefined;
    this.#noticeSubscription?.unsubscribe();
    this.#noticeSubscription = undefined;
    this.#noticeStore = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-connection-status': CcConnectionStatus;
  }
}
