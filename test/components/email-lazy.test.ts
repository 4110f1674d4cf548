import { expect, fixture, html } from '@open-wc/testing';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { MessageTemplate } from '../../src/core/types.js';
import { clearSessionDrafts, disposeReloads, emailWithSavedDraft, reloadableWorld } from '../helpers/drafts.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** Parts the email pane loads on first need, as this page has fetched them. */
function lazyPartsFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) =>
      /\/dompurify\/|\/src\/content\/(sanitize|email-document)\.ts$|\/src\/components\/(shared\/(emoji-picker|quick-responses|template-panel)|cc-template-picker\/.*|cc-email-widget\/email-template-panel)\.ts$|\/src\/styles\/dialog\.ts$|\/src\/controllers\/modal-dialog\.ts$/.test(
        path,
      ),
    );
}

const LOCKED: MessageTemplate = { id: 'tpl-locked-refund', name: 'Refund policy', body: 'Refunds take 5 days, {{customerName}}.', locked: true, channels: ['email'] };

describe('what the email pane loads, and when', () => {
  before(async () => {
    // Every module the pane fetches is recorded (the default buffer keeps 250 entries).
    performance.setResourceTimingBufferSize(100_000);
    await import('../../src/components/cc-email-widget/cc-email-widget.js');
  });
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
  });

  it('R-MAIL-01: the pane\'s own module brings neither the sanitizer, the emoji picker, quick responses, the template picker and panel nor the dialog', () => {
    expect(lazyPartsFetched()).to.deep.equal([]);
    expect(customElements.get('cc-template-picker')).to.equal(undefined);
  });

  it('R-MAIL-01, R-MAIL-02: the first pane says "Loading the email…" until the sanitizer is in, then shows the conversation', async () => {
    const world = reloadableWorld();
    const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Hello', html: '<p>Hi <b>there</b></p>' } });
    await untilState(world.store, (s) => (s.interactions[id]?.emails.length ?? 0) > 0, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store}></cc-email-widget>`);
    // Nothing of the email shows before it can be sanitized: no thread, no composer.
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).to.deep.equal(['Loading the email…']);
    expect(shadowAll(el, 'article.email, #quick, [part="header"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    await until(() => shadowAll(el, 'article.email').length === 1, 'the thread', 15000);
    expect(shadowAll(el, '#quick')).to.have.length(1);
    expect(lazyPartsFetched().filter((path) => path.endsWith('/content/sanitize.ts'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('R-TPL-01: once an email shows, the template picker loads when the browser is idle and replaces the stand-in Templates button', async () => {
    const world = reloadableWorld();
    const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Hello', text: 'Hi' } });
    await untilState(world.store, (s) => (s.interactions[id]?.emails.length ?? 0) > 0, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store}></cc-email-widget>`);
    button(el, 'Reply').click();
    await until(() => customElements.get('cc-template-picker') !== undefined, 'the picker', 15000);
    // The reply may still be loading its own code: the picker is there once it shows, without its stand-in.
    await until(() => shadowAll(el, 'cc-template-picker').length === 1 && shadowAll(el, 'cc-template-picker > button').length === 0, 'the stand-in to go', 15000);
    const picker = shadow(el, 'cc-template-picker');
    expect(picker.shadowRoot?.querySelector('button[part="button"]')?.textContent?.trim()).to.equal('Templates');
    await expect(el).to.be.accessible();
  });

  it('R-TPL-02, R-X-04: a restored draft holding a locked template says "Loading templates…" until the template code is in, then shows its panel', async () => {
    const { id, store } = await emailWithSavedDraft({ template: { template: LOCKED, params: {} } });
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${store} interaction-id=${id}></cc-email-widget>`);
    await until(() => shadowAll(el, '[part="composer"]').length === 1, 'the restored reply', 15000);
    // On a busy machine the reply's own code may come second: the template's status line follows it.
    await until(() => !shadowAll(el, '[part="composer"] [role="status"]').some((s) => s.textContent === 'Loading the editor…'), 'the reply code', 15000);
    // The template's code is not in yet: a status line stands in for its panel, and Send waits.
    expect(shadowAll(el, '#template-panel')).to.have.length(0);
    expect(shadowAll(el, '#editor')).to.have.length(0);
    expect(shadowAll(el, '[part="composer"] [role="status"]').map((s) => s.textContent)).to.include('Loading templates…');
    expect(button(el, 'Send').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await until(() => shadowAll(el, '#template-panel').length === 1, 'the template panel', 15000);
    expect(shadow(el, '#template-panel').getAttribute('aria-label')).to.contain('Refund policy');
    await until(() => (shadow(el, '#template-panel .preview').textContent ?? '').includes('Refunds take 5 days, Jane Doe.'), 'the preview', 15000);
    await until(() => !button(el, 'Send').disabled, 'Send ready', 15000);
    await expect(el).to.be.accessible();
    // What the first test found missing is what came now (the check sees these modules when they are fetched).
    expect(lazyPartsFetched().filter((path) => path.endsWith('/email-template-panel.ts') || path.endsWith('/template-panel.ts'))).to.have.length(2);
  });
});
