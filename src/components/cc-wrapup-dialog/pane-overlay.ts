import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps a contained wrap-up, laid over its pane (`position: absolute; inset: 0`), over the
 * part of the pane in view. A pane scrolls as a whole when its content does not fit, and
 * what is positioned in a scroll box scrolls with its content: without this the dialog would
 * open half out of view in a pane scrolled down to its composer. The offset is set through
 * CSSOM, which a strict Content-Security-Policy allows.
 */
export class PaneOverlayController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #active: () => boolean;
  #pane: Element | undefined;

  /** `active`: whether the host is laid over its pane now (contained and open). */
  constructor(host: ReactiveElement, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  hostUpdated(): void {
    const pane = (this.#active() && this.#host.offsetParent) || undefined;
    if (pane !== this.#pane) {
      this.#pane?.removeEventListener('scroll', this.#follow);
      this.#pane = pane;
      pane?.addEventListener('scroll', this.#follow, { passive: true });
    }
    this.#follow();
  }

  hostDisconnected(): void {
    this.#pane?.removeEventListener('scroll', this.#follow);
    this.#pane = undefined;
    this.#follow();
  }

  readonly #follow = (): void => {
    const offset = this.#pane?.scrollTop ?? 0;
    this.#host.style.translate = offset === 0 ? '' : `0 ${offset}px`;
  };
}
