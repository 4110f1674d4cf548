import { expect } from '@open-wc/testing';
import { shadowAll } from './world.js';

/** The buttons of a pane's header actions, and how many rows they take. */
export function headerActions(pane: Element): { readonly buttons: HTMLElement[]; readonly rows: number } {
  const buttons = shadowAll(pane, 'header .actions .btn');
  return { buttons, rows: new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size };
}

/** Each button shows its whole label, keeps a target of at least 32px, and lies inside the pane's width. */
export function expectWholeInside(pane: Element, buttons: readonly HTMLElement[]): void {
  const box = pane.getBoundingClientRect();
  for (const b of buttons) {
    const name = b.textContent?.trim() ?? '';
    const r = b.getBoundingClientRect();
    expect(b.scrollWidth, `${name} is not clipped`).to.be.at.most(b.clientWidth + 0.5);
    expect(r.width, `${name} keeps a target of 32px`).to.be.at.least(32);
    expect(r.left, name).to.be.at.least(box.left - 0.5);
    expect(r.right, name).to.be.at.most(box.right + 0.5);
  }
}
