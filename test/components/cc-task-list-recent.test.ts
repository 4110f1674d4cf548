import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcTaskList } from '../../src/components/cc-task-list/cc-task-list.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { Channel } from '../../src/core/types.js';
import { acceptContact, deepActive } from '../helpers/dialogs.js';
import { createWrapupWorld, type WrapupWorld } from '../helpers/wrapup.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** Accepts a contact, ends it and wraps it up with `reasonId`; resolves with its id. */
async function finish(world: WrapupWorld, channel: Channel, customerName: string, reasonId: string): Promise<string> {
  const id = await acceptContact(world, channel, customerName);
  await world.store.end(id);
  await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
  await world.store.listWrapupReasons(channel);
  await world.store.submitWrapup(id, [reasonId]);
  await untilState(world.store, (s) => s.recent.some((r) => r.interaction.id === id), 'finished');
  return id;
}

const recentItems = (el: CcTaskList): HTMLElement[] => shadowAll(el, '[part="recent-item"]');
const heading = (el: CcTaskList): string | undefined => shadowAll(el, '#recent-heading')[0]?.textContent?.trim();

function fields(item: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of item.querySelectorAll('dt')) out[dt.textContent?.trim() ?? ''] = dt.nextElementSibling?.textContent?.trim() ?? '';
  return out;
}

describe('<cc-task-list> Recent', () => {
  afterEach(() => {
    disposeWorlds();
    setLocale('en');
  });

  it('R-CTX-05: after wrap-up the conversation is listed under Recent: customer, channel, finished time, reasons', async () => {
    const world = createWrapupWorld();
    // `channel=""` is no channel: every channel is listed, as for the tasks.
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store} channel=""></cc-task-list>`);
    await el.updateComplete;
    expect(heading(el), 'nothing finished: no heading').to.equal(undefined);
    await expect(el).to.be.accessible();

    await finish(world, 'sms', 'Sam Text', 'wr-opt-out');
    await finish(world, 'webchat', 'Wendy Web', 'wr-resolved');
    await until(() => recentItems(el).length === 2, 'two finished conversations');
    expect(heading(el)).to.equal('Recent');
    const section = shadow(el, '[part="recent"]');
    expect(section.getAttribute('aria-labelledby')).to.equal('recent-heading');
    const [newest, older] = recentItems(el);
    expect(newest?.querySelector('.name')?.textContent?.trim(), 'newest first').to.equal('Wendy Web');
    expect(newest?.querySelector('.channel')?.textContent?.trim()).to.equal('WebChat');
    expect(older?.querySelector('.channel')?.textContent?.trim()).to.equal('SMS');
    const f = fields(older ?? el);
    expect(f['Wrap-up']).to.equal('Opt-out request');
    expect(f['Finished']).to.match(/\d/);
    expect(older?.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(older?.querySelector('[part="automatic"]'), 'submitted by the agent').to.equal(null);
    expect(shadowAll(el, '[part="task"]'), 'no open task left').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('R-CTX-05: a conversation that comes back without its reasons’ names (a reload replays ids) shows them by name', async () => {
    const world = createWrapupWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store}></cc-task-list>`);
    const id = await acceptContact(world, 'webchat', 'Nora Names');
    await world.store.end(id);
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    // As the backend replays it after a reload: the ids, not the names the store had listed.
    world.store.ingest({ type: 'wrapup-completed', at: Date.now(), interactionId: id, wrapup: { reasonIds: ['wr-resolved'] } });
    await untilState(world.store, (s) => s.recent.some((r) => r.interaction.id === id), 'finished');
    expect(world.store.state.recent[0]?.wrapup?.reasonNames).to.deep.equal([]);
    await until(() => fields(recentItems(el)[0] ?? el)['Wrap-up'] === 'Resolved', 'the reason by name');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-05: Transcript opens the conversation read-only in a modal dialog; Escape closes it and focus goes back', async () => {
    const world = createWrapupWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store}></cc-task-list>`);
    await finish(world, 'webchat', 'Jane Doe', 'wr-resolved');
    await until(() => recentItems(el).length === 1, 'the finished conversation');
    const opener = button(el, 'Transcript of the conversation with Jane Doe');
    expect(opener.textContent?.trim(), 'the visible label starts the name').to.equal('Transcript');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    // The dialog's code loads on first need: the dialog is there once it has.
    await until(() => shadowAll<HTMLDialogElement>(el, 'dialog')[0]?.open === true, 'the transcript dialog');
    const dialog = shadow<HTMLDialogElement>(el, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    const title = el.shadowRoot?.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent?.trim()).to.equal('Conversation with Jane Doe');
    const transcript = shadow(el, 'cc-transcript');
    await until(() => (transcript.shadowRoot?.textContent ?? '').includes('Hello'), 'the transcript');
    expect(transcript.shadowRoot?.querySelector('textarea, input'), 'read-only').to.equal(null);
    expect(deepActive()).to.equal(button(el, 'Close'));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await until(() => shadowAll(el, 'dialog').length === 0, 'the dialog to close');
    expect(deepActive()).to.equal(opener);
  });

  it('R-CTX-05, R-CTX-04: a conversation wrapped up automatically is marked so and announced politely', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 300 } } });
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store}></cc-task-list>`);
    const id = await acceptContact(world, 'sms', 'Auto Al');
    await world.store.end(id);
    await until(() => recentItems(el).length === 1, 'auto wrap-up');
    expect(recentItems(el)[0]?.querySelector('[part="automatic"]')?.textContent?.trim()).to.equal('Wrapped up automatically');
    expect(fields(recentItems(el)[0] ?? el)['Wrap-up']).to.equal('Resolved');
    const status = shadowAll(el, '.visually-hidden[role="status"]').map((s) => s.textContent?.trim());
    expect(status).to.include('The conversation with Auto Al was wrapped up automatically.');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-05: only conversations finished today, at most 20, of the list\'s channel', async () => {
    const world = createWrapupWorld();
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store} channel="sms"></cc-task-list>`);
    // The backend reports a wrap-up completed yesterday (a conversation finished before midnight).
    const yesterday = await acceptContact(world, 'sms', 'Yesterday Yu');
    await world.store.end(yesterday);
    await untilState(world.store, (s) => s.interactions[yesterday]?.status === 'wrapup', 'wrap-up');
    world.store.ingest({ type: 'wrapup-completed', interactionId: yesterday, at: Date.now() - 24 * 60 * 60 * 1000 });
    await untilState(world.store, (s) => s.recent.length === 1, 'finished yesterday');
    await finish(world, 'webchat', 'Other Channel', 'wr-resolved');
    await el.updateComplete;
    expect(heading(el), 'nothing of today on SMS').to.equal(undefined);

    for (let n = 0; n < 21; n++) await finish(world, 'sms', `Customer ${n}`, 'wr-resolved');
    await until(() => recentItems(el).length === 20, 'twenty listed');
    expect(recentItems(el)[0]?.querySelector('.name')?.textContent?.trim()).to.equal('Customer 20');
  });

  it('R-CTX-05: zh-CN: 最近, 已自动完成话后处理, 对话记录', async () => {
    setLocale('zh-CN');
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 300 } } });
    const el = await fixture<CcTaskList>(html`<cc-task-list .store=${world.store}></cc-task-list>`);
    const id = await acceptContact(world, 'sms', '王芳');
    await world.store.end(id);
    await until(() => recentItems(el).length === 1, 'auto wrap-up');
    expect(heading(el)).to.equal('最近');
    expect(recentItems(el)[0]?.querySelector('[part="automatic"]')?.textContent?.trim()).to.equal('已自动完成话后处理');
    expect(button(el, '与 王芳 的对话记录')).to.exist;
    await expect(el).to.be.accessible();
  });
});
