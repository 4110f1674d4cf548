import { expect, fixture, html } from '@open-wc/testing';
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
});
