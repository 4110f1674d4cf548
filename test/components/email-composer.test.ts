import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { EmailMessage } from '../../src/core/types.js';
import { clearSessionDrafts, disposeReloads, reloadableWorld, type ReloadableWorld } from '../helpers/drafts.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

type Opened = ReloadableWorld & { id: string; el: CcEmailWidget };

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';

/** A world with one accepted email interaction shown in an email widget that stays open after a reply. */
async function openEmail(): Promise<Opened> {
  const world = reloadableWorld();
  const id = world.simulator.offer({
    channel: 'email',
    customerName: 'Jane Doe',
    email: { subject: 'Invoice 118 is wrong', html: '<p>Hello, my invoice is wrong.</p>' },
    attachments: [{ name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' }],
  });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} keep-open></cc-email-widget>`);
  await until(() => shadowAll(el, 'article.email').length >= 1, 'the thread', 15000);
  return { ...world, id, el };
}

function outbound(world: World, id: string): EmailMessage[] {
  return (world.store.state.interactions[id]?.emails ?? []).filter((e) => e.direction === 'outbound');
}

function editor(el: Element): HTMLElement {
  return shadow(el, '[role="textbox"][aria-label="Email body"]');
}

async function reply(el: CcEmailWidget): Promise<HTMLElement> {
  button(el, 'Reply').click();
  await el.updateComplete;
  return editor(el);
}

async function typeInto(el: CcEmailWidget, target: HTMLElement, text: string): Promise<void> {
  target.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
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
    const world = await openEmail();
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
    const world = await openEmail();
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
    const world = await openEmail();
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
