import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { loadStandardReply } from '../../src/components/cc-email-widget/email-standard-gate.js';
import { expectWholeInside, headerActions } from '../helpers/layout.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

/** An email pane of its smallest height (360px) and `width`, showing an accepted email. */
async function shortPane(width: number): Promise<CcEmailWidget> {
  const world = createWorld();
  const id = world.simulator.offer({ channel: 'email', customerName: 'Olivia Brown', email: { subject: 'Damaged item received', html: '<p>The parcel arrived broken.</p>' } });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:360px;display:grid">
    <cc-email-widget .store=${world.store}></cc-email-widget>
  </div>`);
  const el = box.querySelector('cc-email-widget') as CcEmailWidget;
  await until(() => shadowAll(el, 'article.email').length === 1 && shadowAll(el, '#quick').length === 1, 'the email and the quick reply', 15000);
  await loadStandardReply();
  return el;
}

/** Whether `part` scrolls inside itself (some of it hidden in its own box). */
const scrollsInside = (part: Element): boolean => part.scrollHeight > part.clientHeight + 1;

describe('email pane layout', () => {
  afterEach(disposeWorlds);

  it('R-MAIL-01: in a 340px pane the header\'s nine buttons are tighter and take three rows, each whole and inside the pane', async () => {
    const el = await shortPane(340);
    const { buttons, rows } = headerActions(el);
    expect(buttons.map((b) => b.textContent?.trim())).to.include.members(['Reply', 'Reply all', 'Forward', 'Cc', 'Bcc', 'View original email', 'Transfer', 'End']);
    expect(rows).to.equal(3);
    expectWholeInside(el, buttons);
    await expect(el).to.be.accessible();
  });

  for (const width of [340, 560]) {
    it(`R-MAIL-03: in a ${width}px pane of 360px the quick reply is whole, and the pane scrolls as a whole instead of squeezing it`, async () => {
      const el = await shortPane(width);
      const quick = shadow(el, '.composer.quick');
      expect(scrollsInside(quick), `the quick reply (${quick.clientHeight} of ${quick.scrollHeight}px shown)`).to.equal(false);
      const box = shadow<HTMLTextAreaElement>(el, '#quick');
      expect(box.getBoundingClientRect().height).to.be.at.least(40);
      // Whatever does not fit is reached by scrolling the pane.
      box.scrollIntoView({ block: 'nearest' });
      const pane = el.getBoundingClientRect();
      expect(button(el, 'Send').getBoundingClientRect().bottom).to.be.at.most(pane.bottom + 0.5);
      await expect(el).to.be.accessible();
    });

    it(`R-MAIL-04: in a ${width}px pane of 360px the reply keeps at least 13 rows of room for its fields and editor; the pane scrolls to the rest`, async () => {
      const el = await shortPane(width);
      button(el, 'Reply').click();
      await until(() => shadowAll(el, '.composer.standard #editor').length === 1, 'the reply', 15000);
      const composer = shadow(el, '.composer.standard');
      const em = parseFloat(getComputedStyle(composer).fontSize);
      expect(composer.getBoundingClientRect().height, 'the reply is not squeezed').to.be.at.least(13 * em - 1);
      const editor = shadow(el, '#editor');
      editor.focus();
      await until(() => {
        const r = editor.getBoundingClientRect();
        const pane = el.getBoundingClientRect();
        return r.top >= pane.top - 0.5 && r.top + 20 <= pane.bottom;
      }, 'the editor in view', 15000);
      await expect(el).to.be.accessible();
    });
  }
});
