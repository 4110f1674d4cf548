import { expect, fixture, html } from '@open-wc/testing';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import { clearSessionDrafts, disposeReloads, emailWithSavedDraft } from '../helpers/drafts.js';
import { disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

const requestIdle = window.requestIdleCallback;

describe('a restored standard reply before the editor has loaded', () => {
  before(async () => {
    await import('../../src/components/cc-email-widget/cc-email-widget.js');
    // The sanitizer in first, so that the pane shows its email at once.
    await loadSanitizer();
  });
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    window.requestIdleCallback = requestIdle;
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  // First in this file: nothing has loaded the editor yet.
  it('R-MAIL-04, R-X-04: a restored reply loads the editor at once, saying "Loading the editor…" meanwhile, and reopens with the draft intact', async () => {
    // The browser is not idle: only the restored draft asks for the editor.
    window.requestIdleCallback = () => 0;
    const { id, store } = await emailWithSavedDraft({ cc: 'boss@customer.example', html: '<p>Your refund left today.</p>' });
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${store} interaction-id=${id}></cc-email-widget>`);
    // The draft shows in the reply's place at once; the editor's code is still on its way.
    expect(shadowAll(el, '[part="composer"] [role="status"]').map((s) => s.textContent)).to.deep.equal(['Loading the editor…']);
    expect(shadowAll(el, '#quick, #editor')).to.have.length(0);
    await expect(el).to.be.accessible();
    await until(() => (shadowAll(el, '#editor')[0]?.textContent ?? '').includes('Your refund left today.'), 'the restored body', 15000);
    expect(el.mode).to.equal('reply');
    expect(shadow<HTMLInputElement>(el, '#to').value).to.equal('jane@customer.example');
    expect(shadow<HTMLInputElement>(el, '#cc').value).to.equal('boss@customer.example');
    expect(shadow<HTMLInputElement>(el, '#subject').value).to.equal('Re: Refund');
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).not.to.include('Loading the editor…');
    await expect(el).to.be.accessible();
  });
});
