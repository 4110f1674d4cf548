import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import { WRAPUP_NOTES_MAX_LENGTH } from '../../src/core/channels.js';
import type { Channel } from '../../src/core/types.js';
import { acceptContact, dialogOf, option, untilListed } from '../helpers/dialogs.js';
import { createWrapupWorld, type WrapupWorld } from '../helpers/wrapup.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

interface Opened extends WrapupWorld {
  readonly id: string;
  readonly el: CcWrapupDialog;
}

/** An ended interaction of `channel` and its wrap-up dialog, open, reasons listed. */
async function open(world: WrapupWorld, channel: Channel = 'sms'): Promise<Opened> {
  const id = await acceptContact(world, channel);
  await world.store.end(id);
  await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
  const el = await fixture<CcWrapupDialog>(html`<cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>`);
  el.show();
  await until(() => dialogOf(el).open, 'the dialog to open');
  await untilListed(el);
  return { ...world, id, el };
}

function notes(el: CcWrapupDialog): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

/** The texts an element's aria-describedby points at. */
function description(el: Element): string {
  const root = el.getRootNode() as ShadowRoot;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

async function typeNotes(el: CcWrapupDialog, text: string): Promise<void> {
  notes(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<cc-wrapup-dialog> notes', () => {
  afterEach(() => {
    disposeWorlds();
  });

  it('R-CTX-03: a multi-line Notes textbox with its count "n / 500"; the notes go with the reasons', async () => {
    const o = await open(createWrapupWorld());
    expect(shadow(o.el, 'label[for="notes"]').textContent?.trim(), 'the textbox is named Notes').to.equal('Notes');
    expect(notes(o.el).localName, 'multi-line').to.equal('textarea');
    expect(description(notes(o.el))).to.equal(`0 / ${WRAPUP_NOTES_MAX_LENGTH}`);
    await expect(o.el).to.be.accessible();

    option(o.el, 'Opt-out request').click();
    await typeNotes(o.el, 'Asked to stop texts.');
    expect(description(notes(o.el))).to.equal('20 / 500');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Ticket 4411' });
    await o.el.updateComplete;
    expect(notes(o.el).value).to.equal('Asked to stop texts.\nTicket 4411');
    await expect(o.el).to.be.accessible();

    button(o.el, 'Submit wrap-up').click();
    await untilState(o.store, (s) => s.recent.length === 1, 'wrapped up');
    expect(o.simulator.wrapups).to.deep.equal([{ interactionId: o.id, reasonIds: ['wr-opt-out'], notes: 'Asked to stop texts.\nTicket 4411' }]);
    expect(o.store.state.recent[0]?.wrapup?.notes).to.equal('Asked to stop texts.\nTicket 4411');
  });

  it('R-CTX-03: over 500 characters Submit is blocked with a message saying by how much; nothing is cut', async () => {
    const o = await open(createWrapupWorld(), 'webchat');
    option(o.el, 'Resolved').click();
    const long = 'x'.repeat(WRAPUP_NOTES_MAX_LENGTH + 3);
    notes(o.el).value = long;
    notes(o.el).dispatchEvent(new Event('input'));
    await o.el.updateComplete;
    expect(notes(o.el).getAttribute('aria-invalid')).to.equal('true');
    expect(notes(o.el).value, 'never truncated').to.equal(long);
    const error = shadow(o.el, '[part="notes-error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('3 characters over the limit of 500');
    expect(description(notes(o.el))).to.contain('503 / 500');
    expect(button(o.el, 'Submit wrap-up').disabled).to.equal(true);
    await expect(o.el).to.be.accessible();

    notes(o.el).focus();
    notes(o.el).setSelectionRange(long.length, long.length);
    for (let k = 0; k < 3; k++) await sendKeys({ press: 'Backspace' });
    await o.el.updateComplete;
    expect(shadowAll(o.el, '[part="notes-error"]')).to.have.length(0);
    expect(button(o.el, 'Submit wrap-up').disabled).to.equal(false);
  });

  it('R-CTX-03: a failed submit keeps the notes and the reason; the retry sends them', async () => {
    const o = await open(createWrapupWorld());
    option(o.el, 'Resolved').click();
    await typeNotes(o.el, 'Refund issued');
    o.simulator.failOnce('submitWrapup');
    button(o.el, 'Submit wrap-up').click();
    await until(() => shadowAll(o.el, '[part="error"]').length > 0, 'the error');
    expect(shadow(o.el, '[part="error"]').textContent).to.contain('Could not submit wrap-up');
    expect(notes(o.el).value, 'nothing lost').to.equal('Refund issued');
    expect(o.el.open).to.equal(true);
    await expect(o.el).to.be.accessible();

    button(o.el, 'Submit wrap-up').click();
    await untilState(o.store, (s) => s.interactions[o.id] === undefined, 'wrapped up');
    expect(o.simulator.wrapups.map((w) => w.notes)).to.deep.equal(['Refund issued', 'Refund issued']);
  });

  it('R-CTX-03, R-CTX-07: without the wrap-up-notes capability there is no Notes textbox', async () => {
    const o = await open(createWrapupWorld({ simulator: { capabilities: { 'wrapup-notes': false } } }));
    expect(shadowAll(o.el, 'textarea')).to.have.length(0);
    await expect(o.el).to.be.accessible();
    o.simulator.setCapabilities({ 'wrapup-notes': true });
    await until(() => shadowAll(o.el, 'textarea').length === 1, 'Notes once the backend keeps them');
  });

  it('R-CTX-03: zh-CN: 备注 and its count; the over-limit message in Chinese', async () => {
    setLocale('zh-CN');
    const o = await open(createWrapupWorld());
    expect(shadow(o.el, 'label[for="notes"]').textContent?.trim()).to.equal('备注');
    notes(o.el).value = 'y'.repeat(WRAPUP_NOTES_MAX_LENGTH + 1);
    notes(o.el).dispatchEvent(new Event('input'));
    await o.el.updateComplete;
    expect(shadow(o.el, '[part="notes-error"]').textContent).to.contain('超出 500 字的上限 1 个字');
    await expect(o.el).to.be.accessible();
  });
});
