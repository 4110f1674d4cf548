import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import type { CcCustomerPanel } from '../../src/components/cc-customer-panel/cc-customer-panel.js';
import type { CcTranscript } from '../../src/components/cc-transcript/cc-transcript.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { CustomerRequest, PastInteractionsRequest } from '../../src/core/adapter.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import type { CustomerProfile, PastInteraction, PastInteractionPage } from '../../src/core/types.js';
import { acceptContact, deepActive, tab } from '../helpers/dialogs.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, type World } from '../helpers/world.js';

/** The simulator, with the customer commands able to fail once and the past replaceable (hostile content). */
class ScriptedContactCenter extends SimulatedContactCenter {
  failing = new Set<'getCustomer' | 'listPastInteractions'>();
  past: readonly PastInteraction[] | undefined;

  override getCustomer(request: CustomerRequest): Promise<CustomerProfile> {
    if (this.failing.delete('getCustomer')) return Promise.reject(new Error('profile service unavailable'));
    return super.getCustomer(request);
  }

  override listPastInteractions(request: PastInteractionsRequest): Promise<PastInteractionPage> {
    if (this.failing.delete('listPastInteractions')) return Promise.reject(new Error('history service unavailable'));
    if (this.past) return Promise.resolve({ items: this.past });
    return super.listPastInteractions(request);
  }
}

const scripted: { dispose(): void }[] = [];

function scriptedWorld(options: SimulatedContactCenterOptions = {}): World & { readonly simulator: ScriptedContactCenter } {
  const simulator = new ScriptedContactCenter({ autoplay: false, latencyMs: 0, seed: 7, ...options });
  const store = createInteractionStore(simulator, { agent: simulator.agent });
  const world = {
    simulator,
    store,
    dispose() {
      store.dispose();
      simulator.dispose();
    },
  };
  scripted.push(world);
  return world;
}

async function panel(world: World, id?: string): Promise<CcCustomerPanel> {
  return fixture<CcCustomerPanel>(html`<cc-customer-panel interaction-id=${id ?? ''} .store=${world.store}></cc-customer-panel>`);
}

const text = (el: Node | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttons = (el: Element, name: string): HTMLButtonElement[] =>
  shadowAll<HTMLButtonElement>(el, 'button').filter((b) => text(b) === name);
const pastItems = (el: Element): HTMLElement[] => shadowAll(el, 'ol.past > li');

function dlPairs(dl: Element | null): [string, string][] {
  const dts = [...(dl?.querySelectorAll('dt') ?? [])];
  return dts.map((dt) => [text(dt), text(dt.nextElementSibling)]);
}

async function loaded(el: CcCustomerPanel): Promise<void> {
  await until(() => el.shadowRoot?.querySelector('dl.attributes') !== null && el.shadowRoot?.querySelector('ol.past') !== null, 'the profile and the past');
}

describe('<cc-customer-panel>', () => {
  afterEach(() => {
    for (const w of scripted.splice(0)) w.dispose();
    disposeWorlds();
  });

  it('R-CTX-01: a region named Customer, headed by the customer name, with identities and attributes; follows the active interaction', async () => {
    const world = createWorld();
    await acceptContact(world, 'sms', 'Ana Souza');
    const el = await fixture<CcCustomerPanel>(html`<cc-customer-panel .store=${world.store}></cc-customer-panel>`);
    const region = shadow(el, 'section.panel');
    expect(region.getAttribute('aria-label')).to.equal('Customer');
    await until(() => el.shadowRoot?.querySelector('[role="status"]') !== null || el.shadowRoot?.querySelector('dl.attributes') !== null, 'loading');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(text(shadow(el, 'h2'))).to.equal('Ana Souza');
    const identities = dlPairs(shadow(el, 'dl.identities'));
    expect(identities).to.deep.include(['Phone', '+1 555 0123']);
    expect(identities).to.deep.include(['Email', 'ana.souza@example.com']);
    const attributes = dlPairs(shadow(el, 'dl.attributes')).map(([k]) => k);
    expect(attributes).to.include.members(['Account number', 'Tier', 'Customer since']);
    await expect(el).to.be.accessible();

    await acceptContact(world, 'messenger', 'Li Wei');
    await until(() => text(el.shadowRoot?.querySelector('h2')) === 'Li Wei', 'the panel to follow the newly accepted interaction');
    await loaded(el);
    expect(dlPairs(shadow(el, 'dl.identities')).some(([k, v]) => k === 'Facebook Messenger' && v.includes('page'))).to.equal(true);
  });

  it('R-CTX-02: previous conversations newest first, Load older pages, Show/Hide transcript by keyboard', async () => {
    const world = createWorld();
    const id = await acceptContact(world, 'webchat', 'Kwame Mensah');
    const all: PastInteraction[] = [];
    for (let cursor: string | undefined, n = 0; n === 0 || cursor !== undefined; n++) {
      const page = await world.store.listPastInteractions(id, cursor, 100);
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    const el = await panel(world, id);
    await loaded(el);
    const first = pastItems(el);
    expect(first.length).to.equal(Math.min(5, all.length));
    const item = first[0];
    expect(text(item?.querySelector('h4'))).to.contain(all[0]?.channel === 'email' ? 'Email' : '');
    const details = Object.fromEntries(dlPairs(item?.querySelector('dl') ?? null));
    expect(details['Queue']).to.equal(all[0]?.queue.name);
    expect(details['Wrap-up reasons']).to.equal(all[0]?.wrapupReasons.join(', '));
    expect(details['Last message']).to.equal(all[0]?.preview);

    while (buttons(el, 'Load older').length > 0) {
      const before = pastItems(el).length;
      const older = buttons(el, 'Load older')[0];
      older?.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => pastItems(el).length > before, 'older conversations');
    }
    expect(pastItems(el).map((li) => li.dataset['past'])).to.deep.equal(all.map((p) => p.id));
    // The last page removed Load older: focus went to the first conversation it added.
    expect(deepActive()?.closest('li')?.dataset['past']).to.equal(all[Math.floor((all.length - 1) / 5) * 5]?.id);

    const show = buttons(el, 'Show transcript')[0];
    expect(show?.getAttribute('aria-expanded')).to.equal('false');
    show?.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(show?.getAttribute('aria-expanded')).to.equal('true');
    expect(text(show)).to.equal('Hide transcript');
    const transcript = pastItems(el)[0]?.querySelector<CcTranscript>('cc-transcript');
    expect(transcript).to.not.equal(null);
    await transcript?.updateComplete;
    const entries = transcript?.shadowRoot?.querySelectorAll('ol > li').length ?? 0;
    expect(entries).to.equal((all[0]?.messages.length ?? 0) + (all[0]?.emails.length ?? 0));
    await expect(el).to.be.accessible();
    await tab();
    expect(deepActive()).to.equal(buttons(el, 'Show transcript')[0]);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await tab(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(show?.getAttribute('aria-expanded')).to.equal('false');
    expect(pastItems(el)[0]?.querySelector('cc-transcript')).to.equal(null);
  });

  it('R-CTX-02: hostile content in a transcript stays inert', async () => {
    let calls = 0;
    window.ccXss = () => calls++;
    const world = scriptedWorld();
    const hostile = '<img src=x onerror="window.ccXss()"><script>window.ccXss()</script>';
    world.simulator.past = [
      {
        id: 'p1',
        channel: 'messenger',
        queue: { id: 'q', name: hostile },
        startedAt: Date.now() - 86_400_000,
        wrapupReasons: [hostile],
        notes: hostile,
        preview: hostile,
        messages: [
          { id: 'm1', author: 'customer', authorName: hostile, text: hostile, format: 'plain', timestamp: Date.now() - 86_400_000, attachments: [] },
          { id: 'm2', author: 'agent', text: `**hi** ${hostile} [x](javascript:window.ccXss())`, format: 'markdown', timestamp: Date.now() - 86_000_000, attachments: [] },
        ],
        emails: [],
      },
      {
        id: 'p2',
        channel: 'email',
        queue: { id: 'q', name: 'Email Support' },
        startedAt: Date.now() - 2 * 86_400_000,
        wrapupReasons: [],
        preview: 'x',
        messages: [],
        emails: [
          { id: 'e1', direction: 'inbound', from: hostile, to: ['a@b.c'], cc: [], subject: hostile, html: hostile, timestamp: Date.now() - 2 * 86_400_000, status: 'received', attachments: [] },
        ],
      },
    ];
    const id = await acceptContact(world, 'messenger');
    const el = await panel(world, id);
    await until(() => pastItems(el).length === 2, 'the past');
    for (const show of buttons(el, 'Show transcript')) show.click();
    await el.updateComplete;
    const transcripts = shadowAll<CcTranscript>(el, 'cc-transcript');
    await until(() => transcripts[0]?.shadowRoot?.querySelector('.rich strong') !== null, 'the Markdown');
    await until(() => text(transcripts[1]?.shadowRoot?.querySelector('.body')) !== 'Loading the email…', 'the email body');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).to.equal(0);
    for (const root of [el.shadowRoot, ...transcripts.map((x) => x.shadowRoot)]) {
      expect(root?.querySelector('img, script, a[href^="javascript"]')).to.equal(null);
    }
    expect(text(pastItems(el)[0]?.querySelector('.preview'))).to.equal(hostile);
    delete window.ccXss;
  });

  it('R-CTX-02: no previous conversations, and a failed load with Retry', async () => {
    const world = scriptedWorld();
    world.simulator.past = [];
    world.simulator.failing.add('listPastInteractions');
    world.simulator.failing.add('getCustomer');
    const id = await acceptContact(world, 'email', 'Olivia Brown');
    const el = await panel(world, id);
    await until(() => shadowAll(el, '[role="alert"]').length === 2, 'both errors');
    expect(text(shadowAll(el, '[role="alert"]')[0])).to.contain('profile service unavailable');
    expect(text(shadowAll(el, '[role="alert"]')[1])).to.contain('history service unavailable');
    await expect(el).to.be.accessible();
    for (const retry of buttons(el, 'Retry')) retry.click();
    await until(() => el.shadowRoot?.querySelector('dl.attributes') !== null, 'the profile after Retry');
    await until(() => text(el.shadowRoot?.querySelector('.history p')) === 'No previous conversations.', 'the empty past');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-07: without the customer and history capabilities, the interaction’s own details and a sentence instead of history', async () => {
    const world = createWorld({ capabilities: { customer: false, history: false } });
    const id = await acceptContact(world, 'sms', 'Ana Souza');
    const el = await panel(world, id);
    expect(text(shadow(el, 'h2'))).to.equal('Ana Souza');
    expect(text(shadow(el, '.history'))).to.contain('The contact center provides no conversation history.');
    expect(text(el.shadowRoot)).to.contain('provides no customer profile');
    expect(dlPairs(shadow(el, 'dl.identities'))).to.deep.include(['Phone', '+1 555 0123']);
    expect(buttons(el, 'Load older')).to.have.length(0);
    await expect(el).to.be.accessible();
    world.simulator.setCapabilities({ customer: true, history: true });
    await loaded(el);
  });

  it('R-CTX-01: zh-CN: 客户 region, labels and buttons in Chinese', async () => {
    setLocale('zh-CN');
    const world = createWorld();
    const id = await acceptContact(world, 'sms', '陈静');
    const el = await panel(world, id);
    await loaded(el);
    expect(shadow(el, 'section.panel').getAttribute('aria-label')).to.equal('客户');
    expect(text(shadow(el, 'h2'))).to.equal('陈静');
    expect(text(shadow(el, '#history-heading'))).to.equal('以往对话');
    expect(buttons(el, '显示对话记录').length).to.be.greaterThan(0);
    expect(dlPairs(shadow(el, 'dl.identities')).map(([k]) => k)).to.include('电话');
    await expect(el).to.be.accessible();
  });

  it('R-CTX-01: without an open interaction the region says so', async () => {
    const world = createWorld();
    const el = await panel(world);
    expect(text(shadow(el, '[part="empty"]'))).to.equal('No conversation is open.');
    await expect(el).to.be.accessible();
  });
});
