import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { CcProvider } from '../../src/components/cc-provider/cc-provider.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { CcNotification } from '../../src/core/store/notifications.js';
import { createWorld, disposeWorlds, until, untilState } from '../helpers/world.js';

/** A test double for the browser's Notification: records what would have been shown. */
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static requests = 0;
  static shown: FakeNotification[] = [];
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.requests += 1;
    FakeNotification.permission = 'granted';
    return Promise.resolve(FakeNotification.permission);
  }
  readonly title: string;
  readonly options: NotificationOptions;
  onclick: (() => void) | null = null;
  closed = false;
  constructor(title: string, options: NotificationOptions = {}) {
    this.title = title;
    this.options = options;
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

const realNotification = Object.getOwnPropertyDescriptor(window, 'Notification');

function fakeNotifications(permission: NotificationPermission = 'granted'): void {
  FakeNotification.permission = permission;
  FakeNotification.requests = 0;
  FakeNotification.shown = [];
  Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
}

function pageVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

function restoreBrowser(): void {
  if (realNotification) Object.defineProperty(window, 'Notification', realNotification);
  Reflect.deleteProperty(document, 'visibilityState');
}

/** Collects the `cc-notification` details fired on `el`. */
function record(el: HTMLElement): CcNotification[] {
  const seen: CcNotification[] = [];
  el.addEventListener('cc-notification', (e) => seen.push(e.detail));
  return seen;
}

describe('<cc-provider>', () => {
  afterEach(() => {
    restoreBrowser();
    disposeWorlds();
  });

  it('R-CHAT-08: an offer and a customer message fire cc-notification with the right detail', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider .store=${store}><cc-task-list></cc-task-list></cc-provider>`);
    const offered = oneEvent<CustomEvent<CcNotification>>(el, 'cc-notification');
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, is anyone there?' });
    const first = await offered;
    expect(first.bubbles && first.composed).to.equal(true);
    expect(first.detail).to.include({ kind: 'offer', interactionId: id, channel: 'webchat', title: 'Jane Doe', body: 'Hi, is anyone there?' });
    expect(first.detail.at).to.be.a('number');
    await store.accept(id);
    const message = oneEvent(el, 'cc-notification');
    simulator.customerMessage(id, 'Where is my parcel?');
    expect((await message).detail).to.include({ kind: 'message', interactionId: id, title: 'Jane Doe', body: 'Where is my parcel?' });
    await expect(el).to.be.accessible();
  });

  it("R-CHAT-08: the agent's own sends raise no cc-notification", async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider .store=${store}></cc-provider>`);
    const id = simulator.offer({ channel: 'sms', customerName: 'Sam Text' });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    await store.accept(id);
    const seen = record(el);
    await store.send(id, 'Hello, how can I help?');
    await until(() => simulator.sentMessages(id).some((m) => m.status === 'delivered' || m.status === 'read'), 'delivery receipt');
    expect(seen).to.deep.equal([]);
    simulator.customerMessage(id, 'Thanks!');
    await until(() => seen.length === 1, 'the customer reply');
    expect(seen[0]).to.include({ kind: 'message', body: 'Thanks!' });
  });

  it('R-CHAT-08: an inbound email fires cc-notification with its subject', async () => {
    const { simulator, store } = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider .store=${store}></cc-provider>`);
    const id = simulator.offer({ channel: 'email', customerName: 'Eve Mail', email: { subject: 'Invoice' } });
    await untilState(store, (s) => s.interactions[id] !== undefined, 'offer');
    const mail = oneEvent(el, 'cc-notification');
    simulator.inboundEmail(id, { from: 'eve@example.com', to: ['support@example.com'], subject: 'Re: Invoice', text: 'Any news?' });
    expect((await mail).detail).to.include({ kind: 'email', interactionId: id, channel: 'email', title: 'Eve Mail', body: 'Re: Invoice' });
  });

  it('R-CHAT-08: with browser-notifications and a hidden page, shows a localised browser Notification', async () => {
    fakeNotifications('granted');
    pageVisibility('hidden');
    const { simulator, store } = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider browser-notifications .store=${store}></cc-provider>`);
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello?' });
    await until(() => FakeNotification.shown.length === 1, 'the offer notification');
    expect(FakeNotification.shown[0]?.title).to.equal('New WebChat request from Jane Doe');
    expect(FakeNotification.shown[0]?.options).to.include({ body: 'Hello?', tag: `cc-${id}` });
    await store.accept(id);
    setLocale('zh-CN');
    simulator.customerMessage(id, '你好');
    await until(() => FakeNotification.shown.length === 2, 'the message notification');
    expect(FakeNotification.shown[1]?.title).to.equal('来自 Jane Doe 的新消息');
    expect(FakeNotification.shown[1]?.options).to.include({ body: '你好', lang: 'zh-CN' });
    FakeNotification.shown[1]?.onclick?.();
    expect(FakeNotification.shown[1]?.closed).to.equal(true);
    expect(FakeNotification.requests, 'never asks for permission by itself').to.equal(0);
    expect(el.browserNotifications).to.equal(true);
  });

  it('R-CHAT-08: no browser Notification without the attribute, while visible, without permission, or when the host cancels', async () => {
    fakeNotifications('granted');
    pageVisibility('hidden');
    const { simulator, store } = createWorld();
    const plain = await fixture<CcProvider>(html`<cc-provider .store=${store}></cc-provider>`);
    let raised = oneEvent(plain, 'cc-notification');
    const a = simulator.offer({ channel: 'webchat', customerName: 'No Attribute' });
    await raised;
    plain.remove();

    const opted = await fixture<CcProvider>(html`<cc-provider browser-notifications .store=${store}></cc-provider>`);
    opted.addEventListener('cc-notification', (e) => e.preventDefault(), { once: true });
    raised = oneEvent(opted, 'cc-notification');
    simulator.offer({ channel: 'webchat', customerName: 'Host Cancels' });
    await raised;

    pageVisibility('visible');
    raised = oneEvent(opted, 'cc-notification');
    simulator.offer({ channel: 'webchat', customerName: 'Page Visible' });
    await raised;

    pageVisibility('hidden');
    FakeNotification.permission = 'default';
    raised = oneEvent(opted, 'cc-notification');
    simulator.offer({ channel: 'webchat', customerName: 'No Permission' });
    await raised;

    expect(FakeNotification.shown).to.deep.equal([]);
    expect(FakeNotification.requests).to.equal(0);
    expect(store.state.interactions[a]).to.not.equal(undefined);
  });

  it('R-CHAT-08: requestNotificationPermission() asks only while undecided', async () => {
    fakeNotifications('default');
    const { store } = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider .store=${store}></cc-provider>`);
    expect(await el.requestNotificationPermission()).to.equal('granted');
    expect(await el.requestNotificationPermission()).to.equal('granted');
    FakeNotification.permission = 'denied';
    expect(await el.requestNotificationPermission()).to.equal('denied');
    expect(FakeNotification.requests).to.equal(1);
  });

  it('R-CHAT-08: follows a new store and stops listening when disconnected', async () => {
    const one = createWorld();
    const two = createWorld();
    const el = await fixture<CcProvider>(html`<cc-provider .store=${one.store}></cc-provider>`);
    const seen = record(el);
    el.store = two.store;
    await el.updateComplete;
    const old = one.simulator.offer({ channel: 'webchat', customerName: 'Old Store' });
    await untilState(one.store, (s) => s.interactions[old] !== undefined, 'offer in the old store');
    const fresh = two.simulator.offer({ channel: 'webchat', customerName: 'New Store' });
    await until(() => seen.length === 1, 'the new store notification');
    expect(seen.map((n) => n.interactionId)).to.deep.equal([fresh]);

    el.remove();
    const gone = two.simulator.offer({ channel: 'webchat', customerName: 'Disconnected' });
    await untilState(two.store, (s) => s.interactions[gone] !== undefined, 'offer after disconnect');
    expect(seen).to.have.length(1);

    document.body.append(el);
    const back = two.simulator.offer({ channel: 'webchat', customerName: 'Reconnected' });
    await until(() => seen.length === 2, 'notification after reconnect');
    expect(seen[1]?.interactionId).to.equal(back);
    el.remove();
  });
});
