import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import { loadStandardReply } from '../../src/components/cc-email-widget/email-standard-gate.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

async function emailPane(): Promise<CcEmailWidget> {
  const world = createWorld();
  const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Opening hours', text: 'When are you open?' } });
  await untilState(world.store, (s) => (s.interactions[id]?.emails.length ?? 0) > 0, 'the offer');
  await world.store.accept(id);
  return fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store}></cc-email-widget>`);
}

/** The pane's stand-in Templates button, shown until the template picker has loaded. */
const standIn = (el: CcEmailWidget): HTMLButtonElement[] => shadowAll<HTMLButtonElement>(el, 'cc-template-picker > button');

describe('the email pane\'s template picker loads on first need', () => {
  // The sanitizer and the standard reply in first, so that the pane shows its conversation and opens a reply at once, before the picker's idle preload.
  before(() => Promise.all([loadSanitizer(), loadStandardReply()]));
  afterEach(disposeWorlds);

  // First in this file: nothing has loaded the picker yet.
  it('R-TPL-01: Templates clicked before the picker has loaded loads it and opens the list; a template goes in', async () => {
    const el = await emailPane();
    button(el, 'Reply').click();
    await el.updateComplete;
    expect(customElements.get('cc-template-picker')).to.equal(undefined);
    const [templates] = standIn(el);
    expect(templates?.textContent?.trim()).to.equal('Templates');
    await expect(el).to.be.accessible();
    templates?.click();
    await until(() => shadowAll<CcTemplatePicker>(el, 'cc-template-picker')[0]?.open === true, 'the template list', 15000);
    expect(standIn(el)).to.have.length(0);
    const picker = shadow<CcTemplatePicker>(el, 'cc-template-picker');
    await until(() => shadowAll(picker, '[part="option"]').length > 0, 'the templates', 15000);
    await expect(el).to.be.accessible();
    shadowAll<HTMLButtonElement>(picker, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith('Opening hours'))?.click();
    await until(() => (shadowAll(el, '#editor')[0]?.textContent ?? '').includes('Our team is available'), 'the template in the editor', 15000);
  });
});
