import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { EmailEditorTools, loadEditorHelpers, type EditorHelpersLoader } from '../../src/components/cc-email-widget/email-editor-tools.js';
import { registerEnglish, setLocale } from '../../src/controllers/localize.js';
import { enCompose } from '../../src/locales/en-compose.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import type { MessageTemplate } from '../../src/core/types.js';
import { tokens } from '../../src/styles/tokens.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

registerEnglish(enCompose);

/**
 * A reply editor in miniature: a contenteditable body whose `/` at the start opens quick
 * responses, and an Emoji button, with the helpers' loader in the test's hands.
 */
class EditorToolsProbe extends LitElement {
  static override styles = [tokens];
  store: InteractionStore | undefined;
  /** The loader the next load uses. */
  loader: EditorHelpersLoader = loadEditorHelpers;
  picked: MessageTemplate | undefined;

  readonly tools = new EmailEditorTools(
    this,
    {
      store: () => this.store,
      templates: () => true,
      editor: () => this.renderRoot.querySelector<HTMLElement>('#editor'),
      query: () => /^\/(\S*)$/u.exec(this.renderRoot.querySelector('#editor')?.textContent ?? '')?.[1],
      pick: (template) => (this.picked = template),
      put: (emoji) => this.renderRoot.querySelector('#editor')?.append(emoji),
      focusBack: () => this.renderRoot.querySelector<HTMLElement>('#editor')?.focus(),
    },
    (host, options) => this.loader(host, options),
  );

  override render() {
    const aria = this.tools.boxAria();
    return html`${this.tools.renderQuick()}
      <div role="group" aria-label="Formatting">${this.tools.renderEmoji()}</div>
      <div
        id="editor"
        contenteditable="true"
        role="textbox"
        aria-multiline="true"
        aria-label="Body"
        aria-controls=${aria.controls}
        aria-activedescendant=${aria.activedescendant}
        @input=${() => this.tools.onInput()}
        @keydown=${(e: KeyboardEvent) => this.tools.onKeydown(e)}
      ></div>`;
  }
}
customElements.define('email-editor-tools-probe', EditorToolsProbe);

/** A loader that waits for `open()` before loading the real helpers, or fails with `reason` while set. */
function gatedLoader(): { readonly loader: EditorHelpersLoader; readonly open: () => void; calls: number } {
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = {
    calls: 0,
    open: () => open(),
    loader: ((host, options) => {
      state.calls++;
      return gate.then(() => loadEditorHelpers(host, options));
    }) satisfies EditorHelpersLoader,
  };
  return state;
}

async function probe(): Promise<EditorToolsProbe> {
  const el = await fixture<EditorToolsProbe>(testHtml`<email-editor-tools-probe></email-editor-tools-probe>`);
  el.store = createWorld().store;
  return el;
}

function typeSlash(el: EditorToolsProbe): void {
  const editor = shadow<HTMLElement>(el, '#editor');
  editor.focus();
  document.execCommand('insertText', false, '/');
}

const emojiButton = (el: EditorToolsProbe): HTMLButtonElement => shadow<HTMLButtonElement>(el, 'button.emoji-button');

describe('the reply editor\'s helpers load on first need', () => {
  afterEach(() => {
    setLocale('en');
    disposeWorlds();
  });

  it('R-COMP-02: before the helpers are in, the Emoji button shows; a click loads them and opens the picker, and the emoji goes in', async () => {
    const el = await probe();
    const gate = gatedLoader();
    el.loader = gate.loader;
    const button = emojiButton(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(shadowAll(el, '[role="dialog"]')).to.have.length(0);
    gate.open();
    await until(() => shadowAll(el, '[role="dialog"] [role="option"]').length > 0, 'the emoji', 15000);
    // The button the agent clicked is still the same element, now expanded.
    expect(emojiButton(el)).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'smile' });
    await sendKeys({ press: 'Enter' });
    await until(() => (shadow<HTMLElement>(el, '#editor').textContent ?? '').includes('😀'), 'the emoji in the body', 15000);
  });

  it('R-COMP-01: a `/` typed before the helpers are in opens Quick responses once they are, and Enter picks one', async () => {
    const el = await probe();
    const gate = gatedLoader();
    el.loader = gate.loader;
    typeSlash(el);
    await el.updateComplete;
    expect(shadowAll(el, '[role="listbox"]')).to.have.length(0);
    gate.open();
    await until(() => shadowAll(el, '[role="listbox"] [role="option"]').length > 1, 'the quick responses', 15000);
    const editor = shadow<HTMLElement>(el, '#editor');
    expect(editor.getAttribute('aria-controls')).to.equal(shadow(el, '[role="listbox"]').id);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => el.picked !== undefined, 'the template picked', 15000);
  });

  it('R-COMP-01, R-COMP-02: a failed load says so in the current language where the pop-up or list would be, and the next try loads', async () => {
    const el = await probe();
    el.loader = () => Promise.reject(new Error('offline'));
    setLocale('zh-CN');
    emojiButton(el).click();
    await until(() => shadowAll(el, '[role="alert"]').length === 1, 'the error', 15000);
    expect(shadow(el, '[role="alert"]').textContent).to.equal('无法加载表情：offline');
    await expect(el).to.be.accessible();
    setLocale('en');
    typeSlash(el);
    await until(() => shadowAll(el, '[role="alert"]').some((a) => a.textContent === 'Quick responses could not be loaded: offline'), 'the quick responses error', 15000);
    await expect(el).to.be.accessible();
    // Taking the `/` out takes its error away; the next click loads.
    document.execCommand('delete');
    await until(() => shadowAll(el, '[role="alert"]').length === 0, 'the errors to go', 15000);
    el.loader = loadEditorHelpers;
    emojiButton(el).click();
    await until(() => shadowAll(el, '[role="dialog"] [role="option"]').length > 0, 'the emoji', 15000);
    await expect(el).to.be.accessible();
  });
});
