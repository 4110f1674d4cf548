import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { CcAgentState } from '../../src/components/cc-agent-state/cc-agent-state.js';
import { setLocale } from '../../src/controllers/localize.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

describe('<cc-agent-state>', () => {
  afterEach(disposeWorlds);

  it('shows the availability and changes it from the picker', async () => {
    const { store } = createWorld();
    const el = await fixture<CcAgentState>(html`<cc-agent-state .store=${store}></cc-agent-state>`);
    const select = shadow<HTMLSelectElement>(el, 'select');
    expect(select.value).to.equal('available');
    await expect(el).to.be.accessible();
    select.value = 'idle';
    const changed = oneEvent(el, 'cc-agent-state-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ availability: 'idle' });
    await untilState(store, (s) => s.agent.availability === 'idle', 'idle');
    await el.updateComplete;
    expect(shadow<HTMLSelectElement>(el, 'select').value).to.equal('idle');
  });

  it('fires cc-agent-state-change only once the backend took the change, and shows a refusal', async () => {
    const { simulator, store } = createWorld();
    // The backend refuses every state change from now on.
    simulator.setAgentState = () => Promise.reject(new Error('Supervisor lock'));
    const el = await fixture<CcAgentState>(html`<cc-agent-state .store=${store}></cc-agent-state>`);
    const fired: string[] = [];
    el.addEventListener('cc-agent-state-change', (e) => fired.push(e.detail.availability));
    const select = shadow<HTMLSelectElement>(el, 'select');
    select.value = 'idle';
    select.dispatchEvent(new Event('change'));
    await until(() => shadowAll(el, '[role="alert"]').length === 1, 'the refusal');
    expect(shadow(el, '[role="alert"]').textContent).to.contain('Supervisor lock');
    expect(fired).to.deep.equal([]);
    expect(shadow<HTMLSelectElement>(el, 'select').value).to.equal('available');
    await expect(el).to.be.accessible();
  });

  it('R-OFFER-04: in RONA explains why no offers arrive; Set Available is the manual way back', async () => {
    const { simulator, store } = createWorld({ ronaTimeoutMs: 30 });
    const el = await fixture<CcAgentState>(html`<cc-agent-state .store=${store}></cc-agent-state>`);
    simulator.offer({ channel: 'messenger', customerName: 'Unanswered' });
    await until(() => shadowAll(el, '[part="rona-notice"]').length === 1, 'the RONA notice');
    expect(shadow<HTMLSelectElement>(el, 'select').value).to.equal('rona');
    expect(shadow(el, '[part="rona-notice"]').textContent).to.contain('Set yourself Available');
    await expect(el).to.be.accessible();
    button(el, 'Set Available').click();
    await untilState(store, (s) => s.agent.availability === 'available', 'available');
    await el.updateComplete;
    expect(shadowAll(el, '[part="rona-notice"]')).to.have.length(0);
  });

  it('R-X-01: speaks Chinese', async () => {
    const { store } = createWorld();
    const el = await fixture<CcAgentState>(html`<cc-agent-state .store=${store}></cc-agent-state>`);
    setLocale('zh-CN');
    await el.updateComplete;
    expect(shadowAll(el, 'option').map((o) => o.textContent)).to.deep.equal(['可用', '空闲']);
    await expect(el).to.be.accessible();
  });

  it('R-OFFER-04 layout: in RONA the element stays one line in a 48 px top bar; the dot keeps its size and the notice is fully visible', async () => {
    const { simulator, store } = createWorld({ ronaTimeoutMs: 30 });
    const bar = await fixture<HTMLElement>(html`<header style="display: flex; align-items: center; gap: 8px; min-height: 48px; padding: 0 8px; box-sizing: border-box">
      <strong>Acme desk</strong>
      <cc-agent-state .store=${store}></cc-agent-state>
    </header>`);
    const el = bar.querySelector('cc-agent-state');
    if (!el) throw new Error('no agent state');
    const dot = shadow(el, '[part="indicator"]');
    const before = dot.getBoundingClientRect();
    simulator.offer({ channel: 'messenger', customerName: 'Unanswered' });
    await until(() => shadowAll(el, '[part="rona-notice"]').length === 1, 'the RONA notice', 15000);
    await el.updateComplete;
    expect(bar.getBoundingClientRect().height, 'the top bar keeps its height').to.be.at.most(48);
    const after = dot.getBoundingClientRect();
    expect([after.width, after.height], 'the dot keeps its size').to.deep.equal([before.width, before.height]);
    expect(getComputedStyle(dot).borderTopStyle, 'a plain dot, without the notice’s border').to.equal('none');
    const notice = shadow(el, '[part="rona-notice"]');
    expect(notice.matches(':popover-open'), 'the notice is in the top layer').to.equal(true);
    const box = notice.getBoundingClientRect();
    expect(box.top, 'below the bar').to.be.at.least(el.getBoundingClientRect().bottom);
    expect(box.right).to.be.at.most(document.documentElement.clientWidth);
    expect(box.bottom).to.be.at.most(document.documentElement.clientHeight);
    const setAvailable = button(el, 'Set Available');
    const r = setAvailable.getBoundingClientRect();
    const hit = el.shadowRoot?.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    expect(hit, 'Set Available is what a click there hits').to.equal(setAvailable);
    await expect(el).to.be.accessible();
    setAvailable.click();
    await untilState(store, (s) => s.agent.availability === 'available', 'available');
    await el.updateComplete;
    expect(shadowAll(el, '[part="rona-notice"]')).to.have.length(0);
  });
});
