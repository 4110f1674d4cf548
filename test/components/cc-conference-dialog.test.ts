import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcConferenceDialog } from '../../src/components/cc-conference-dialog/cc-conference-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import {
  acceptContact,
  createFlakyWorld,
  deepActive,
  dialogOf,
  hasAccessible,
  nextEvent,
  option,
  optionTexts,
  searchbox,
  tab,
  untilListed,
} from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

interface Opened extends World {
  readonly id: string;
  readonly el: CcConferenceDialog;
  readonly opener: HTMLButtonElement;
}

async function setup(world: World = createWorld({ agentResponseMs: 30 })): Promise<Opened> {
  const id = await acceptContact(world, 'webchat');
  const root = await fixture<HTMLElement>(html`<div>
    <button id="opener">Conference</button>
    <cc-conference-dialog interaction-id=${id} .store=${world.store}></cc-conference-dialog>
  </div>`);
  const el = root.querySelector('cc-conference-dialog') as CcConferenceDialog;
  const opener = root.querySelector('#opener') as HTMLButtonElement;
  opener.addEventListener('click', () => el.show());
  opener.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => dialogOf(el).open, 'the dialog to open');
  await el.updateComplete;
  return { ...world, id, el, opener };
}

describe('<cc-conference-dialog>', () => {
  afterEach(() => {
    disposeWorlds();
  });

  it('R-CONF-01: a modal "Conference request" dialog with a searchable agent list showing availability icons and words', async () => {
    const o = await setup(createWorld({ latencyMs: 1500 })); // the loading state outlasts a busy machine
    const dialog = dialogOf(o.el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(hasAccessible(o.el, 'dialog', 'Conference request')).to.equal(true);
    expect(deepActive(), 'focus on the searchbox').to.equal(searchbox(o.el));
    expect(hasAccessible(o.el, 'searchbox', 'Search')).to.equal(true);
    expect(shadow(o.el, '[role="status"]').textContent).to.contain('Loading');
    await expect(o.el).to.be.accessible();
    await untilListed(o.el);
    expect(optionTexts(o.el), "agents only, no supervisors").to.have.length(7);
    expect(optionTexts(o.el).slice(0, 2)).to.deep.equal(['Priya Natarajan Available', 'Tom Becker Available']);
    expect(option(o.el, 'Mei Lin').querySelector('.dot')?.classList.contains('busy')).to.equal(true);
    expect(button(o.el, 'Conference').disabled).to.equal(true);
    await sendKeys({ type: 'xyz' });
    await o.el.updateComplete;
    expect(optionTexts(o.el)).to.deep.equal([]);
    expect(shadow(o.el, '[role="status"]').textContent).to.contain('Nothing matches “xyz”');
    await expect(o.el).to.be.accessible();
  });

  it('R-CONF-01, R-CONF-02: keyboard only: invite an available agent; conference requested → conference with "… joined the chat"', async () => {
    const o = await setup();
    const pane = await fixture<CcChatWidget>(html`<cc-chat-widget channel="webchat" interaction-id=${o.id} .store=${o.store}></cc-chat-widget>`);
    await untilListed(o.el);
    await sendKeys({ type: 'lucia' });
    await o.el.updateComplete;
    expect(optionTexts(o.el), 'accents do not matter').to.deep.equal(['Lucía Fernández Available']);
    await sendKeys({ press: 'ArrowDown' });
    await o.el.updateComplete;
    expect(option(o.el, 'Lucía Fernández').getAttribute('aria-selected')).to.equal('true');
    await tab();
    await tab();
    expect(deepActive()).to.equal(button(o.el, 'Conference'));
    let statusWhenFired: string | undefined;
    o.el.addEventListener('cc-conference', () => (statusWhenFired = o.store.state.interactions[o.id]?.status));
    const fired = nextEvent(o.el, 'cc-conference');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ interactionId: o.id, agentId: 'agent-lucia' });
    expect(o.el.open).to.equal(false);
    expect(deepActive()).to.equal(o.opener);
    expect(statusWhenFired).to.equal('conference-requested');
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'conference', 'conference');
    const joined = o.store.state.interactions[o.id]?.messages.find((m) => m.notice === 'agent-joined');
    expect(joined?.authorName).to.equal('Lucía Fernández');
    await until(() => pane.shadowRoot?.textContent?.includes('Lucía Fernández joined the chat') === true, 'the joined notice');
    expect(o.simulator.interaction(o.id)?.transcript.some((m) => m.notice === 'agent-joined' && m.authorName === 'Lucía Fernández'), 'the webchat customer sees it').to.equal(true);
  });

  it('R-CONF-02: an agent who is not available declines; the conversation is active again', async () => {
    const o = await setup();
    await untilListed(o.el);
    option(o.el, 'Mei Lin').click();
    await o.el.updateComplete;
    button(o.el, 'Conference').click();
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'conference-requested', 'requested');
    await untilState(o.store, (s) => s.interactions[o.id]?.status === 'active', 'declined');
    expect(o.store.state.interactions[o.id]?.conferenceAgent).to.equal(undefined);
  });

  it('R-CONF-01: when the adapter refuses the invitation, the dialog shows why and stays open', async () => {
    const o = await setup(createWorld({ agentResponseMs: 60_000 }));
    await o.store.inviteToConference(o.id, 'agent-tom');
    const before = o.store.state.interactions[o.id];
    await untilListed(o.el);
    option(o.el, 'Priya Natarajan').click();
    await o.el.updateComplete;
    button(o.el, 'Conference').click();
    await until(() => shadowAll(o.el, '[part="error"]').length === 1, 'the error');
    expect(shadow(o.el, '[part="error"]').textContent).to.contain('Could not start the conference: A conference is already requested');
    expect(shadow(o.el, '[part="error"]').getAttribute('role')).to.equal('alert');
    expect(o.el.open).to.equal(true);
    expect(o.store.state.interactions[o.id]).to.equal(before);
    await expect(o.el).to.be.accessible();
  });

  it('R-CONF-01: a directory that fails to load offers Retry', async () => {
    const world = createFlakyWorld({ agentResponseMs: 30 });
    world.simulator.failOnce('listAgents');
    const o = await setup(world);
    await until(() => shadowAll(o.el, '[part="retry"]').length === 1, 'Retry');
    await expect(o.el).to.be.accessible();
    button(o.el, 'Retry').click();
    await untilListed(o.el);
    expect(optionTexts(o.el), "agents only, no supervisors").to.have.length(7);
  });

  it('R-X-02: focus is trapped; Escape closes with no side effect and focus returns', async () => {
    const o = await setup();
    await untilListed(o.el);
    await sendKeys({ press: 'ArrowDown' });
    for (let k = 0; k < 6; k++) {
      await tab(k >= 3);
      expect(o.el.shadowRoot?.contains(deepActive()), `inside after Tab #${k + 1}`).to.equal(true);
    }
    const before = o.store.state;
    const closed = nextEvent(o.el, 'cc-dialog-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    expect(o.el.open).to.equal(false);
    expect(deepActive()).to.equal(o.opener);
    expect(o.store.state).to.equal(before);
  });

  it('R-X-01: Chinese names from the source document', async () => {
    setLocale('zh-CN');
    const o = await setup();
    await untilListed(o.el);
    expect(hasAccessible(o.el, 'dialog', '会议请求')).to.equal(true);
    expect(hasAccessible(o.el, 'searchbox', '搜索')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '会议')).to.equal(true);
    expect(hasAccessible(o.el, 'button', '刷新列表')).to.equal(true);
    expect(hasAccessible(o.el, 'listbox', '座席列表')).to.equal(true);
    expect(optionTexts(o.el)).to.include('Mei Lin 忙碌');
    await expect(o.el).to.be.accessible();
  });
});
