import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcTransferDialog } from '../../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import type { CcConferenceDialog } from '../../src/components/cc-conference-dialog/cc-conference-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import { acceptContact, option, optionTexts, untilListed, untilOpen } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

const WAIT = 15000;

/** A notice line of the pane's header, by its text. */
/** Opens the pane's Transfer dialog with Agent chosen as the target, once its agents are listed. */
async function openAgentTransfer(el: Element): Promise<CcTransferDialog> {
  button(el, 'Transfer').click();
  const transfer = shadow<CcTransferDialog>(el, 'cc-transfer-dialog');
  await untilOpen(transfer);
  shadowAll<HTMLLabelElement>(transfer, 'fieldset label').find((l) => l.textContent?.trim() === 'Agent')?.querySelector('input')?.click();
  await untilListed(transfer);
  return transfer;
}

function notice(el: Element, text: string): HTMLElement | undefined {
  return shadowAll(el, 'header p').find((p) => (p.textContent ?? '').replace(/\s+/g, ' ').includes(text));
}

describe('transfer and conference from a conversation pane', () => {
  afterEach(disposeWorlds);

  it('R-CONF-01: a declined invitation says so in the header until dismissed', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const id = await acceptContact(world, 'webchat', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    button(el, 'Conference').click();
    const conference = shadow<CcConferenceDialog>(el, 'cc-conference-dialog');
    await untilOpen(conference);
    await untilListed(conference);
    option(conference, 'Samuel Okafor').click(); // idle: declines
    await conference.updateComplete;
    button(conference, 'Conference').click();
    await until(() => notice(el, 'Samuel Okafor declined the conference.') !== undefined, 'the declined notice', WAIT);
    expect(world.store.state.interactions[id]?.status).to.equal('active');
    expect(shadowAll(el, 'header [role="status"]').some((s) => s.textContent?.includes('declined'))).to.equal(true);
    await expect(el).to.be.accessible();
    button(el, 'Dismiss').click();
    await el.updateComplete;
    expect(notice(el, 'declined')).to.equal(undefined);
  });

  it('R-XFER-03: the pane transfer lists only available agents as choices (the others disabled, with status) and shows the pending transfer', async () => {
    const world = createWorld({ agentResponseMs: 1500 });
    const id = await acceptContact(world, 'sms', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    const transfer = await openAgentTransfer(el);
    expect(optionTexts(transfer), 'SMS: no supervisors').to.not.include('Dana Whitfield Available');
    expect(shadowAll(transfer, '[role="group"]'), 'SMS: no groups').to.have.length(0);
    const offline = option(transfer, 'Hannah Schmidt');
    expect(offline.getAttribute('aria-disabled')).to.equal('true');
    expect(offline.textContent).to.contain('Offline');
    expect(option(transfer, 'Raj Patel').getAttribute('aria-disabled')).to.equal('true');
    expect(option(transfer, 'Priya Natarajan').getAttribute('aria-disabled')).to.equal('false');
    offline.click();
    await transfer.updateComplete;
    expect(offline.getAttribute('aria-selected')).to.equal('false');
    expect(button(transfer, 'Transfer').disabled, 'nobody chosen').to.equal(true);
    expect(shadowAll(transfer, '.note').some((n) => n.textContent?.includes('Only available agents'))).to.equal(true);
    await expect(transfer).to.be.accessible();
    option(transfer, 'Priya Natarajan').click();
    await transfer.updateComplete;
    button(transfer, 'Transfer').click();
    await until(() => notice(el, 'Transferring to Priya Natarajan…') !== undefined, 'the pending notice', WAIT);
    expect(world.store.state.interactions[id]?.transfer?.state).to.equal('pending');
    await expect(el).to.be.accessible();
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up after the transfer');
    await until(() => notice(el, 'Transferring') === undefined, 'the pending notice gone', WAIT);
  });

  it('R-XFER-06: a pane transfer whose agent became unavailable says who did not take it', async () => {
    const world = createWorld({ agentResponseMs: 1500 });
    const id = await acceptContact(world, 'messenger', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget channel="messenger" .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    await world.store.transfer(id, { kind: 'agent', agentId: 'agent-tom' });
    await until(() => notice(el, 'Transferring to Tom Becker…') !== undefined, 'the pending notice', WAIT);
    world.simulator.setAgentAvailability('agent-tom', 'offline');
    await until(() => notice(el, 'Tom Becker did not take the transfer, and the conversation was dropped.') !== undefined, 'the dropped notice', WAIT);
  });

  it('R-XFER-03: WebChat transfer lists supervisors as a group after the agents; a supervisor can be chosen', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const id = await acceptContact(world, 'webchat', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    const transfer = await openAgentTransfer(el);
    const groups = shadowAll(transfer, '[role="listbox"] > [role="group"]');
    expect(groups.map((g) => shadow(transfer, `#${g.getAttribute('aria-labelledby') ?? ''}`).textContent)).to.deep.equal(['Agents', 'Supervisors']);
    const supervisors = [...(groups[1]?.querySelectorAll('[role="option"] .name') ?? [])].map((n) => n.textContent);
    expect(supervisors).to.deep.equal(['Dana Whitfield', 'Marcus Reed']);
    expect(option(transfer, 'Marcus Reed').getAttribute('aria-disabled')).to.equal('true');
    await expect(transfer).to.be.accessible();
    option(transfer, 'Dana Whitfield').click();
    await transfer.updateComplete;
    button(transfer, 'Transfer').click();
    await untilState(world.store, (s) => s.interactions[id]?.transfer?.state === 'completed', 'transferred to the supervisor');
  });

  it('R-X-01: the new notices and the conversation line speak Chinese', async () => {
    const world = createWorld({ agentResponseMs: 20 });
    const id = await acceptContact(world, 'webchat', 'Jane Doe');
    setLocale('zh-CN');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    await world.store.inviteToConference(id, 'agent-samuel');
    await until(() => notice(el, 'Samuel Okafor 拒绝了会议邀请。') !== undefined, 'the declined notice', WAIT);
    expect(button(el, '关闭')).to.exist;
    await world.store.end(id);
    const wrapup = shadow<CcWrapupDialog>(el, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    expect(shadow(wrapup, '[part="description"]').textContent).to.equal('与 Jane Doe 的对话 · WebChat');
  });
});
