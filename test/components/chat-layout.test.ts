import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { expectWholeInside, headerActions } from '../helpers/layout.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

/** A chat pane of `width` × 440px showing an accepted contact of `channel` whose customer wrote `text`. */
async function sizedPane(channel: 'messenger' | 'webchat', width: number, text: string): Promise<{ readonly world: World; readonly id: string; readonly el: CcChatWidget }> {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Mo Salah', text });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:440px;display:grid">
    <cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>
  </div>`);
  const el = box.querySelector('cc-chat-widget') as CcChatWidget;
  await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', 15000);
  return { world, id, el };
}

describe('chat pane layout', () => {
  afterEach(() => {
    disposeWorlds();
    setLocale('en');
  });

  it('R-CHAT-03: in a short, narrow Messenger pane the thread gives way, the box and Send stay in view, and anything else is reachable by scrolling the pane', async () => {
    const { el } = await sizedPane('messenger', 372, 'Hello');
    const pane = el.getBoundingClientRect();
    for (const part of [shadow(el, 'textarea'), button(el, 'Send')]) {
      const r = part.getBoundingClientRect();
      expect(r.bottom, part.className || part.localName).to.be.at.most(pane.bottom + 0.5);
      expect(r.right, part.className || part.localName).to.be.at.most(pane.right + 0.5);
    }
    // Whatever does not fit (here at most the counter under the box) is reachable: the pane scrolls as a whole.
    const counter = shadow(el, '.counter').getBoundingClientRect();
    if (counter.bottom > pane.bottom + 0.5) {
      expect(getComputedStyle(el).overflowY).to.equal('auto');
      expect(el.scrollHeight).to.be.greaterThan(el.clientHeight);
    }
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`R-CHAT-01: in a 320px Messenger pane (${lang}) the header's Transfer, Conference, Workflows and End are tighter and fit one row, each whole`, async () => {
      setLocale(lang);
      const { el } = await sizedPane('messenger', 320, 'Hello');
      const { buttons, rows } = headerActions(el);
      expect(buttons).to.have.length(4);
      expect(rows).to.equal(1);
      expectWholeInside(el, buttons);
      await expect(el).to.be.accessible();
    });
  }

  it('R-END-02: the wrap-up dialog of a short pane is laid over that pane, whole: its reasons and buttons are inside the pane', async () => {
    const { world, id, el } = await sizedPane('webchat', 372, 'Thanks, bye');
    await world.store.end(id);
    const wrapup = () => shadowAll(el, 'cc-wrapup-dialog')[0];
    await until(() => wrapup()?.hasAttribute('open') === true, 'the wrap-up dialog', 15000);
    await until(() => shadowAll(wrapup() as Element, '[role="option"]').length > 0, 'the reasons', 15000);
    const pane = el.getBoundingClientRect();
    const dialog = shadow(wrapup() as Element, 'dialog').getBoundingClientRect();
    expect(dialog.top).to.be.at.least(pane.top - 0.5);
    expect(dialog.bottom).to.be.at.most(pane.bottom + 0.5);
    expect(dialog.height).to.be.greaterThan(pane.height * 0.6);
    const submit = button(wrapup() as Element, 'Submit wrap-up').getBoundingClientRect();
    expect(submit.bottom).to.be.at.most(pane.bottom + 0.5);
    await expect(el).to.be.accessible();
  });
});
