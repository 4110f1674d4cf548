import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { matchTemplates, slashQuery } from '../../src/components/shared/quick-responses.js';
import { setLocale } from '../../src/controllers/localize.js';
import { SEED_TEMPLATES } from '../../src/adapters/simulated/index.js';
import type { ChatChannel } from '../../src/core/types.js';
import { openEmail, typeInto } from '../helpers/email.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

async function open(channel: ChatChannel = 'webchat', options: Parameters<typeof createWorld>[0] = {}): Promise<World & { id: string; el: CcChatWidget }> {
  const world = createWorld(options);
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const tag = channel === 'sms' ? 'cc-sms-widget' : 'cc-chat-widget';
  const el =
    tag === 'cc-sms-widget'
      ? await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
  return { ...world, id, el };
}

function textarea(el: CcChatWidget): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

function listbox(el: CcChatWidget): HTMLElement | undefined {
  return shadowAll(el, '[role="listbox"]').find((l) => l.getAttribute('aria-label') === 'Quick responses' || l.getAttribute('aria-label') === '快捷回复');
}

function options(el: CcChatWidget): HTMLElement[] {
  const list = listbox(el);
  return list ? [...list.querySelectorAll<HTMLElement>('[role="option"]')] : [];
}

function optionName(o: HTMLElement): string {
  return o.querySelector('.name')?.textContent ?? '';
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function typeInComposer(el: CcChatWidget, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('quick responses', () => {
  afterEach(disposeWorlds);

  it('R-COMP-01: a `/query` counts only at the start of a line, up to the caret', () => {
    expect(slashQuery('/ref', 4)).to.deep.equal({ start: 0, query: 'ref' });
    expect(slashQuery('Hello\n/', 7)).to.deep.equal({ start: 6, query: '' });
    expect(slashQuery('Hello /ref', 10)).to.equal(undefined);
    expect(slashQuery('/ref und', 8)).to.equal(undefined);
    expect(slashQuery('/ref', 2)).to.deep.equal({ start: 0, query: 'r' });
  });

  it('R-COMP-01: templates match by the start of a word of their name first, then by their text', () => {
    const names = (q: string) => matchTemplates(SEED_TEMPLATES, q).map((t) => t.name);
    expect(names('')).to.have.length(SEED_TEMPLATES.length);
    expect(names('stat')[0]).to.equal('Order status');
    expect(names('patience')).to.deep.equal(['Thanks for waiting']);
    expect(names('zzz')).to.deep.equal([]);
  });

  it('R-COMP-01: `/` opens the list, typing filters it, the arrows move, Enter inserts and removes the `/query`; focus stays in the box', async () => {
    const { el } = await open('webchat');
    await typeInComposer(el, 'Hi');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: '/' });
    await until(() => options(el).length > 1, 'the quick responses', 15000);
    const box = textarea(el);
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    // In the top layer: it never pushes Send out of a small pane.
    expect(listbox(el)?.matches(':popover-open')).to.equal(true);
    expect(box.getAttribute('aria-controls')).to.equal(listbox(el)?.id);
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[0]?.id);
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'than' });
    await until(() => options(el).length === 1, 'one match', 15000);
    expect(optionName(options(el)[0] as HTMLElement)).to.equal('Thanks for waiting');
    await sendKeys({ press: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).to.equal(options(el)[0]?.id);
    expect(deepActive()).to.equal(box);
    await sendKeys({ press: 'Enter' });
    await until(() => box.value.includes('patience'), 'the inserted template', 15000);
    expect(box.value).to.equal('Hi\nThank you for your patience. I am looking into this for you now.');
    expect(listbox(el)).to.equal(undefined);
    expect(deepActive()).to.equal(textarea(el));
    // Enter chose; nothing was sent.
    expect(shadowAll(el, '[part~="agent-bubble"]')).to.have.length(0);
  });

  it('R-COMP-01: ArrowUp wraps to the last option; a click inserts', async () => {
    const { el } = await open('webchat');
    await typeInComposer(el, '/');
    await until(() => options(el).length > 1, 'the quick responses', 15000);
    const all = options(el);
    await sendKeys({ press: 'ArrowUp' });
    expect(all).to.have.length(6);
    expect(textarea(el).getAttribute('aria-activedescendant')).to.equal(all[5]?.id);
    const closing = options(el).find((o) => optionName(o) === 'Opening hours');
    if (!closing) throw new Error('no Opening hours');
    closing.click();
    await until(() => textarea(el).value.startsWith('Our team is available'), 'the inserted template', 15000);
    expect(deepActive()).to.equal(textarea(el));
  });

  it('R-COMP-01: a template with [[parameters]] asks for them as from the Templates button', async () => {
    const { el } = await open('webchat');
    await typeInComposer(el, '/order');
    await until(() => options(el).length === 1, 'one match', 15000);
    await sendKeys({ press: 'Enter' });
    await until(() => shadowAll(el, '[part~="template"]').length === 1, 'the template panel', 15000);
    expect(shadow(el, '[part~="template"]').getAttribute('aria-label')).to.contain('Order status');
    expect(deepActive()?.localName).to.equal('input');
    await expect(el).to.be.accessible();
  });

  it('R-COMP-01: no match says so; Escape closes and keeps the text and the focus', async () => {
    const { el } = await open('webchat');
    await typeInComposer(el, '/zzz');
    await until(() => shadowAll(el, '[role="status"]').some((s) => s.textContent?.trim() === 'No quick responses match'), 'the no-match status', 15000);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadowAll(el, '.quick-responses-status')).to.have.length(0);
    expect(textarea(el).value).to.equal('/zzz');
    expect(deepActive()).to.equal(textarea(el));
  });

  it('R-COMP-01: `/` inside a line is text', async () => {
    const { el } = await open('webchat');
    await typeInComposer(el, 'and/or');
    expect(listbox(el)).to.equal(undefined);
    expect(shadowAll(el, '.quick-responses-status')).to.have.length(0);
  });

  it('R-COMP-01: the SMS composer offers SMS templates', async () => {
    const { el } = await open('sms');
    await typeInComposer(el, '/opt');
    await until(() => options(el).length === 1, 'one match', 15000);
    expect(optionName(options(el)[0] as HTMLElement)).to.equal('Opt-out footer (locked)');
  });

  it('R-COMP-01: nothing opens while the backend offers no templates', async () => {
    const { el } = await open('webchat', { capabilities: { templates: false } });
    await typeInComposer(el, '/');
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(listbox(el)).to.equal(undefined);
    expect(shadowAll(el, '.quick-responses-status')).to.have.length(0);
    expect(textarea(el).hasAttribute('aria-autocomplete')).to.equal(false);
  });

  it('R-COMP-01: in the email quick reply, a quick response starts a reply with the template, as the Templates button does', async () => {
    const { el } = await openEmail();
    const quick = shadow<HTMLTextAreaElement>(el, '#quick');
    await typeInto(el, quick, '/open');
    const list = () => shadowAll(el, '[role="listbox"]').find((l) => l.getAttribute('aria-label') === 'Quick responses');
    await until(() => (list()?.querySelectorAll('[role="option"]').length ?? 0) === 1, 'one match', 15000);
    expect(quick.getAttribute('aria-activedescendant')).to.equal(list()?.querySelector('[role="option"]')?.id);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => el.mode === 'reply', 'the reply', 15000);
    await until(() => (shadowAll(el, '#editor')[0]?.textContent ?? '').includes('Our team is available'), 'the template in the reply', 15000);
    expect(el.quickReply).to.equal('');
  });

  it('R-COMP-01: zh-CN names the list 快捷回复 and says when nothing matches', async () => {
    const { el } = await open('webchat');
    setLocale('zh-CN');
    await el.updateComplete;
    await typeInComposer(el, '/');
    await until(() => listbox(el)?.getAttribute('aria-label') === '快捷回复', 'the Chinese list', 15000);
    await sendKeys({ type: 'zzz' });
    await until(() => shadowAll(el, '[role="status"]').some((s) => s.textContent?.trim() === '没有匹配的快捷回复'), 'the Chinese no-match status', 15000);
    await expect(el).to.be.accessible();
  });
});
