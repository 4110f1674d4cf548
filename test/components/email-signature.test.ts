import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { withSignature } from '../../src/components/cc-email-widget/email-compose.js';
import { loadStandardReply } from '../../src/components/cc-email-widget/email-standard-gate.js';
import { emptyDraft } from '../../src/components/cc-email-widget/email-draft.js';
import { setLocale } from '../../src/controllers/localize.js';
import { SessionDraftStore } from '../../src/core/drafts/draft-store.js';
import type { EmailSignatures } from '../../src/core/store/store.js';
import { clearSessionDrafts, disposeReloads, reloadableWorld, type ReloadableWorld } from '../helpers/drafts.js';
import { outbound, typeInto } from '../helpers/email.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

const SIGNATURES: EmailSignatures = {
  agent: 'Alex Morgan\nAcme Support',
  queues: { 'q-email-billing': '<p><b>Acme Billing</b></p><script>alert(1)</script>' },
};

type Opened = ReloadableWorld & { id: string; el: CcEmailWidget };

async function open(queue?: string): Promise<Opened> {
  const world = reloadableWorld({}, { draftStore: new SessionDraftStore(), signatures: SIGNATURES });
  const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', ...(queue ? { queue } : {}), email: { subject: 'Invoice', html: '<p>Original question</p>' } });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} keep-open></cc-email-widget>`);
  await until(() => shadowAll(el, 'article.email').length >= 1, 'the thread', 15000);
  // The standard reply's code is in, as the pane preloads it once the browser is idle after an email shows.
  await loadStandardReply();
  return { ...world, id, el };
}

function editor(el: Element): HTMLElement {
  return shadow(el, '[role="textbox"]#editor');
}

describe('<cc-email-widget> signatures', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    setLocale('en');
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it("R-COMP-05: Reply opens with the agent's signature below an empty line; it is editable and sent with the reply", async () => {
    const world = await open();
    const { el, id } = world;
    button(el, 'Reply').click();
    await el.updateComplete;
    await until(() => (editor(el).textContent ?? '').includes('Acme Support'), 'the signature');
    expect(editor(el).getAttribute('contenteditable')).to.equal('true');
    expect(el.shadowRoot?.activeElement).to.equal(editor(el));
    await expect(el).to.be.accessible();
    await typeInto(el, editor(el), 'Your invoice is fixed.');
    const text = editor(el).textContent ?? '';
    expect(text.indexOf('Your invoice is fixed.')).to.be.lessThan(text.indexOf('Alex Morgan'));
    button(el, 'Send').click();
    await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
    const sent = outbound(world, id)[0]?.text ?? '';
    expect(sent.indexOf('Your invoice is fixed.')).to.be.lessThan(sent.indexOf('Acme Support'));
  });

  it("R-COMP-05: a queue's own signature wins, goes through the sanitizer, and sits above the forwarded message", async () => {
    const { el } = await open('q-email-billing');
    button(el, 'Forward').click();
    await el.updateComplete;
    await until(() => (editor(el).textContent ?? '').includes('Acme Billing'), 'the signature');
    const text = editor(el).textContent ?? '';
    expect(text).to.not.contain('Alex Morgan');
    expect(text.indexOf('Acme Billing')).to.be.lessThan(text.indexOf('Original question'));
    expect(editor(el).querySelector('script')).to.equal(null);
    expect(editor(el).querySelector('b')?.textContent).to.equal('Acme Billing');
  });

  it('R-COMP-05: the signature is inserted once: not again on a mode switch or after a reload', async () => {
    const world = await open();
    const { el, id } = world;
    button(el, 'Reply').click();
    await el.updateComplete;
    button(el, 'Reply all').click();
    await el.updateComplete;
    await until(() => (editor(el).textContent ?? '').includes('Acme Support'), 'the signature');
    const count = (s: string) => s.split('Acme Support').length - 1;
    expect(count(editor(el).textContent ?? '')).to.equal(1);
    el.remove();
    const again = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload({ signatures: SIGNATURES })} interaction-id=${id} keep-open></cc-email-widget>`);
    await until(() => shadowAll(again, '#editor').length === 1, 'the restored composer', 15000);
    await until(() => (editor(again).textContent ?? '').includes('Acme Support'), 'the restored body');
    button(again, 'Forward').click();
    await again.updateComplete;
    await until(() => (editor(again).textContent ?? '').includes('Original question'), 'the forwarded message');
    expect(count(editor(again).textContent ?? '')).to.equal(1);
  });

  it('R-COMP-05: no signature in the quick reply, and a signed draft stays as the agent left it', () => {
    const signed = withSignature({ ...emptyDraft({ id: 'e1' }), mode: 'reply' }, 'Me', '');
    expect(signed.signed).to.equal(true);
    expect(withSignature({ ...signed, html: '<p>mine</p>' }, 'Me', '').html).to.equal('<p>mine</p>');
    expect(withSignature(emptyDraft({ id: 'e1' }), 'Me', '').html).to.equal('');
  });

  it('R-COMP-05: the signature in a Chinese pane', async () => {
    setLocale('zh-CN');
    const { el } = await open();
    button(el, '回复').click();
    await el.updateComplete;
    await until(() => (editor(el).textContent ?? '').includes('Acme Support'), 'the signature');
    await expect(el).to.be.accessible();
  });
});
