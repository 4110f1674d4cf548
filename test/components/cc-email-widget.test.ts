import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcSendDetail, CcTransferRequestDetail } from '../../src/element-events.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { setLocale } from '../../src/controllers/localize.js';
import { draftKey } from '../../src/core/drafts/draft-store.js';
import { clearSessionDrafts, disposeReloads, everythingInLocalStorage, reloadableWorld, storedDraft, type ReloadableWorld } from '../helpers/drafts.js';
import { outbound, typeInto } from '../helpers/email.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilSettled, untilState } from '../helpers/world.js';

const CUSTOMER = 'jane.doe@example.com';
const MAILBOX = 'support@acme.example';
const CARD = '4111 1111 1111 1111';

const OPENING_HTML = `<p>Hello <b>team</b>, see <a href="https://acme.example/orders/118">order 118</a>.</p>
<table border="1" style="border-collapse: collapse"><tr><th>Item</th><th>Price</th></tr><tr><td style="color: #004400">Lamp</td><td>$20</td></tr></table>
<p><img src="https://tracker.example/pixel.png" alt="logo" width="20" height="20"></p>
<p><img src="cid:chart@acme" alt="chart"></p>`;

type Opened = ReloadableWorld & { id: string; el: CcEmailWidget };

/** A world with one accepted email interaction shown in an email widget. */
async function openEmail(options: Parameters<typeof createWorld>[0] = {}, html_ = OPENING_HTML): Promise<Opened> {
  const world = reloadableWorld(options);
  const id = world.simulator.offer({
    channel: 'email',
    customerName: 'Jane Doe',
    email: { subject: 'Invoice 118 is wrong', html: html_, cc: ['boss@customer.example'] },
    attachments: [
      { name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' },
      { name: 'chart.png', size: 100, mimeType: 'image/png', contentId: '<chart@acme>', url: 'data:image/png;base64,iVBORw0KGgo=' },
    ],
  });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store}></cc-email-widget>`);
  await until(() => shadowAll(el, 'article.email').length >= 1, 'the thread');
  return { ...world, id, el };
}

/** The textbox (input, textarea or the editor) whose label or aria-label is `name`. */
function textbox(el: Element, name: string): HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  for (const label of shadowAll<HTMLLabelElement>(el, 'label[for]')) {
    if (label.textContent?.trim() === name) return shadow(el, `#${label.htmlFor}`);
  }
  const labelled = shadowAll(el, '[role="textbox"]').find((t) => t.getAttribute('aria-label') === name);
  if (labelled) return labelled;
  throw new Error(`no textbox named "${name}"`);
}

function field(el: Element, name: string): HTMLInputElement {
  const box = textbox(el, name);
  if (!(box instanceof HTMLInputElement)) throw new Error(`${name} is not an input`);
  return box;
}

function editor(el: Element): HTMLElement {
  return textbox(el, 'Email body');
}

function quickBox(el: Element): HTMLTextAreaElement {
  const box = textbox(el, 'Quick reply here');
  if (!(box instanceof HTMLTextAreaElement)) throw new Error('the quick reply is not a textarea');
  return box;
}

function setValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Presses a key with a modifier held, for real. */
async function chord(modifier: 'Control' | 'Shift', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

function articles(el: Element): HTMLElement[] {
  return shadowAll(el, 'article.email');
}

/** The sandboxed frame holding an expanded email's sanitized body. */
function bodyFrame(article: Element): HTMLIFrameElement {
  const frame = article.querySelector<HTMLIFrameElement>('.body iframe');
  if (!frame) throw new Error('the email body is not expanded');
  return frame;
}

/**
 * The loaded document of an expanded email's body (its inline styles applied and the
 * pane's stylesheet adopted); `previous` waits for the document that replaces it.
 */
async function bodyDoc(article: Element, previous?: Document): Promise<Document> {
  let doc: Document | null = null;
  await waitUntil(
    () => {
      doc = article.querySelector<HTMLIFrameElement>('.body iframe')?.contentDocument ?? null;
      return doc !== null && doc !== previous && doc.URL === 'about:srcdoc' && doc.readyState === 'complete' && doc.adoptedStyleSheets.length > 0;
    },
    'the email body loaded',
    { timeout: 15000 },
  );
  if (!doc) throw new Error('no email document');
  return doc;
}


/**
 * What a chosen template changes in the reply: the template panel, or the editor's body.
 * (A template's Markdown goes in through a module loaded on first need: the change may come a moment after the choice.)
 */
function replyBody(el: CcEmailWidget): string {
  const panel = shadowAll(el, '#template-panel')[0];
  return panel ? `panel: ${panel.getAttribute('aria-label') ?? ''}` : (shadowAll(el, '#editor')[0]?.innerHTML ?? '');
}

/** Chooses a template with the mouse; resolves once it is in the reply. */
async function chooseTemplate(el: CcEmailWidget, name: string): Promise<void> {
  // The picker loads once the browser is idle after the email shows.
  await until(() => (shadowAll<CcTemplatePicker>(el, 'cc-template-picker')[0]?.shadowRoot ?? null) !== null, 'the template picker', 15000);
  const picker = shadow<CcTemplatePicker>(el, 'cc-template-picker');
  button(picker, 'Templates').click();
  await until(() => shadowAll(picker, '[part="option"]').length > 0, 'templates');
  const option = shadowAll<HTMLButtonElement>(picker, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith(name));
  if (!option) throw new Error(`no template ${name}`);
  const before = replyBody(el);
  option.click();
  await until(() => replyBody(el) !== before, 'the template in the reply', 15000);
  await el.updateComplete;
}

describe('<cc-email-widget>', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  describe('the thread', () => {
    it('R-MAIL-01: shows sender and recipient addresses, subject, timer, each email with time and status, inbound attachments, and the actions', async () => {
      const { el } = await openEmail();
      expect(shadow(el, 'h2').textContent).to.equal('Invoice 118 is wrong');
      const header = shadow(el, 'header').textContent ?? '';
      expect(header).to.contain(CUSTOMER);
      expect(header).to.contain(MAILBOX);
      expect(shadow(el, 'header [role="timer"]').textContent).to.match(/^\d\d:\d\d$/);
      for (const name of ['Reply', 'Reply all', 'Forward', 'Cc', 'View original email', 'Transfer', 'Light grey background']) button(el, name);
      const [first] = articles(el);
      expect(first?.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
      expect(first?.querySelector('.status')?.textContent).to.equal('Received');
      // The opening email is shown in full with its headers and attachments.
      expect(first?.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
      expect(first?.querySelector('.headers')?.textContent).to.contain('boss@customer.example');
      const link = [...(first?.querySelectorAll<HTMLAnchorElement>('.attachments a') ?? [])].find((a) => a.textContent?.includes('invoice.pdf'));
      expect(link?.textContent).to.equal('invoice.pdf (2 KB)');
      expect(link?.getAttribute('download')).to.equal('invoice.pdf');
      expect(link?.href).to.match(/^blob:/);
      expect(link?.rel).to.contain('noopener');
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-02: tables, links and inline styles render; remote images stay blocked until Show images; cid: images come from the attachments', async () => {
      const { el } = await openEmail();
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const root = await bodyDoc(first);
      expect(root.querySelectorAll('table tr')).to.have.length(2);
      expect(root.querySelector('td')?.getAttribute('style')).to.contain('color');
      const a = root.querySelector('a');
      expect(a?.getAttribute('href')).to.equal('https://acme.example/orders/118');
      expect(a?.getAttribute('rel')).to.contain('noopener');
      const pixel = root.querySelector<HTMLImageElement>('img[alt="logo"]');
      expect(pixel?.hasAttribute('src'), 'remote image blocked').to.equal(false);
      expect(root.querySelector('img[alt="chart"]')?.getAttribute('src')).to.match(/^data:image\/png/);
      expect(first.querySelector('[part="images-blocked"]')?.textContent).to.contain('1 image(s) blocked');
      await expect(el).to.be.accessible();
      button(el, 'Show images').click();
      await el.updateComplete;
      expect((await bodyDoc(first, root)).querySelector('img[alt="logo"]')?.getAttribute('src')).to.equal('https://tracker.example/pixel.png');
      expect(first.querySelector('[part="images-blocked"]')).to.equal(null);
    });

    it('R-MAIL-02: hostile HTML renders inert and its styles stay inside its own box', async () => {
      const hostile = `<style>* { color: red !important; display: none }</style>
        <script>window.__emailPwned = 1</script>
        <img src="x" onerror="window.__emailPwned = 2" alt="x">
        <a href="javascript:window.__emailPwned = 3">click me</a>
        <div style="position: fixed; top: 0; left: 0; width: 100vw; height: 100vh; margin-top: -500px; background: red">overlay</div>
        <form action="https://evil.example"><input name="card"></form>
        <iframe src="https://evil.example"></iframe>
        <svg onload="window.__emailPwned = 4"></svg>`;
      const { el } = await openEmail({}, hostile);
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const root = await bodyDoc(first);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __emailPwned?: number }).__emailPwned).to.equal(undefined);
      expect(root.querySelectorAll('script, style, iframe, form, input, svg')).to.have.length(0);
      const withHandlers = [...root.querySelectorAll('*')].filter((n) => [...n.attributes].some((attr) => attr.name.startsWith('on')));
      expect(withHandlers).to.have.length(0);
      const link = [...root.querySelectorAll('a')].find((x) => x.textContent === 'click me');
      expect(link?.hasAttribute('href')).to.equal(false);
      const overlay = [...root.querySelectorAll<HTMLElement>('div')].find((d) => d.textContent === 'overlay');
      expect(overlay?.style.position).to.equal('');
      // The body is its own document in a frame inside a painted-in box: nothing escapes or leaks.
      const box = shadow(el, '.body');
      expect(getComputedStyle(box).contain).to.contain('paint');
      expect(getComputedStyle(box).overflow).to.equal('auto');
      expect(getComputedStyle(shadow(el, 'h2')).display).to.equal('block');
      expect(getComputedStyle(shadow(el, 'h2')).color).to.not.equal('rgb(255, 0, 0)');
      const boxRect = box.getBoundingClientRect();
      const frameRect = bodyFrame(first).getBoundingClientRect();
      expect(frameRect.top).to.be.at.least(boxRect.top);
      expect(frameRect.left).to.be.at.least(boxRect.left);
    });

    it('R-MAIL-15: each email is a summary that expands to full view by keyboard; View original email shows the first email', async () => {
      const world = await openEmail();
      const { el, id, simulator } = world;
      simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 118 is wrong', text: 'Any news?' });
      await until(() => articles(el).length === 2, 'the second email');
      const [first, second] = articles(el);
      // Not replying: the new email is shown at once, the older one keeps its state.
      expect(second?.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
      const toggle = first?.querySelector<HTMLButtonElement>('.toggle');
      toggle?.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle?.getAttribute('aria-expanded')).to.equal('false');
      expect(first?.querySelector('.snippet')?.textContent).to.contain('Hello team');
      expect(first?.querySelector('.body')).to.equal(null);
      await expect(el).to.be.accessible();
      button(el, 'View original email').click();
      await until(() => toggle?.getAttribute('aria-expanded') === 'true', 'the original email');
      expect(el.shadowRoot?.activeElement).to.equal(toggle);
      expect(first && (await bodyDoc(first)).body.textContent).to.contain('Hello team');
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(toggle?.getAttribute('aria-expanded')).to.equal('false');
    });

    it('R-CHAT-08: the unread count clears once the latest email has been seen', async () => {
      const { el, id, store } = await openEmail();
      await untilState(store, (s) => s.interactions[id]?.unread === 0, 'read');
      expect(shadowAll(el, '.badge')).to.have.length(0);
    });
  });

  describe('quick reply', () => {
    it('R-MAIL-03: a plain box named "Quick reply here" answers the sender with Send', async () => {
      const world = await openEmail();
      const { el, id } = world;
      // The conversation stays open after the reply, to see it delivered (sending ends it otherwise).
      el.keepOpen = true;
      const box = quickBox(el);
      expect(box.localName).to.equal('textarea');
      await typeInto(el, box, 'Thanks, we are on it.');
      await expect(el).to.be.accessible();
      const sent = oneEvent<CustomEvent<CcSendDetail>>(el, 'cc-send');
      button(el, 'Send').click();
      const { detail } = await sent;
      expect(detail).to.deep.include({ interactionId: id, channel: 'email', text: 'Thanks, we are on it.', mode: 'quick-reply' });
      expect(detail.emailId).to.be.a('string');
      const [email] = outbound(world, id);
      expect(email).to.deep.include({ subject: 'Re: Invoice 118 is wrong', text: 'Thanks, we are on it.' });
      expect(email?.to).to.deep.equal([CUSTOMER]);
      expect(email?.html).to.equal('<p>Thanks, we are on it.</p>');
      await until(() => quickBox(el).value === '', 'the box cleared');
      // R-MAIL-01: sent → delivery report.
      await untilState(world.store, () => outbound(world, id)[0]?.status === 'delivery-report', 'the delivery report');
      await el.updateComplete;
      expect(articles(el)[1]?.querySelector('.status')?.textContent).to.equal('Delivered (DR)');
    });

    it('R-MAIL-03: Ctrl+Enter sends from the keyboard; Enter adds a line', async () => {
      const world = await openEmail();
      const { el, id } = world;
      await typeInto(el, quickBox(el), 'line one');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'line two' });
      expect(outbound(world, id)).to.have.length(0);
      await chord('Control', 'Enter');
      await untilState(world.store, () => outbound(world, id)[0]?.status === 'sent' || outbound(world, id)[0]?.status === 'delivery-report', 'sent');
      expect(outbound(world, id)[0]?.text).to.equal('line one\nline two');
    });
  });

  describe('standard reply', () => {
    it('R-MAIL-07: Reply fills To and Subject, read-only', async () => {
      const { el } = await openEmail();
      button(el, 'Reply').click();
      await el.updateComplete;
      expect(field(el, 'To').value).to.equal(CUSTOMER);
      expect(field(el, 'To').readOnly).to.equal(true);
      expect(field(el, 'Subject').value).to.equal('Re: Invoice 118 is wrong');
      expect(field(el, 'Subject').readOnly).to.equal(true);
      expect(shadowAll(el, '#cc'), 'no Cc until asked for').to.have.length(0);
      expect(button(el, 'Reply').getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot?.activeElement).to.equal(editor(el));
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-08: Reply all fills To and Subject read-only, and Cc with the original Cc, editable', async () => {
      const { el } = await openEmail();
      button(el, 'Reply all').click();
      await el.updateComplete;
      expect(field(el, 'To').value).to.equal(CUSTOMER);
      expect(field(el, 'To').readOnly).to.equal(true);
      expect(field(el, 'Subject').readOnly).to.equal(true);
      expect(field(el, 'Cc').value).to.equal('boss@customer.example');
      expect(field(el, 'Cc').readOnly).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-09: Forward fills Subject, leaves To and Cc to the agent, and loads the latest email into the body with its files', async () => {
      const { el } = await openEmail();
      button(el, 'Forward').click();
      await el.updateComplete;
      expect(field(el, 'Subject').value).to.equal('Fwd: Invoice 118 is wrong');
      expect(field(el, 'To').value).to.equal('');
      expect(field(el, 'To').readOnly).to.equal(false);
      expect(field(el, 'Cc').value).to.equal('');
      expect(field(el, 'Cc').readOnly).to.equal(false);
      expect(el.shadowRoot?.activeElement).to.equal(field(el, 'To'));
      const body = editor(el);
      expect(body.textContent).to.contain('Forwarded message');
      expect(body.textContent).to.contain('Hello team');
      expect(body.querySelector('table')).to.not.equal(null);
      expect(body.querySelector('img[alt="chart"]')?.getAttribute('src')).to.match(/^data:image\/png/);
      expect(shadowAll(el, '.pending .chip').map((c) => c.textContent)).to.satisfy((t: string[]) => t.some((x) => x.includes('invoice.pdf')));
      expect(shadow(el, '#to-hint').textContent).to.equal('Add at least one recipient in To.');
      expect(button(el, 'Send').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-10: switching modes keeps the body and fills To and Cc as the source says', async () => {
      const { el } = await openEmail();
      button(el, 'Reply').click();
      await el.updateComplete;
      await typeInto(el, editor(el), 'My draft answer');
      button(el, 'Reply all').click();
      await el.updateComplete;
      expect([field(el, 'To').value, field(el, 'Cc').value]).to.deep.equal([CUSTOMER, 'boss@customer.example']);
      expect(editor(el).textContent).to.equal('My draft answer');
      await expect(el).to.be.accessible();
      button(el, 'Forward').click();
      await el.updateComplete;
      expect([field(el, 'To').value, field(el, 'Cc').value]).to.deep.equal(['', '']);
      expect(editor(el).textContent).to.match(/^My draft answer/);
      setValue(field(el, 'Cc'), 'colleague@acme.example');
      await el.updateComplete;
      button(el, 'Reply').click();
      await el.updateComplete;
      expect([field(el, 'To').value, field(el, 'Cc').value], 'Forward → Reply: To refilled').to.deep.equal([CUSTOMER, 'colleague@acme.example']);
      button(el, 'Reply all').click();
      await el.updateComplete;
      button(el, 'Reply').click();
      await el.updateComplete;
      expect(shadowAll(el, '#cc'), 'Reply all → Reply: Cc cleared').to.have.length(0);
      // Leaving Forward drops the forwarded message; what the agent wrote stays.
      expect(editor(el).textContent).to.equal('My draft answer');
      expect(editor(el).textContent).to.not.contain('Hello team');
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-11: Cc adds recipients; every bad address gets its own error and blocks Send', async () => {
      const world = await openEmail();
      const { el, id } = world;
      button(el, 'Cc').click();
      await el.updateComplete;
      expect(button(el, 'Reply').getAttribute('aria-pressed'), 'Cc opens a reply').to.equal('true');
      const cc = field(el, 'Cc');
      expect(el.shadowRoot?.activeElement).to.equal(cc);
      expect(button(el, 'Cc').getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ type: 'ok@acme.example, nope, bad@x' });
      expect(shadowAll(el, '#cc-errors'), 'no error while typing').to.have.length(0);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const errors = shadowAll(el, '#cc-errors p').map((p) => p.textContent);
      expect(errors).to.deep.equal(['Cc: “nope” is not a valid email address.', 'Cc: “bad@x” is not a valid email address.']);
      expect(shadow(el, '#cc-errors').getAttribute('role')).to.equal('alert');
      expect(cc.getAttribute('aria-invalid')).to.equal('true');
      // The field shows it too: a red border, not only the message (WCAG 1.4.1).
      const red = getComputedStyle(shadow(el, '.composer')).getPropertyValue('--_cc-danger').trim();
      const probe = document.createElement('span');
      probe.style.color = red;
      document.body.append(probe);
      expect(getComputedStyle(cc).borderTopColor).to.equal(getComputedStyle(probe).color);
      probe.remove();
      await typeInto(el, editor(el), 'Copying my colleague.');
      expect(button(el, 'Send').disabled).to.equal(true);
      await expect(el).to.be.accessible();
      setValue(cc, 'ok@acme.example; second@acme.example');
      await el.updateComplete;
      expect(shadowAll(el, '#cc-errors')).to.have.length(0);
      button(el, 'Send').click();
      await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
      expect(outbound(world, id)[0]?.cc).to.deep.equal(['ok@acme.example', 'second@acme.example']);
      expect(outbound(world, id)[0]?.to).to.deep.equal([CUSTOMER]);
    });

    it('subjects are not prefixed twice', async () => {
      const world = await openEmail();
      const { el, id, simulator } = world;
      simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'RE: Invoice 118 is wrong', text: 'Hello?' });
      await until(() => articles(el).length === 2, 'the reply');
      button(el, 'Reply').click();
      await el.updateComplete;
      expect(field(el, 'Subject').value).to.equal('RE: Invoice 118 is wrong');
      button(el, 'Forward').click();
      await el.updateComplete;
      expect(field(el, 'Subject').value).to.equal('Fwd: RE: Invoice 118 is wrong');
    });

    it('R-MAIL-04, R-MAIL-12: the rich editor formats with the keyboard and the toolbar; files attach; what is sent is sanitized', async () => {
      const world = await openEmail();
      const { el, id } = world;
      button(el, 'Reply').click();
      await el.updateComplete;
      const body = editor(el);
      await typeInto(el, body, 'Hello ');
      await chord('Control', 'b');
      await sendKeys({ type: 'bold' });
      await chord('Control', 'b');
      await sendKeys({ type: ' and ' });
      button(el, 'Italic').click();
      await sendKeys({ type: 'italic' });
      await chord('Control', 'i');
      await el.updateComplete;
      expect(body.querySelector('b, strong')?.textContent).to.equal('bold');
      expect(body.querySelector('i, em')?.textContent).to.equal('italic');
      await sendKeys({ press: 'Enter' });
      button(el, 'Bulleted list').click();
      await sendKeys({ type: 'point' });
      expect(body.querySelector('ul li')?.textContent).to.equal('point');
      // Something hostile got into the editor's DOM (a drag from another page, say).
      const span = document.createElement('span');
      span.setAttribute('onclick', 'window.__editorPwned = 1');
      span.setAttribute('style', 'position: fixed; top: 0');
      span.textContent = 'trap';
      const bad = document.createElement('a');
      bad.setAttribute('href', 'javascript:window.__editorPwned = 2');
      bad.textContent = 'bad link';
      body.append(span, bad);
      body.dispatchEvent(new InputEvent('input', { bubbles: true }));
      // Attach a file.
      const input = shadow<HTMLInputElement>(el, '#file');
      const transfer = new DataTransfer();
      transfer.items.add(new File(['report'], 'report.txt', { type: 'text/plain' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await until(() => shadowAll(el, '.pending .chip').some((c) => c.textContent?.includes('report.txt')), 'the attachment');
      await expect(el).to.be.accessible();
      button(el, 'Send').click();
      await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
      const sent = outbound(world, id)[0];
      expect(sent?.html).to.match(/<(b|strong)>bold<\/(b|strong)>/);
      expect(sent?.html).to.match(/<(i|em)>italic<\/(i|em)>/);
      expect(sent?.html).to.contain('<li>point</li>');
      expect(sent?.html).to.not.contain('onclick');
      expect(sent?.html).to.not.contain('javascript:');
      expect(sent?.html).to.not.contain('position');
      expect(sent?.html).to.contain('trap');
      expect(sent?.text).to.contain('Hello bold and italic');
      expect(sent?.attachments.map((a) => a.name)).to.deep.equal(['report.txt']);
      expect((window as unknown as { __editorPwned?: number }).__editorPwned).to.equal(undefined);
    });

    it('R-MAIL-12: links by keyboard, inline images as cid: attachments, and sanitized paste', async () => {
      const world = await openEmail();
      const { el, id } = world;
      button(el, 'Reply').click();
      await el.updateComplete;
      const body = editor(el);
      await typeInto(el, body, 'See ');
      button(el, 'Link').click();
      await el.updateComplete;
      const url = field(el, 'Link address');
      expect(el.shadowRoot?.activeElement).to.equal(url);
      url.select();
      await sendKeys({ type: 'javascript:alert(1)' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(shadow(el, '#link-error').textContent).to.contain('https://');
      url.select();
      await sendKeys({ type: 'https://acme.example/help' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(body.querySelector('a')?.getAttribute('href')).to.equal('https://acme.example/help');
      // Paste: markup is sanitized on the way in.
      const data = new DataTransfer();
      data.setData('text/html', '<b>pasted</b><img src="y" onerror="window.__pastePwned = 1"><script>window.__pastePwned = 2</script>');
      data.setData('text/plain', 'pasted');
      body.focus();
      body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(body.querySelector('b')?.textContent).to.equal('pasted');
      expect(body.querySelector('[onerror], script')).to.equal(null);
      // Insert image: uploaded, shown inline, sent as a cid: reference to its attachment.
      const input = shadow<HTMLInputElement>(el, '#image-file');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await until(() => body.querySelector('img[alt="photo.png"]') !== null, 'the inline image');
      expect(body.querySelector('img[alt="photo.png"]')?.getAttribute('src')).to.match(/^blob:/);
      await expect(el).to.be.accessible();
      button(el, 'Send').click();
      await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
      const sent = outbound(world, id)[0];
      const inline = sent?.attachments.find((a) => a.name === 'photo.png');
      expect(inline?.contentId).to.be.a('string');
      expect(sent?.html).to.contain(`src="cid:${inline?.contentId ?? ''}"`);
      expect(sent?.html).to.contain('href="https://acme.example/help"');
      expect((window as unknown as { __pastePwned?: number }).__pastePwned).to.equal(undefined);
      // The sent email shows its inline image in the thread, resolved from its attachment.
      const mine = articles(el).at(-1);
      mine?.querySelector<HTMLButtonElement>('.toggle')?.click();
      await el.updateComplete;
      expect(mine && (await bodyDoc(mine)).querySelector('img')?.getAttribute('src')).to.match(/^blob:/);
    });

    it('R-MAIL-14: a template replaces the text in the editor; locked and parameterised templates are handled', async () => {
      const world = await openEmail();
      const { el, id } = world;
      button(el, 'Reply').click();
      await el.updateComplete;
      await typeInto(el, editor(el), 'Text that will be replaced');
      await chooseTemplate(el, 'Opening hours');
      await el.updateComplete;
      expect(editor(el).textContent).to.not.contain('Text that will be replaced');
      expect(editor(el).textContent).to.contain('Monday to Friday');
      expect(editor(el).querySelectorAll('li')).to.have.length(2);
      // Parameters: Send waits until they are filled.
      await chooseTemplate(el, 'Email acknowledgement');
      expect(shadowAll(el, '#editor')).to.have.length(0);
      expect(shadow(el, '[part="template"]').textContent).to.contain('Dear Jane Doe');
      expect(button(el, 'Send').disabled).to.equal(true);
      const param = shadow<HTMLInputElement>(el, '.param input');
      setValue(param, 'CASE-42');
      await el.updateComplete;
      expect(button(el, 'Send').disabled).to.equal(false);
      await expect(el).to.be.accessible();
      // Locked: read-only, sent as it is.
      await chooseTemplate(el, 'Refund confirmation');
      expect(shadow(el, '[part="template"]').textContent).to.contain('This template is locked');
      expect(shadowAll(el, '[part="template"] input')).to.have.length(0);
      button(el, 'Send').click();
      await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
      expect(outbound(world, id)[0]?.text).to.contain('Your refund has been approved');
      expect(outbound(world, id)[0]?.text).to.not.contain('Text that will be replaced');
    });
  });

  describe('only the latest email', () => {
    it('R-MAIL-05, R-MAIL-06: a new email while replying shows the banner and blocks Send until it is viewed; the draft then answers it', async () => {
      const world = await openEmail();
      const { el, id, simulator, store } = world;
      button(el, 'Reply').click();
      await el.updateComplete;
      await typeInto(el, editor(el), 'Draft in progress');
      const newer = simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], cc: ['new@customer.example'], subject: 'Another question', text: 'Also, where is my parcel?' });
      await until(() => shadowAll(el, '[part="banner"]').length === 1, 'the banner');
      const banner = shadow(el, '[part="banner"]');
      expect(banner.getAttribute('role')).to.equal('alert');
      expect(banner.querySelector('p')?.textContent).to.equal('You are not replying to the latest email');
      expect(button(el, 'Send').disabled).to.equal(true);
      const latest = articles(el).at(-1);
      expect(latest?.querySelector('.toggle')?.getAttribute('aria-expanded'), 'arrives expanded').to.equal('true');
      expect(latest?.querySelector('.badge')?.textContent).to.equal('New');
      expect(store.state.interactions[id]?.unread).to.equal(1);
      expect(shadow(el, '[role="status"][aria-live="polite"]').textContent).to.contain('New email from jane.doe@example.com');
      await expect(el).to.be.accessible();
      button(el, 'View latest email').click();
      await until(() => shadowAll(el, '[part="banner"]').length === 0, 'the banner gone');
      expect(latest?.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot?.activeElement).to.equal(latest?.querySelector('.toggle'));
      expect(editor(el).textContent).to.equal('Draft in progress');
      expect(field(el, 'Subject').value).to.equal('Re: Another question');
      await untilState(store, (s) => s.interactions[id]?.unread === 0, 'read');
      expect(button(el, 'Send').disabled).to.equal(false);
      button(el, 'Send').click();
      await untilState(store, () => outbound(world, id).length === 1 && outbound(world, id)[0]?.status !== 'sending', 'sent');
      expect(outbound(world, id)[0]?.status).to.not.equal('failed');
      expect(simulator.state.interactions[id]?.emails.at(-1)).to.deep.include({ direction: 'outbound', subject: 'Re: Another question' });
      expect(newer).to.be.a('string');
    });

    it('R-MAIL-06: the quick reply is blocked the same way, and expanding the new email unblocks it', async () => {
      const world = await openEmail();
      const { el, id, simulator } = world;
      await typeInto(el, quickBox(el), 'Quick answer');
      simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 118 is wrong', text: 'One more thing' });
      await until(() => shadowAll(el, '[part="banner"]').length === 1, 'the banner');
      expect(button(el, 'Send').disabled).to.equal(true);
      articles(el).at(-1)?.querySelector<HTMLButtonElement>('.toggle')?.click();
      await el.updateComplete;
      expect(shadowAll(el, '[part="banner"]')).to.have.length(0);
      expect(quickBox(el).value).to.equal('Quick answer');
      button(el, 'Send').click();
      await untilState(world.store, () => outbound(world, id)[0]?.status === 'sent' || outbound(world, id)[0]?.status === 'delivery-report', 'sent');
    });

    it('send failures say why and keep the draft', async () => {
      const world = await openEmail({ latencyMs: 40 });
      const { el, id, simulator } = world;
      await typeInto(el, quickBox(el), 'Answer that will fail');
      button(el, 'Send').click();
      // The customer writes again while the reply is on its way: the backend refuses it (R-MAIL-05).
      simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 118 is wrong', text: 'Wait!' });
      await until(() => shadowAll(el, '.composer [role="alert"]').length > 0, 'the error');
      const error = shadow(el, '.composer [role="alert"]').textContent ?? '';
      expect(error).to.contain('Could not send the email');
      expect(error).to.contain('Your draft is kept');
      expect(quickBox(el).value).to.equal('Answer that will fail');
      expect(storedDraft(world.store, id)).to.contain('Answer that will fail');
      await expect(el).to.be.accessible();
    });
  });

  it('R-MAIL-13: the light-grey toggle switches the email background and text to grey', async () => {
    const { el } = await openEmail();
    const toggle = button(el, 'Light grey background');
    const body = shadow(el, '.body');
    const before = getComputedStyle(body).backgroundColor;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.lightGrey).to.equal(true);
    expect(getComputedStyle(body).backgroundColor).to.not.equal(before);
    expect(getComputedStyle(body).backgroundColor).to.equal('rgb(244, 245, 247)');
    expect(getComputedStyle(body).color).to.equal('rgb(84, 90, 102)');
    await expect(el).to.be.accessible();
  });

  describe('PCI', () => {
    it('R-MAIL-16: a card number in the quick reply blocks sending with an explanation', async () => {
      const world = await openEmail();
      const { el, id } = world;
      await typeInto(el, quickBox(el), `My card is ${CARD}`);
      const alert = shadow(el, '#pci');
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('payment card number');
      expect(button(el, 'Send').disabled).to.equal(true);
      expect(quickBox(el).getAttribute('aria-describedby')).to.equal('pci');
      await expect(el).to.be.accessible();
      await chord('Control', 'Enter');
      expect(outbound(world, id)).to.have.length(0);
      setValue(quickBox(el), 'My order is 1234 5678');
      await el.updateComplete;
      expect(shadowAll(el, '#pci')).to.have.length(0);
      expect(button(el, 'Send').disabled).to.equal(false);
    });

    it('R-MAIL-16: card numbers in the standard reply body or in a file name block sending too', async () => {
      const { el } = await openEmail();
      button(el, 'Reply').click();
      await el.updateComplete;
      await typeInto(el, editor(el), `Card 5555-5555-5555-4444 on file`);
      expect(shadow(el, '#pci').textContent).to.contain('payment card number');
      expect(button(el, 'Send').disabled).to.equal(true);
      editor(el).replaceChildren('All clear');
      editor(el).dispatchEvent(new InputEvent('input', { bubbles: true }));
      await el.updateComplete;
      expect(button(el, 'Send').disabled).to.equal(false);
      const input = shadow<HTMLInputElement>(el, '#file');
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], `card ${CARD}.txt`, { type: 'text/plain' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await until(() => shadowAll(el, '#pci').length === 1, 'the PCI error');
      expect(shadow(el, '#pci').textContent).to.contain('The file name');
      expect(button(el, 'Send').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('drafts', () => {
    it('R-X-04: a draft survives switching interactions', async () => {
      const world = await openEmail();
      const { el, id, simulator, store } = world;
      const other = simulator.offer({ channel: 'email', customerName: 'Li Wei', email: { subject: 'Second thread', text: 'Hi' } });
      await untilState(store, (s) => s.interactions[other] !== undefined, 'the second offer');
      await store.accept(other);
      el.interactionId = id;
      await el.updateComplete;
      button(el, 'Forward').click();
      await el.updateComplete;
      setValue(field(el, 'To'), 'colleague@acme.example');
      await typeInto(el, editor(el), 'FYI ');
      el.interactionId = other;
      await el.updateComplete;
      expect(shadow(el, 'h2').textContent).to.equal('Second thread');
      expect(shadowAll(el, '#editor')).to.have.length(0);
      await typeInto(el, quickBox(el), 'Other draft');
      el.interactionId = id;
      await el.updateComplete;
      expect(field(el, 'To').value).to.equal('colleague@acme.example');
      expect(editor(el).textContent).to.match(/^FYI/);
      expect(button(el, 'Forward').getAttribute('aria-pressed')).to.equal('true');
      el.interactionId = other;
      await el.updateComplete;
      expect(quickBox(el).value).to.equal('Other draft');
    });

    it('R-X-04: a draft survives a reload (mode, fields, body, attachments) and is cleared once sent', async () => {
      const world = await openEmail();
      const { el, id } = world;
      const store = world.store;
      button(el, 'Reply all').click();
      await el.updateComplete;
      setValue(field(el, 'Cc'), 'boss@customer.example, extra@acme.example');
      await typeInto(el, editor(el), 'Survives a reload');
      const input = shadow<HTMLInputElement>(el, '#file');
      const transfer = new DataTransfer();
      transfer.items.add(new File(['notes'], 'notes.txt', { type: 'text/plain' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await until(() => shadowAll(el, '.pending .chip').length === 1, 'the attachment');
      const stored: unknown = JSON.parse(storedDraft(store, id) ?? 'null');
      expect(stored).to.have.nested.property('draft.mode', 'reply-all');
      expect(everythingInLocalStorage()).to.not.contain('Survives a reload');
      el.remove();
      // After a reload, a new store and a new element read the draft back from sessionStorage.
      const reloaded = world.reload();
      const again = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${reloaded} interaction-id=${id} keep-open></cc-email-widget>`);
      await until(() => shadowAll(again, '#editor').length === 1, 'the restored composer');
      expect(button(again, 'Reply all').getAttribute('aria-pressed')).to.equal('true');
      expect(field(again, 'Cc').value).to.equal('boss@customer.example, extra@acme.example');
      expect(editor(again).textContent).to.equal('Survives a reload');
      expect(shadowAll(again, '.pending .chip')[0]?.textContent).to.contain('notes.txt');
      // The new pane is still filling in (From's mailboxes come from the backend): axe reads it once it is still.
      await untilSettled(again, 'the restored pane to settle');
      await expect(again).to.be.accessible();
      button(again, 'Send').click();
      await untilState(reloaded, () => outbound({ ...world, store: reloaded }, id).length === 1, 'sent');
      await until(() => storedDraft(reloaded, id) === null, 'the stored draft removed');
      await again.updateComplete;
      expect(shadowAll(again, '#editor')).to.have.length(0);
      expect(quickBox(again).value).to.equal('');
    });

    it('R-X-04: corrupt or foreign stored drafts are ignored', async () => {
      const world = reloadableWorld();
      const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Hello', text: 'Hi' } });
      await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
      await world.store.accept(id);
      const key = draftKey(world.store.state.agent.id, id);
      // Each pane is shown by a fresh store, as after a reload: the store reads storage once per interaction.
      sessionStorage.setItem(key, '{"kind": "email", "draft": {"mode": "reply", "to": 5}}');
      const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload()}></cc-email-widget>`);
      expect(quickBox(el).value).to.equal('');
      expect(sessionStorage.getItem(key)).to.equal(null);
      el.remove();
      sessionStorage.setItem(key, 'not json');
      const again = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload()}></cc-email-widget>`);
      expect(shadowAll(again, '#editor')).to.have.length(0);
      expect(sessionStorage.getItem(key)).to.equal(null);
      again.remove();
      // A well-formed draft answering an email of another session.
      const foreign = { kind: 'email', draft: { mode: 'quick', inReplyTo: 'email-elsewhere', quickText: 'stale', to: '', cc: '', subject: '', ccOpen: false, html: '', forwardedId: null, attachments: [], template: null } };
      sessionStorage.setItem(key, JSON.stringify(foreign));
      const third = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload()}></cc-email-widget>`);
      expect(quickBox(third).value).to.equal('');
      // A chat draft under the same key is not an email draft.
      sessionStorage.setItem(key, JSON.stringify({ kind: 'chat', draft: { text: 'not for email' } }));
      const fourth = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload()}></cc-email-widget>`);
      expect(quickBox(fourth).value).to.equal('');
    });
  });

  describe('transfer and wrap-up', () => {
    it('R-MAIL-17, R-XFER-07: Transfer fires cc-transfer-request and opens the transfer dialog with email queues only; wrap-up follows', async () => {
      const world = await openEmail();
      const { el, id, store } = world;
      await typeInto(el, quickBox(el), 'draft to drop at wrap-up');
      const request = oneEvent<CustomEvent<CcTransferRequestDetail>>(el, 'cc-transfer-request');
      button(el, 'Transfer').click();
      expect((await request).detail).to.deep.equal({ interactionId: id });
      const dialog = shadow(el, 'cc-transfer-dialog');
      await until(() => dialog.hasAttribute('open'), 'the transfer dialog');
      await until(() => shadowAll(dialog, '[role="option"]').length > 0, 'queues');
      const queues = shadowAll(dialog, '[role="option"]').map((o) => o.textContent ?? '');
      expect(queues.join('|')).to.contain('Billing (Email)');
      expect(shadowAll(dialog, 'input[type="radio"]'), 'no Agent choice').to.have.length(0);
      shadowAll(dialog, '[role="option"]').find((o) => o.textContent?.includes('Billing (Email)'))?.click();
      await (dialog as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      button(dialog, 'Transfer').click();
      await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
      const wrapup = shadow(el, 'cc-wrapup-dialog');
      await until(() => wrapup.hasAttribute('open'), 'the wrap-up dialog');
      await el.updateComplete;
      expect(shadow(el, '[part="ended"]').textContent).to.contain('This email conversation has ended.');
      expect(shadowAll(el, '#quick')).to.have.length(0);
      expect(storedDraft(store, id)).to.equal(null);
      expect(everythingInLocalStorage()).to.not.contain('draft to drop at wrap-up');
    });
  });

  it('R-OFFER-05: accepting the email this pane shows focuses the quick reply', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Hello', text: 'Hi' } });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} interaction-id=${id}></cc-email-widget>`);
    expect(shadow(el, '[part="ended"]').textContent).to.contain('Accept the request to reply.');
    await world.store.accept(id);
    await until(() => el.shadowRoot?.activeElement?.id === 'quick', 'the quick reply focused');
  });

  it('R-CHAT-09: Transfer and Templates have keyboard shortcuts; a host can take over the transfer dialog', async () => {
    const { el } = await openEmail();
    const transfer = button(el, 'Transfer');
    expect(transfer.getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+T');
    quickBox(el).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'KeyP' });
    await sendKeys({ up: 'Alt' });
    await sendKeys({ up: 'Control' });
    // The shortcut opens the standard reply, whose code (and the picker's) may still be on its way.
    await until(() => shadowAll<CcTemplatePicker>(el, 'cc-template-picker')[0]?.open === true, 'the template list', 15000);
    expect(el.mode, 'templates belong to the standard reply').to.equal('reply');
    el.addEventListener('cc-transfer-request', (e) => e.preventDefault(), { once: true });
    transfer.click();
    await el.updateComplete;
    expect(shadow(el, 'cc-transfer-dialog').hasAttribute('open')).to.equal(false);
  });

  it('shows the interaction given by interaction-id, else the active email interaction', async () => {
    const world = await openEmail();
    const { el, id, simulator, store } = world;
    const other = simulator.offer({ channel: 'email', customerName: 'Li Wei', email: { subject: 'Later thread', text: 'Hi' } });
    await untilState(store, (s) => s.interactions[other] !== undefined, 'the offer');
    await store.accept(other);
    await el.updateComplete;
    expect(shadow(el, 'h2').textContent).to.equal('Later thread');
    el.interactionId = id;
    await el.updateComplete;
    expect(shadow(el, 'h2').textContent).to.equal('Invoice 118 is wrong');
  });

  it('R-X-01: Chinese names come from the source document', async () => {
    const { el, simulator, id } = await openEmail();
    setLocale('zh-CN');
    await el.updateComplete;
    for (const name of ['回复', '全部回复', '转发', '抄送', '查看原始电子邮件', '转接', '发送']) button(el, name);
    expect(shadow(el, 'label[for="quick"]').textContent).to.equal('在此处快速回复');
    await typeInto(el, textbox(el, '在此处快速回复'), '你好');
    simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 118 is wrong', text: '还有一个问题' });
    await until(() => shadowAll(el, '[part="banner"]').length === 1, 'the banner');
    expect(shadow(el, '[part="banner"] p').textContent).to.equal('您正在回复的不是最新电子邮件');
    button(el, '全部回复').click();
    await el.updateComplete;
    expect(shadowAll<HTMLLabelElement>(el, '.field label').map((l) => l.textContent)).to.deep.equal(['发件人', '收件人', '抄送', '主题']);
    expect(textbox(el, '电子邮件正文').id).to.equal('editor');
    await expect(el).to.be.accessible();
  });

  describe('the body frame', () => {
    /** Sandbox tokens of a frame. */
    const sandbox = (frame: HTMLIFrameElement): string[] => [...frame.sandbox];

    it('R-MAIL-02, R-X-02: the body is a sandboxed frame without scripts, with its own CSP, named for assistive technology and reachable by Tab', async () => {
      const { el } = await openEmail();
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const doc = await bodyDoc(first);
      const frame = bodyFrame(first);
      expect(sandbox(frame)).to.include('allow-same-origin');
      expect(sandbox(frame)).to.not.include('allow-scripts');
      expect(frame.title).to.equal(`Email from ${CUSTOMER}: Invoice 118 is wrong`);
      expect(frame.getAttribute('srcdoc')).to.contain('http-equiv="Content-Security-Policy"');
      const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      expect(policy).to.contain("default-src 'none'");
      expect(policy).to.match(/img-src data: blob:[^;]*;/);
      expect(policy, 'no remote images before Show images').to.not.match(/img-src[^;]*https:/);
      expect(doc.title).to.equal(frame.title);
      // Keyboard: from the email's summary button, Tab reaches the frame (past Show images).
      first.querySelector<HTMLButtonElement>('.toggle')?.focus();
      for (let k = 0; k < 4 && el.shadowRoot?.activeElement !== frame; k++) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement).to.equal(frame);
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-02: nothing runs in the frame even when markup gets past the sanitizer', async () => {
      const { el } = await openEmail();
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const doc = await bodyDoc(first);
      const frame = bodyFrame(first);
      const flag = window as unknown as { __framePwned?: number };
      delete flag.__framePwned;
      // A sanitizer miss, simulated: the pane's own frame is given script-bearing markup directly.
      frame.srcdoc =
        '<script>parent.__framePwned = 1</script><img src="data:," onerror="parent.__framePwned = 2">' +
        '<a id="js" href="javascript:parent.__framePwned = 3">x</a><body onload="parent.__framePwned = 4">';
      const hostile = await bodyDoc(first, doc);
      hostile.querySelector<HTMLAnchorElement>('#js')?.click();
      const script = hostile.createElement('script');
      script.textContent = 'parent.__framePwned = 5';
      hostile.body.append(script);
      await new Promise((r) => setTimeout(r, 200));
      expect(flag.__framePwned).to.equal(undefined);
      expect(sandbox(frame)).to.not.include('allow-scripts');
    });

    it('R-MAIL-02: remote images stay blocked by the frame until Show images; links open in a new tab without opener or referrer', async () => {
      const { el } = await openEmail();
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const doc = await bodyDoc(first);
      expect(doc.querySelector('base')?.getAttribute('target')).to.equal('_blank');
      const links = [...doc.querySelectorAll('a[href]')];
      expect(links).to.have.length.greaterThan(0);
      for (const a of links) {
        expect(a.getAttribute('target')).to.equal('_blank');
        expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
      }
      // Even an image the sanitizer had let through could not load: the document's own policy refuses it.
      const refused = new Promise<string>((resolve) => doc.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      const probe = doc.createElement('img');
      probe.src = 'https://tracker.example/probe.png';
      doc.body.append(probe);
      expect(await refused).to.equal('img-src');
      button(el, 'Show images').click();
      await el.updateComplete;
      const shown = await bodyDoc(first, doc);
      expect(shown.querySelector('img[alt="logo"]')?.getAttribute('src')).to.equal('https://tracker.example/pixel.png');
      expect(shown.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.match(/img-src[^;]*https:/);
    });

    it('R-MAIL-02: the frame takes its content height (no scrollbar inside) and keeps the paper look in the dark scheme and in light-grey mode', async () => {
      const { el } = await openEmail();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const doc = await bodyDoc(first);
      const frame = bodyFrame(first);
      const fits = (): boolean => Math.abs(frame.clientHeight - doc.documentElement.getBoundingClientRect().height) <= 1;
      await waitUntil(fits, 'the frame sized to its document', { timeout: 15000 });
      expect(frame.clientHeight).to.be.greaterThan(40);
      const tall = doc.createElement('div');
      tall.style.height = '900px';
      doc.body.append(tall);
      await waitUntil(() => frame.clientHeight >= 900 && fits(), 'the frame grown with its document', { timeout: 15000 });
      expect(doc.documentElement.scrollHeight).to.be.at.most(frame.clientHeight);
      tall.remove();
      await waitUntil(() => frame.clientHeight < 900 && fits(), 'the frame shrunk with its document', { timeout: 15000 });
      // Paper: light in the dark scheme; the pane's text colour and font reach the document.
      const box = shadow(el, '.body');
      expect(getComputedStyle(frame).colorScheme).to.equal('light');
      expect(getComputedStyle(box).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(doc.body).color).to.equal(getComputedStyle(box).color);
      expect(getComputedStyle(doc.body).fontFamily).to.equal(getComputedStyle(box).fontFamily);
      button(el, 'Light grey background').click();
      await el.updateComplete;
      expect(getComputedStyle(doc.body).color).to.equal('rgb(84, 90, 102)');
      // The grey surface shows through: the document paints no background of its own.
      expect(getComputedStyle(box).backgroundColor).to.equal('rgb(244, 245, 247)');
      expect(getComputedStyle(doc.documentElement).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(doc.body).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      await expect(el).to.be.accessible();
    });

    it('R-MAIL-02: the body text can be selected and searched in the frame document', async () => {
      const { el } = await openEmail();
      const [first] = articles(el);
      if (!first) throw new Error('no email');
      const doc = await bodyDoc(first);
      const selection = doc.getSelection();
      selection?.selectAllChildren(doc.body);
      expect(selection?.toString()).to.contain('Hello team');
      expect(doc.body.innerText).to.contain('Lamp');
      expect(getComputedStyle(doc.body).userSelect).to.not.equal('none');
    });

    it('R-MAIL-15, R-X-01: an email that cannot be shown safely becomes a placeholder with View original email as plain text; the thread, the header and later emails keep working', async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
      // The platform refusing one document (as Trusted Types would without the library's policy).
      Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
        ...setter,
        set(this: HTMLIFrameElement, value: string) {
          if (String(value).includes('BREAKS-THE-FRAME')) throw new TypeError('refused');
          setter?.set?.call(this, value);
        },
      });
      try {
        const world = await openEmail();
        const { el, id, simulator } = world;
        const original = '<p>BREAKS-THE-FRAME <b>bold</b></p>';
        simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Broken', html: original });
        await until(() => articles(el).length === 2, 'the broken email');
        const broken = articles(el)[1];
        if (!broken) throw new Error('no broken email');
        await until(() => broken.querySelector('.unavailable') !== null, 'the placeholder');
        expect(broken.querySelector('.unavailable p')?.textContent).to.equal('This email could not be shown safely.');
        expect(broken.querySelector('iframe')).to.equal(null);
        const view = [...broken.querySelectorAll<HTMLButtonElement>('.unavailable button')].find((b) => b.textContent?.trim() === 'View original email');
        if (!view) throw new Error('no View original email in the placeholder');
        expect(view.getAttribute('aria-expanded')).to.equal('false');
        await expect(el).to.be.accessible();
        view.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => broken.querySelector('.original') !== null, 'the original as text');
        expect(broken.querySelector('.original')?.textContent).to.equal(original);
        expect(broken.querySelector('.original b')).to.equal(null);
        expect(view.getAttribute('aria-expanded')).to.equal('true');
        // The header and the other emails are untouched; a later email renders.
        expect(shadow(el, 'h2').textContent).to.equal('Invoice 118 is wrong');
        simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Fine again', html: '<p>All good now</p>' });
        await until(() => articles(el).length === 3, 'the later email');
        const later = articles(el)[2];
        if (!later) throw new Error('no later email');
        expect((await bodyDoc(later)).body.textContent).to.contain('All good now');
        setLocale('zh-CN');
        await el.updateComplete;
        expect(broken.querySelector('.unavailable p')?.textContent).to.equal('无法安全地显示此电子邮件。');
        await expect(el).to.be.accessible();
      } finally {
        if (setter) Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', setter);
      }
    });
  });

  describe('DOM clobbering', () => {
    const NAMES = ['nodeName', 'nodeType', 'attributes', 'parentNode', 'childNodes', 'firstChild', 'removeChild', 'setAttribute', 'getAttribute', 'innerHTML'];
    const PAYLOADS: readonly (readonly [html: string, text: string])[] = [
      ['<form onsubmit=alert(1)><input onfocus=alert(2) name=nodeName>123</form>', '123'],
      ...NAMES.map((n) => [`<form><input name=${n}>named ${n}</form>`, `named ${n}`] as const),
      ...NAMES.map((n) => [`<form><input id=${n}>with id ${n}</form>`, `with id ${n}`] as const),
      ['<form><input name=removeAttributeNode>node</form>', 'node'],
      ['<img name=body>image named body', 'image named body'],
      ['<form><input name=innerHTML><img name=nodeName>inner</form>', 'inner'],
    ];

    it('R-MAIL-02, R-MAIL-01: clobbering payloads keep their text, and each following email renders under the right header, across switches', async function () {
      this.timeout(60_000);
      const world = await openEmail();
      const { el, id, simulator, store } = world;
      const other = simulator.offer({ channel: 'email', customerName: 'Li Wei', email: { subject: 'Other thread', html: '<p>Other body</p>' } });
      await untilState(store, (s) => s.interactions[other] !== undefined, 'the other offer');
      await store.accept(other);
      el.interactionId = id;
      await el.updateComplete;
      let count = articles(el).length;
      for (const [k, [payload, text]] of PAYLOADS.entries()) {
        simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: `Clobber ${k}`, html: payload });
        simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: `Benign ${k}`, html: `<p>Benign ${k}</p>` });
        count += 2;
        await until(() => articles(el).length === count, `the emails after payload ${k}`);
        const clobbering = articles(el)[count - 2];
        const benign = articles(el)[count - 1];
        if (!clobbering || !benign) throw new Error('missing emails');
        expect(clobbering.querySelector('.snippet')?.textContent, payload).to.contain(text);
        expect(benign.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
        expect((await bodyDoc(benign)).body.textContent, `after ${payload}`).to.contain(`Benign ${k}`);
        expect(shadow(el, 'h2').textContent).to.equal('Invoice 118 is wrong');
        // Every clobbering email renders too, with its text.
        clobbering.querySelector<HTMLButtonElement>('.toggle')?.click();
        await el.updateComplete;
        expect((await bodyDoc(clobbering)).body.textContent, payload).to.contain(text);
        if (k % 6 === 0) {
          el.interactionId = other;
          await el.updateComplete;
          expect(shadow(el, 'h2').textContent).to.equal('Other thread');
          expect(shadowAll(el, 'article.email')).to.have.length(1);
          el.interactionId = id;
          await el.updateComplete;
          expect(shadow(el, 'h2').textContent).to.equal('Invoice 118 is wrong');
        }
      }
      await expect(el).to.be.accessible();
    });
  });
});
