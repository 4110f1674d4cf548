import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import { acceptContact, option, untilListed, untilOpen } from '../helpers/dialogs.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

const WAIT = 15000;

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The names of the pane's header action buttons. */
const actionNames = (el: Element): string[] => shadowAll(el, '[part~="actions"] button').map(text);
const dialogButtons = (dialog: Element): string[] => shadowAll(dialog, '[part~="actions"] button').map(text);

describe('pane actions follow the backend capabilities', () => {
  afterEach(disposeWorlds);

  it('R-CTX-07: without transfer or conference the chat pane shows neither button, and they come back live', async () => {
    const world = createWorld({ capabilities: { transfer: false, conference: false } });
    const id = await acceptContact(world, 'webchat');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} interaction-id=${id}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    expect(actionNames(el)).to.not.include('Transfer');
    expect(actionNames(el)).to.not.include('Conference');
    expect(actionNames(el)).to.include('End');
    await expect(el).to.be.accessible();

    world.simulator.setCapabilities({ transfer: true });
    await until(() => actionNames(el).includes('Transfer'), 'Transfer to come back', WAIT);
    expect(actionNames(el)).to.not.include('Conference');

    world.simulator.setCapabilities({ conference: true });
    await until(() => actionNames(el).includes('Conference'), 'Conference to come back', WAIT);

    world.simulator.setCapabilities({ transfer: false });
    await until(() => !actionNames(el).includes('Transfer'), 'Transfer to go', WAIT);
    expect(actionNames(el)).to.include('Conference');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-07: the transfer dialog offers Consult only with the consult capability, following it while open', async () => {
    const world = createWorld({ capabilities: { consult: false } });
    const id = await acceptContact(world, 'messenger');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget channel="messenger" .store=${world.store} interaction-id=${id}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    shadowAll<HTMLButtonElement>(el, '[part~="actions"] button').find((b) => text(b) === 'Transfer')?.click();
    const dialog = shadow<CcTransferDialog>(el, 'cc-transfer-dialog');
    await untilOpen(dialog);
    shadowAll<HTMLLabelElement>(dialog, 'fieldset label').find((l) => text(l) === 'Agent')?.querySelector('input')?.click();
    await untilListed(dialog);
    option(dialog, 'Priya Natarajan').click();
    await dialog.updateComplete;
    expect(dialogButtons(dialog)).to.deep.equal(['Cancel', 'Transfer']);

    world.simulator.setCapabilities({ consult: true });
    await untilState(world.store, (s) => s.capabilities.consult, 'consult on');
    await until(() => dialogButtons(dialog).includes('Consult'), 'Consult to show', WAIT);
    expect(dialogButtons(dialog)).to.deep.equal(['Cancel', 'Consult', 'Transfer']);
    await expect(dialog).to.be.accessible();

    // A queue is no one to consult.
    shadowAll<HTMLLabelElement>(dialog, 'fieldset label').find((l) => text(l) === 'Queue')?.querySelector('input')?.click();
    await dialog.updateComplete;
    expect(dialogButtons(dialog)).to.deep.equal(['Cancel', 'Transfer']);

    setLocale('zh-CN');
    await dialog.updateComplete;
    shadowAll<HTMLLabelElement>(dialog, 'fieldset label').find((l) => text(l) === '座席')?.querySelector('input')?.click();
    await dialog.updateComplete;
    await until(() => dialogButtons(dialog).includes('咨询'), 'Consult in Chinese', WAIT);

    world.simulator.setCapabilities({ consult: false });
    await until(() => !dialogButtons(dialog).includes('咨询'), 'Consult to go', WAIT);
  });

  it('R-CTX-07: consult switched off after the store started: the dialog does not offer Consult', async () => {
    const world = createWorld();
    const id = await acceptContact(world, 'webchat');
    expect(world.store.supports('consult')).to.equal(true);
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} interaction-id=${id}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    world.simulator.setCapabilities({ consult: false });
    await untilState(world.store, (s) => !s.capabilities.consult, 'consult off');
    shadowAll<HTMLButtonElement>(el, '[part~="actions"] button').find((b) => text(b) === 'Transfer')?.click();
    const dialog = shadow<CcTransferDialog>(el, 'cc-transfer-dialog');
    await untilOpen(dialog);
    shadowAll<HTMLLabelElement>(dialog, 'fieldset label').find((l) => text(l) === 'Agent')?.querySelector('input')?.click();
    await untilListed(dialog);
    option(dialog, 'Tom Becker').click();
    await dialog.updateComplete;
    expect(dialogButtons(dialog)).to.deep.equal(['Cancel', 'Transfer']);
  });
});
