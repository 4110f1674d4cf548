import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import type { ChatChannel } from '../../src/core/types.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

async function open(channel: ChatChannel = 'webchat'): Promise<World & { id: string; el: CcChatWidget }> {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
  return { ...world, id, el };
}

function textarea(el: CcChatWidget): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

function picker(el: CcChatWidget): CcTemplatePicker {
  return shadow<CcTemplatePicker>(el, 'cc-template-picker');
}

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function chooseTemplate(el: CcChatWidget, name: string): Promise<void> {
  await until(() => customElements.get('cc-template-picker') !== undefined, 'the picker to load', 15000);
  await el.updateComplete;
  const p = picker(el);
  button(p, 'Templates').click();
  await until(() => shadowAll(p, '[part="option"]').length > 0, 'templates', 15000);
  const option = shadowAll<HTMLButtonElement>(p, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith(name));
  if (!option) throw new Error(`no template ${name}`);
  option.click();
  await until(() => !p.open, 'the list to close', 15000);
  await el.updateComplete;
}

/** Opens the template picker from the keyboard, types `query` until one template matches, and chooses it with the arrow key and Enter. */
async function chooseTemplateByKeyboard(el: CcChatWidget, query: string): Promise<void> {
  await until(() => customElements.get('cc-template-picker') !== undefined, 'the picker to load', 15000);
  await el.updateComplete;
  const p = picker(el);
  button(p, 'Templates').focus();
  await sendKeys({ press: 'Enter' });
  await until(() => shadowAll(p, '[part="option"]').length > 0, 'templates', 15000);
  await sendKeys({ type: query });
  await until(() => shadowAll(p, '[part="option"]').length === 1, 'one match', 15000);
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
}

async function setText(el: CcChatWidget, value: string): Promise<void> {
  textarea(el).value = value;
  textarea(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('chat templates', () => {
  afterEach(disposeWorlds);

  it('R-TPL-01: a Markdown template goes into a WebChat composer as plain text', async () => {
    const { el } = await open('webchat');
    await chooseTemplate(el, 'Closing');
    await until(() => textarea(el).value !== '', 'the inserted template', 15000);
    expect(textarea(el).value).to.equal('Is there anything else I can help you with, Jane Doe?\n\nIf not, I will close this conversation.');
    await chooseTemplate(el, 'Opening hours');
    expect(textarea(el).value).to.contain('Our team is available:\n\n- Monday to Friday, 8:00 to 20:00\n- Saturday, 9:00 to 17:00');
  });

  it('R-TPL-01: Messenger keeps the Markdown (it formats it)', async () => {
    const { el } = await open('messenger');
    await chooseTemplate(el, 'Closing');
    await until(() => textarea(el).value !== '', 'the inserted template', 15000);
    expect(textarea(el).value).to.contain('**Is there anything else');
  });

  it('R-TPL-03: a template inserted after text is separated from it by a space', async () => {
    const { el } = await open('webchat');
    await chooseTemplate(el, 'Thanks for waiting');
    await until(() => textarea(el).value !== '', 'the first template', 15000);
    await chooseTemplate(el, 'Thanks for waiting');
    await until(() => textarea(el).value.length > 70, 'the second template', 15000);
    expect(textarea(el).value).to.equal(
      'Thank you for your patience. I am looking into this for you now. Thank you for your patience. I am looking into this for you now.',
    );
  });

  it('R-TPL-03: an unknown variable stays as written and blocks Send until the agent fills it; the warning goes with it', async () => {
    const { el } = await open('webchat');
    await chooseTemplate(el, 'Case reference');
    await until(() => textarea(el).value !== '', 'the inserted template', 15000);
    expect(textarea(el).value).to.equal('Your case number is {{caseId}}. Please keep it for future contact.');
    expect(button(el, 'Send').disabled).to.equal(true);
    expect(shadow(el, '#unresolved').textContent).to.equal('Fill in or remove {{caseId}} before sending.');
    expect(textarea(el).getAttribute('aria-describedby')).to.contain('unresolved');
    await expect(el).to.be.accessible();
    await setText(el, 'Your case number is 4711. Please keep it for future contact.');
    expect(shadowAll(el, '#unresolved')).to.have.length(0);
    expect(button(el, 'Send').disabled).to.equal(false);
  });

  it('R-TPL-01: choosing a template with the keyboard puts focus in the composer, so Enter sends it', async () => {
    const { el, id, store } = await open('webchat');
    await chooseTemplateByKeyboard(el, 'Thanks for');
    await until(() => textarea(el).value !== '' && deepActive() === textarea(el), 'focus in the composer', 15000);
    await sendKeys({ press: 'Enter' });
    await untilState(store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent') ?? false, 'the sent template');
    expect(store.state.interactions[id]?.messages.filter((m) => m.author === 'agent').map((m) => m.text)).to.deep.equal([
      'Thank you for your patience. I am looking into this for you now.',
    ]);
  });

  it('R-TPL-01: choosing a template with parameters by keyboard puts focus in its first field', async () => {
    const { el } = await open('webchat');
    await chooseTemplateByKeyboard(el, 'Order status');
    await until(() => deepActive()?.localName === 'input' && deepActive()?.closest('[part~="template"]') !== null, 'focus in the first field', 15000);
    await expect(el).to.be.accessible();
  });
});
