import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { StoreError } from '../../src/core/store/store.js';
import { acceptContact, dialogOf, untilListed } from '../helpers/dialogs.js';
import { createWrapupWorld, type WrapupWorld } from '../helpers/wrapup.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

async function open(world: WrapupWorld) {
  const id = await acceptContact(world, 'webchat');
  await world.store.send(id, 'Let me check that for you.');
  await world.store.end(id);
  await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
  const el = await fixture<CcWrapupDialog>(html`<cc-wrapup-dialog interaction-id=${id} .store=${world.store}></cc-wrapup-dialog>`);
  el.show();
  await until(() => dialogOf(el).open, 'the dialog to open');
  await untilListed(el);
  return { id, el };
}

const notes = (el: CcWrapupDialog): HTMLTextAreaElement => shadow<HTMLTextAreaElement>(el, '#notes');
const status = (el: CcWrapupDialog): string => shadow(el, '[part="summary-status"]').textContent?.trim() ?? '';

describe('<cc-wrapup-dialog> Summarize', () => {
  afterEach(() => {
    disposeWorlds();
  });

  it('R-COMP-06: Summarize fills empty Notes with an editable summary of the conversation', async () => {
    const world = createWrapupWorld();
    const { el } = await open(world);
    await expect(el).to.be.accessible();
    const summarize = button(el, 'Summarize');
    summarize.focus();
    summarize.click();
    await until(() => notes(el).value !== '', 'the summary');
    expect(notes(el).value).to.contain('Jane Doe wrote: "Hello"').and.contain('The agent sent 1 reply.').and.contain('The agent ended the conversation.');
    expect(notes(el).value.length).to.be.at.most(500);
    expect(status(el)).to.equal('Summary put into the notes. You can edit it.');
    await until(() => el.shadowRoot?.activeElement === notes(el), 'focus in Notes');
    await sendKeys({ type: ' Refund approved.' });
    await el.updateComplete;
    expect(notes(el).value.endsWith('Refund approved.')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('R-COMP-06: notes the agent typed are kept; the summary goes below them', async () => {
    const world = createWrapupWorld();
    const { el } = await open(world);
    notes(el).focus();
    await sendKeys({ type: 'Customer angry' });
    button(el, 'Summarize').click();
    await until(() => notes(el).value.length > 'Customer angry'.length, 'the summary');
    expect(notes(el).value.startsWith('Customer angry\n\nJane Doe wrote:')).to.equal(true);
    expect(status(el)).to.equal('Summary added below your notes. You can edit it.');
  });

  it('R-COMP-06: a failure is said in text and reported on errors$; notes are untouched', async () => {
    const world = createWrapupWorld();
    const errors: StoreError[] = [];
    const sub = world.store.errors$.subscribe((e) => errors.push(e));
    world.simulator.summarize = () => Promise.reject(new Error('the summary service is down'));
    const { el } = await open(world);
    button(el, 'Summarize').click();
    await until(() => status(el).startsWith('Could not summarize'), 'the failure');
    expect(status(el)).to.contain('the summary service is down');
    expect(notes(el).value).to.equal('');
    expect(errors.some((e) => e.command === 'summarize')).to.equal(true);
    await expect(el).to.be.accessible();
    sub.unsubscribe();
  });

  it('R-COMP-06: says Summarizing… while it works', async () => {
    const world = createWrapupWorld();
    let finish: (summary: string) => void = () => undefined;
    world.simulator.summarize = () => new Promise<string>((resolve) => (finish = resolve));
    const { el } = await open(world);
    button(el, 'Summarize').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Summarizing…');
    expect(button(el, 'Summarize').getAttribute('aria-disabled')).to.equal('true');
    finish('Short summary.');
    await until(() => notes(el).value === 'Short summary.', 'the summary');
  });

  it('R-COMP-06: no Summarize without the summary capability', async () => {
    const world = createWrapupWorld({ simulator: { capabilities: { summary: false } } });
    const { el } = await open(world);
    expect(shadowAll(el, '[part="summarize"]')).to.have.length(0);
  });

  it('R-COMP-06: the button is 生成摘要 in zh-CN', async () => {
    setLocale('zh-CN');
    const world = createWrapupWorld();
    const { el } = await open(world);
    button(el, '生成摘要').click();
    await until(() => notes(el).value !== '', 'the summary');
    expect(status(el)).to.equal('摘要已填入备注，可继续编辑。');
    await expect(el).to.be.accessible();
  });
});
