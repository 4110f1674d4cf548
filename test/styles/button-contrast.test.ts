import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** An `rgb()` / `rgba()` colour as getComputedStyle gives it. */
function rgba(value: string): readonly [number, number, number, number] {
  const parts = /^rgba?\(([^)]+)\)$/.exec(value.trim())?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3 || parts.some((n) => Number.isNaN(n))) throw new Error(`not an rgb() colour: ${value}`);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

/** WCAG 2.x relative luminance. */
function luminance([r, g, b]: readonly [number, number, number, number]): number {
  const channel = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgba(a)), luminance(rgba(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background at or behind `el`, across shadow boundaries. */
function backdrop(el: Element): string {
  for (let node: Element | null = el; node; ) {
    const background = getComputedStyle(node).backgroundColor;
    if (rgba(background)[3] === 1) return background;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return 'rgb(255, 255, 255)';
}

interface Look {
  readonly color: string;
  readonly background: string;
  readonly ratio: number;
}

function look(button: HTMLElement): Look {
  const color = getComputedStyle(button).color;
  const background = backdrop(button);
  return { color, background, ratio: contrast(color, background) };
}

const centre = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

/** Every visible `.btn` of the elements, named by element and text. */
function buttons(hosts: readonly Element[]): { name: string; el: HTMLButtonElement }[] {
  return hosts.flatMap((host) =>
    shadowAll<HTMLButtonElement>(host, 'button.btn')
      .filter((b) => b.getBoundingClientRect().width > 0)
      .map((el) => ({ name: `${host.localName} “${el.textContent?.trim() ?? ''}” (${el.className})`, el })),
  );
}

describe('WCAG 1.4.3: button text contrast in every state', function () {
  // Dozens of real mouse moves and presses per scheme, on a busy machine.
  this.timeout(180_000);
  before(() => setViewport({ width: 1200, height: 1000 }));
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(async () => {
    await resetMouse();
    disposeWorlds();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`R-X-02 buttons: in the ${scheme} scheme every button variant meets 4.5:1 at rest, on hover, while pressed and with keyboard focus; disabled stays distinguishable`, async () => {
      const world = createWorld();
      const chat = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi' });
      const mail = world.simulator.offer({ channel: 'email', customerName: 'Ann Lee', email: { subject: 'Order', html: '<p>Where is it?</p>' } });
      await untilState(world.store, (s) => s.interactions[chat] !== undefined && s.interactions[mail] !== undefined, 'the offers');
      await world.store.accept(chat);
      await world.store.accept(mail);
      const root = await fixture<HTMLElement>(html`<div style="display: grid; grid-template-columns: 560px 560px; gap: 16px; align-items: start">
        <cc-chat-widget theme=${scheme} style="height: 520px" .store=${world.store} interaction-id=${chat}></cc-chat-widget>
        <cc-email-widget theme=${scheme} style="height: 640px" .store=${world.store} interaction-id=${mail}></cc-email-widget>
        <cc-template-picker theme=${scheme} .store=${world.store} channel="webchat"></cc-template-picker>
      </div>`);
      const email = root.querySelector<CcEmailWidget>('cc-email-widget');
      const picker = root.querySelector<CcTemplatePicker>('cc-template-picker');
      const chatPane = root.querySelector('cc-chat-widget');
      if (!email || !picker || !chatPane) throw new Error('fixture incomplete');
      await until(() => shadowAll(chatPane, 'button.btn').length > 2 && shadowAll(email, 'button.btn').length > 2, 'the panes’ buttons', 15000);
      // A filled composer makes Send an enabled primary button.
      const textarea = shadow<HTMLTextAreaElement>(chatPane, 'textarea');
      textarea.value = 'Hello';
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await chatPane.updateComplete;
      await until(() => shadowAll(picker, 'button.btn').length === 1, 'the Templates button', 15000);

      const all = buttons([chatPane, email, picker]);
      const variants = new Set(all.map(({ el }) => [...el.classList].sort().join('.')));
      const kinds = [...variants];
      expect(kinds.some((k) => k.includes('secondary')), `outlined buttons among ${kinds.join(', ')}`).to.equal(true);
      expect(kinds.some((k) => !k.includes('secondary') && !k.includes('danger')), `filled buttons among ${kinds.join(', ')}`).to.equal(true);
      expect(kinds.some((k) => k.includes('danger')), `danger buttons among ${kinds.join(', ')}`).to.equal(true);
      const failures: string[] = [];
      const check = (state: string, name: string, seen: Look, minimum = 4.5): void => {
        if (seen.ratio < minimum) failures.push(`${name} ${state}: ${seen.color} on ${seen.background} = ${seen.ratio.toFixed(2)}:1 < ${minimum}:1`);
      };
      for (const { name, el } of all) {
        if (el.disabled) {
          check('disabled', name, look(el), 3);
          continue;
        }
        const rest = look(el);
        check('at rest', name, rest);
        await sendMouse({ type: 'move', position: centre(el) });
        expect(el.matches(':hover'), `${name} is hovered`).to.equal(true);
        const hover = look(el);
        check('on hover', name, hover);
        await sendMouse({ type: 'down' });
        check('pressed', name, look(el));
        // Released elsewhere: no click, nothing happens.
        await sendMouse({ type: 'move', position: [1190, 990] });
        await sendMouse({ type: 'up' });
        await sendKeys({ press: 'Shift' });
        el.focus();
        if (el.matches(':focus-visible')) {
          check('focused', name, look(el));
          const ring = getComputedStyle(el);
          const outline = ring.outlineStyle === 'none' ? 0 : contrast(ring.outlineColor, backdrop(el.parentElement ?? el));
          if (outline < 3) failures.push(`${name} focus ring: ${outline.toFixed(2)}:1 < 3:1`);
        } else {
          failures.push(`${name}: no keyboard focus indicator`);
        }
        el.blur();
        // Disabled: exempt from 1.4.3, but readable and unlike the enabled button.
        el.disabled = true;
        const off = look(el);
        el.disabled = false;
        check('disabled', name, off, 3);
        if (off.background === rest.background && off.color === rest.color) failures.push(`${name}: disabled looks the same as enabled`);
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }
});
