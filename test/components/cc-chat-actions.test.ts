import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import type { CcConferenceDialog } from '../../src/components/cc-conference-dialog/cc-conference-dialog.js';
import type { ChatChannel } from '../../src/core/types.js';
import { dialogOf, option, untilListed } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

async function pane(channel: ChatChannel = 'webchat', role: 'owner' | 'invitee' = 'owner') {
  const world = createWorld({ agentResponseMs: 20 });
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello', role });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el =
    channel === 'sms'
      ? await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  return { ...world, id, el };
}

const inner = <T extends Element>(el: Element, tag: string): T => shadow<T>(el, tag);

async function submitWrapup(el: CcChatWidget, reason: string): Promise<void> {
  const wrapup = inner<CcWrapupDialog>(el, 'cc-wrapup-dialog');
  await until(() => dialogOf(wrapup).open, 'the wrap-up dialog');
  await untilListed(wrapup);
  option(wrapup, reason).click();
  await wrapup.updateComplete;
  button(wrapup, 'Submit wrap-up').click();
}

describe('chat pane actions: transfer, conference, end, wrap-up', () => {
  afterEach(disposeWorlds);

  it('R-XFER-01, R-XFER-05: Transfer opens the transfer dialog; a completed transfer opens wrap-up', async () => {
    const { el, id, store } = await pane('sms');
    button(el, 'Transfer').click();
    const transfer = inner<CcTransferDialog>(el, 'cc-transfer-dialog');
    await until(() => dialogOf(transfer).open, 'the transfer dialog');
    await untilListed(transfer);
    await expect(el).to.be.accessible();
    shadowAll<HTMLElement>(transfer, '[role="option"]')[0]?.click();
    await transfer.updateComplete;
    button(transfer, 'Transfer').click();
    await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up after transfer');
    await submitWrapup(el, 'Resolved');
    await untilState(store, (s) => s.interactions[id] === undefined, 'the interaction to complete');
  });

  it('R-XFER-01: Transfer fires a cancelable cc-transfer-request; a host that cancels it shows its own dialog instead', async () => {
    const { el, id } = await pane('messenger');
    const requests: string[] = [];
    const cancel = (e: Event) => {
      requests.push((e as CustomEvent<{ interactionId: string }>).detail.interactionId);
      e.preventDefault();
    };
    el.addEventListener('cc-transfer-request', cancel);
    button(el, 'Transfer').click();
    expect(requests).to.deep.equal([id]);
    // Give a dialog every chance to load and open: it must not.
    await until(() => customElements.get('cc-transfer-dialog') !== undefined, 'the dialogs to load', 15000);
    await el.updateComplete;
    const transfer = shadowAll<CcTransferDialog>(el, 'cc-transfer-dialog')[0];
    expect(transfer === undefined || !dialogOf(transfer).open).to.equal(true);
    el.removeEventListener('cc-transfer-request', cancel);
    button(el, 'Transfer').click();
    await until(() => dialogOf(inner<CcTransferDialog>(el, 'cc-transfer-dialog')).open, 'the transfer dialog');
    expect(requests).to.deep.equal([id]);
  });

  it('R-END-02, R-END-05: End (WebChat) opens the wrap-up dialog; Submit wrap-up completes the interaction', async () => {
    const { el, id, store } = await pane('webchat');
    button(el, 'End').click();
    // The confirmation's code loads on first need: the dialog is there once it has.
    await until(() => shadowAll<HTMLDialogElement>(el, 'dialog[part~="confirm"]')[0]?.open === true, 'the end confirmation');
    button(el, 'End conversation').click();
    await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    const wrapup = inner<CcWrapupDialog>(el, 'cc-wrapup-dialog');
    await until(() => dialogOf(wrapup).open, 'the wrap-up dialog');
    await untilListed(wrapup);
    await expect(el).to.be.accessible();
    // Closing it keeps a way back: the Wrap up button.
    wrapup.close();
    await el.updateComplete;
    button(el, 'Wrap up').click();
    await submitWrapup(el, 'Resolved');
    await untilState(store, (s) => s.interactions[id] === undefined, 'the interaction to complete');
  });

  it('R-CONF-01, R-CONF-02, R-CONF-03: the owner invites an agent, the conference starts, End conference leads to wrap-up', async () => {
    const { el, id, store } = await pane('webchat');
    button(el, 'Conference').click();
    const conference = inner<CcConferenceDialog>(el, 'cc-conference-dialog');
    await until(() => dialogOf(conference).open, 'the conference dialog');
    await untilListed(conference);
    option(conference, 'Priya Natarajan').click();
    await conference.updateComplete;
    button(conference, 'Conference').click();
    await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'the conference');
    await until(() => shadowAll(el, '.notice').some((n) => n.textContent === 'Priya Natarajan joined the chat'), 'joined notice');
    expect(shadowAll(el, 'button').some((b) => b.textContent?.trim() === 'Exit conference')).to.equal(false);
    button(el, 'End conference').click();
    await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up after the conference');
    await until(() => dialogOf(inner(el, 'cc-wrapup-dialog')).open, 'the wrap-up dialog');
  });

  it('R-CONF-04: the invited agent sees Exit conference, not End conference', async () => {
    const { el, id, store } = await pane('webchat', 'invitee');
    await untilState(store, (s) => s.interactions[id]?.status === 'conference', 'joined the conference');
    await el.updateComplete;
    expect(shadowAll(el, 'button').some((b) => b.textContent?.trim() === 'End conference')).to.equal(false);
    expect(shadowAll(el, 'button').some((b) => b.textContent?.trim() === 'Transfer')).to.equal(false);
    button(el, 'Exit conference').click();
    await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'left the conference');
  });

  it('R-X-01: the actions speak Chinese', async () => {
    const { el } = await pane('messenger');
    const { setLocale } = await import('../../src/controllers/localize.js');
    setLocale('zh-CN');
    await el.updateComplete;
    expect(button(el, '转接')).to.exist;
    expect(button(el, '会议')).to.exist;
  });
});
