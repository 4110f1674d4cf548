import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { openShortcutHelp, type CcShortcutHelp } from '../../src/components/cc-shortcut-help/cc-shortcut-help.js';
import type { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import { setLocale } from '../../src/controllers/localize.js';
import { SHORTCUT_ACTIONS, resetShortcuts, setShortcuts } from '../../src/controllers/shortcuts.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

async function pressHelp(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ down: 'Alt' });
  await sendKeys({ press: 'KeyK' });
  await sendKeys({ up: 'Alt' });
  await sendKeys({ up: 'Control' });
}

/** The focused element, looking into shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Each row's description and the keys shown (visible `<kbd>` text). */
function rows(help: CcShortcutHelp): [string, string][] {
  return shadowAll(help, '.row').map((row) => [
    row.querySelector('dt')?.textContent?.trim() ?? '',
    row.querySelector('[part="keys"]')?.textContent?.replace(/\s+/g, '') ?? row.querySelector('dd')?.textContent?.trim() ?? '',
  ]);
}

describe('<cc-shortcut-help>', () => {
  afterEach(() => {
    for (const help of document.querySelectorAll('cc-shortcut-help')) {
      help.close();
      help.remove();
    }
    resetShortcuts();
    disposeWorlds();
  });

  it('R-CHAT-09: the help shortcut opens the shortcut help from anywhere, listing every action with its keys', async () => {
    const { store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div>
      <button id="before">Before</button>
      <cc-contact-request .store=${store}></cc-contact-request>
    </div>`);
    const before = root.querySelector('#before') as HTMLButtonElement;
    before.focus();
    await pressHelp();
    await until(() => document.querySelector('cc-shortcut-help')?.open === true, 'the help to open');
    const help = document.querySelector('cc-shortcut-help') as CcShortcutHelp;
    await help.updateComplete;
    expect(help.parentElement).to.equal(document.body);
    expect(help.hasAttribute('open')).to.equal(true);
    const dialog = shadow<HTMLDialogElement>(help, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    const labelledBy = dialog.getAttribute('aria-labelledby') ?? '';
    expect(help.shadowRoot?.getElementById(labelledBy)?.textContent).to.equal('Keyboard shortcuts');
    expect(rows(help)).to.deep.equal([
      ['Accept the oldest contact request', 'Ctrl+Alt+A'],
      ['Send the message (in the message box)', 'Enter'],
      ['Transfer the conversation', 'Ctrl+Alt+T'],
      ['Start a conference', 'Ctrl+Alt+C'],
      ['End the conversation', 'Ctrl+Alt+E'],
      ['Open templates', 'Ctrl+Alt+P'],
      ['Go to the message box', 'Ctrl+Alt+M'],
      ['Show keyboard shortcuts', 'Ctrl+Alt+K'],
    ]);
    expect(shadowAll(help, '.row')).to.have.length(SHORTCUT_ACTIONS.length);
    expect(shadowAll(help, '[part="keys"] kbd').map((k) => k.textContent)).to.include.members(['Ctrl', 'Alt', 'A', 'Enter']);
    expect(deepActive()).to.equal(button(help, 'Close'));
    await expect(help).to.be.accessible();

    // Modal: Tab and Shift+Tab keep focus inside the dialog.
    for (const shift of [false, false, true, true]) {
      if (shift) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (shift) await sendKeys({ up: 'Shift' });
      expect(deepActive(), shift ? 'focus after Shift+Tab' : 'focus after Tab').to.equal(button(help, 'Close'));
    }
    // Pressing the shortcut again while open changes nothing.
    await pressHelp();
    expect(document.querySelectorAll('cc-shortcut-help')).to.have.length(1);
    expect(dialog.open).to.equal(true);

    const closed = oneEvent(help, 'cc-dialog-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ reason: 'escape' });
    expect(help.open).to.equal(false);
    await help.updateComplete;
    expect(help.hasAttribute('open')).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(before);
  });

  it('R-X-02: Close closes it and returns focus into the shadow DOM it came from', async () => {
    const { simulator, store } = createWorld();
    const request = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    simulator.offer({ channel: 'webchat', customerName: 'Jane Doe' });
    await until(() => shadowAll(request, '.offer').length === 1, 'the offer');
    const accept = button(request, 'Accept');
    accept.focus();
    const help = openShortcutHelp();
    await help.updateComplete;
    expect(deepActive()).to.equal(button(help, 'Close'));
    const closed = oneEvent(help, 'cc-dialog-close');
    await sendKeys({ press: 'Enter' });
    expect((await closed).detail).to.deep.equal({ reason: 'cancel' });
    expect(deepActive()).to.equal(accept);
    // The same element is reused.
    expect(openShortcutHelp()).to.equal(help);
  });

  it('R-CHAT-09: uses the host’s own element; show(), close() and the open attribute', async () => {
    const help = await fixture<CcShortcutHelp>(html`<cc-shortcut-help platform="pc"></cc-shortcut-help>`);
    expect(shadow<HTMLDialogElement>(help, 'dialog').open).to.equal(false);
    expect(openShortcutHelp()).to.equal(help);
    await help.updateComplete;
    expect(help.hasAttribute('open')).to.equal(true);
    expect(shadow<HTMLDialogElement>(help, 'dialog').open).to.equal(true);
    const closed = oneEvent(help, 'cc-dialog-close');
    help.close();
    expect((await closed).detail).to.deep.equal({ reason: 'api' });
    help.setAttribute('open', '');
    await help.updateComplete;
    expect(shadow<HTMLDialogElement>(help, 'dialog').open).to.equal(true);
    help.removeAttribute('open');
    await help.updateComplete;
    expect(shadow<HTMLDialogElement>(help, 'dialog').open).to.equal(false);
  });

  it('R-CHAT-09: follows setShortcuts while open, with macOS symbols and spoken key names', async () => {
    const help = await fixture<CcShortcutHelp>(html`<cc-shortcut-help open platform="mac"></cc-shortcut-help>`);
    await help.updateComplete;
    expect(rows(help)[0]).to.deep.equal(['Accept the oldest contact request', '⌃⌥A']);
    expect(shadow(help, '.row[data-action="accept"] .visually-hidden').textContent).to.equal('Control+Option+A');
    setShortcuts({ accept: 'Ctrl+Shift+KeyY', conference: null });
    await help.updateComplete;
    expect(rows(help)[0]).to.deep.equal(['Accept the oldest contact request', '⌃⇧Y']);
    expect(rows(help)[3]).to.deep.equal(['Start a conference', 'Not assigned']);
    await expect(help).to.be.accessible();
  });

  it('R-X-01: speaks Chinese, switching while open', async () => {
    const help = await fixture<CcShortcutHelp>(html`<cc-shortcut-help open platform="pc"></cc-shortcut-help>`);
    setLocale('zh-CN');
    await help.updateComplete;
    expect(shadow(help, 'h2').textContent).to.equal('键盘快捷键');
    expect(button(help, '关闭')).to.exist;
    expect(rows(help).map(([d]) => d)).to.deep.equal([
      '接受最早的联系请求',
      '发送消息（在消息框中）',
      '转接对话',
      '开始对话会议',
      '结束对话',
      '打开模板',
      '转到消息框',
      '显示键盘快捷键',
    ]);
    setShortcuts({ templates: null });
    await help.updateComplete;
    expect(rows(help)[5]).to.deep.equal(['打开模板', '未分配']);
    await expect(help).to.be.accessible();
  });
});
