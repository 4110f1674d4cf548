import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { SEED_TEMPLATES } from '../../src/adapters/simulated/index.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { MessageTemplate } from '../../src/core/types.js';
import { clearSessionDrafts, disposeReloads } from '../helpers/drafts.js';
import { openEmail, outbound, typeInto } from '../helpers/email.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';



function editor(el: Element): HTMLElement {
  return shadow(el, '[role="textbox"][aria-label="Email body"]');
}

async function reply(el: CcEmailWidget): Promise<HTMLElement> {
  button(el, 'Reply').click();
  await el.updateComplete;
  return editor(el);
}


/** Pastes into the editor as the browser does: a real paste event carrying `fill`'s clipboard. */
function paste(target: HTMLElement, fill: (data: DataTransfer) => void): void {
  const data = new DataTransfer();
  fill(data);
  target.focus();
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

function notices(el: Element): string[] {
  return shadowAll(el, '.composer [role="status"], .composer [role="alert"]').map((n) => n.textContent ?? '');
}

describe('<cc-email-widget> pasted images', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('paste: an image file from the clipboard is uploaded and shown inline, and sent as a cid: attachment', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el, id } = world;
    const body = await reply(el);
    await typeInto(el, body, 'See the screenshot: ');
    paste(body, (d) => d.items.add(new File([PNG], 'screenshot.png', { type: 'image/png' })));
    await until(() => body.querySelector('img[alt="screenshot.png"]') !== null, 'the pasted image', 15000);
    expect(body.textContent).to.contain('See the screenshot:');
    await expect(el).to.be.accessible();
    button(el, 'Send').click();
    await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
    const sent = outbound(world, id)[0];
    const inline = sent?.attachments.find((a) => a.name === 'screenshot.png');
    expect(inline?.contentId).to.be.a('string');
    expect(sent?.html).to.contain(`src="cid:${inline?.contentId ?? ''}"`);
  });

  it('paste: a refused or failed image says why under the composer', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el, simulator } = world;
    const body = await reply(el);
    paste(body, (d) => d.items.add(new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' })));
    await until(() => notices(el).some((n) => n.includes('huge.png is larger than')), 'too big', 15000);
    paste(body, (d) => d.items.add(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'drawing.svg', { type: 'image/svg+xml' })));
    await until(() => notices(el).some((n) => n.includes('drawing.svg is not a file type that can be sent')), 'type refused', 15000);
    simulator.uploadAttachment = () => Promise.reject(new Error('storage is full'));
    paste(body, (d) => d.items.add(new File([PNG], 'photo.png', { type: 'image/png' })));
    await until(() => notices(el).some((n) => n.includes('Could not upload photo.png: storage is full')), 'upload failed', 15000);
    expect(body.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('paste: images embedded in pasted markup are attached; web images are left out with a notice', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el, id } = world;
    const body = await reply(el);
    paste(body, (d) => {
      d.setData('text/html', `<p>Logo: <img src="${PNG_DATA_URL}" alt="logo"> and <img src="https://tracker.example/x.png" alt="banner"></p>`);
      d.setData('text/plain', 'Logo: and');
    });
    await until(() => body.querySelector('img[alt="logo.png"]') !== null, 'the embedded image attached', 15000);
    expect(body.querySelector('img[src^="data:"]')).to.equal(null);
    expect(body.textContent).to.contain('[banner]');
    expect(notices(el)).to.include('1 pasted image(s) from the web were left out: they cannot be sent. Insert them with Insert image, or copy and paste each image by itself.');
    await expect(el).to.be.accessible();
    button(el, 'Send').click();
    await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
    expect(outbound(world, id)[0]?.attachments.find((a) => a.name === 'logo.png')?.contentId).to.be.a('string');
  });
});

const GAP_TEMPLATES: readonly MessageTemplate[] = [
  { id: 'tpl-gap', name: 'Case number', body: 'Your case number is {{caseId}}. Please keep it.', locked: false, channels: ['email'] },
  { id: 'tpl-gap-locked', name: 'Closed case', body: 'Case {{caseId}} is closed.', locked: true, channels: ['email'] },
];

/** The template list offers the seed templates and ones using a variable the system does not know. */
function withGapTemplates(world: World): void {
  world.simulator.listTemplates = (channel) => Promise.resolve([...SEED_TEMPLATES, ...GAP_TEMPLATES].filter((t) => t.channels.includes(channel)));
}

function picker(el: Element): CcTemplatePicker {
  return shadow<CcTemplatePicker>(el, 'cc-template-picker');
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
  const p = picker(el);
  button(p, 'Templates').click();
  await until(() => shadowAll(p, '[part="option"]').length > 0, 'templates', 15000);
  const option = shadowAll<HTMLButtonElement>(p, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith(name));
  if (!option) throw new Error(`no template ${name}`);
  const before = replyBody(el);
  option.click();
  await until(() => replyBody(el) !== before, 'the template in the reply', 15000);
  await el.updateComplete;
}

/** Chooses a template with the keyboard only: Templates, type to search, ArrowDown, Enter. */
async function chooseTemplateByKeyboard(el: CcEmailWidget, search: string): Promise<void> {
  // The picker loads once the browser is idle after the email shows.
  await until(() => (shadowAll<CcTemplatePicker>(el, 'cc-template-picker')[0]?.shadowRoot ?? null) !== null, 'the template picker', 15000);
  const p = picker(el);
  button(p, 'Templates').focus();
  await sendKeys({ press: 'Enter' });
  await until(() => p.open, 'the template list', 15000);
  await sendKeys({ type: search });
  await until(() => shadowAll(p, '[part="option"]').length === 1, 'one match', 15000);
  const before = replyBody(el);
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await until(() => !p.open, 'the list closed', 15000);
  await until(() => replyBody(el) !== before, 'the template in the reply', 15000);
  await el.updateComplete;
}

function sendButton(el: Element): HTMLButtonElement {
  return shadow<HTMLButtonElement>(el, 'button[part="send"]');
}

describe('<cc-email-widget> templates', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('template undo: replacing written text says so, and Undo brings the previous body back exactly', async () => {
    const { el } = await openEmail({ keepOpen: true });
    const body = await reply(el);
    await typeInto(el, body, 'My own careful words');
    await chooseTemplate(el, 'Opening hours');
    await until(() => editor(el).textContent?.includes('Monday to Friday') === true, 'the template text', 15000);
    const line = shadow(el, '.replaced');
    expect(line.getAttribute('role')).to.equal('status');
    expect(line.textContent).to.contain('The template “Opening hours” replaced the text you had written.');
    await expect(el).to.be.accessible();
    const before = '<p>My own careful words</p>';
    const undo = button(el, 'Undo');
    undo.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => editor(el).textContent === 'My own careful words', 'the text back', 15000);
    expect(shadowAll(el, '.replaced')).to.have.length(0);
    expect(el.shadowRoot?.activeElement).to.equal(editor(el));
    expect(editor(el).innerHTML.replace(/<\/?(p|div)>/g, '')).to.equal(before.replace(/<\/?p>/g, ''));
    // Editing the new text takes Undo away: it would throw that work away.
    await chooseTemplate(el, 'Opening hours');
    await until(() => shadowAll(el, '.replaced').length === 1, 'Undo offered', 15000);
    await typeInto(el, editor(el), ' more');
    expect(shadowAll(el, '.replaced')).to.have.length(0);
  });

  it('template undo: an empty body is replaced without a note; the note is in Chinese too', async () => {
    const { el } = await openEmail({ keepOpen: true });
    await reply(el);
    await chooseTemplate(el, 'Opening hours');
    expect(shadowAll(el, '.replaced')).to.have.length(0);
    await typeInto(el, editor(el), ' x');
    setLocale('zh-CN');
    await el.updateComplete;
    shadow<HTMLButtonElement>(picker(el), 'button[aria-haspopup], button').click();
    await until(() => shadowAll(picker(el), '[part="option"]').length > 0, 'templates', 15000);
    shadowAll<HTMLButtonElement>(picker(el), '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith('Opening hours'))?.click();
    await until(() => shadowAll(el, '.replaced').length === 1, 'the note', 15000);
    expect(shadow(el, '.replaced').textContent).to.contain('替换了您已写的文本');
    button(el, '撤消');
  });

  it('template focus: choosing with the keyboard puts focus in the editor, or on the first parameter', async () => {
    const { el } = await openEmail({ keepOpen: true });
    await reply(el);
    await chooseTemplateByKeyboard(el, 'Opening hours');
    await until(() => el.shadowRoot?.activeElement === editor(el), 'the editor focused', 15000);
    expect(editor(el).textContent).to.contain('Monday to Friday');
    await chooseTemplateByKeyboard(el, 'acknowledgement');
    await until(() => el.shadowRoot?.activeElement === shadowAll(el, '#template-panel input')[0], 'the first parameter focused', 15000);
    await sendKeys({ type: 'CASE-7' });
    await el.updateComplete;
    expect(sendButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('template unknown variables: Send waits until the agent fills in or removes {{caseId}}', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el, id } = world;
    withGapTemplates(world);
    await reply(el);
    await chooseTemplate(el, 'Case number');
    await until(() => editor(el).textContent?.includes('{{caseId}}') === true, 'the gap in the text', 15000);
    expect(sendButton(el).disabled).to.equal(true);
    expect(shadow(el, '#gaps').textContent).to.equal('Fill in or remove {{caseId}} to send.');
    await expect(el).to.be.accessible();
    // The agent replaces the text, filling the gap: the reason goes with it.
    editor(el).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyA' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'Your case number is 42. Please keep it.' });
    await el.updateComplete;
    expect(shadowAll(el, '#gaps')).to.have.length(0);
    expect(sendButton(el).disabled).to.equal(false);
    sendButton(el).click();
    await untilState(world.store, () => outbound(world, id).length === 1, 'sent');
    expect(outbound(world, id)[0]?.text).to.equal('Your case number is 42. Please keep it.');
  });

  it('template unknown variables: a locked template with one cannot be sent; removing it clears the reason', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el } = world;
    withGapTemplates(world);
    await reply(el);
    await chooseTemplate(el, 'Closed case');
    await until(() => shadowAll(el, '#template-panel').length === 1, 'the template panel', 15000);
    expect(sendButton(el).disabled).to.equal(true);
    expect(shadow(el, '#gaps').textContent).to.contain('The locked template uses {{caseId}}');
    await expect(el).to.be.accessible();
    button(el, 'Remove template').click();
    await el.updateComplete;
    expect(shadowAll(el, '#gaps')).to.have.length(0);
  });
});

describe('<cc-email-widget> forward, then reply', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('forward then reply: Reply drops the forwarded message and files and keeps what the agent wrote', async () => {
    const { el } = await openEmail({ keepOpen: true });
    const body = await reply(el);
    await typeInto(el, body, 'My note');
    button(el, 'Forward').click();
    await el.updateComplete;
    await until(() => editor(el).textContent?.includes('Forwarded message') === true, 'the forwarded message', 15000);
    expect(shadowAll(el, '.pending .chip').map((c) => c.textContent ?? '').join()).to.contain('invoice.pdf');
    button(el, 'Reply').click();
    await el.updateComplete;
    await until(() => !(editor(el).textContent ?? '').includes('Forwarded message'), 'the forwarded message gone', 15000);
    expect(editor(el).textContent?.trim()).to.equal('My note');
    expect(shadowAll(el, '.pending .chip')).to.have.length(0);
    expect(shadow<HTMLInputElement>(el, '#to').value).to.equal('jane.doe@example.com');
    await expect(el).to.be.accessible();
    button(el, 'Forward').click();
    await el.updateComplete;
    await until(() => editor(el).textContent?.includes('Forwarded message') === true, 'forwarded again', 15000);
  });
});
