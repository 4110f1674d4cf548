import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html, nothing } from 'lit';
import { StandardReplyGate, loadStandardReply, type StandardReplyModule } from '../../src/components/cc-email-widget/email-standard-gate.js';
import { LocalizeController, registerEnglish, setLocale } from '../../src/controllers/localize.js';
import { enEmail } from '../../src/locales/en-email.js';
import { controls, tokens } from '../../src/styles/tokens.js';
import { TestLoader } from '../helpers/loader.js';
import { button, shadow, shadowAll, until } from '../helpers/world.js';

registerEnglish(enEmail);

/** A pane in miniature: Reply asks for the standard reply, whose loader is in the test's hands. */
class StandardGateProbe extends LitElement {
  static override styles = [tokens, controls];
  readonly network = new TestLoader<StandardReplyModule>();
  /** The replies opened, in order. */
  opened: string[] = [];
  readonly localize = new LocalizeController(this);
  readonly gate = new StandardReplyGate(this, (m) => `reply (${typeof m.EmailStandardReply})`, this.network.load);

  override render() {
    return html`<button class="btn" @click=${() => this.gate.use('i1', (part) => this.opened.push(part))}>Reply</button>
      ${this.gate.waiting('i1') ? this.gate.render() : nothing}`;
  }
}
customElements.define('standard-gate-probe', StandardGateProbe);

describe('the standard reply of the email pane before its code is in', () => {
  afterEach(() => setLocale('en'));

  // First in this file: nothing has loaded the standard reply yet.
  it('R-MAIL-04: a failed load says why in the current language with Retry, which loads again and then opens the reply asked for, once', async () => {
    setLocale('zh-CN');
    const el = await fixture<StandardGateProbe>(testHtml`<standard-gate-probe></standard-gate-probe>`);
    button(el, 'Reply').click();
    await el.updateComplete;
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).to.deep.equal(['正在加载编辑器…']);
    await until(() => shadowAll(el, '[role="alert"]').length === 1, 'the error', 15000);
    expect(shadow(el, '[role="alert"] .error').textContent).to.equal('无法加载编辑器：offline');
    expect(shadowAll(el, '[role="alert"] button').map((b) => b.textContent)).to.deep.equal(['重试']);
    expect(el.opened).to.deep.equal([]);
    await expect(el).to.be.accessible();
    setLocale('en');
    await el.updateComplete;
    expect(shadow(el, '[role="alert"] .error').textContent).to.equal('The editor could not be loaded: offline');
    el.network.loader = loadStandardReply;
    button(el, 'Retry').click();
    await el.updateComplete;
    expect(shadowAll(el, '[role="status"]').map((s) => s.textContent)).to.deep.equal(['Loading the editor…']);
    await until(() => el.opened.length === 1, 'the reply', 15000);
    await el.updateComplete;
    expect(el.opened).to.deep.equal(['reply (function)']);
    expect(shadowAll(el, '[role="status"], [role="alert"]')).to.have.length(0);
    expect(el.network.loads).to.equal(2);
    await expect(el).to.be.accessible();
    // Once in, a reply opens at once.
    button(el, 'Reply').click();
    expect(el.opened).to.have.length(2);
  });
});
