import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { registerEnglish } from '../../src/controllers/localize.js';
import { ModalDialogController } from '../../src/controllers/modal-dialog.js';
import type { CcDialogCloseReason } from '../../src/element-events.js';
import { enDialogs } from '../../src/locales/en-dialogs.js';
import { dialogElementStyles, dialogSurface } from '../../src/styles/dialog.js';
import { controls, tokens } from '../../src/styles/tokens.js';
import { deepActive, nextEvent, tab } from '../helpers/dialogs.js';
import { button, shadow, shadowAll, until } from '../helpers/world.js';

registerEnglish(enDialogs);

/** A command the test settles by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve: () => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A dialog element: its `open` property is the dialog's state; its command is whatever the test gives. */
class ModalProbe extends LitElement {
  static override styles = dialogElementStyles;
  static override properties = { open: { type: Boolean, reflect: true } };
  open = false;
  command: () => Promise<void> = () => Promise.resolve();

  readonly modal = new ModalDialogController(this);

  override render() {
    return this.modal.render({
      title: 'Move the call',
      body: html`<p>Where to?</p>`,
      confirm: {
        label: 'Move',
        ready: true,
        run: () => void this.modal.run('transfer.failed', () => this.command()).then((ok) => ok && this.modal.close('completed')),
      },
    });
  }
}
customElements.define('modal-dialog-probe', ModalProbe);

/** A dialog element modal to its container only. */
class ContainedProbe extends ModalProbe {
  override readonly modal = new ModalDialogController(this, { variant: 'contained' });
}
customElements.define('modal-dialog-contained-probe', ContainedProbe);

/** A pane holding a contained dialog among its own content. */
class PaneProbe extends LitElement {
  override render() {
    return html`<header><button id="inside">Inside</button></header>
      <p>Thread</p>
      <modal-dialog-contained-probe></modal-dialog-contained-probe>`;
  }
}
customElements.define('modal-dialog-pane-probe', PaneProbe);

/** A pane with a non-blocking confirm of its own, which keeps its open state in the controller. */
class ConfirmProbe extends LitElement {
  static override styles = [tokens, controls, dialogSurface];
  readonly reasons: CcDialogCloseReason[] = [];
  ended = 0;

  readonly confirm = new ModalDialogController(this, { ownState: true, variant: 'inline', onClose: (reason) => this.reasons.push(reason) });

  override render() {
    return html`<button id="end" @click=${() => this.confirm.show()}>End</button>
      <p>The thread stays readable.</p>
      ${this.confirm.render({
        title: 'End the conversation?',
        description: 'Only with the customer’s consent.',
        part: 'confirm',
        confirm: {
          label: 'End conversation',
          ready: true,
          danger: true,
          part: 'end',
          run: () => {
            this.confirm.close('completed');
            this.ended++;
          },
        },
      })}`;
  }
}
customElements.define('modal-dialog-confirm-probe', ConfirmProbe);

/** Two dialogs side by side in one shadow root. */
class TwoDialogs extends LitElement {
  readonly #dialogs = [new ModalDialogController(this, { ownState: true }), new ModalDialogController(this, { ownState: true })];

  override render() {
    return this.#dialogs.map((d, i) => d.renderDialog({ title: i === 0 ? 'First' : 'Second', actions: html`<button>OK</button>` }));
  }
}
customElements.define('modal-dialog-two-probe', TwoDialogs);

async function setUp(): Promise<{ trigger: HTMLButtonElement; probe: ModalProbe }> {
  const root = await fixture<HTMLElement>(html`<div><button id="trigger">Open</button><modal-dialog-probe></modal-dialog-probe></div>`);
  const trigger = root.querySelector<HTMLButtonElement>('#trigger');
  const probe = root.querySelector<ModalProbe>('modal-dialog-probe');
  if (!trigger || !probe) throw new Error('fixture not rendered');
  return { trigger, probe };
}

async function openFrom(trigger: HTMLElement, probe: ModalProbe): Promise<HTMLDialogElement> {
  trigger.focus();
  probe.open = true;
  await probe.updateComplete;
  return shadow<HTMLDialogElement>(probe, 'dialog');
}

describe('ModalDialogController', () => {
  it('R-X-02: a modal named by its heading takes focus, traps Tab, and closes on Escape, Cancel, completion or open = false with focus restored', async () => {
    const { trigger, probe } = await setUp();
    const dialog = await openFrom(trigger, probe);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(probe.modal.open).to.equal(true);
    expect(probe.shadowRoot?.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).to.equal('Move the call');
    expect(deepActive(), 'focus on the first control').to.equal(button(probe, 'Cancel'));
    await expect(probe).to.be.accessible();
    await tab();
    expect(deepActive()).to.equal(button(probe, 'Move'));
    await tab();
    expect(deepActive(), 'Tab wraps inside the dialog').to.equal(button(probe, 'Cancel'));

    const reasons: CcDialogCloseReason[] = [];
    probe.addEventListener('cc-dialog-close', (e) => reasons.push(e.detail.reason));
    let closed = nextEvent(probe, 'cc-dialog-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(probe.open).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement, 'focus back on the opener').to.equal(trigger);

    await openFrom(trigger, probe);
    closed = nextEvent(probe, 'cc-dialog-close');
    await sendKeys({ press: 'Enter' });
    await closed;
    expect(document.activeElement).to.equal(trigger);

    await openFrom(trigger, probe);
    closed = nextEvent(probe, 'cc-dialog-close');
    probe.open = false;
    await closed;
    expect(document.activeElement).to.equal(trigger);

    await openFrom(trigger, probe);
    closed = nextEvent(probe, 'cc-dialog-close');
    button(probe, 'Move').click();
    await closed;
    expect(reasons).to.deep.equal(['escape', 'cancel', 'api', 'completed']);
    expect(document.activeElement).to.equal(trigger);
  });

  it('R-X-02: a failed command is shown in the open dialog; Escape waits while a command runs', async () => {
    const { trigger, probe } = await setUp();
    const dialog = await openFrom(trigger, probe);
    probe.command = () => Promise.reject(new Error('no answer'));
    button(probe, 'Move').click();
    await until(() => shadowAll(probe, '[role="alert"]').length === 1, 'the error');
    expect(shadow(probe, '[part="error"]').textContent).to.contain('no answer');
    expect(dialog.open).to.equal(true);
    await expect(probe).to.be.accessible();

    const pending = deferred();
    probe.command = () => pending.promise;
    button(probe, 'Move').click();
    await probe.updateComplete;
    expect(probe.modal.pending).to.equal(true);
    expect(shadowAll(probe, '[role="alert"]'), 'the old error goes').to.have.length(0);
    expect(button(probe, 'Move').getAttribute('aria-disabled')).to.equal('true');
    button(probe, 'Move').focus();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open, 'still open while the command runs').to.equal(true);
    const closed = nextEvent(probe, 'cc-dialog-close');
    pending.resolve();
    expect((await closed).detail).to.deep.equal({ reason: 'completed' });
    expect(document.activeElement).to.equal(trigger);
  });

  it('R-X-02, R-END-01: the inline confirm opens in the flow without blocking the page, and reports its close reasons to onClose', async () => {
    const pane = await fixture<ConfirmProbe>(html`<modal-dialog-confirm-probe></modal-dialog-confirm-probe>`);
    let dialogCloseEvents = 0;
    pane.addEventListener('cc-dialog-close', () => dialogCloseEvents++);
    const dialog = shadow<HTMLDialogElement>(pane, 'dialog[part~="confirm"]');
    expect(dialog.open).to.equal(false);
    const end = shadow<HTMLButtonElement>(pane, '#end');
    end.focus();
    await sendKeys({ press: 'Enter' });
    await pane.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal'), 'not modal').to.equal(false);
    expect(getComputedStyle(dialog).position, 'in the flow of the pane').to.equal('static');
    expect(pane.shadowRoot?.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).to.equal('Only with the customer’s consent.');
    expect(deepActive(), 'focus moves in').to.equal(button(pane, 'Cancel'));
    await expect(pane).to.be.accessible();

    await tab(true);
    expect(deepActive(), 'no trap: Shift+Tab reaches the pane').to.equal(end);
    button(pane, 'Cancel').focus();
    await sendKeys({ press: 'Escape' });
    await pane.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(pane.confirm.open).to.equal(false);
    expect(deepActive(), 'focus back on End').to.equal(end);

    await sendKeys({ press: 'Enter' });
    await pane.updateComplete;
    button(pane, 'Cancel').click();
    await pane.updateComplete;
    end.click();
    await pane.updateComplete;
    expect(button(pane, 'End conversation').classList.contains('danger')).to.equal(true);
    expect(shadowAll(pane, '[part~="confirm"]'), 'one part named confirm: the dialog').to.deep.equal([dialog]);
    button(pane, 'End conversation').click();
    await pane.updateComplete;
    expect(pane.ended).to.equal(1);
    expect(dialog.open).to.equal(false);
    expect(pane.reasons).to.deep.equal(['escape', 'cancel', 'completed']);
    expect(dialogCloseEvents, 'onClose replaces cc-dialog-close').to.equal(0);
  });

  it('R-X-02: two dialogs in one shadow root are each labelled by their own heading', async () => {
    const el = await fixture<TwoDialogs>(html`<modal-dialog-two-probe></modal-dialog-two-probe>`);
    const names = shadowAll<HTMLDialogElement>(el, 'dialog').map((d) => el.shadowRoot?.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent);
    expect(names).to.deep.equal(['First', 'Second']);
  });

  it('R-X-02: a contained dialog is modal to its pane only: the content of the pane is inert, the page is not, Tab is trapped, Escape closes and releases', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <modal-dialog-pane-probe></modal-dialog-pane-probe>
      <button id="outside">Outside</button>
    </div>`);
    const pane = root.querySelector('modal-dialog-pane-probe') as PaneProbe;
    await pane.updateComplete;
    const probe = shadow<ContainedProbe>(pane, 'modal-dialog-contained-probe');
    const inside = shadow<HTMLButtonElement>(pane, '#inside');
    inside.focus();
    probe.open = true;
    await probe.updateComplete;
    const dialog = shadow<HTMLDialogElement>(probe, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(false);
    expect(dialog.dataset['variant']).to.equal('contained');
    expect(shadow(pane, 'header').inert).to.equal(true);
    expect(shadow(pane, 'p').inert).to.equal(true);
    expect(probe.inert).to.equal(false);
    expect((root.querySelector('#outside') as HTMLButtonElement).closest('[inert]')).to.equal(null);
    expect(deepActive() === button(probe, 'Cancel'), 'focus moved in from the pane').to.equal(true);
    await tab();
    expect(deepActive() === button(probe, 'Move')).to.equal(true);
    await tab();
    expect(deepActive() === button(probe, 'Cancel'), 'Tab wraps').to.equal(true);
    // The page is usable: focus can go outside, and the dialog stays open.
    (root.querySelector('#outside') as HTMLButtonElement).focus();
    expect(document.activeElement === root.querySelector('#outside')).to.equal(true);
    button(probe, 'Cancel').focus();
    await sendKeys({ press: 'Escape' });
    await probe.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(shadow(pane, 'header').inert, 'released').to.equal(false);
    expect(shadow(pane, 'p').inert).to.equal(false);
    expect(deepActive() === inside, 'focus back').to.equal(true);
  });
});
