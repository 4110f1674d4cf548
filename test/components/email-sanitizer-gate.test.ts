import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { SanitizerGate, loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import { LocalizeController, registerEnglish, setLocale } from '../../src/controllers/localize.js';
import { enEmail } from '../../src/locales/en-email.js';
import { controls, tokens } from '../../src/styles/tokens.js';
import { TestLoader } from '../helpers/loader.js';
import { button, shadow, shadowAll, until } from '../helpers/world.js';

registerEnglish(enEmail);

/** A pane in miniature: its content shows once the sanitizer is in; the loader is in the test's hands. */
class SanitizerGateProbe extends LitElement {
  static override styles = [tokens, controls];
  readonly network = new TestLoader<unknown>();
  readonly localize = new LocalizeController(this);
  readonly gate = new SanitizerGate(this, this.network.load);

  override render() {
    return this.gate.open ? html`<p class="content">The conversation</p>` : this.gate.render();
  }
}
customElements.define('sanitizer-gate-probe', SanitizerGateProbe);

describe('the email pane before its sanitizer is in', () => {
  afterEach(() => setLocale('en'));

  // First in this file: nothing has loaded the sanitizer yet.
  it('R-MAIL-02: a failed load says why in the current language with Retry, which loads again and then shows the content', async () => {
    setLocale('zh-CN');
    const el = await fixture<SanitizerGateProbe>(testHtml`<sanitizer-gate-probe></sanitizer-gate-probe>`);
    await until(() => shadowAll(el, '[role="alert"]').length === 1, 'the error', 15000);
    expect(shadow(el, '[role="alert"] .error').textContent).to.equal('无法加载电子邮件：offline');
    expect(shadowAll(el, '.content')).to.have.length(0);
    await expect(el).to.be.accessible();
    setLocale('en');
    await el.updateComplete;
    expect(shadow(el, '[role="alert"] .error').textContent).to.equal('The email could not be loaded: offline');
    el.network.loader = loadSanitizer;
    button(el, 'Retry').click();
    await el.updateComplete;
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).to.deep.equal(['Loading the email…']);
    await until(() => shadowAll(el, '.content').length === 1, 'the content', 15000);
    expect(el.network.loads).to.equal(2);
    await expect(el).to.be.accessible();
  });
});
