import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Subscription } from 'rxjs';
import { selectAgentName, selectCapabilities, selectRecent, selectShownInteraction } from '../../core/store/selectors.js';
import type { CcState } from '../../core/store/state.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Capabilities, Capability, Channel, Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { StoreController, type StoreHost } from '../../controllers/store-controller.js';

/** What a {@link ConversationController} needs from its pane. */
export interface ConversationOptions {
  /** The channels whose interactions the pane shows. */
  readonly channels: () => readonly Channel[];
  /** The interaction the pane was asked to show; without one, the agent's active interaction of those channels. */
  readonly interactionId: () => string | undefined;
  /** Moves keyboard focus to the pane's composer. */
  readonly focus: () => void;
  /** Whether the agent has seen what is new in the shown interaction, so that it counts as read (default: always). */
  readonly seen?: (i: Interaction) => boolean;
}

/**
 * Two shown interactions that differ only in `unread` render the same: marking what the
 * pane shows as read does not render it again.
 */
function sameButUnread(a: Interaction | undefined, b: Interaction | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof Interaction)[];
  return keys.length === Object.keys(b).length && keys.every((k) => k === 'unread' || a[k] === b[k]);
}

/**
 * The store as a conversation pane follows it: the interaction it shows and the agent's
 * name, each re-rendering the pane when it changes; a render when the page becomes
 * visible again; focus on the composer when the agent accepts the shown interaction
 * (R-OFFER-05); and the shown interaction marked read once the agent can see it and has
 * seen what is new (R-CHAT-08).
 *
 * Like a {@link StoreController}, it picks up a `.store` set after connecting just before
 * each render (in `hostUpdate`), so a pane reading it should do so in `update()`, not in
 * `willUpdate()`.
 */
export class ConversationController implements ReactiveController {
  readonly #host: StoreHost;
  readonly #options: ConversationOptions;
  readonly #interaction: StoreController<Interaction | undefined>;
  readonly #agentName: StoreController<string>;
  readonly #capabilities: StoreController<Capabilities>;
  readonly #recent: StoreController<CcState['recent']>;
  /** The interaction the pane showed last, to say what became of it once it is gone. */
  #lastShown: string | undefined;
  #acceptedStore: InteractionStore | undefined;
  #acceptedSubscription: Subscription | undefined;

  constructor(host: StoreHost, options: ConversationOptions) {
    this.#host = host;
    this.#options = options;
    this.#interaction = new StoreController(host, (s) => selectShownInteraction(s, options.channels(), options.interactionId()), {
      deps: () => [options.interactionId(), ...options.channels()],
      equals: sameButUnread,
    });
    this.#agentName = new StoreController(host, selectAgentName);
    // The pane re-renders when the backend's capabilities change, so its buttons follow (R-CTX-07).
    this.#capabilities = new StoreController(host, selectCapabilities);
    this.#recent = new StoreController(host, selectRecent);
    host.addController(this);
  }

  /** The interaction the pane shows, if any. */
  get value(): Interaction | undefined {
    return this.#interaction.value;
  }

  /** The store in use: the pane's own, else the provided one. */
  get store(): InteractionStore | undefined {
    return this.#interaction.store;
  }

  /** Whether the backend supports a capability; `true` while there is no store (nothing to hide yet). */
  supports(capability: Capability): boolean {
    return this.#capabilities.value?.[capability] ?? true;
  }

  /** The signed-in agent's name, empty while there is no store. */
  get agentName(): string {
    return this.#agentName.value ?? '';
  }

  /** What the pane shows without an interaction: `text`, or that it has no store. */
  renderEmpty(text: string): TemplateResult {
    if (!this.store) return html`<p class="empty" part="empty">${t('error.noStore')}</p>`;
    // Auto wrap-up took the conversation this pane showed: the agent is told, not left wondering (R-CTX-04).
    const last = this.#recent.value?.[0];
    const automatic = last && last.interaction.id === this.#lastShown && last.wrapup?.automatic ? last : undefined;
    return html`<p class="empty" part="empty">${text}</p>
      ${automatic
        ? html`<p class="empty" part="auto-wrapup-notice" role="status">
            ${t('chat.autoWrappedUp', { customer: automatic.interaction.customer.name, reasons: automatic.wrapup?.reasonNames.join(', ') ?? '' })}
          </p>`
        : nothing}`;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#acceptedSubscription?.unsubscribe();
    this.#acceptedSubscription = undefined;
    this.#acceptedStore = undefined;
  }

  hostUpdated(): void {
    this.#watchAccepted();
    const i = this.value;
    if (i) this.#lastShown = i.id;
    if (i && i.unread > 0 && document.visibilityState === 'visible' && (this.#options.seen?.(i) ?? true)) this.store?.markRead(i.id);
  }

  readonly #onVisibility = (): void => this.#host.requestUpdate();

  #watchAccepted(): void {
    const store = this.store;
    if (store === this.#acceptedStore) return;
    this.#acceptedSubscription?.unsubscribe();
    this.#acceptedStore = store;
    this.#acceptedSubscription = store?.accepted$.subscribe((id) => {
      void this.#host.updateComplete.then(() => {
        if (this.value?.id === id) this.#options.focus();
      });
    });
  }
}
