import { expect, fixture, html } from '@open-wc/testing';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import { disposeReloads, reloadableWorld } from '../helpers/drafts.js';
import { typeInto } from '../helpers/email.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** The standard reply's modules (the editor and what it alone needs), as this page has fetched them. */
function editorFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => /\/src\/components\/cc-email-widget\/email-(standard|editor|compose|reply-fields|from|templates|uploads)\.ts$/.test(path));
}

const requestIdle = window.requestIdleCallback;

describe("the email pane's standard reply loads on first need", () => {
  before(async () => {
    // Every module the pane fetches is recorded (the default buffer keeps 250 entries).
    performance.setResourceTimingBufferSize(100_000);
    await import('../../src/components/cc-email-widget/cc-email-widget.js');
    // The sanitizer in first, so that the pane shows its email at once.
    await loadSanitizer();
  });
  afterEach(() => {
    window.requestIdleCallback = requestIdle;
    disposeReloads();
    disposeWorlds();
  });

  // First in this file: nothing has loaded the editor yet.
  it("R-MAIL-04: the pane's own module does not bring the reply editor", () => {
    expect(editorFetched()).to.deep.equal([]);
  });

  it('R-MAIL-04: Reply clicked before the editor has loaded says "Loading the editor…", keeps the quick reply, then opens the reply with focus in the editor', async () => {
    // The browser is not idle yet: the pane's preload waits.
    window.requestIdleCallback = () => 0;
    const world = reloadableWorld();
    const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Invoice', text: 'My invoice is wrong.' } });
    await untilState(world.store, (s) => (s.interactions[id]?.emails.length ?? 0) > 0, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store}></cc-email-widget>`);
    await until(() => shadowAll(el, 'article.email').length === 1, 'the thread', 15000);
    await typeInto(el, shadow(el, '#quick'), 'Thanks for writing.');
    expect(editorFetched()).to.deep.equal([]);
    button(el, 'Reply').click();
    await el.updateComplete;
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).to.include('Loading the editor…');
    // Nothing typed is lost meanwhile.
    expect(shadow<HTMLTextAreaElement>(el, '#quick').value).to.equal('Thanks for writing.');
    await expect(el).to.be.accessible();
    await until(() => shadowAll(el, '#editor').length === 1, 'the editor', 15000);
    await until(() => el.shadowRoot?.activeElement === shadow(el, '#editor'), 'focus in the editor', 15000);
    expect(el.mode).to.equal('reply');
    expect(shadow(el, '#editor').textContent).to.contain('Thanks for writing.');
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).not.to.include('Loading the editor…');
    expect(shadowAll(el, '#quick')).to.have.length(0);
    expect(editorFetched().filter((path) => path.endsWith('/email-standard.ts'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
