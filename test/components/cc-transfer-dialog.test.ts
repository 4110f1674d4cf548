import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
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
  readonly el: CcTransferDialog;
  /** The button that opened the dialog (focus returns there). */
  readonly opener: HTMLButtonElement;
}

/** An accepted contact on `channel`, and a host page whose Transfer button opens the dialog. */
async function setup(channel: Channel, world: World = createWorld({ agentResponseMs: 30 })): Promise<Opened> {
  const id = await acceptContact(world, channel);
  const root = await fixture<HTMLElement>(html`<div>
    <button id="opener">Transfer</button>
    <cc-transfer-dialog interaction-id=${id} .store=${world.store}></cc-transfer-dialog>
  </div>`);
  const el = root.querySelector('cc-transfer-dialog') as CcTransferDialog;
  const opener = root.querySelector('#opener') as HTMLButtonElement;
  opener.addEventListener('click', () => el.show());
  return { ...world, id, el, opener };
}

/** Opens the dialog the way an agent does: from the focused Transfer button, with Enter. */
async function openByKeyboard(o: Opened): Promise<void> {
  o.opener.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => dialogOf(o.el).open, 'the dialog to open');
  await o.el.updateComplete;
}

function radio(el: CcTransferDialog, name: string): HTMLInputElement {
  const found = shadowAll<HTMLLabelElement>(el, 'fieldset label').find((l) => l.textContent?.trim() === name)?.querySelector('input');
  if (!found) throw new Error(`no radio "${name}"`);
  return found;
}

describe('<cc-transfer-dialog>', () => {
  afterEach(() => {
    disposeWorlds();
  });

  it('R-XFER-01, R-XFER-02, R-X-02: opens as a modal dialog named "Transfer request", focus on the Queue/Agent choice, queues of the channel listed', async () => {
    // Slow enough that the loading state is still there on a busy machine.
    const o = await setup('webchat', createWorld({ latencyMs: 1500 }));
    await openByKeyboard(o);
    const dialog = dialogOf(o.el);
    expect(o.el.open).to.equal(true);
    expect(o.el.hasAttribute('open'), 'open reflects').to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(o.el.shadowRoot?.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).to.equal('Transfer request');
    expect(deepActive()).to.equal(radio(o.el, 'Queue'));
    expect(radio(o.el, 'Queue').checked).to.equal(true);
    expect(searchbox(o.el).getAttribute('aria-label')).to.equal('Search');
    // Loading state.
    expect(shadow(o.el, '[role="status"]').textContent).to.contain('Loading');
    expect(button(o.el, 'Transfer').disabled, 'nothing chosen yet').to.equal(true);
    await expect(o.el).to.be.accessible();

    await untilListed(o.el);
    expect(shadow(o.el, '[role="listbox"]').getAttribute('aria-label')).to.equal('Queues');
    expect(optionTexts(o.el)).to.deep.equal(['Web Chat Sales', 'Web Chat Support', 'General Enquiries', 'Priority Care']);
    expect(shadowAll(o.el, '[role="option"]').every((opt) => opt.getAttribute('aria-selected') === 'false')).to.equal(true);
    await expect(o.el).to.be.accessible();
  });

  it('R-XFER-02, R-XFER-03, R-XFER-05: keyboard only: Agent, search, pick an available agent, Transfer; cc-transfer fires, focus returns, wrap-up follows', async () => {
    const o = await setup('messenger');
    await openByKeyboard(o);
    await untilListed(o.el);
    await sendKeys({ press: 'ArrowRight' });
    await o.el.updateComplete;
    expect(radio(o.el, 'Agent').checked).to.equal(true);
    await untilListed(o.el);
    expect(shadow(o.el, '[role="listbox"]').getAttribute('aria-label')).to.equal('Agents');

    await tab();
    expect(deepActive()).to.equal(searchbox(o.el));
    await sendKeys({ type: 'tom' });
    await o.el.updateComplete;
    expect(optionTexts(o.el)).to.deep.equal(['Tom Becker Available']);
    await sendKeys({ press: 'ArrowDown' });
    await o.el.updateComplete;
    expect(deepActive()).to.equal(option(o.el, 'Tom Becker'));
    expect(option(o.el, 'Tom Becker').getAttribute('aria-selected'), 'selection follows focus').to.equal('true');
    expect(shadow(o.el, '[part="selection"]').textContent).to.contain('Selected: Tom Becker');
    expect(button(o.el, 'Transfer').disabled).to.equal(false);

    await tab(); // Cancel
    await tab(); // Consult (an agent on a chat channel, R-CTX-06)
    expect(deepActive()).to.equal(button(o.el, 'Consult'));
    await tab(); // Transfer
    expect(deepActive()).to.equal(button(o.el, 'Transfer'));
    const fired = nextEvent(o.el, 'cc-transfer');
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    expect(detail).to.deep.equal({ interactionId: o.id, target: { kind: 'agent', agentId: 'agent-tom' } });
    expect(o.el.open).to.equal(false);
    expect(dialogOf(o.el).open).to.equal(false);
    expect(deepActive(), 'focus returns to the Transfer button').to.equal(o.opener);

    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'wrapup', 'wrap-up');
    expect(o.store.state.interactions[o.id]?.transfer).to.deep.equal({ target: { kind: 'agent', agentId: 'agent-tom' }, state: 'completed' });
    expect(o.store.state.interactions[o.id]?.endReason).to.equal('transferred');
  });

  it('R-XFER-02: a transfer to a queue, by mouse', async () => {
    const o = await setup('sms');
    o.el.show();
    await untilListed(o.el);
    expect(optionTexts(o.el)).to.deep.equal(['SMS Support', 'General Enquiries', 'SMS Offers']);
    option(o.el, 'SMS Offers').click();
    await o.el.updateComplete;
    const fired = nextEvent(o.el, 'cc-transfer');
    button(o.el, 'Transfer').click();
    expect((await fired).detail.target).to.deep.equal({ kind: 'queue', queueId: 'q-sms-shortcode' });
    await untilState(o.store, (s) => s.interactions[o.id]?.transfer?.state === 'completed', 'completed');
  });

  it('R-XFER-03: agents show an availability icon and its name in words, available agents first', async () => {
    const o = await setup('webchat');
    o.el.show();
    await o.el.updateComplete;
    radio(o.el, 'Agent').click();
    await untilListed(o.el);
    expect(optionTexts(o.el)).to.deep.equal([
      'Priya Natarajan Available',
      'Tom Becker Available',
      'Lucía Fernández Available',
      'Samuel Okafor Idle',
      'Mei Lin Busy',
      'Raj Patel RONA',
      'Hannah Schmidt Offline',
      'Dana Whitfield Available',
      'Marcus Reed Offline',
    ]);
    const dot = (name: string) => option(o.el, name).querySelector('.dot');
    expect(dot('Priya Natarajan')?.classList.contains('available')).to.equal(true);
    expect(dot('Priya Natarajan')?.getAttribute('aria-hidden'), 'the word, not the colour, is read').to.equal('true');
    expect(getComputedStyle(dot('Priya Natarajan') as Element).backgroundColor, 'green').to.equal('rgb(23, 117, 58)');
    expect(getComputedStyle(dot('Mei Lin') as Element).backgroundColor).not.to.equal('rgb(23, 117, 58)');
    expect(hasAccessible(o.el, 'option', 'Priya Natarajan Available')).to.equal(true);
    await expect(o.el).to.be.accessible();
  });

  it('R-XFER-04: Refresh list reloads the agents with their current availability', async () => {
    const o = await setup('webchat');
    o.el.show();
    await o.el.updateComplete;
    radio(o.el, 'Agent').click();
    await untilListed(o.el);
    expect(option(o.el, 'Mei Lin').textContent).to.contain('Busy');
    o.simulator.setAgentAvailability('agent-mei', 'available');
    o.simulator.setAgentAvailability('agent-tom', 'offline');
    await o.el.updateComplete;
    expect(option(o.el, 'Mei Lin').textContent, 'not before Refresh').to.contain('Busy');
    button(o.el, 'Refresh list').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => option(o.el, 'Mei Lin').textContent?.includes('Available') === true, 'Mei available');
    expect(option(o.el, 'Tom Becker').textContent).to.contain('Offline');
    expect(deepActive(), 'focus stays on Refresh list').to.equal(button(o.el, 'Refresh list'));
  });

  it('R-XFER-06: a transfer to an agent who is no longer available when it arrives is dropped, and the store records it', async () => {
    const o = await setup('messenger', createWorld({ agentResponseMs: 2000 }));
    o.el.show();
    await o.el.updateComplete;
    radio(o.el, 'Agent').click();
    await untilListed(o.el);
    option(o.el, 'Priya Natarajan').click();
    await o.el.updateComplete;
    const fired = nextEvent(o.el, 'cc-transfer');
    button(o.el, 'Transfer').click();
    expect((await fired).detail.target).to.deep.equal({ kind: 'agent', agentId: 'agent-priya' });
    expect(o.store.state.interactions[o.id]?.transfer?.state).to.equal('pending');
    o.simulator.setAgentAvailability('agent-priya', 'offline');
    await untilState(o.store, (s) => s.interactions[o.id]?.transfer?.state === 'dropped', 'dropped');
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'wrapup', 'wrap-up');
    expect(o.simulator.interaction(o.id)?.transfer?.state).to.equal('dropped');
  });

  it('R-XFER-07, R-MAIL-17: email is transferred to email queues only; there is no Agent choice', async () => {
    const o = await setup('email');
    o.el.show();
    await untilListed(o.el);
    expect(shadowAll(o.el, 'input[type="radio"]')).to.have.length(0);
    expect(shadow(o.el, '.note').textContent).to.contain('queue only');
    expect(optionTexts(o.el)).to.deep.equal(['Email Support', 'Billing (Email)']);
    expect(deepActive(), 'focus starts on the searchbox').to.equal(searchbox(o.el));
    await expect(o.el).to.be.accessible();
    await sendKeys({ type: 'bill' });
    await sendKeys({ press: 'ArrowDown' });
    await o.el.updateComplete;
    const fired = nextEvent(o.el, 'cc-transfer');
    button(o.el, 'Transfer').click();
    expect((await fired).detail.target).to.deep.equal({ kind: 'queue', queueId: 'q-email-billing' });
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'wrapup', 'wrap-up');
  });

  it('R-XFER-02: when the adapter refuses the transfer, the dialog shows why and the interaction stays as it was', async () => {
    const o = await setup('webchat', createWorld({ agentResponseMs: 60_000 }));
    await o.store.inviteToConference(o.id, 'agent-mei');
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'conference-requested', 'conference requested');
    const before = o.store.state.interactions[o.id];
    o.el.show();
    await untilListed(o.el);
    option(o.el, 'Web Chat Support').click();
    await o.el.updateComplete;
    let fired = false;
    o.el.addEventListener('cc-transfer', () => (fired = true));
    button(o.el, 'Transfer').click();
    await until(() => shadowAll(o.el, '[part="error"]').length === 1, 'the error');
    const error = shadow(o.el, '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Could not transfer the conversation:');
    expect(error.textContent).to.contain('conference-requested');
    expect(o.el.open, 'the dialog stays open').to.equal(true);
    expect(fired).to.equal(false);
    expect(o.store.state.interactions[o.id], 'the interaction is untouched').to.equal(before);
    expect(option(o.el, 'Web Chat Support').getAttribute('aria-selected'), 'the choice is kept to retry').to.equal('true');
    await expect(o.el).to.be.accessible();
  });

  it('R-XFER-04: a list that fails to load says so and offers Retry', async () => {
    const world = createFlakyWorld();
    world.simulator.failOnce('listQueues');
    const o = await setup('messenger', world);
    o.el.show();
    await until(() => shadowAll(o.el, '[part="retry"]').length === 1, 'Retry');
    expect(shadow(o.el, '.load-failed [role="alert"]').textContent).to.contain('Could not load the list: the contact center did not answer');
    await expect(o.el).to.be.accessible();
    button(o.el, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await untilListed(o.el);
    expect(optionTexts(o.el)).to.deep.equal(['Messenger Support', 'General Enquiries', 'Priority Care']);
    expect(deepActive(), 'focus stays in the dialog').to.equal(searchbox(o.el));
  });

  it('R-X-02: Tab stays inside the dialog; Escape clears the search, then closes with no side effect and focus returns', async () => {
    const o = await setup('webchat');
    await openByKeyboard(o);
    await untilListed(o.el);
    const inside = (): boolean => o.el.shadowRoot?.contains(deepActive()) === true;
    for (let k = 0; k < 8; k++) {
      await tab(k % 3 === 2);
      expect(inside(), `focus inside after Tab #${k + 1}`).to.equal(true);
    }
    option(o.el, 'Priority Care').click();
    searchbox(o.el).focus();
    await sendKeys({ type: 'web' });
    await o.el.updateComplete;
    expect(optionTexts(o.el)).to.deep.equal(['Web Chat Sales', 'Web Chat Support']);
    const before = o.store.state;
    let transferred = false;
    o.el.addEventListener('cc-transfer', () => (transferred = true));

    await sendKeys({ press: 'Escape' });
    await o.el.updateComplete;
    expect(searchbox(o.el).value, 'first Escape clears the search').to.equal('');
    expect(o.el.open).to.equal(true);

    const closed = nextEvent(o.el, 'cc-dialog-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ reason: 'escape' });
    await o.el.updateComplete;
    expect(o.el.open).to.equal(false);
    expect(o.el.hasAttribute('open')).to.equal(false);
    expect(dialogOf(o.el).open).to.equal(false);
    expect(deepActive()).to.equal(o.opener);
    expect(transferred).to.equal(false);
    expect(o.store.state, 'no side effect').to.equal(before);

    // Opened again: a fresh start.
    await openByKeyboard(o);
    await untilListed(o.el);
    expect(shadowAll(o.el, '[aria-selected="true"]')).to.have.length(0);
    button(o.el, 'Cancel').click();
    await o.el.updateComplete;
    expect(o.el.open).to.equal(false);
    expect(deepActive()).to.equal(o.opener);
  });

  it('R-XFER-01: works inside another element’s shadow root, as the conversation panes use it', async () => {
    const world = createWorld();
    const id = await acceptContact(world, 'messenger');
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Transfer</button><cc-transfer-dialog></cc-transfer-dialog>';
    const el = root.querySelector('cc-transfer-dialog') as CcTransferDialog;
    const opener = root.querySelector('button') as HTMLButtonElement;
    el.interactionId = id;
    el.store = world.store;
    opener.focus();
    el.show();
    await untilListed(el);
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !el.open, 'closed');
    expect(deepActive(), 'focus back on the button in the shadow root').to.equal(opener);
  });

  it('R-X-01: Chinese names from the source document', async () => {
    setLocale('zh-CN');
    const o = await setup('messenger');
    await openByKeyboard(o);
    await untilListed(o.el);
    expect(shadow(o.el, 'h2').textContent).to.equal('转接请求');
    expect(hasAccessible(o.el, 'dialog', '转接请求')).to.equal(true);
    expect(hasAccessible(o.el, 'radio', '队列')).to.equal(true);
    expect(hasAccessible(o.el, 'radio', '座席')).to.equal(true);
    expect(hasAccessible(o.el, 'searchbox', '搜索')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '刷新列表')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '转接')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '取消')).to.equal(true);
    radio(o.el, '座席').click();
    await untilListed(o.el);
    expect(optionTexts(o.el)[0]).to.equal('Priya Natarajan 可用');
    await expect(o.el).to.be.accessible();
  });
});
