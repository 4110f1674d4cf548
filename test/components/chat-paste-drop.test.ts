import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import { attachmentList } from '../../src/components/shared/attachment-list.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatChannel } from '../../src/core/types.js';
import { openEmail } from '../helpers/email.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

type Pane = CcChatWidget | CcSmsWidget;

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

async function open(channel: ChatChannel) {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el: Pane =
    channel === 'sms'
      ? await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  return { ...world, id, el };
}

function files(...list: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const f of list) data.items.add(f);
  return data;
}

function paste(el: Pane, data: DataTransfer): ClipboardEvent {
  const box = shadow(el, 'textarea');
  box.focus();
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  box.dispatchEvent(event);
  return event;
}

function drag(el: Pane, type: 'dragenter' | 'dragover' | 'dragleave' | 'drop', data: DataTransfer): DragEvent {
  const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
  shadow(el, 'textarea').dispatchEvent(event);
  return event;
}

function composer(el: Pane): HTMLElement {
  return shadow(el, '[part="composer"]');
}

function errors(el: Pane): string[] {
  return shadowAll(el, '[part="composer"] .error, [part="composer"] [role="alert"]').map((n) => n.textContent?.trim() ?? '');
}

const screenshot = () => new File([PNG], 'screenshot.png', { type: 'image/png' });

describe('<cc-chat-widget> pasted and dropped files', () => {
  afterEach(() => {
    setLocale('en');
    disposeWorlds();
  });

  it('R-COMP-03: a pasted image is attached with a thumbnail and a Remove button, and sent with the message', async () => {
    const world = await open('webchat');
    const { el, id } = world;
    const event = paste(el, files(screenshot()));
    expect(event.defaultPrevented).to.equal(true);
    await until(() => shadowAll(el, '.pending img').length === 1, 'the thumbnail', 15000);
    const thumb = shadow<HTMLImageElement>(el, '.pending img');
    expect(thumb.alt).to.equal('screenshot.png');
    expect(thumb.src.startsWith('blob:')).to.equal(true);
    expect(el.shadowRoot?.activeElement, 'the composer keeps focus').to.equal(shadow(el, 'textarea'));
    await expect(el).to.be.accessible();
    button(el, 'Send').click();
    await untilState(world.store, (s) => (s.interactions[id]?.messages ?? []).some((m) => m.attachments?.some((a) => a.name === 'screenshot.png')), 'sent');
  });

  it('R-COMP-03: Remove takes the file off and revokes its blob: URL', async () => {
    const { el } = await open('messenger');
    paste(el, files(screenshot()));
    await until(() => shadowAll(el, '.pending img').length === 1, 'the thumbnail', 15000);
    const src = shadow<HTMLImageElement>(el, '.pending img').src;
    button(el, 'Remove screenshot.png').click();
    await until(() => shadowAll(el, '.pending').length === 0, 'the chip removed');
    // A revoked blob: URL no longer loads.
    const loads = await fetch(src).then(
      () => true,
      () => false,
    );
    expect(loads).to.equal(false);
  });

  it('R-COMP-03: dragging files over the composer shows the drop target; dropping attaches them, a file that is not an image has no thumbnail', async () => {
    const { el } = await open('webchat');
    const data = files(screenshot(), new File(['a,b'], 'orders.csv', { type: 'text/csv' }));
    drag(el, 'dragenter', data);
    const over = drag(el, 'dragover', data);
    expect(over.defaultPrevented, 'the drop is taken').to.equal(true);
    expect(composer(el).hasAttribute('data-dropping')).to.equal(true);
    expect(composer(el).getAttribute('data-dropping')).to.equal('Drop files to attach them');
    await expect(el).to.be.accessible();
    drag(el, 'dragleave', data);
    expect(composer(el).hasAttribute('data-dropping')).to.equal(false);
    drag(el, 'dragenter', data);
    const dropped = drag(el, 'drop', data);
    expect(dropped.defaultPrevented).to.equal(true);
    expect(composer(el).hasAttribute('data-dropping')).to.equal(false);
    await until(() => shadowAll(el, '.pending .chip:not(.uploading)').length === 2, 'two chips', 15000);
    expect(shadowAll(el, '.pending img')).to.have.length(1);
    button(el, 'Remove orders.csv');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-03: refused types and files over the limit say so in text; the others are attached', async () => {
    const { el } = await open('webchat');
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    const script = new File(['x'], 'run.exe', { type: 'application/x-msdownload' });
    drag(el, 'drop', files(big, script, screenshot()));
    await until(() => errors(el).length === 2, 'two errors', 15000);
    expect(errors(el).join(' ')).to.contain('huge.png is larger than').and.to.contain('run.exe is not a file type that can be sent');
    await until(() => shadowAll(el, '.pending .chip:not(.uploading)').length === 1, 'the image attached', 15000);
  });

  it('R-COMP-03: pasted text with a picture of it (a spreadsheet copy) stays a text paste', async () => {
    const { el } = await open('webchat');
    const data = files(screenshot());
    data.setData('text/plain', 'A1\tB1');
    const event = paste(el, data);
    expect(event.defaultPrevented).to.equal(false);
    await el.updateComplete;
    expect(shadowAll(el, '.pending')).to.have.length(0);
  });

  it('R-COMP-03: SMS refuses pasted and dropped files with a clear message and no drop target', async () => {
    const { el } = await open('sms');
    paste(el, files(screenshot()));
    await until(() => errors(el).length === 1, 'the refusal');
    expect(errors(el)[0]).to.equal('Files cannot be sent in SMS: only text.');
    drag(el, 'dragenter', files(screenshot()));
    expect(composer(el).hasAttribute('data-dropping')).to.equal(false);
    expect(shadowAll(el, '.pending')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('R-COMP-03: a backend without attachments refuses them the same way', async () => {
    const { el, simulator } = await open('webchat');
    simulator.setCapabilities({ attachments: false });
    await until(() => shadowAll(el, 'input[type="file"]').length === 0, 'Attach file hidden');
    drag(el, 'drop', files(screenshot()));
    await until(() => errors(el).length === 1, 'the refusal');
    expect(errors(el)[0]).to.contain('does not take attachments');
  });

  it('R-COMP-03: the drop target and refusal in Chinese', async () => {
    setLocale('zh-CN');
    const { el } = await open('sms');
    paste(el, files(screenshot()));
    await until(() => errors(el).length === 1, 'the refusal');
    expect(errors(el)[0]).to.equal('SMS 中不能发送文件，只能发送文字。');
    await expect(el).to.be.accessible();
  });
});

describe('attachment chips: thumbnails', () => {
  afterEach(disposeWorlds);

  it("R-COMP-03: the email reply's chips show the same thumbnails", async () => {
    const { el } = await openEmail({ keepOpen: true });
    button(el, 'Reply').click();
    await el.updateComplete;
    const input = shadow<HTMLInputElement>(el, '#file');
    input.files = files(screenshot()).files;
    input.dispatchEvent(new Event('change'));
    await until(() => shadowAll(el, '.pending img').length === 1, 'the thumbnail', 15000);
    expect(shadow<HTMLImageElement>(el, '.pending img').alt).to.equal('screenshot.png');
    await expect(el).to.be.accessible();
    button(el, 'Remove screenshot.png').click();
    await until(() => shadowAll(el, '.pending').length === 0, 'the chip removed');
  });

  it('R-COMP-03: an image with a data: or web URL shows it as the thumbnail; unsafe URLs and other files show none', async () => {
    const list = [
      { id: 't1', name: 'photo.jpg', size: 10, mimeType: 'image/jpeg', url: 'data:image/jpeg;base64,/9j/4AAQ' },
      { id: 't2', name: 'evil.png', size: 10, mimeType: 'image/png', url: 'javascript:alert(1)' },
      { id: 't3', name: 'notes.txt', size: 10, mimeType: 'text/plain', url: 'https://files.example/notes.txt' },
    ];
    const el = await fixture(html`<div>${attachmentList(list, [], () => undefined)}</div>`);
    const imgs = [...el.querySelectorAll('img')];
    expect(imgs.map((i) => [i.alt, i.getAttribute('src')])).to.deep.equal([['photo.jpg', 'data:image/jpeg;base64,/9j/4AAQ']]);
    expect(el.querySelector('button[aria-label="Remove photo.jpg"]')).to.not.equal(null);
  });
});
