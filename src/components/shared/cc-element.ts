import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { InteractionStore } from '../../core/store/store.js';
import { LocalizeController } from '../../controllers/localize.js';
import type { CcEventMap } from '../../element-events.js';

/** Options of {@link CcElement.emit}. */
export interface EmitOptions {
  /** The host may call `preventDefault()`: `emit` then returns `false`. */
  readonly cancelable?: boolean;
}

/**
 * The base of every element: renders again when the locale changes, and fires its events
 * through {@link emit}, typed by {@link CcEventMap}, bubbling and composed.
 */
export class CcElement extends LitElement {
  constructor() {
    super();
    new LocalizeController(this);
  }

  /**
   * Fires event `type` with `detail`, bubbling out of shadow roots. Returns `false` when a
   * cancelable event was cancelled.
   */
  protected emit<K extends keyof CcEventMap>(type: K, detail: CcEventMap[K], options: EmitOptions = {}): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}

/** The base of every element that works on the store: {@link CcElement} with a `store` property. */
export class CcStoreElement extends CcElement {
  /** The store; optional inside `<cc-provider>`, which provides one to every element in it. */
  @property({ attribute: false })
  store: InteractionStore | undefined;
}
