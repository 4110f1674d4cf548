import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sameItems, selectOffersFor } from '../../core/store/selectors.js';
import type { Channel, Interaction } from '../../core/types.js';
import { AcceptController } from '../../controllers/accept.js';
import { t } from '../../controllers/localize.js';
import { ShortcutController, ariaKeyShortcuts } from '../../controllers/shortcuts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { interactionFields } from '../shared/interaction-fields.js';
import { styles } from './cc-contact-request.styles.js';
import { elapsed } from '../shared/elapsed.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { showShortcutHelp } from '../shared/lazy.js';

/**
 * Contact requests: each interaction offered to the agent, with its queue, its source
 * (page for Messenger; phone and source number for SMS; customer name and email for
 * WebChat and Email), the time it has waited, and **Accept** (R-OFFER-01, R-OFFER-02).
 * The accept shortcut (default Ctrl+Alt+A) accepts the oldest offer shown; the help
 * shortcut (Ctrl+Alt+K) opens the shortcut help (R-CHAT-09).
 * Without `interaction-id` it lists every pending offer (of `channel`, when set).
 *
 * @summary Offers waiting for the agent, with Accept.
 * @fires cc-accept - The agent accepted an offer. Detail: `{ interactionId, channel }`.
 * @csspart list - The list of offers.
 * @csspart offer - One offer card.
 * @csspart accept - The Accept button.
 * @csspart timer - The elapsed-time text.
 * @csspart empty - The text shown when there is no offer.
 * @cssprop --cc-color-primary - Accept button and the offer's accent border.
 * @cssprop --cc-color-surface - Card background.
 * @cssprop --cc-color-border - Card border.
 * @cssprop --cc-color-text-muted - Labels and timer.
 * @cssprop --cc-color-danger - Error text.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-contact-request')
export class CcContactRequest extends CcStoreElement {
  static override styles = styles;

  /** Show only this offer. Without it every pending offer is listed. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Show only offers of this channel. */
  @property()
  channel: Channel | undefined;

  readonly #accepting = new AcceptController(this, (i) => this.emit('cc-accept', { interactionId: i.id, channel: i.channel }));
  readonly #shortcuts = new ShortcutController(this, {
    scope: 'global',
    handlers: { accept: () => this.#acceptOldest(), help: () => showShortcutHelp() },
  });
  readonly #offers = new StoreController(this, (s) => selectOffersFor(s, { channel: this.channel, interactionId: this.interactionId }), {
    deps: () => [this.interactionId, this.channel],
    equals: sameItems,
  });

  override render() {
    const offers = this.#offers.value ?? [];
    if (offers.length === 0) return html`<p class="empty" part="empty">${t('offer.none')}</p>`;
    const binding = this.#shortcuts.binding('accept');
    const oldest = this.#oldest()?.id;
    return html`<ul part="list">
      ${repeat(
        offers,
        (o) => o.id,
        (o) => this.#renderOffer(o, binding && o.id === oldest ? ariaKeyShortcuts(binding) : undefined),
      )}
    </ul>`;
  }

  #renderOffer(o: Interaction, keyShortcuts: string | undefined) {
    const channelName = t(`channel.${o.channel}`);
    const label = t('offer.label', { channel: channelName, customer: o.customer.name });
    const error = this.#accepting.error(o.id);
    return html`<li class="offer" part="offer" aria-label=${label}>
      <h3 class="title"><span dir="auto">${o.customer.name}</span><span class="channel">${channelName}</span></h3>
      <dl>${interactionFields(o)}</dl>
      <div class="side">
        <span class="timer" part="timer" role="timer" dir="ltr" aria-label=${t('offer.elapsed')}>${elapsed(o.offeredAt)}</span>
        <button class="btn" part="accept" aria-keyshortcuts=${keyShortcuts ?? nothing} @click=${() => this.#accepting.accept(this.#offers.store, o)}>${t('accept')}</button>
      </div>
      ${error ? html`<p class="error" role="alert">${t('offer.acceptFailed', { reason: error })}</p>` : nothing}
    </li>`;
  }

  #oldest(): Interaction | undefined {
    return (this.#offers.value ?? []).reduce<Interaction | undefined>((a, o) => (a && a.offeredAt <= o.offeredAt ? a : o), undefined);
  }

  // R-CHAT-09: `false` (nothing shown to accept) passes the key press to another element.
  #acceptOldest(): boolean {
    const oldest = this.#oldest();
    if (oldest) void this.#accepting.accept(this.#offers.store, oldest);
    return oldest !== undefined;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'cc-contact-request': CcContactRequest;
  }
}
