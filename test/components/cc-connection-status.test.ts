import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import '../../src/index.js';
import { WebSocketContactCenter } from '../../src/adapters/websocket/index.js';
import type { CcConnectionStatus } from '../../src/components/cc-connection-status/cc-connection-status.js';
import type { ConnectionState } from '../../src/core/connection.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import { createWorld, disposeWorlds, shadow, shadowAll } from '../helpers/world.js';

describe('<cc-connection-status>', () => {
  afterEach(disposeWorlds);

  it('follows a connection source: connecting, connected, reconnecting with a note, disconnected', async () => {
    const source = new BehaviorSubject<ConnectionState>('connecting');
    const el = await fixture<CcConnectionStatus>(html`<cc-connection-status .source=${{ connection$: source }}></cc-connection-status>`);
    const text = () => shadow(el, '[role="status"]').textContent?.replace(/\s+/g, ' ').trim();
    expect(el.getAttribute('state')).to.equal('connecting');
    expect(text()).to.equal('Connecting…');
    const changed = oneEvent(el, 'cc-connection-change');
    source.next('open');
    expect((await changed).detail).to.deep.equal({ state: 'open' });
    await el.updateComplete;
    expect(text()).to.equal('Connected');
    await expect(el).to.be.accessible();
    source.next('reconnecting');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('reconnecting');
    expect(text()).to.equal('Connection lost. Reconnecting… Messages are kept and sent once the connection is back.');
    await expect(el).to.be.accessible();
    source.next('closed');
    await el.updateComplete;
    expect(text()).to.equal('Disconnected');
  });

  it('shows the store adapter’s connection, and nothing for an in-page adapter', async () => {
    const adapter = new WebSocketContactCenter({ url: 'ws://127.0.0.1:1/', agentId: 'agent-me', autoConnect: false });
    const store = createInteractionStore(adapter);
    const el = await fixture<CcConnectionStatus>(html`<cc-connection-status .store=${store}></cc-connection-status>`);
    expect(shadow(el, '[role="status"]').textContent).to.contain('Connecting…');
    adapter.dispose();
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('closed');
    store.dispose();

    const { store: simulated } = createWorld();
    const quiet = await fixture<CcConnectionStatus>(html`<cc-connection-status .store=${simulated}></cc-connection-status>`);
    expect(shadowAll(quiet, '[role="status"]')).to.have.length(0);
    expect(quiet.hasAttribute('state')).to.equal(false);
  });

  it('hide-when-open keeps the live region but hides “Connected”', async () => {
    const source = new BehaviorSubject<ConnectionState>('open');
    const el = await fixture<CcConnectionStatus>(html`<cc-connection-status hide-when-open .source=${{ connection$: source }}></cc-connection-status>`);
    expect(shadow(el, '[role="status"]').classList.contains('visually-hidden')).to.equal(true);
    source.next('reconnecting');
    await el.updateComplete;
    expect(shadow(el, '[role="status"]').classList.contains('visually-hidden')).to.equal(false);
  });

  it('R-X-01: speaks Chinese', async () => {
    const source = new BehaviorSubject<ConnectionState>('reconnecting');
    const el = await fixture<CcConnectionStatus>(html`<cc-connection-status .source=${{ connection$: source }}></cc-connection-status>`);
    setLocale('zh-CN');
    await el.updateComplete;
    expect(shadow(el, '[part="label"]').textContent).to.equal('连接已断开，正在重新连接…');
    await expect(el).to.be.accessible();
  });
});
