import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { FocusTrapController } from '../../src/controllers/focus-trap.js';
import { shadow } from '../helpers/world.js';

class TrapInner extends LitElement {
  override render() {
    return html`<button>Inner</button>`;
  }
}
customElements.define('trap-inner', TrapInner);

/** A trap around a panel holding a button, a nested shadow root, slotted content and untabbable controls. */
class TrapProbe extends LitElement {
  static override properties = { active: { type: Boolean } };
  active = true;

  constructor() {
    super();
    new FocusTrapController(this, () => (this.active ? this.renderRoot.querySelector('.panel') : null));
  }

  override render() {
    return html`<div class="panel">
        <button id="first">First</button>
        <button disabled>Disabled</button>
        <button hidden>Hidden</button>
        <trap-inner></trap-inner>
        <slot></slot>
      </div>
      <button id="outside">Outside the panel</button>`;
  }
}
customElements.define('trap-probe', TrapProbe);

function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function tab(shift = false): Promise<void> {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (shift) await sendKeys({ up: 'Shift' });
}

describe('FocusTrapController', () => {
  it('R-X-02: Tab and Shift+Tab wrap inside the container, through shadow roots and slots, while it is active', async () => {
    const probe = await fixture<TrapProbe>(html`<trap-probe><input aria-label="Slotted" /></trap-probe>`);
    const first = shadow<HTMLButtonElement>(probe, '#first');
    const inner = shadow(shadow(probe, 'trap-inner'), 'button');
    const slotted = probe.querySelector('input');
    first.focus();
    await tab();
    expect(deepActive()).to.equal(inner);
    await tab();
    expect(deepActive()).to.equal(slotted);
    await tab();
    expect(deepActive(), 'Tab from the last wraps to the first').to.equal(first);
    await tab(true);
    expect(deepActive(), 'Shift+Tab from the first wraps to the last').to.equal(slotted);

    probe.active = false;
    await probe.updateComplete;
    slotted?.focus();
    await tab();
    expect(deepActive(), 'inactive: focus moves on').to.equal(shadow(probe, '#outside'));
  });
});
