import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import { acceptContact, deepActive, option, untilOpen } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

const WAIT = 15000;

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A chat pane on an accepted WebChat conversation with Jane Doe. */
async function pane(world: World, width = 480): Promise<{ id: string; el: CcChatWidget }> {
  const id = await acceptContact(world, 'webchat', 'Jane Doe');
  const el = await fixture<CcChatWidget>(
    html`<cc-chat-widget .store=${world.store} interaction-id=${id} style="inline-size: ${width}px; block-size: 640px"></cc-chat-widget>`,
  );
  await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
  return { id, el };
}

/** Opens Transfer, picks Agent and the named agent. */
async function chooseAgent(el: CcChatWidget, name: string, agentLabel = 'Agent', transferLabel = 'Transfer'): Promise<CcTransferDialog> {
  button(el, transferLabel).click();
  const dialog = shadow<CcTransferDialog>(el, 'cc-transfer-dialog');
  await untilOpen(dialog);
  shadowAll<HTMLLabelElement>(dialog, 'fieldset label').find((l) => text(l) === agentLabel)?.querySelector('input')?.click();
  // The queues may still be listed while the agents load: wait for the agent asked for.
  await until(() => shadowAll(dialog, '[role="option"] .name').some((n) => n.textContent?.trim() === name), `${name} listed`, WAIT);
  option(dialog, name).click();
  await dialog.updateComplete;
  return dialog;
}

const panel = (el: Element): HTMLElement | undefined => shadowAll(el, 'section[part~="consult"]')[0];
const consultInput = (el: Element): HTMLInputElement => shadow<HTMLInputElement>(el, 'input[part~="consult-input"]');
/** A `<section>` with a name is a region: the consult panel's name. */
const regionName = (el: Element): string | null => panel(el)?.getAttribute('aria-label') ?? null;
/** The consult textbox's name, from its label. */
const textboxName = (el: Element): string => text(shadowAll(el, 'label[for="consult-input"]')[0]);
const noticeText = (el: Element): string => text(shadowAll(el, '[part~="consult-notice"]')[0]);

async function startedConsult(world: World, el: CcChatWidget, id: string): Promise<void> {
  await world.store.startConsult(id, 'agent-priya');
  await untilState(world.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the consult');
  await until(() => shadowAll(el, '[part~="consult-message"]').length === 1, 'the greeting', WAIT);
}

describe('consult from a chat pane', () => {
  afterEach(disposeWorlds);

  it('R-CTX-06: Consult in the transfer dialog starts a private thread; messages go both ways and never to the customer', async function () {
    // A long walk through every state, with an accessibility check in each: generous on a busy machine.
    this.timeout(60_000);
    const world = createWorld({ agentResponseMs: 1000 });
    const { id, el } = await pane(world);
    const dialog = await chooseAgent(el, 'Priya Natarajan');
    expect(text(button(dialog, 'Transfer'))).to.equal('Transfer');
    button(dialog, 'Consult').click();
    await until(() => !shadow<HTMLDialogElement>(dialog, 'dialog').open, 'the dialog to close', WAIT);

    // Requested: said in text, with Cancel consult; Transfer waits meanwhile.
    await until(() => text(panel(el)).includes('Waiting for Priya Natarajan…'), 'the waiting text', WAIT);
    expect(regionName(el)).to.equal('Internal consult with Priya Natarajan');
    expect(text(panel(el))).to.contain('Internal consult with Priya Natarajan — the customer does not see this');
    expect(() => button(el, 'Cancel consult')).to.not.throw();
    expect(() => button(el, 'Complete transfer')).to.throw();
    expect(shadowAll(el, 'button').some((b) => text(b) === 'Transfer')).to.equal(false);
    await expect(el).to.be.accessible();

    // Started: the greeting, and focus on the consult textbox.
    await until(() => shadowAll(el, '[part~="consult-message"]').length === 1, 'the greeting', WAIT);
    await until(() => deepActive() === consultInput(el), 'focus on the consult textbox', WAIT);
    expect(textboxName(el)).to.equal('Consult message');
    expect(text(shadowAll(el, '[part~="consult-message"]')[0])).to.contain('Priya Natarajan');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Is the refund above your limit?' });
    await sendKeys({ press: 'Enter' });
    await until(() => shadowAll(el, '[part~="consult-message"]').length === 3, 'my message and the reply', WAIT);
    const [, mine, reply] = shadowAll(el, '[part~="consult-message"]');
    expect(text(mine)).to.contain('You').and.to.contain('Is the refund above your limit?').and.to.contain('Sent');
    expect(text(reply)).to.contain('Got it. I can take this one.');
    expect(consultInput(el).value).to.equal('');
    // The customer's thread and backend transcript have none of it.
    expect(text(shadow(el, '[part~="thread"]'))).to.not.contain('refund above your limit');
    expect(world.simulator.interaction(id)?.sentMessages).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Complete transfer: the customer goes to Priya, wrap-up follows as for a transfer.
    button(el, 'Complete transfer').click();
    const wrapup = shadow<CcWrapupDialog>(el, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    expect(world.store.state.interactions[id]).to.include({ status: 'wrapup', endReason: 'transferred' });
    expect(world.store.state.interactions[id]?.transfer).to.deep.include({ state: 'completed' });
    expect(panel(el)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('R-CTX-06: a busy agent declines and an offline one times out, said in text until dismissed', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const { id, el } = await pane(world);
    await world.store.startConsult(id, 'agent-mei');
    await until(() => noticeText(el).includes('Mei Lin declined the consult.'), 'the decline', WAIT);
    expect(shadowAll(el, '[part~="consult-notice"] [role="status"]').length).to.equal(1);
    await expect(el).to.be.accessible();
    button(el, 'Dismiss').click();
    await el.updateComplete;
    expect(noticeText(el)).to.equal('');

    await world.store.startConsult(id, 'agent-hannah');
    await until(() => noticeText(el).includes('Hannah Schmidt did not answer the consult request.'), 'the timeout', WAIT);
    await expect(el).to.be.accessible();
    // The agent still has the customer and can transfer or consult again.
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    expect(() => button(el, 'Transfer')).to.not.throw();
  });

  it('R-CTX-06: Cancel consult ends the thread and the agent keeps the customer', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const { id, el } = await pane(world);
    await startedConsult(world, el, id);
    button(el, 'Cancel consult').click();
    await until(() => noticeText(el).includes('The consult with Priya Natarajan ended. You keep the conversation.'), 'the cancel notice', WAIT);
    expect(panel(el)).to.equal(undefined);
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    // Focus goes back to the customer's composer; the conversation carries on.
    await until(() => deepActive()?.localName === 'textarea', 'focus on the composer', WAIT);
    expect(() => button(el, 'Transfer')).to.not.throw();
    expect(() => button(el, 'Conference')).to.not.throw();
    await expect(el).to.be.accessible();
  });

  it('R-CTX-06: the page hears each step as cc-consult: asked for from the dialog, completed or cancelled from the pane; a refused step fires nothing', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const { id, el } = await pane(world);
    const heard: unknown[] = [];
    el.addEventListener('cc-consult', (e) => heard.push(e.detail));
    const dialog = await chooseAgent(el, 'Priya Natarajan');
    button(dialog, 'Consult').click();
    await until(() => heard.length === 1, 'cc-consult started', WAIT);
    expect(heard[0]).to.deep.equal({ interactionId: id, agentId: 'agent-priya', step: 'started' });
    await untilState(world.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the consult');
    await until(() => shadowAll(el, 'button').some((b) => text(b) === 'Complete transfer'), 'Complete transfer', WAIT);
    // Refused by the backend: said in the pane, and the page hears nothing.
    world.simulator.failureRate = 1;
    button(el, 'Complete transfer').click();
    await until(() => text(panel(el)).includes('Could not complete the transfer:'), 'the complete error', WAIT);
    expect(heard).to.have.length(1);
    world.simulator.failureRate = 0;
    button(el, 'Cancel consult').click();
    await until(() => heard.length === 2, 'cc-consult cancelled', WAIT);
    expect(heard[1]).to.deep.equal({ interactionId: id, agentId: 'agent-priya', step: 'cancelled' });
    // Asked again and completed: the customer goes to Priya.
    await startedConsult(world, el, id);
    button(el, 'Complete transfer').click();
    await until(() => heard.length === 3, 'cc-consult completed', WAIT);
    expect(heard[2]).to.deep.equal({ interactionId: id, agentId: 'agent-priya', step: 'completed' });
  });

  it('R-CTX-06: failures are said in text: starting, a message, completing, and an agent gone by then', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const { id, el } = await pane(world);

    // Starting fails: the dialog says why and stays open with the choice kept.
    world.simulator.failureRate = 1;
    const dialog = await chooseAgent(el, 'Priya Natarajan');
    button(dialog, 'Consult').click();
    await until(() => text(shadowAll(dialog, '[part~="error"]')[0]).startsWith('Could not start the consult:'), 'the start error', WAIT);
    expect(shadow<HTMLDialogElement>(dialog, 'dialog').open).to.equal(true);
    expect(text(shadow(dialog, '[aria-selected="true"]'))).to.contain('Priya Natarajan');
    await expect(dialog).to.be.accessible();
    button(dialog, 'Cancel').click();
    await until(() => !shadow<HTMLDialogElement>(dialog, 'dialog').open, 'the dialog to close', WAIT);

    world.simulator.failureRate = 0;
    await startedConsult(world, el, id);
    world.simulator.failureRate = 1;
    consultInput(el).focus();
    await sendKeys({ type: 'Are you there?' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(panel(el)).includes('Not sent:'), 'the failed message', WAIT);
    button(el, 'Complete transfer').click();
    await until(() => text(panel(el)).includes('Could not complete the transfer:'), 'the complete error', WAIT);
    expect(shadowAll(el, '[part~="consult-error"][role="alert"]').length).to.equal(1);
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    await expect(el).to.be.accessible();

    world.simulator.failureRate = 0;
    world.simulator.setAgentAvailability('agent-priya', 'offline');
    button(el, 'Complete transfer').click();
    await until(() => noticeText(el).includes('The consult with Priya Natarajan failed: Priya Natarajan is no longer available'), 'the failed consult', WAIT);
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-06: in Chinese: 咨询, 咨询消息, 完成转接 and 取消咨询', async function () {
    // Two accessibility checks and the Chinese strings loading: generous on a busy machine.
    this.timeout(60_000);
    const world = createWorld({ agentResponseMs: 1000 });
    const { id, el } = await pane(world);
    setLocale('zh-CN');
    await el.updateComplete;
    const dialog = await chooseAgent(el, 'Priya Natarajan', '座席', '转接');
    button(dialog, '咨询').click();
    await until(() => text(panel(el)).includes('正在等待 Priya Natarajan…'), 'the waiting text', WAIT);
    await expect(el).to.be.accessible();
    await untilState(world.store, (s) => s.interactions[id]?.consult?.state === 'started', 'the consult');
    await until(() => textboxName(el) === '咨询消息', 'the consult textbox', WAIT);
    expect(regionName(el)).to.equal('与 Priya Natarajan 的内部咨询');
    expect(text(panel(el))).to.contain('客户看不到这些内容');
    expect(() => button(el, '完成转接')).to.not.throw();
    expect(() => button(el, '发送咨询消息')).to.not.throw();
    await expect(el).to.be.accessible();
    button(el, '取消咨询').click();
    await until(() => noticeText(el).includes('与 Priya Natarajan 的咨询已结束'), 'the cancel notice', WAIT);
  });

  it('R-CTX-06: the consult panel fits a 320px pane without clipping', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const { id, el } = await pane(world, 320);
    await startedConsult(world, el, id);
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    const section = panel(el);
    expect(section).to.not.equal(undefined);
    expect(section && section.scrollWidth <= section.clientWidth).to.equal(true);
    for (const control of [...shadowAll(el, 'section[part~="consult"] button'), consultInput(el)]) {
      const r = control.getBoundingClientRect();
      expect(r.width, text(control)).to.be.greaterThan(0);
      expect(r.left, text(control)).to.be.at.least(box.left);
      expect(r.right, text(control)).to.be.at.most(box.right);
      expect(control.scrollWidth, text(control)).to.be.at.most(control.clientWidth + 1);
    }
  });
});
