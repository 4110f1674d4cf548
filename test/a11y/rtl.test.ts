import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { acceptContact, dialogOf, untilListed } from '../helpers/dialogs.js';
import { openEmail } from '../helpers/email.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

const ARABIC_TEXT = 'مرحبًا، لم تصل طلبيتي بعد';

const direction = (el: Element): string => getComputedStyle(el).direction;

/**
 * The visible parts of an element's shadow tree that stick out of its box sideways at the
 * given width: what a 320px pane would clip or scroll. Parts inside their own scroll box
 * (a wide email) and the visually hidden ones are not counted.
 */
function overflowing(host: HTMLElement): string[] {
  const box = host.getBoundingClientRect();
  const problems = host.scrollWidth > host.clientWidth + 1 ? [`<${host.localName}> scrolls sideways (${host.scrollWidth} > ${host.clientWidth})`] : [];
  for (const el of shadowAll(host, '*')) {
    if (el.closest('.visually-hidden, dialog:not([open]), [popover]:not(:popover-open)')) continue;
    // What a sideways scroller (the suggested replies) holds beyond its edge is scrolled to, not clipped; the scroller itself must fit.
    if (el.parentElement?.closest('.suggestions')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`<${el.localName} class="${el.getAttribute('class') ?? ''}"> spans ${Math.round(r.left)}…${Math.round(r.right)} outside ${Math.round(box.left)}…${Math.round(box.right)}`);
  }
  return problems;
}

/** The body element of the `index`th email's frame, once its document has loaded and been styled. */
async function bodyOf(el: HTMLElement, index: number): Promise<HTMLElement> {
  let body: HTMLElement | undefined;
  await until(() => {
    const doc = shadowAll(el, 'article.email')[index]?.querySelector('iframe')?.contentDocument;
    body = doc && doc.URL === 'about:srcdoc' && doc.readyState === 'complete' && doc.adoptedStyleSheets.length > 0 ? doc.body : undefined;
    return body !== undefined;
  }, `email ${index}'s body`, 15000);
  if (!body) throw new Error('no email body');
  return body;
}

/** The host and a part inside it both render right to left, with the Arabic lang. */
function expectRightToLeft(host: HTMLElement, inner: string): void {
  expect(host.getAttribute('dir'), `<${host.localName}> dir`).to.equal('rtl');
  expect(host.getAttribute('lang'), `<${host.localName}> lang`).to.equal('ar');
  expect(direction(host), `<${host.localName}> direction`).to.equal('rtl');
  expect(direction(shadow(host, inner)), `${inner} in <${host.localName}>`).to.equal('rtl');
}

describe('R-COMP-07 right to left', () => {
  afterEach(() => disposeWorlds());

  for (const channel of ['webchat', 'sms'] as const) {
    const tag = channel === 'sms' ? 'cc-sms-widget' : 'cc-chat-widget';
    it(`R-COMP-07: in Arabic <${tag}> renders right to left, the agent's bubbles on the left and the customer's on the right, within 320px`, async () => {
      const world = createWorld();
      const id = await acceptContact(world, channel);
      setLocale('ar');
      const root = await fixture<HTMLElement>(
        channel === 'sms'
          ? html`<div style="width:320px;height:560px;display:grid"><cc-sms-widget .store=${world.store}></cc-sms-widget></div>`
          : html`<div style="width:320px;height:560px;display:grid"><cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget></div>`,
      );
      const el = root.firstElementChild as LitElement;
      await world.store.send(id, 'Thank you, I am looking into it.');
      await until(() => shadowAll(el, '[part~="agent-bubble"]').length > 0 && shadowAll(el, '[part~="customer-bubble"]').length > 0, 'both bubbles');
      expectRightToLeft(el, 'header');
      const box = shadow<HTMLTextAreaElement>(el, 'textarea');
      expect(direction(box), 'the empty message box (its Arabic placeholder)').to.equal('rtl');
      box.focus();
      await sendKeys({ type: 'Order 118' });
      await until(() => box.getAttribute('dir') === 'auto', 'dir=auto once typed in');
      expect(direction(box), 'English typed in an Arabic pane').to.equal('ltr');

      const agent = shadow(el, '[part~="agent-bubble"]').getBoundingClientRect();
      const customer = shadow(el, '[part~="customer-bubble"]').getBoundingClientRect();
      expect(agent.left, 'the agent bubble starts further left than the customer one').to.be.lessThan(customer.left);
      expect(customer.right, 'the customer bubble ends further right than the agent one').to.be.greaterThan(agent.right);

      expect(direction(shadow(el, '[part~="customer-bubble"]')), 'the customer wrote English: that bubble reads left to right').to.equal('ltr');
      setLocale('en');
      setLocale('ar');
      await el.updateComplete;
      expect(direction(shadow(el, '[part~="customer-bubble"]')), 'still, after switching the locale back and forth').to.equal('ltr');
      expect(overflowing(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('R-COMP-07: the link button’s ↗ points along the line: mirrored in Arabic, as drawn in English', async () => {
    const world = createWorld();
    await acceptContact(world, 'messenger');
    const el = await fixture<LitElement>(html`<cc-chat-widget .store=${world.store} channel="messenger"></cc-chat-widget>`);
    const link = (): HTMLElement => shadow(el, 'button.along-the-line');
    await until(() => shadowAll(el, 'button.along-the-line').length === 1, 'the link button');
    expect(getComputedStyle(link()).transform).to.equal('none');
    setLocale('ar');
    await el.updateComplete;
    expect(getComputedStyle(link()).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    setLocale('en');
  });

  it('R-COMP-07: in Arabic <cc-email-widget> renders right to left; the English subject and addresses keep their own direction', async () => {
    // Arabic from the start: the email's frame document is then titled in Arabic.
    setLocale('ar');
    const opened = await openEmail();
    const { el } = opened;
    el.style.width = '320px';
    await el.updateComplete;
    expectRightToLeft(el, '.thread, article.email');
    const subject = shadow(el, 'article.email .subject');
    expect(subject.getAttribute('dir')).to.equal('auto');
    expect(direction(subject), 'an English subject reads left to right').to.equal('ltr');
    expect(overflowing(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Bodies too: the English email's (in its frame, titled in Arabic) and an Arabic one.
    const first = opened.store.state.interactions[opened.id]?.emails[0];
    if (!first) throw new Error('no email');
    el.showEmail(first.id);
    expect(direction(await bodyOf(el, 0)), 'the English email body').to.equal('ltr');
    opened.simulator.inboundEmail(opened.id, { from: 'jane.doe@example.com', to: ['support@acme.example'], subject: 'بخصوص الفاتورة', html: `<p>${ARABIC_TEXT}</p>` });
    await until(() => shadowAll(el, 'article.email').length === 2, 'the Arabic email');
    const latest = opened.store.state.interactions[opened.id]?.emails.at(-1);
    if (!latest) throw new Error('no Arabic email');
    el.showEmail(latest.id);
    expect(direction(await bodyOf(el, 1)), 'the Arabic email body').to.equal('rtl');
    expect(direction(shadowAll(el, 'article.email .subject')[1] ?? el), 'the Arabic subject').to.equal('rtl');
  });

  it('R-COMP-07: in Arabic the task list and the contact request render right to left within 320px', async () => {
    const world = createWorld();
    await acceptContact(world, 'messenger', 'Jane Doe');
    world.simulator.offer({ channel: 'sms', customerName: 'سارة أحمد', text: ARABIC_TEXT });
    await untilState(world.store, (s) => Object.values(s.interactions).some((i) => i.status === 'offered'), 'the second offer');
    setLocale('ar');
    const root = await fixture<HTMLElement>(html`<div style="width:320px">
      <cc-task-list .store=${world.store}></cc-task-list>
      <cc-contact-request .store=${world.store}></cc-contact-request>
    </div>`);
    const list = root.querySelector('cc-task-list') as HTMLElement;
    const request = root.querySelector('cc-contact-request') as HTMLElement;
    await until(() => shadowAll(list, 'li').length === 2 && shadowAll(request, 'li').length === 1, 'two tasks and one request');
    expectRightToLeft(list, 'li');
    expectRightToLeft(request, 'li');
    for (const host of [list, request]) {
      const timer = shadow(host, '[role="timer"]');
      expect(direction(timer), 'timers read left to right').to.equal('ltr');
      expect(overflowing(host)).to.deep.equal([]);
      await expect(host).to.be.accessible();
    }
    // The source number stays one left-to-right run beside the Arabic name of its kind.
    const number = shadow(request, 'dd bdi');
    expect(direction(number)).to.equal('ltr');
    expect(number.closest('dd')?.textContent).to.match(/^\+[\d ]+ \(رقم طويل\)$/);
    // The bar marking the offer is on the inline start: the right edge in Arabic.
    const offer = getComputedStyle(shadow(list, 'li.offered'));
    expect(offer.borderRightWidth).to.equal('4px');
    expect(offer.borderLeftWidth).to.equal('1px');
  });

  it('R-COMP-07: in Arabic the transfer and wrap-up dialogs render right to left', async () => {
    const world = createWorld({ agentResponseMs: 30 });
    const id = await acceptContact(world, 'webchat');
    setLocale('ar');
    const root = await fixture<HTMLElement>(html`<div>
      <cc-transfer-dialog interaction-id=${id} .store=${world.store}></cc-transfer-dialog>
      <cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>
    </div>`);
    const transfer = root.querySelector('cc-transfer-dialog') as CcTransferDialog;
    transfer.show();
    await until(() => dialogOf(transfer).open, 'the transfer dialog');
    await untilListed(transfer);
    expectRightToLeft(transfer, 'dialog');
    await expect(transfer).to.be.accessible();
    transfer.close();

    const wrapup = root.querySelector('cc-wrapup-dialog') as CcWrapupDialog;
    await world.store.end(id);
    wrapup.show();
    await until(() => dialogOf(wrapup).open, 'the wrap-up dialog');
    expectRightToLeft(wrapup, 'dialog');
    expect(direction(shadow(wrapup, 'textarea')), 'the empty notes box').to.equal('rtl');
    await expect(wrapup).to.be.accessible();
  });

  it('R-COMP-07: Arabic customer text in an English pane renders right to left (dir=auto), the pane stays left to right', async () => {
    const world = createWorld();
    const id = await acceptContact(world, 'webchat', 'سارة أحمد');
    const el = await fixture<HTMLElement>(html`<div style="width:320px;height:560px;display:grid"><cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget></div>`);
    const pane = el.firstElementChild as HTMLElement;
    world.simulator.customerMessage(id, ARABIC_TEXT);
    await until(() => shadowAll(pane, '[part~="customer-bubble"]').some((b) => b.textContent?.includes(ARABIC_TEXT)), 'the Arabic message');
    expect(direction(pane)).to.equal('ltr');
    expect(pane.getAttribute('dir')).to.equal('ltr');
    const bubbles = shadowAll(pane, '[part~="customer-bubble"]');
    const arabic = bubbles.find((b) => b.textContent?.includes(ARABIC_TEXT));
    const english = bubbles.find((b) => b.textContent?.includes('Hello'));
    if (!arabic || !english) throw new Error('missing a bubble');
    expect(arabic.getAttribute('dir')).to.equal('auto');
    expect(direction(arabic), 'the Arabic bubble').to.equal('rtl');
    expect(direction(english), 'the English bubble').to.equal('ltr');
    // The spoken "… said" prefix keeps the pane's direction and language.
    const prefix = arabic.querySelector('.visually-hidden');
    if (!prefix) throw new Error('no spoken prefix');
    expect(direction(prefix)).to.equal('ltr');
    expect(direction(shadow(pane, 'header h2'))).to.equal('rtl');
    const box = shadow<HTMLTextAreaElement>(pane, 'textarea');
    box.focus();
    await sendKeys({ type: 'شكرًا' });
    await until(() => box.getAttribute('dir') === 'auto', 'dir=auto once typed in');
    expect(direction(box), 'Arabic typed in an English pane').to.equal('rtl');
    await expect(pane).to.be.accessible();
  });

  it('R-COMP-07: a page that sets dir on an element itself keeps it when the locale changes', async () => {
    const world = createWorld();
    const el = await fixture<HTMLElement>(html`<cc-task-list dir="ltr" .store=${world.store}></cc-task-list>`);
    setLocale('ar');
    await until(() => el.getAttribute('lang') === 'ar', 'the Arabic lang');
    expect(el.getAttribute('dir')).to.equal('ltr');
    setLocale('en');
    await until(() => el.getAttribute('lang') === 'en', 'the English lang');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('R-COMP-07: switching between English and Arabic at run time flips the direction back and forth', async () => {
    const world = createWorld();
    const el = await fixture<HTMLElement>(html`<cc-task-list .store=${world.store}></cc-task-list>`);
    expect(direction(el)).to.equal('ltr');
    setLocale('ar');
    await until(() => direction(el) === 'rtl', 'right to left');
    setLocale('zh-CN');
    await until(() => direction(el) === 'ltr' && el.getAttribute('lang') === 'zh-CN', 'left to right in Chinese');
  });
});
