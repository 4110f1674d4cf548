import { expect, fixture, html } from '@open-wc/testing';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import { loadOnce } from '../../src/components/shared/lazy.js';
import { dialogOf, untilListed } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

// Only the pane: the package root would define every element up front.
await import('../../src/components/cc-chat-widget/cc-chat-widget.js');

describe('the pane loads its template picker and dialogs on demand', () => {
  afterEach(disposeWorlds);

  it('R-TPL-01, R-XFER-01: Templates and Transfer, used before anything has loaded, load what they need and open it', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    // Nothing has loaded yet (the preload waits for the browser to be idle): the pane
    // shows a Templates button of its own meanwhile.
    const undefinedTags = () => ['cc-template-picker', 'cc-transfer-dialog'].filter((tag) => customElements.get(tag) === undefined);
    expect(undefinedTags()).to.deep.equal(['cc-template-picker', 'cc-transfer-dialog']);
    button(el, 'Templates').click();
    button(el, 'Transfer').click();
    const transfer = shadow<CcTransferDialog>(el, 'cc-transfer-dialog');
    await until(() => undefinedTags().length === 0 && dialogOf(transfer).open, 'the transfer dialog', 10_000);
    await untilListed(transfer);
    // The dialogs bring their own English strings (R-X-01): no bare keys.
    expect(dialogOf(transfer).textContent).to.include('Transfer request');
    expect(shadow<HTMLInputElement>(transfer, 'input[type="search"]').getAttribute('aria-label')).to.equal('Search');
    await expect(el).to.be.accessible();
    transfer.close();
    // The list asked for first is open too, and the placeholder has given way to the picker.
    const picker = shadow<CcTemplatePicker>(el, 'cc-template-picker');
    await until(() => picker.open && shadowAll(picker, '[part="option"]').length > 0, 'the template list', 10_000);
    await until(() => shadowAll(el, 'cc-template-picker > button').length === 0, 'the placeholder to go');
    await expect(el).to.be.accessible();
  });
});

describe('loadOnce', () => {
  it('loads once for every caller, and loads again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const load = loadOnce(async () => {
      calls += 1;
      if (fail) throw new Error('offline');
    });
    const [a, b] = await Promise.allSettled([load(), load()]);
    expect([a.status, b.status, calls]).to.deep.equal(['rejected', 'rejected', 1]);
    fail = false;
    await load();
    await load();
    expect(calls).to.equal(2);
  });
});
