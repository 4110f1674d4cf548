import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { errorMessage } from '../../core/format.js';
import { selectShownInteraction } from '../../core/store/selectors.js';
import type { CcState } from '../../core/store/state.js';
import type { InteractionStore } from '../../core/store/store.js';
import { CHANNELS, type Channel, type CustomerIdentity, type CustomerProfile, type Interaction } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { enCustomer } from '../../locales/en-customer.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { styles } from './cc-customer-panel.styles.js';
import { PastConversations } from './past-conversations.js';

registerEnglish(enCustomer);

/** What the panel follows in the store: the shown interaction's identity and the two capabilities. */
interface PanelSlice {
  readonly interaction: Interaction | undefined;
  readonly profile: boolean;
  readonly history: boolean;
}

function samePanel(a: PanelSlice, b: PanelSlice): boolean {
  const i = a.interaction;
  const j = b.interaction;
  const sameInteraction = i === j || (i !== undefined && j !== undefined && i.id === j.id && i.customer === j.customer && i.source === j.source);
  return sameInteraction && a.profile === b.profile && a.history === b.history;
}

/** The customer's identities as the interaction itself tells them, for a backend without profiles. */
function interactionIdentities(i: Interaction): CustomerIdentity[] {
  const identities: CustomerIdentity[] = [];
  const email = i.customer.email ?? i.source.email;
  const phone = i.customer.phone ?? i.source.phoneNumber;
  if (email) identities.push({ channel: 'email', value: email });
  if (phone) identities.push({ channel: 'sms', value: phone });
  if (i.source.page) identities.push({ channel: 'messenger', value: i.customer.name, page: i.source.page });
  return identities;
}

/**
 * Who the customer of the agent's active interaction is, and what happened before
 * (R-CTX-01, R-CTX-02): a region named **Customer** with the customer's name as its
 * heading, their identities per channel (email, phone, Messenger page) and the backend's
 * attributes (account number, tier…) in definition lists, then **Previous conversations**:
 * newest first, **Load older** for more, each with **Show transcript** / **Hide transcript**
 * (a read-only `<cc-transcript>`).
 *
 * The profile comes from `store.getCustomer()`, the past from `store.listPastInteractions()`;
 * each has loading and failed (**Retry**) states. A backend without profiles (capability
 * `customer`) leaves the panel with what the interaction tells (name, email, phone, page);
 * one without history (capability `history`) gets a sentence saying so.
 *
 * The panel follows the focused interaction (the most recently accepted of the channels'
 * focused ones, as the panes choose); `interaction-id` fixes it to one interaction and
 * `channel` limits it to one channel.
 *
 * @summary Customer panel: identity, attributes and previous conversations.
 * @csspart region - The Customer region.
 * @csspart name - The customer's name (the region's heading).
 * @csspart identities - The identities' definition list.
 * @csspart attributes - The attributes' definition list.
 * @csspart history - The Previous conversations section.
 * @csspart past-list - The list of previous conversations.
 * @csspart past - One previous conversation.
 * @csspart load-older - The Load older button.
 * @csspart empty - The text shown when no interaction is open.
 * @cssprop --cc-color-surface - Panel and conversation background.
 * @cssprop --cc-color-border - Borders of the panel and of each conversation.
 * @cssprop --cc-color-text-muted - Labels, states and previews.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-primary - Buttons.
 */
@customElement('cc-customer-panel')
export class CcCustomerPanel extends CcStoreElement {
  static override styles = styles;

  /** Show this interaction's customer instead of the focused interaction's. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Follow the focused interaction of this channel only. */
  @property()
  channel: Channel | undefined;

  readonly #slice = new StoreController<PanelSlice>(this, (s) => this.#select(s), {
    deps: () => [this.interactionId, this.channel],
    equals: samePanel,
  });

  readonly #profile = new Task(this, {
    task: ([store, id, supported]: readonly [InteractionStore | undefined, string | undefined, boolean]) =>
      store && id !== undefined && supported ? store.getCustomer(id) : Promise.resolve(undefined),
    args: () => [this.#slice.store, this.#slice.value?.interaction?.id, this.#slice.value?.profile ?? false] as const,
  });

  readonly #past = new PastConversations(this, {
    store: () => this.#slice.store,
    interactionId: () => this.#slice.value?.interaction?.id,
    supported: () => this.#slice.value?.history ?? false,
  });

  #select(state: CcState): PanelSlice {
    const channels = this.channel && CHANNELS.includes(this.channel) ? [this.channel] : CHANNELS;
    return {
      interaction: selectShownInteraction(state, channels, this.interactionId),
      profile: state.capabilities.customer,
      history: state.capabilities.history,
    };
  }

  override render() {
    const slice = this.#slice.value;
    const i = slice?.interaction;
    if (!slice || !i) {
      return html`<section class="panel" part="region" aria-label=${t('customer.region')}>
        <p class="muted" part="empty">${slice ? t('customer.none') : t('error.noStore')}</p>
      </section>`;
    }
    return html`<section class="panel" part="region" aria-label=${t('customer.region')}>
      ${slice.profile ? this.#profileView(i) : this.#fallback(i)} ${this.#past.render()}
    </section>`;
  }

  #heading(name: string): TemplateResult {
    return html`<h2 class="name" part="name">${name}</h2>`;
  }

  #profileView(i: Interaction): TemplateResult {
    return this.#profile.render({
      initial: () => this.#loading(i),
      pending: () => this.#loading(i),
      complete: (profile) => (profile ? this.#loaded(profile) : this.#loading(i)),
      error: (e) => html`${this.#heading(i.customer.name)}
        <p class="error" role="alert" id="profile-error">${t('customer.error', { reason: errorMessage(e) })}</p>
        <button class="btn secondary" aria-describedby="profile-error" @click=${() => void this.#profile.run()}>${t('retry')}</button>`,
    });
  }

  #loading(i: Interaction): TemplateResult {
    return html`${this.#heading(i.customer.name)}
      <p class="muted" role="status">${t('customer.loading')}</p>`;
  }

  #loaded(profile: CustomerProfile): TemplateResult {
    return html`${this.#heading(profile.name)} ${this.#identities(profile.identities)}
      <h3 id="attributes-heading">${t('customer.attributes')}</h3>
      ${profile.attributes.length === 0
        ? html`<p class="muted">${t('customer.noAttributes')}</p>`
        : html`<dl class="attributes" part="attributes" aria-labelledby="attributes-heading">
            ${profile.attributes.map((a) => html`<dt>${a.key}</dt><dd>${a.value}</dd>`)}
          </dl>`}`;
  }

  /** Without profiles: what the interaction tells about the customer, and why there is no more. */
  #fallback(i: Interaction): TemplateResult {
    return html`${this.#heading(i.customer.name)}
      <p class="muted">${t('customer.noProfile')}</p>
      ${this.#identities(interactionIdentities(i))}`;
  }

  #identities(identities: readonly CustomerIdentity[]): TemplateResult | typeof nothing {
    if (identities.length === 0) return nothing;
    return html`<h3 id="identities-heading">${t('customer.identities')}</h3>
      <dl class="identities" part="identities" aria-labelledby="identities-heading">
        ${identities.map((identity) => html`<dt>${this.#identityLabel(identity.channel)}</dt><dd>${this.#identityValue(identity)}</dd>`)}
      </dl>`;
  }

  #identityLabel(channel: Channel): string {
    switch (channel) {
      case 'email':
        return t('customer.email');
      case 'sms':
        return t('customer.phone');
      case 'messenger':
      case 'webchat':
        return t(`channel.${channel}`);
    }
  }

  #identityValue(identity: CustomerIdentity): string {
    return identity.page ? t('customer.messengerPage', { value: identity.value, page: identity.page }) : identity.value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-customer-panel': CcCustomerPanel;
  }
}
