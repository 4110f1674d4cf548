import type { ReactiveController, ReactiveElement } from 'lit';

/** Which edge of the trigger a pop-up lines up with: its start (left in LTR) or its end. */
export type PopoverAlign = 'start' | 'end';

/** Options of {@link placePopover}. */
export interface PlacePopoverOptions {
  /** Edge of the trigger the pop-up lines up with. Default `start`. */
  readonly align?: PopoverAlign;
  /** Space between the trigger and the pop-up, in pixels. Default 4. */
  readonly gap?: number;
  /** Space kept between the pop-up and the viewport's edges, in pixels. Default 8. */
  readonly margin?: number;
  /** Tallest the pop-up may be, in pixels, when there is room. Default 360. */
  readonly maxHeight?: number;
}

/** Whether the browser has the Popover API (top layer, no clipping by ancestors). */
function hasPopover(panel: HTMLElement): boolean {
  return typeof panel.showPopover === 'function' && panel.hasAttribute('popover');
}

/**
 * Shows `panel` (an element with `popover="manual"`) in the top layer, where no
 * ancestor's `overflow` clips it, and places it next to `trigger` inside the viewport:
 * below the trigger when it fits there, otherwise on the side with more room, its height
 * capped to that room (the panel scrolls what does not fit). Its width is the stylesheet's
 * business (keep it under `100vw` minus the margins). Without the Popover API the panel is
 * placed the same way with `position: fixed`.
 */
export function placePopover(panel: HTMLElement, trigger: Element, options: PlacePopoverOptions = {}): void {
  const { align = 'start', gap = 4, margin = 8, maxHeight = 360 } = options;
  if (hasPopover(panel) && !panel.matches(':popover-open')) panel.showPopover();
  const view = panel.ownerDocument.documentElement;
  const width = view.clientWidth;
  const height = view.clientHeight;
  const anchor = trigger.getBoundingClientRect();
  Object.assign(panel.style, { position: 'fixed', inset: 'auto', margin: '0', maxHeight: 'none' });
  const natural = Math.min(panel.offsetHeight, maxHeight);
  const below = height - anchor.bottom - gap - margin;
  const above = anchor.top - gap - margin;
  const downward = natural <= below || below >= above;
  const room = Math.max(0, downward ? below : above);
  panel.style.maxHeight = `${Math.min(maxHeight, room)}px`;
  const box = panel.getBoundingClientRect();
  const top = downward ? anchor.bottom + gap : anchor.top - gap - box.height;
  const rtl = getComputedStyle(trigger).direction === 'rtl';
  const fromLeft = (align === 'start') !== rtl;
  const left = fromLeft ? anchor.left : anchor.right - box.width;
  panel.style.top = `${Math.max(margin, top)}px`;
  panel.style.left = `${Math.min(Math.max(margin, left), Math.max(margin, width - margin - box.width))}px`;
  panel.dataset['placement'] = downward ? 'below' : 'above';
}

/** Options of a {@link PopoverPositionController}. */
export interface PopoverPositionOptions extends Omit<PlacePopoverOptions, 'align'> {
  /** The open pop-up (`popover="manual"`), or null while it is closed (not rendered). */
  readonly panel: () => HTMLElement | null | undefined;
  /** What the pop-up opens from. */
  readonly trigger: () => Element | null | undefined;
  /** Edge of the trigger the pop-up lines up with; read on each placement. */
  readonly align?: () => PopoverAlign;
}

/**
 * Keeps a host's pop-up fully visible: after each update in which the pop-up is rendered
 * it is shown in the top layer and placed with {@link placePopover}, and placed again when
 * the window resizes or anything scrolls while it is open. The host renders the pop-up
 * with `popover="manual"` while open and drops it when closed; keyboard handling and
 * closing on an outside click stay with the host.
 */
export class PopoverPositionController implements ReactiveController {
  readonly #options: PopoverPositionOptions;
  #listening = false;
  readonly #place = (): void => {
    const panel = this.#options.panel();
    const trigger = this.#options.trigger();
    if (!panel?.isConnected || !trigger) return;
    placePopover(panel, trigger, { ...this.#options, align: this.#options.align?.() ?? 'start' });
  };

  // Scrolling inside the pop-up (its list) does not move it.
  readonly #onScroll = (e: Event): void => {
    const panel = this.#options.panel();
    if (panel && !e.composedPath().includes(panel)) this.#place();
  };

  constructor(host: ReactiveElement, options: PopoverPositionOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const open = Boolean(this.#options.panel()?.isConnected);
    if (open) this.#place();
    this.#listen(open);
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  /** Places the pop-up again (after its content changed size outside an update of the host). */
  reposition(): void {
    this.#place();
  }

  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) {
      window.addEventListener('resize', this.#place);
      window.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    } else {
      window.removeEventListener('resize', this.#place);
      window.removeEventListener('scroll', this.#onScroll, { capture: true });
    }
  }
}
