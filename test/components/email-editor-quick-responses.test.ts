import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { openEmail } from '../helpers/email.js';
import { button, disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

function listbox(el: CcEmailWidget): HTMLElement | undefined {
  return shadowAll(el, '[role="listbox"]').find((l) => l.getAttribute('aria-label') === 'Quick responses' || l.getAttribute('aria-label') === '快捷回复');
}

function optionNames(el: CcEmailWidget): string[] {
  const list = listbox(el);
  return list ? [...list.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.querySelector('.name')?.textContent ?? '') : [];
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function openEditor(): Promise<{ el: CcEmailWidget; editor: HTMLElement; simulator: Awaited<ReturnType<typeof openEmail>>['simulator'] }> {
  const { el, simulator } = await openEmail();
  button(el, 'Reply').click();
  await until(() => shadowAll(el, '#editor').length === 1, 'the reply editor', 15000);
  const editor = shadow<HTMLElement>(el, '#editor');
  editor.focus();
  return { el, editor, simulator };
}

async function type(el: CcEmailWidget, text: string): Promise<void> {
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('quick responses in the email reply editor', () => {
  afterEach(() => {
    setLocale('en');
    disposeWorlds();
  });

  it('R-COMP-01: `/` at the start of a line of the reply editor opens Quick responses; typing filters them', async () => {
    const { el, editor } = await openEditor();
    await type(el, '/');
    await until(() => optionNames(el).length > 1, 'the email templates', 15000);
    expect(listbox(el)?.getAttribute('role')).to.equal('listbox');
    expect(editor.getAttribute('aria-controls')).to.equal(listbox(el)?.id);
    expect(editor.getAttribute('aria-activedescendant')).to.equal(listbox(el)?.querySelector('[role="option"]')?.id);
    await type(el, 'open');
    await until(() => optionNames(el).length === 1, 'one match', 15000);
    expect(optionNames(el)).to.deep.equal(['Opening hours']);
    await expect(el).to.be.accessible();
    expect(deepActive()).to.equal(editor);
  });

  it('R-COMP-01: Enter applies the template as the Templates picker does and takes out the `/query`', async () => {
    const { el } = await openEditor();
    await type(el, '/open');
    await until(() => optionNames(el).length === 1, 'one match', 15000);
    await sendKeys({ press: 'Enter' });
    await until(() => (shadow<HTMLElement>(el, '#editor').textContent ?? '').includes('Our team is available'), 'the template in the editor', 15000);
    const body = shadow<HTMLElement>(el, '#editor').textContent ?? '';
    expect(body).not.to.include('/open');
    // Only the `/query` was in the body: no "the template replaced your text" line with Undo.
    expect(shadowAll(el, '#template-replaced')).to.have.length(0);
    expect(listbox(el)).to.equal(undefined);
    expect(shadow<HTMLElement>(el, '#editor').hasAttribute('aria-activedescendant')).to.equal(false);
    await until(() => deepActive() === shadow<HTMLElement>(el, '#editor'), 'focus in the editor', 15000);
  });

  it('R-COMP-01: ArrowDown moves the active option and Escape closes the list with focus kept in the editor', async () => {
    const { el, editor } = await openEditor();
    await type(el, '/');
    await until(() => optionNames(el).length > 1, 'the email templates', 15000);
    const first = editor.getAttribute('aria-activedescendant');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(editor.getAttribute('aria-activedescendant')).not.to.equal(first);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(listbox(el)).to.equal(undefined);
    expect(editor.hasAttribute('aria-controls')).to.equal(false);
    expect(deepActive()).to.equal(editor);
    expect(editor.textContent).to.equal('/');
  });

  it('R-COMP-01: a `/` in the middle of a line opens nothing', async () => {
    const { el } = await openEditor();
    await type(el, 'Hello /open');
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(listbox(el)).to.equal(undefined);
    await sendKeys({ press: 'Enter' });
    await type(el, '/');
    await until(() => optionNames(el).length > 1, 'the list on the new line', 15000);
  });

  it('R-COMP-01: without the templates capability, `/` opens nothing', async () => {
    const { el, simulator } = await openEditor();
    simulator.setCapabilities({ templates: false });
    await until(() => shadowAll(el, 'cc-template-picker').length === 0, 'no Templates picker', 15000);
    shadow<HTMLElement>(el, '#editor').focus();
    await type(el, '/');
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(listbox(el)).to.equal(undefined);
    expect(shadowAll(el, '.quick-responses-status')).to.have.length(0);
  });

  it('R-COMP-01: zh-CN names the list 快捷回复', async () => {
    const { el } = await openEditor();
    setLocale('zh-CN');
    await el.updateComplete;
    shadow<HTMLElement>(el, '#editor').focus();
    await type(el, '/');
    await until(() => listbox(el)?.getAttribute('aria-label') === '快捷回复', 'the Chinese list', 15000);
    await expect(el).to.be.accessible();
  });
});
