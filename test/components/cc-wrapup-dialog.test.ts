import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { Channel } from '../../src/core/types.js';
import {
  acceptContact,
  createFlakyWorld,
  deepActive,
  dialogOf,
  hasAccessible,
  nextEvent,
  option,
  optionTexts,
  searchbox,
  tab,
  untilListed,
} from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

interface Opened extends World {
  readonly id: string;
  readonly el: CcWrapupDialog;
  readonly opener: HTMLButtonElement;
}

/** An interaction on `channel`, ended by the agent (End → wrap-up, R-END-02), and its wrap-up dialog opened from an End button. */
async function setup(channel: Channel, options: { world?: World; multiple?: string } = {}): Promise<Opened> {
  const world = options.world ?? createWorld();
  const id = await acceptContact(world, channel);
  const root = await fixture<HTMLElement>(html`<div>
    <button id="opener">End</button>
    <cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>
  </div>`);
  const el = root.querySelector('cc-wrapup-dialog') as CcWrapupDialog;
  if (options.multiple !== undefined) el.setAttribute('multiple', options.multiple);
  const opener = root.querySelector('#opener') as HTMLButtonElement;
  opener.addEventListener('click', () => {
    void world.store.end(id).then(() => el.show());
  });
  opener.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => dialogOf(el).open, 'the dialog to open');
  await el.updateComplete;
  return { ...world, id, el, opener };
}

describe('<cc-wrapup-dialog>', () => {
  afterEach(() => {
    disposeWorlds();
  });

  it('R-END-02: End opens "Wrap-up reasons": searchable reasons of the channel; one reason by keyboard; Submit wrap-up completes the interaction', async () => {
    const o = await setup('messenger', { world: createWorld({ latencyMs: 1500 }) }); // the loading state outlasts a busy machine
    expect(dialogOf(o.el).matches(':modal')).to.equal(true);
    expect(hasAccessible(o.el, 'dialog', 'Wrap-up reasons')).to.equal(true);
    expect(deepActive()).to.equal(searchbox(o.el));
    expect(shadow(o.el, '.message[role="status"]').textContent).to.contain('Loading');
    await expect(o.el).to.be.accessible();
    await untilListed(o.el);
    expect(optionTexts(o.el)).to.deep.equal(['Resolved', 'Follow-up required', 'Escalated', 'Wrong queue', 'Spam or abuse', 'Product question']);
    expect(shadow(o.el, '[role="listbox"]').getAttribute('aria-multiselectable'), 'messenger: one reason').to.equal('false');
    expect(button(o.el, 'Submit wrap-up').disabled).to.equal(true);
    await expect(o.el).to.be.accessible();

    await sendKeys({ type: 'esc' });
    await sendKeys({ press: 'ArrowDown' });
    await o.el.updateComplete;
    expect(option(o.el, 'Escalated').getAttribute('aria-selected')).to.equal('true');
    // From the list past Notes, Summarize and Wrap up later.
    for (let n = 0; n < 4; n++) await tab();
    expect(deepActive()).to.equal(button(o.el, 'Submit wrap-up'));
    const fired = nextEvent(o.el, 'cc-wrapup');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ interactionId: o.id, reasonIds: ['wr-escalated'] });
    expect(o.el.open).to.equal(false);
    expect(o.store.state.interactions[o.id], 'the interaction is complete').to.equal(undefined);
    expect(o.simulator.interaction(o.id)?.wrapupReasonIds).to.deep.equal(['wr-escalated']);
    expect(deepActive()).to.equal(o.opener);
  });

  it('R-END-03: WebChat allows several reasons, chosen with Space across searches', async () => {
    const o = await setup('webchat');
    await untilListed(o.el);
    expect(shadow(o.el, '[role="listbox"]').getAttribute('aria-multiselectable')).to.equal('true');
    expect(shadow(o.el, '.note').textContent).to.contain('one or more');
    await sendKeys({ press: 'ArrowDown' });
    expect(option(o.el, 'Resolved').getAttribute('aria-selected'), 'moving does not select in a multi-select list').to.equal('false');
    await sendKeys({ press: ' ' });
    await o.el.updateComplete;
    expect(option(o.el, 'Resolved').getAttribute('aria-selected')).to.equal('true');
    searchbox(o.el).focus();
    await sendKeys({ type: 'sales' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await o.el.updateComplete;
    expect(shadow(o.el, '[part="selection"]').textContent).to.contain('Selected: Resolved and Sales lead');
    await expect(o.el).to.be.accessible();
    const fired = nextEvent(o.el, 'cc-wrapup');
    button(o.el, 'Submit wrap-up').click();
    expect((await fired).detail.reasonIds).to.deep.equal(['wr-resolved', 'wr-sales-lead']);
    expect(o.simulator.interaction(o.id)?.wrapupReasonIds).to.deep.equal(['wr-resolved', 'wr-sales-lead']);
  });

  it('R-END-03: the `multiple` attribute overrides the channel default', async () => {
    const sms = await setup('sms', { multiple: '' });
    expect(sms.el.multiple).to.equal(true);
    await untilListed(sms.el);
    expect(shadow(sms.el, '[role="listbox"]').getAttribute('aria-multiselectable')).to.equal('true');
    sms.el.close();

    const webchat = await setup('webchat', { multiple: 'false' });
    expect(webchat.el.multiple).to.equal(false);
    await untilListed(webchat.el);
    option(webchat.el, 'Resolved').click();
    option(webchat.el, 'Escalated').click();
    await webchat.el.updateComplete;
    expect(shadowAll(webchat.el, '[aria-selected="true"]').map((e) => e.textContent?.trim())).to.deep.equal(['Escalated']);
    webchat.el.removeAttribute('multiple');
    await webchat.el.updateComplete;
    expect(webchat.el.multiple, 'no attribute: the channel decides').to.equal(undefined);
    expect(shadow(webchat.el, '[role="listbox"]').getAttribute('aria-multiselectable')).to.equal('true');
  });

  it('R-END-02, R-X-02: Escape postpones wrap-up: the interaction stays in wrap-up, and reopening keeps the choice', async () => {
    const o = await setup('sms');
    await untilListed(o.el);
    option(o.el, 'Opt-out request').click();
    await o.el.updateComplete;
    for (let k = 0; k < 5; k++) {
      await tab(k % 2 === 1);
      expect(o.el.shadowRoot?.contains(deepActive()), `inside after Tab #${k + 1}`).to.equal(true);
    }
    const before = o.store.state;
    const closed = nextEvent(o.el, 'cc-dialog-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    expect(o.el.open).to.equal(false);
    expect(deepActive()).to.equal(o.opener);
    expect(o.store.state, 'no side effect').to.equal(before);
    expect(o.store.state.interactions[o.id]?.status).to.equal('wrapup');

    o.el.show();
    await o.el.updateComplete;
    expect(option(o.el, 'Opt-out request').getAttribute('aria-selected'), 'the choice is kept').to.equal('true');
    expect(button(o.el, 'Submit wrap-up').disabled).to.equal(false);
    button(o.el, 'Wrap up later').click();
    await o.el.updateComplete;
    expect(o.el.open).to.equal(false);
  });

  it('R-XFER-05, R-END-05: wrap-up right after a transfer; Submit waits until the transfer has ended the interaction', async () => {
    const world = createWorld({ agentResponseMs: 150 });
    const id = await acceptContact(world, 'messenger');
    const root = await fixture<HTMLElement>(html`<div>
      <cc-transfer-dialog interaction-id=${id} .store=${world.store}></cc-transfer-dialog>
      <cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>
    </div>`);
    const transfer = root.querySelector('cc-transfer-dialog') as CcTransferDialog;
    const wrapup = root.querySelector('cc-wrapup-dialog') as CcWrapupDialog;
    transfer.addEventListener('cc-transfer', () => wrapup.show());
    transfer.show();
    await transfer.updateComplete;
    (shadowAll<HTMLInputElement>(transfer, 'input[type="radio"]')[1] as HTMLInputElement).click();
    await untilListed(transfer);
    option(transfer, 'Priya Natarajan').click();
    await transfer.updateComplete;
    button(transfer, 'Transfer').click();
    await until(() => wrapup.open && dialogOf(wrapup).open, 'wrap-up to open');
    await untilListed(wrapup);
    option(wrapup, 'Resolved').click();
    await wrapup.updateComplete;
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    expect(button(wrapup, 'Submit wrap-up').disabled, 'not before the interaction has ended').to.equal(true);
    expect(shadowAll(wrapup, '.note[role="status"]').map((n) => n.textContent)).to.include('Wrap-up can be submitted once the conversation has ended.');
    await expect(wrapup).to.be.accessible();
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    await wrapup.updateComplete;
    expect(button(wrapup, 'Submit wrap-up').disabled).to.equal(false);
    button(wrapup, 'Submit wrap-up').click();
    await untilState(world.store, (s) => s.interactions[id] === undefined, 'complete');
  });

  it('R-END-02: a failed submit shows the error and keeps the choice; a failed load offers Retry', async () => {
    const world = createFlakyWorld();
    world.simulator.failOnce('listWrapupReasons');
    world.simulator.failOnce('submitWrapup');
    const o = await setup('email', { world });
    await until(() => shadowAll(o.el, '[part="retry"]').length === 1, 'Retry');
    await expect(o.el).to.be.accessible();
    button(o.el, 'Retry').click();
    await untilListed(o.el);
    option(o.el, 'Information sent').click();
    await o.el.updateComplete;
    button(o.el, 'Submit wrap-up').click();
    await until(() => shadowAll(o.el, '[part="error"]').length === 1, 'the error');
    expect(shadow(o.el, '[part="error"]').textContent).to.contain('Could not submit wrap-up: the contact center did not answer');
    expect(o.el.open).to.equal(true);
    expect(o.store.state.interactions[o.id]?.status).to.equal('wrapup');
    await expect(o.el).to.be.accessible();
    const fired = nextEvent(o.el, 'cc-wrapup');
    button(o.el, 'Submit wrap-up').click();
    expect((await fired).detail.reasonIds).to.deep.equal(['wr-info-sent']);
  });

  it('R-X-01: Chinese names from the source document', async () => {
    setLocale('zh-CN');
    const o = await setup('webchat');
    await untilListed(o.el);
    expect(hasAccessible(o.el, 'dialog', '话后处理原因')).to.equal(true);
    expect(hasAccessible(o.el, 'searchbox', '搜索')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '提交话后处理')).to.equal(true);
    expect(shadow(o.el, '.note').textContent).to.equal('您可以一次选择多个话后处理原因。');
    await expect(o.el).to.be.accessible();
  });
});
