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
});
