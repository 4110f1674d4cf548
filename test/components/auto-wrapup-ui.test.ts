import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { AutoWrapupPolicy } from '../../src/core/store/auto-wrapup.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { acceptContact, dialogOf, option, untilListed, untilOpen } from '../helpers/dialogs.js';
import { createWrapupWorld, type WrapupWorld } from '../helpers/wrapup.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

interface Opened extends WrapupWorld {
  readonly id: string;
  readonly el: CcWrapupDialog;
}

/** An SMS conversation ended with auto wrap-up on, its wrap-up dialog open. */
async function open(policy: AutoWrapupPolicy, failFirstSubmit = false): Promise<Opened> {
  const world = createWrapupWorld({ autoWrapup: { sms: policy } });
  if (failFirstSubmit) world.simulator.failOnce('submitWrapup');
  const id = await acceptContact(world, 'sms');
  const el = await fixture<CcWrapupDialog>(html`<cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>`);
  await world.store.end(id);
  await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
  el.show();
  await until(() => dialogOf(el).open, 'the dialog to open');
  await untilListed(el);
  return { ...world, id, el };
}

const countdown = (el: CcWrapupDialog): string => shadow(el, '[part="countdown"]').textContent?.trim() ?? '';
/** The seconds the countdown shows. */
const secondsShown = (el: CcWrapupDialog): number => Number(/\d+/.exec(countdown(el))?.[0] ?? Number.NaN);
const announcement = (el: CcWrapupDialog): string =>
  shadowAll(el, '.visually-hidden[role="status"]')
    .map((s) => s.textContent?.trim() ?? '')
    .join('');

describe('<cc-wrapup-dialog> auto wrap-up', () => {
  afterEach(() => {
    disposeWorlds();
    setLocale('en');
  });

  it('R-CTX-04: a visible countdown "Auto wrap-up in 25 s" (a timer, not announced yet) and Extend adds time', async () => {
    const o = await open({ afterMs: 25_000, extendMs: 30_000 });
    const timer = shadow(o.el, '[part="countdown"]');
    expect(timer.getAttribute('role')).to.equal('timer');
    expect(countdown(o.el)).to.match(/^Auto wrap-up in \d+ s$/);
    expect(secondsShown(o.el)).to.be.within(1, 25);
    expect(announcement(o.el), 'far from the end: nothing is announced').to.equal('');
    await expect(o.el).to.be.accessible();

    const before = secondsShown(o.el);
    button(o.el, 'Extend').click();
    await until(() => secondsShown(o.el) > before + 20, 'the extended countdown');
    expect(o.store.state.interactions[o.id]?.status).to.equal('wrapup');
    await expect(o.el).to.be.accessible();
  });

  it('R-CTX-04: near the end the countdown is announced politely, once, not every second', async () => {
    const o = await open({ afterMs: 8_000 });
    await until(() => announcement(o.el) !== '', 'the announcement');
    const first = announcement(o.el);
    expect(first).to.match(/^Auto wrap-up in \d seconds\. Choose Extend for more time\.$/);
    const shown = countdown(o.el);
    await until(() => countdown(o.el) !== shown, 'the next second');
    expect(announcement(o.el), 'the live region does not tick').to.equal(first);
    await expect(o.el).to.be.accessible();

    button(o.el, 'Extend').click();
    await until(() => announcement(o.el) === '', 'extended: nothing to announce');
  });

  it('R-CTX-04: at zero the default reason is submitted and the dialog says so; a manual submit beforehand stops it', async () => {
    const o = await open({ afterMs: 400, reasonId: 'wr-resolved' });
    await untilState(o.store, (s) => s.interactions[o.id] === undefined, 'auto wrap-up');
    await until(() => shadowAll(o.el, '.message[role="status"]').some((m) => m.textContent?.includes('wrapped up automatically')), 'the dialog to say so');
    expect(o.simulator.wrapups.at(-1)).to.deep.include({ reasonIds: ['wr-resolved'], automatic: true });
    expect(button(o.el, 'Submit wrap-up').disabled).to.equal(true);
    await expect(o.el).to.be.accessible();

    const manual = await open({ afterMs: 1_500 });
    option(manual.el, 'Opt-out request').click();
    await manual.el.updateComplete;
    button(manual.el, 'Submit wrap-up').click();
    await untilState(manual.store, (s) => s.recent.length === 1, 'wrapped up by hand');
    expect(manual.store.state.recent[0]?.wrapup?.automatic).to.equal(false);
    expect(manual.simulator.wrapups).to.have.length(1);
  });

  it('R-CTX-04: when the automatic submit fails the dialog says so and the agent submits by hand', async () => {
    const o = await open({ afterMs: 400 }, true);
    await until(() => shadowAll(o.el, '[role="alert"]').some((a) => a.textContent?.includes('did not go through')), 'the failure');
    expect(shadowAll(o.el, '[part="countdown"]'), 'no countdown left').to.have.length(0);
    expect(o.store.state.interactions[o.id]?.status).to.equal('wrapup');
    await expect(o.el).to.be.accessible();
    option(o.el, 'Resolved').click();
    await o.el.updateComplete;
    button(o.el, 'Submit wrap-up').focus();
    await sendKeys({ press: 'Enter' });
    await untilState(o.store, (s) => s.interactions[o.id] === undefined, 'wrapped up by hand');
    expect(o.store.state.recent[0]?.wrapup?.automatic).to.equal(false);
  });

  it('R-CTX-04: in a conversation pane the contained wrap-up dialog counts down too; Extend keeps the conversation', async () => {
    const world = createWrapupWorld({ autoWrapup: { webchat: { afterMs: 20_000 } } });
    const id = await acceptContact(world, 'webchat');
    const pane = await fixture<CcChatWidget>(html`<cc-chat-widget interaction-id=${id} .store=${world.store}></cc-chat-widget>`);
    await world.store.end(id);
    await until(() => shadowAll(pane, 'cc-wrapup-dialog').length === 1, 'the pane dialog', 15000);
    const wrapup = shadow<CcWrapupDialog>(pane, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    await until(() => shadowAll(wrapup, '[part="countdown"]').length === 1, 'the countdown');
    expect(countdown(wrapup)).to.match(/^Auto wrap-up in \d+ s$/);
    const before = secondsShown(wrapup);
    button(wrapup, 'Extend').click();
    await until(() => secondsShown(wrapup) > before + 20, 'the extended countdown');
    await expect(wrapup).to.be.accessible();
  });

  it('R-CTX-04: zh-CN: 秒后自动完成话后处理, 延长', async () => {
    setLocale('zh-CN');
    const o = await open({ afterMs: 25_000 });
    expect(countdown(o.el)).to.match(/^\d+ 秒后自动完成话后处理$/);
    expect(button(o.el, '延长')).to.exist;
    await expect(o.el).to.be.accessible();
  });
});
