import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { paramLabel } from '../../src/components/shared/template-panel.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { setLocale } from '../../src/controllers/localize.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

type Pane = CcChatWidget | CcEmailWidget;

/** A chat or email pane of `width` pixels with an accepted interaction. */
async function pane(kind: 'chat' | 'email', width: number): Promise<Pane> {
  const world = createWorld();
  const id =
    kind === 'chat'
      ? world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Where is my order?' })
      : world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Order', html: '<p>Where is my order?</p>' } });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const style = `width: ${width}px; height: 560px`;
  const el =
    kind === 'chat'
      ? await fixture<CcChatWidget>(html`<cc-chat-widget style=${style} .store=${world.store} channel="webchat"></cc-chat-widget>`)
      : await fixture<CcEmailWidget>(html`<cc-email-widget style=${style} .store=${world.store}></cc-email-widget>`);
  if (kind === 'email') {
    await until(() => shadowAll(el, '#quick').length === 1, 'the quick reply box', 15000);
    (el as CcEmailWidget).compose('reply');
  }
  await until(() => shadowAll(el, 'cc-template-picker').length === 1, 'the template picker', 15000);
  return el;
}

async function chooseTemplate(el: Pane, name: string): Promise<void> {
  const picker = shadow<CcTemplatePicker>(el, 'cc-template-picker');
  await until(() => shadowAll(picker, 'button').length > 0, 'the Templates button', 15000);
  button(picker, 'Templates').click();
  await until(() => shadowAll(picker, '[part="option"]').length > 0, 'templates', 15000);
  const option = shadowAll<HTMLButtonElement>(picker, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith(name));
  if (!option) throw new Error(`no template ${name}`);
  option.click();
  await until(() => shadowAll(el, '[part="template"]').length === 1, 'the template panel', 15000);
  await el.updateComplete;
}

/**
 * Buttons whose box reaches outside the pane's box, and parameter fields that reach past
 * its sides (fields may scroll inside the panel of a short pane, so only their width counts).
 */
function outside(el: Pane): string[] {
  const box = el.getBoundingClientRect();
  const describe = (c: HTMLElement, r: DOMRect): string =>
    `${c.textContent?.trim() || c.closest('label')?.textContent?.trim() || c.localName}: x ${Math.round(r.left)}–${Math.round(r.right)}, y ${Math.round(r.top)}–${Math.round(r.bottom)} outside x ${Math.round(box.left)}–${Math.round(box.right)}, y ${Math.round(box.top)}–${Math.round(box.bottom)}`;
  const across = (r: DOMRect): boolean => r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  const buttons = [...shadowAll<HTMLElement>(el, '[part="template"] button'), button(el, 'Send'), button(el, 'Remove template')];
  const fields = shadowAll<HTMLElement>(el, '[part="template"] input');
  return [
    ...buttons.flatMap((c) => {
      const r = c.getBoundingClientRect();
      return across(r) && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 ? [] : [describe(c, r)];
    }),
    ...fields.flatMap((c) => (across(c.getBoundingClientRect()) ? [] : [describe(c, c.getBoundingClientRect())])),
  ];
}

describe('template panel (R-TPL-03)', () => {
  afterEach(() => {
    setLocale('en');
    disposeWorlds();
  });

  for (const kind of ['chat', 'email'] as const) {
    for (const width of [560, 320]) {
      it(`R-TPL-03 layout: in a ${width} px ${kind} pane a template with three parameters keeps every control inside the pane`, async () => {
        const el = await pane(kind, width);
        await chooseTemplate(el, 'Order status');
        expect(shadowAll(el, '[part="template"] input')).to.have.length(3);
        const failures = outside(el);
        expect(failures, failures.join('\n')).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('R-TPL-03 labels: parameter fields are labelled in words, and the count of fields left is a proper plural', async () => {
    const el = await pane('chat', 560);
    await chooseTemplate(el, 'Order status');
    const inputs = shadowAll<HTMLInputElement>(el, '[part="template"] input');
    expect(inputs.map((i) => i.labels?.[0]?.textContent?.trim())).to.deep.equal(['Order number', 'Ship date', 'Days']);
    const note = (): string => shadow(el, '[part="template"] .fill').textContent?.trim() ?? '';
    expect(note()).to.equal('Fill in 3 fields to send.');
    for (const [k, value] of ['A-1', 'May 2'].entries()) {
      const input = inputs[k];
      if (!input) throw new Error('no input');
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    expect(note()).to.equal('Fill in 1 field to send.');
    setLocale('zh-CN');
    await el.updateComplete;
    expect(note()).to.equal('请填写 1 个参数后再发送。');
    await expect(el).to.be.accessible();
  });

  it('R-TPL-03 labels: names in camelCase, snake_case, kebab-case or words read as a sentence-case label', () => {
    expect(paramLabel('orderNumber')).to.equal('Order number');
    expect(paramLabel('ship_date')).to.equal('Ship date');
    expect(paramLabel('tracking-url')).to.equal('Tracking url');
    expect(paramLabel('order number')).to.equal('Order number');
    expect(paramLabel('customerID')).to.equal('Customer ID');
    expect(paramLabel('SKUCode')).to.equal('SKU code');
    expect(paramLabel('days')).to.equal('Days');
    expect(paramLabel('日期')).to.equal('日期');
  });
});
