import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { Channel, Workflow } from '../../src/core/types.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** A workflow list load the test settles by hand. */
interface PendingLoad {
  readonly channel: Channel;
  readonly resolve: (workflows: readonly Workflow[]) => void;
  readonly reject: (error: Error) => void;
}

const WORKFLOWS: readonly Workflow[] = [
  { id: 'wf-a', name: 'Create CRM case' },
  { id: 'wf-b', name: 'Send survey' },
];

/** A pane showing an accepted webchat conversation, on a world whose workflow loads wait for the test. */
async function setup() {
  const world = createWorld();
  const loads: PendingLoad[] = [];
  world.simulator.listWorkflows = (channel: Channel) => new Promise<readonly Workflow[]>((resolve, reject) => loads.push({ channel, resolve, reject }));
  const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  const load = (k: number): PendingLoad => {
    const found = loads[k];
    if (!found) throw new Error(`no load ${k}`);
    return found;
  };
  return { el, loads, load };
}

const items = (el: CcChatWidget): string[] => shadowAll(el, '.menu-item').map((b) => b.textContent ?? '');
const active = (el: CcChatWidget): string => el.shadowRoot?.activeElement?.textContent?.trim() ?? '';

describe('<cc-chat-widget> Workflows menu', () => {
  afterEach(disposeWorlds);

  it('R-CHAT-10: loading, then the list with focus on the first workflow; arrows move, Escape closes back to the button', async () => {
    const { el, loads, load } = await setup();
    const menu = button(el, 'Workflows');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    menu.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => loads.length === 1, 'a load');
    await el.updateComplete;
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el, '#workflows [role="status"]').textContent).to.equal('Loading workflows…');
    await expect(el).to.be.accessible();
    expect(load(0).channel).to.equal('webchat');
    load(0).resolve(WORKFLOWS);
    await until(() => items(el).length === 2, 'the workflows');
    expect(shadow(el, '#workflows ul').getAttribute('aria-label')).to.equal('Workflows');
    await until(() => active(el) === 'Create CRM case', 'focus on the first workflow');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)).to.equal('Send survey');
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)).to.equal('Create CRM case');
    await sendKeys({ press: 'Escape' });
    await until(() => shadowAll(el, '#workflows').length === 0, 'the menu closed');
    await until(() => el.shadowRoot?.activeElement === menu, 'focus back on the button');
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
  });

  it('R-CHAT-10: a failed load says why and offers Retry, which loads again and keeps focus in the menu', async () => {
    const { el, loads, load } = await setup();
    button(el, 'Workflows').click();
    await until(() => loads.length === 1, 'a load');
    load(0).reject(new Error('backend down'));
    await until(() => shadowAll(el, '#workflows [role="alert"]').length === 1, 'the error');
    expect(shadow(el, '#workflows [role="alert"]').textContent).to.contain('Could not load workflows: backend down');
    await expect(el).to.be.accessible();
    const retry = button(el, 'Retry');
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => loads.length === 2, 'a second load');
    await el.updateComplete;
    expect(shadowAll(el, '#workflows [role="alert"]')).to.have.length(0);
    expect(shadow(el, '#workflows [role="status"]').textContent).to.equal('Loading workflows…');
    expect(el.shadowRoot?.activeElement, 'focus stays in the pane while loading').to.equal(button(el, 'Workflows'));
    load(1).reject(new Error('still down'));
    await until(() => active(el) === 'Retry', 'focus on Retry again');
    button(el, 'Retry').click();
    await until(() => loads.length === 3, 'a third load');
    load(2).resolve(WORKFLOWS);
    await until(() => active(el) === 'Create CRM case', 'the list, focused');
  });

  it('R-CHAT-10: closing while loading shows nothing when the list arrives; reopening loads afresh', async () => {
    const { el, loads, load } = await setup();
    const menu = button(el, 'Workflows');
    menu.click();
    await until(() => loads.length === 1, 'a load');
    menu.click();
    await el.updateComplete;
    expect(shadowAll(el, '#workflows')).to.have.length(0);
    load(0).resolve(WORKFLOWS);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(shadowAll(el, '#workflows')).to.have.length(0);
    menu.click();
    await until(() => loads.length === 2, 'a fresh load');
    load(1).resolve([]);
    await until(() => shadowAll(el, '#workflows p.muted').some((p) => p.textContent === 'No workflows for this channel'), 'the empty list');
  });
});
