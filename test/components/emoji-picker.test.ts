import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { EMOJI_COLUMNS } from '../../src/components/shared/emoji-picker.js';
import { EMOJI, searchEmoji } from '../../src/content/emoji-data.js';
import { setLocale } from '../../src/controllers/localize.js';
import { openEmail, typeInto } from '../helpers/email.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

async function open(tag: 'cc-chat-widget' | 'cc-sms-widget' = 'cc-chat-widget'): Promise<CcChatWidget> {
  const world = createWorld();
  const id = world.simulator.offer({ channel: tag === 'cc-sms-widget' ? 'sms' : 'webchat', customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el =
    tag === 'cc-sms-widget'
      ? await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
  return el;
}

function textarea(el: CcChatWidget): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function grid(el: CcChatWidget): HTMLElement | undefined {
  return shadowAll(el, '[role="dialog"] [role="listbox"]')[0];
}

function activeOption(el: CcChatWidget): HTMLElement | null | undefined {
  const g = grid(el);
  const id = g?.getAttribute('aria-activedescendant');
  return id ? el.shadowRoot?.getElementById(id) : undefined;
}

/** Puts `text` in the composer with the caret after `caret` characters, then opens the picker from the keyboard. */
async function openPicker(el: CcChatWidget, text = '', caret = text.length, name = 'Emoji'): Promise<void> {
  const box = textarea(el);
  box.focus();
  if (text) await sendKeys({ type: text });
  box.setSelectionRange(caret, caret);
  button(el, name).focus();
  await sendKeys({ press: 'Enter' });
  await until(() => grid(el) !== undefined, 'the emoji', 15000);
}

describe('emoji picker', () => {
  afterEach(disposeWorlds);

  it('R-COMP-02: the table finds emoji by English name, keyword or Chinese name', () => {
    expect(EMOJI.length).to.be.greaterThan(200);
    expect(searchEmoji('thumbs')[0]?.emoji).to.equal('👍');
    expect(searchEmoji('package').map((e) => e.emoji)).to.include('📦');
    expect(searchEmoji('拇指向上')[0]?.emoji).to.equal('👍');
    expect(searchEmoji('qqqq')).to.deep.equal([]);
  });

  it('R-COMP-02: Emoji opens a search box and a grid of named emoji; Enter inserts at the caret and focus returns to the composer', async () => {
    const el = await open();
    const trigger = button(el, 'Emoji');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    await openPicker(el, 'Thanks !', 7);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const search = deepActive() as HTMLInputElement;
    expect(search.getAttribute('aria-label')).to.equal('Search emoji');
    const first = grid(el)?.querySelector('[role="option"]');
    expect(first?.getAttribute('aria-label')).to.equal('grinning face');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'thumbs up' });
    await until(() => activeOption(el)?.getAttribute('aria-label') === 'thumbs up', 'the match', 15000);
    await sendKeys({ press: 'Enter' });
    await until(() => textarea(el).value === 'Thanks 👍!', 'the emoji in the text', 15000);
    expect(deepActive()).to.equal(textarea(el));
    expect(textarea(el).selectionStart).to.equal('Thanks 👍'.length);
    expect(grid(el)).to.equal(undefined);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('R-COMP-02: in the grid the arrows move by one and by a row, Home and End to the ends, Enter inserts', async () => {
    const el = await open();
    await openPicker(el);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(grid(el));
    const options = [...(grid(el)?.querySelectorAll('[role="option"]') ?? [])];
    expect(activeOption(el)).to.equal(options[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(activeOption(el)).to.equal(options[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)).to.equal(options[1 + EMOJI_COLUMNS]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(activeOption(el)).to.equal(options[EMOJI_COLUMNS]);
    await sendKeys({ press: 'End' });
    expect(activeOption(el)).to.equal(options[options.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(activeOption(el)).to.equal(options[0]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await until(() => textarea(el).value === EMOJI[1]?.emoji, 'the emoji in the text', 15000);
    expect(deepActive()).to.equal(textarea(el));
  });

  it('R-COMP-02: a click inserts; no match says so; Escape closes and returns focus to the composer', async () => {
    const el = await open('cc-sms-widget');
    await openPicker(el, 'Hi ');
    const heart = [...(grid(el)?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])].find((o) => o.getAttribute('aria-label') === 'red heart');
    heart?.click();
    await until(() => textarea(el).value === 'Hi ❤️', 'the clicked emoji', 15000);

    await openPicker(el, '', textarea(el).value.length);
    await sendKeys({ type: 'qqqq' });
    await until(() => shadowAll(el, '[role="dialog"] [role="status"]').some((s) => s.textContent?.trim() === 'No emoji match'), 'the no-match status', 15000);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => shadowAll(el, '[role="dialog"]').length === 0, 'the picker to close', 15000);
    expect(deepActive()).to.equal(textarea(el));
    expect(textarea(el).value).to.equal('Hi ❤️');
  });

  it('R-COMP-02: the email quick reply has an Emoji button too', async () => {
    const { el } = await openEmail();
    const quick = shadow<HTMLTextAreaElement>(el, '#quick');
    await typeInto(el, quick, 'Thanks');
    button(el, 'Emoji').click();
    await until(() => shadowAll(el, '[role="dialog"] [role="option"]').length > 0, 'the emoji', 15000);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'smile' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.quickReply === 'Thanks😀', 'the emoji in the quick reply', 15000);
    expect(deepActive()).to.equal(quick);
  });

  it('R-COMP-02: the email reply editor has an Emoji button in its toolbar; the emoji goes in at the editor\'s caret', async () => {
    const { el } = await openEmail();
    button(el, 'Reply').click();
    await until(() => shadowAll(el, '#editor').length === 1, 'the reply editor', 15000);
    const editor = shadow<HTMLElement>(el, '#editor');
    editor.focus();
    await sendKeys({ type: 'Thanks ' });
    const emojiButtons = shadowAll<HTMLButtonElement>(el, 'button.emoji-button').filter((b) => b.closest('[part="toolbar"]'));
    expect(emojiButtons).to.have.length(1);
    emojiButtons[0]?.click();
    await until(() => shadowAll(el, '[role="dialog"] [role="option"]').length > 0, 'the emoji', 15000);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'smile' });
    await sendKeys({ press: 'Enter' });
    // A space the editor keeps at the end of what was typed is a no-break space.
    await until(() => (editor.textContent ?? '').replace(/\u00a0/g, ' ').includes('Thanks 😀'), 'the emoji in the editor', 15000);
    expect(deepActive()).to.equal(editor);
  });

  it('R-COMP-02: zh-CN labels the button 表情, the search box 搜索表情 and the emoji in Chinese, and finds them by Chinese name', async () => {
    const el = await open();
    setLocale('zh-CN');
    await el.updateComplete;
    await openPicker(el, '', 0, '表情');
    expect((deepActive() as HTMLElement).getAttribute('aria-label')).to.equal('搜索表情');
    await sendKeys({ type: '熊猫' });
    await until(() => activeOption(el)?.getAttribute('aria-label') === '熊猫', 'the panda', 15000);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => textarea(el).value === '🐼', 'the panda in the text', 15000);
  });
});
