import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/cc-template-picker/cc-template-picker.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import type { Channel, MessageTemplate } from '../../src/core/types.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, type World } from '../helpers/world.js';

/** A template list load the test settles by hand. */
interface PendingLoad {
  readonly channel: Channel;
  readonly resolve: (templates: readonly MessageTemplate[]) => void;
  readonly reject: (error: Error) => void;
}

function template(id: string, channel: Channel): MessageTemplate {
  return { id, name: `Template ${id}`, body: `Body of ${id}`, channels: [channel], locked: false };
}

/** A picker on a world whose template loads wait for the test. */
async function setup(): Promise<{ world: World; el: CcTemplatePicker; loads: PendingLoad[] }> {
  const world = createWorld();
  const loads: PendingLoad[] = [];
  world.simulator.listTemplates = (channel: Channel) =>
    new Promise<readonly MessageTemplate[]>((resolve, reject) => loads.push({ channel, resolve, reject }));
  const el = await fixture<CcTemplatePicker>(html`<cc-template-picker channel="webchat" .store=${world.store}></cc-template-picker>`);
  return { world, el, loads };
}

const optionIds = (el: CcTemplatePicker): string[] => shadowAll(el, '[part="option"]').map((o) => o.dataset['id'] ?? '');

function load(loads: readonly PendingLoad[], k: number): PendingLoad {
  const found = loads[k];
  if (!found) throw new Error(`no load ${k}`);
  return found;
}

describe('<cc-template-picker>', () => {
  afterEach(() => disposeWorlds());

  it('R-TPL-01: loads the templates when the list first opens, once per channel', async () => {
    const { el, loads } = await setup();
    expect(loads.length, 'nothing loads before the list opens').to.equal(0);
    button(el, 'Templates').click();
    await until(() => loads.length === 1, 'a load');
    expect(shadow(el, '[role="status"]').textContent).to.contain('Loading templates');
    load(loads, 0).resolve([template('a', 'webchat')]);
    await until(() => optionIds(el).length === 1, 'the templates');
    el.hide();
    el.show();
    await el.updateComplete;
    expect(optionIds(el), 'shown again without a load').to.deep.equal(['a']);
    expect(loads.length).to.equal(1);
    el.hide();
    el.channel = 'messenger';
    await el.updateComplete;
    expect(loads.length, 'not while closed').to.equal(1);
    el.show();
    await until(() => loads.length === 2, 'a load for the new channel');
    expect(load(loads, 1).channel).to.equal('messenger');
  });

  it('R-TPL-01: a later load wins over one still in flight (the channel changed while loading)', async () => {
    const { el, loads } = await setup();
    el.show();
    await until(() => loads.length === 1, 'a load');
    el.channel = 'messenger';
    await until(() => loads.length === 2, 'the second load');
    load(loads, 1).resolve([template('m', 'messenger')]);
    await until(() => optionIds(el).length === 1, 'the messenger templates');
    load(loads, 0).resolve([template('w', 'webchat')]);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(optionIds(el)).to.deep.equal(['m']);
  });

  it('R-TPL-01: a failed load says why and offers Retry, which keeps focus in the list and loads again', async () => {
    const { el, loads } = await setup();
    el.show();
    await until(() => loads.length === 1, 'a load');
    load(loads, 0).reject(new Error('backend down'));
    await until(() => shadowAll(el, '[part="retry"]').length === 1, 'Retry');
    expect(shadow(el, '[role="alert"]').textContent).to.contain('backend down');
    expect(loads.length, 'no retry on its own').to.equal(1);
    await expect(el).to.be.accessible();
    button(el, 'Retry').focus();
    button(el, 'Retry').click();
    await until(() => loads.length === 2, 'the retry');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement, 'focus on the search box').to.equal(shadow(el, 'input[type="search"]'));
    load(loads, 1).resolve([template('a', 'webchat')]);
    await until(() => optionIds(el).length === 1, 'the templates');
  });

  it('R-TPL-01: opening the list again after a failed load retries', async () => {
    const { el, loads } = await setup();
    el.show();
    await until(() => loads.length === 1, 'a load');
    load(loads, 0).reject(new Error('backend down'));
    await until(() => shadowAll(el, '[part="retry"]').length === 1, 'Retry');
    el.hide();
    el.show();
    await until(() => loads.length === 2, 'a load on opening');
  });

  describe('pop-up placement and focus', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** A picker at the bottom of a 560×400 box that clips what overflows it, itself at the bottom of the viewport. */
    async function inBox(): Promise<{ el: CcTemplatePicker; box: HTMLElement; loads: PendingLoad[] }> {
      await setViewport({ width: 800, height: 600 });
      const world = createWorld();
      const loads: PendingLoad[] = [];
      world.simulator.listTemplates = (channel: Channel) =>
        new Promise<readonly MessageTemplate[]>((resolve, reject) => loads.push({ channel, resolve, reject }));
      const box = await fixture<HTMLElement>(html`<div
        style="position: fixed; inset-inline-start: 0; bottom: 0; width: 560px; height: 400px; overflow: hidden; display: flex; align-items: flex-end"
      >
        <cc-template-picker channel="webchat" .store=${world.store}></cc-template-picker>
      </div>`);
      const el = box.querySelector('cc-template-picker');
      if (!el) throw new Error('no picker');
      return { el, box, loads };
    }

    /** Every option is inside the viewport and is what a click at its centre hits. */
    function assertAllVisible(el: CcTemplatePicker): void {
      const root = el.shadowRoot;
      if (!root) throw new Error('no shadow root');
      const width = document.documentElement.clientWidth;
      const height = document.documentElement.clientHeight;
      for (const option of shadowAll(el, '[part="option"]')) {
        const r = option.getBoundingClientRect();
        const id = option.dataset['id'] ?? '';
        expect(r.top >= 0 && r.left >= 0 && r.bottom <= height && r.right <= width, `${id} inside the viewport: ${JSON.stringify(r)}`).to.equal(true);
        const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        expect(hit !== null && option.contains(hit), `${id} is what its centre hits (hit ${hit?.outerHTML.slice(0, 60) ?? 'nothing'})`).to.equal(true);
      }
    }

    it('R-TPL-01 pop-up: at the bottom of a clipping 560×400 box every template is fully visible (opens upward, above the box edge)', async () => {
      const { el, box, loads } = await inBox();
      button(el, 'Templates').click();
      await until(() => loads.length === 1, 'a load');
      load(loads, 0).resolve(['a', 'b', 'c', 'd', 'e'].map((id) => template(id, 'webchat')));
      await until(() => optionIds(el).length === 5, 'five templates');
      await el.updateComplete;
      const panel = shadow(el, '[part="panel"]');
      expect(panel.matches(':popover-open'), 'in the top layer').to.equal(true);
      expect(panel.dataset['placement']).to.equal('above');
      expect(panel.getBoundingClientRect().bottom).to.be.at.most(el.getBoundingClientRect().top);
      expect(panel.getBoundingClientRect().top, 'past the clipping box').to.be.below(box.getBoundingClientRect().bottom - 150);
      assertAllVisible(el);
      await expect(el).to.be.accessible();
    });

    it('R-TPL-01 pop-up: opens downward when there is room below, and stays inside a narrow viewport', async () => {
      await setViewport({ width: 320, height: 600 });
      const { el, loads } = await setup();
      el.setAttribute('align', 'end');
      el.style.marginInlineStart = '250px';
      el.show();
      await until(() => loads.length === 1, 'a load');
      load(loads, 0).resolve(['a', 'b', 'c'].map((id) => template(id, 'webchat')));
      await until(() => optionIds(el).length === 3, 'three templates');
      await el.updateComplete;
      expect(shadow(el, '[part="panel"]').dataset['placement']).to.equal('below');
      assertAllVisible(el);
    });

    it('R-TPL-01 focus: choosing a template with the keyboard closes the list without focusing the Templates button', async () => {
      const { el, loads } = await setup();
      const chosen: string[] = [];
      el.addEventListener('cc-template-select', (e) => chosen.push(e.detail.template.id));
      button(el, 'Templates').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => loads.length === 1, 'a load');
      load(loads, 0).resolve([template('a', 'webchat'), template('b', 'webchat')]);
      await until(() => optionIds(el).length === 2, 'the templates');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect(chosen).to.deep.equal(['b']);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.shadowRoot?.activeElement ?? null, 'focus is not on the Templates button').to.equal(null);
    });

    it('R-TPL-01 focus: Escape and a click outside on nothing focusable return focus to the Templates button; a click on another control leaves it there', async () => {
      const { el, loads } = await setup();
      button(el, 'Templates').click();
      await until(() => loads.length === 1, 'a load');
      load(loads, 0).resolve([template('a', 'webchat')]);
      await until(() => optionIds(el).length === 1, 'the templates');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.shadowRoot?.activeElement).to.equal(button(el, 'Templates'));

      const other = document.createElement('button');
      other.textContent = 'Elsewhere';
      other.style.cssText = 'position: fixed; right: 10px; bottom: 10px';
      document.body.append(other);
      try {
        const r = other.getBoundingClientRect();
        const clicks = [
          { at: [700, 300], what: 'an empty spot', focused: () => el.shadowRoot?.activeElement === button(el, 'Templates') },
          { at: [r.left + r.width / 2, r.top + r.height / 2], what: 'another button', focused: () => document.activeElement === other },
        ] as const;
        for (const { at, what, focused } of clicks) {
          el.show();
          await el.updateComplete;
          expect(el.shadowRoot?.activeElement, 'the search box has focus').to.equal(shadow(el, 'input[type="search"]'));
          await sendMouse({ type: 'click', position: [Math.round(at[0]), Math.round(at[1])] });
          await until(focused, `focus after a click on ${what}`, 15000);
          await new Promise((resolve) => setTimeout(resolve, 20));
          expect(focused(), `focus stays after a click on ${what}`).to.equal(true);
          expect(el.open).to.equal(false);
        }
      } finally {
        other.remove();
        await resetMouse();
      }
    });
  });
});
