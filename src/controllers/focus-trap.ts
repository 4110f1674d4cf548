import type { ReactiveController, ReactiveElement } from 'lit';

const TABBABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';

function isTabbable(el: Element): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.matches(TABBABLE) || el.tabIndex < 0) return false;
  if ('disabled' in el && el.disabled === true) return false;
  return el.checkVisibility();
}

// Tabbable elements in tree order, looking into shadow roots and slotted content.
function collect(root: Element | ShadowRoot, out: HTMLElement[]): HTMLElement[] {
  for (const el of root.children) {
    if (isTabbable(el)) out.push(el);
    const assigned = el instanceof HTMLSlotElement ? el.assignedElements({ flatten: true }) : [];
    if (assigned.length > 0) for (const a of assigned) collectFrom(a, out);
    else collect(el.shadowRoot ?? el, out);
  }
  return out;
}

function collectFrom(el: Element, out: HTMLElement[]): void {
  if (isTabbable(el)) out.push(el);
  collect(el.shadowRoot ?? el, out);
}

/**
 * Keeps Tab and Shift+Tab inside a container while it is active (R-X-02): from the last
 * tabbable element Tab wraps to the first, and Shift+Tab from the first to the last.
 * A native modal `<dialog>` makes the page inert but still lets Tab leave for the
 * browser's own UI; this closes that gap. `container` returns the element to trap focus
 * in, or nothing while focus should move freely (a closed dialog).
 */
export class FocusTrapController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #container: () => Element | null | undefined;

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    const container = this.#container();
    if (!container) return;
    const items = collect(container, []);
    const first = items[0];
    const last = items[items.length - 1];
    const origin = e.composedPath()[0];
    const inside = origin instanceof HTMLElement && items.includes(origin);
    let target: HTMLElement | undefined;
    if (e.shiftKey && (!inside || origin === first)) target = last;
    else if (!e.shiftKey && (!inside || origin === last)) target = first;
    else return;
    e.preventDefault();
    target?.focus();
  };

  constructor(host: ReactiveElement, container: () => Element | null | undefined) {
    this.#host = host;
    this.#container = container;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
  }
}
