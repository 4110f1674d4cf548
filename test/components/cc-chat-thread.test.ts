import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatChannel } from '../../src/core/types.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

// After the notices the simulator adds on accepting, so the messages below come last.
const T0 = Date.now() + 86_400_000;

/**
 * Message k of a long thread: a customer's `text`, or by default `Message k` from the
 * customer or (every fifth) a conference peer, every seventh one long enough to wrap.
 */
function message(interactionId: string, k: number, text?: string, extra: Record<string, unknown> = {}) {
  const peer = text === undefined && k % 5 === 0;
  const long = text === undefined && k % 7 === 0 ? ' — and a longer explanation that wraps onto a second and perhaps a third line in a narrow pane.' : '';
  return {
    type: 'message-received',
    interactionId,
    at: T0 + k * 1000,
    message: {
      id: `m-${k}`,
      author: peer ? 'peer' : 'customer',
      authorName: peer ? 'Priya' : 'Jane Doe',
      text: (text ?? `Message ${k}`) + long,
      format: 'plain',
      timestamp: T0 + k * 1000,
      attachments: [],
      ...extra,
    },
  };
}

/** A widget 480px tall showing a conversation of `count` messages; `text(k)` words some of them. */
async function thread(count: number, text: (k: number) => string | undefined = () => undefined, channel: ChatChannel = 'webchat') {
  const world = createWorld();
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  for (let k = 0; k < count; k++) world.store.ingest(message(id, k, text(k)));
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel} style="height: 480px"></cc-chat-widget>`);
  await settled(el);
  return { ...world, id, el };
}

/** Resolves once the widget has stopped re-rendering (long threads take a pass or two to measure). */
async function settled(el: CcChatWidget): Promise<void> {
  do await el.updateComplete;
  while (el.isUpdatePending);
}

function log(el: CcChatWidget): HTMLElement {
  return shadow(el, '[part="thread"]');
}

/** Texts of the rendered messages (without the long ones' tails). */
function rendered(el: CcChatWidget): string[] {
  return shadowAll(el, '[part="thread"] .text').map((t) => t.textContent?.replace(/ —.*/, '') ?? '');
}

/** True when the element is inside the thread's visible area. */
function inView(el: CcChatWidget, row: Element): boolean {
  const view = log(el).getBoundingClientRect();
  const box = row.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

function rowWith(el: CcChatWidget, text: string): Element | undefined {
  return shadowAll(el, '[part="thread"] .text').find((t) => t.textContent?.startsWith(text));
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

describe('<cc-chat-widget> long threads', () => {
  afterEach(disposeWorlds);

  it('renders a 2,000-message thread partly, at the bottom, and follows new messages', async () => {
    const { el, id, store } = await thread(2000);
    const texts = rendered(el);
    expect(texts.length, 'rendered messages').to.be.within(5, 150);
    expect(texts.at(-1)).to.equal('Message 1999');
    expect(inView(el, rowWith(el, 'Message 1999') as Element)).to.equal(true);
    const t = log(el);
    expect(t.scrollHeight - t.scrollTop - t.clientHeight).to.be.below(40);
    store.ingest(message(id, 2000));
    await until(() => rendered(el).at(-1) === 'Message 2000', 'the new message');
    await settled(el);
    expect(inView(el, rowWith(el, 'Message 2000') as Element)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a pane given no height (a host that stacks it in the page) renders a long thread partly, scrolls it, and never loops', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    for (let k = 0; k < 400; k++) world.store.ingest(message(id, k));
    const wrapper = await fixture<HTMLDivElement>(html`<div><cc-chat-widget .store=${world.store}></cc-chat-widget></div>`);
    const el = wrapper.querySelector('cc-chat-widget');
    if (!(el instanceof CcChatWidget)) throw new Error('no pane');
    await settled(el);
    const t = log(el);
    const padding = parseFloat(getComputedStyle(t).paddingTop) + parseFloat(getComputedStyle(t).paddingBottom);
    expect(t.clientHeight - padding, 'the thread stops at the window height').to.be.at.most(window.innerHeight);
    expect(t.scrollHeight).to.be.greaterThan(t.clientHeight);
    expect(rendered(el).length).to.be.within(5, 150);
    expect(rendered(el).at(-1)).to.equal('Message 399');
    t.scrollTop = 0;
    await until(() => rendered(el)[0] === 'Message 0', 'the first message');
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('R-X-02: the thread is focusable and scrolls with Home, End, Page Up/Down and the arrows; every message can be reached', async () => {
    const { el } = await thread(2000);
    const t = log(el);
    expect(t.tabIndex).to.equal(0);
    t.focus();
    await press('Home');
    await until(() => rendered(el)[0] === 'Message 0', 'the first message');
    await settled(el);
    expect(t.scrollTop).to.equal(0);
    expect(inView(el, rowWith(el, 'Message 0') as Element)).to.equal(true);
    await press('PageDown');
    await settled(el);
    const afterPage = t.scrollTop;
    expect(afterPage).to.be.closeTo(t.clientHeight - 40, 2);
    await press('ArrowDown');
    await settled(el);
    expect(t.scrollTop).to.be.above(afterPage);
    await press('PageUp');
    await press('ArrowUp');
    await settled(el);
    expect(t.scrollTop).to.be.below(afterPage);
    await press('End');
    await until(() => rendered(el).at(-1) === 'Message 1999', 'the last message');
    await settled(el);
    expect(t.scrollHeight - t.scrollTop - t.clientHeight).to.be.below(40);
    expect(el.shadowRoot?.activeElement).to.equal(t);
  });

  it('shows every message of a long thread on the way down, none skipped', async () => {
    const { el } = await thread(2000);
    const t = log(el);
    t.scrollTop = 0;
    t.dispatchEvent(new Event('scroll'));
    await settled(el);
    const seen = new Set<string>();
    for (let pages = 0; pages < 1000 && !seen.has('Message 1999'); pages++) {
      for (const row of shadowAll(el, '[part="thread"] .text')) if (inView(el, row)) seen.add(row.textContent?.replace(/ —.*/, '') ?? '');
      t.scrollTop += t.clientHeight - 40;
      t.dispatchEvent(new Event('scroll'));
      await settled(el);
    }
    expect(seen.size).to.equal(2000);
  });

  it('announces new messages from others in a polite live region, not what scrolling renders', async () => {
    const { el, id, store } = await thread(2000);
    const live = shadow(el, '[aria-live="polite"]');
    expect(log(el).getAttribute('aria-live')).to.equal('off');
    expect(live.textContent).to.contain('Message 1999');
    log(el).focus();
    await press('Home');
    await until(() => rendered(el)[0] === 'Message 0', 'the top');
    expect(live.textContent).not.to.contain('Message 0');
    store.ingest(message(id, 2000, 'Are you still there?'));
    store.ingest(message(id, 2001, 'Hello?'));
    await until(() => live.querySelectorAll('p').length === 2, 'two announcements');
    expect([...live.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['Jane Doe said: Are you still there?', 'Jane Doe said: Hello?']);
    // The agent was reading older messages: the view stays where it was.
    expect(rendered(el)[0]).to.equal('Message 0');
  });

  it('finds in the conversation: counts matches and brings each into view, rendered or not', async () => {
    const words: Record<number, string> = { 3: 'Parcel lost near depot', 1000: 'The parcel arrived', 1990: 'Where is my PARCEL?' };
    const { el } = await thread(2000, (k) => words[k]);
    const box = shadow<HTMLInputElement>(el, 'input[type="search"]');
    expect(box.getAttribute('aria-label')).to.equal('Find in conversation');
    box.focus();
    await sendKeys({ type: 'parcel' });
    await settled(el);
    const count = shadow(el, '.find [role="status"]');
    expect(count.textContent).to.equal('1 of 3');
    const current = () => shadow(el, '.current-match');
    expect(current().textContent).to.contain('Where is my PARCEL?');
    expect(inView(el, current())).to.equal(true);
    expect(current().querySelector('mark')?.textContent).to.equal('PARCEL');
    button(el, 'Next match').click();
    await until(() => count.textContent === '2 of 3', 'the second match');
    await settled(el);
    expect(current().textContent).to.contain('The parcel arrived');
    expect(inView(el, current())).to.equal(true);
    // Enter goes to the next match, Shift+Enter back.
    await press('Enter');
    await until(() => count.textContent === '3 of 3', 'the third match');
    await settled(el);
    expect(current().textContent).to.contain('Parcel lost near depot');
    expect(inView(el, current())).to.equal(true);
    await press('Enter');
    await until(() => count.textContent === '1 of 3', 'wrapped to the first');
    await sendKeys({ down: 'Shift' });
    await press('Enter');
    await sendKeys({ up: 'Shift' });
    await until(() => count.textContent === '3 of 3', 'back to the third');
    button(el, 'Previous match').click();
    await until(() => count.textContent === '2 of 3', 'the previous match');
    button(el, 'Next match').click();
    button(el, 'Next match').click();
    await until(() => count.textContent === '1 of 3', 'next wraps');
    await expect(el).to.be.accessible();
    await press('Escape');
    await settled(el);
    expect(box.value).to.equal('');
    expect(count.textContent).to.equal('');
    expect(shadowAll(el, '.current-match')).to.have.length(0);
  });

  it('finds in a short thread the same way, says when nothing matches, and speaks Chinese', async () => {
    const { el } = await thread(12, (k) => (k === 2 ? 'Refund please' : undefined));
    const box = shadow<HTMLInputElement>(el, 'input[type="search"]');
    box.focus();
    await sendKeys({ type: 'refund' });
    await settled(el);
    expect(shadow(el, '.find [role="status"]').textContent).to.equal('1 of 1');
    expect(inView(el, shadow(el, '.current-match'))).to.equal(true);
    await sendKeys({ type: 'zzz' });
    await settled(el);
    expect(shadow(el, '.find [role="status"]').textContent).to.equal('No matches');
    expect(button(el, 'Next match').disabled).to.equal(true);
    setLocale('zh-CN');
    await settled(el);
    expect(shadow(el, 'input[type="search"]').getAttribute('aria-label')).to.equal('在对话中查找');
    expect(button(el, '下一个匹配项')).to.exist;
    expect(shadow(el, '.find [role="status"]').textContent).to.equal('无匹配项');
  });

  it('Ctrl+F inside the pane goes to the find box', async () => {
    const { el } = await thread(3);
    shadow<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ down: 'Control' });
    await press('KeyF');
    await sendKeys({ up: 'Control' });
    expect(el.shadowRoot?.activeElement).to.equal(shadow(el, 'input[type="search"]'));
  });

  it('keeps focus in the pane when a focused message scrolls out of the rendered part', async () => {
    const { el, id, store } = await thread(400);
    store.ingest(message(id, 400, 'Will fail', { author: 'agent', authorName: 'Alex', status: 'failed', error: 'carrier down' }));
    await until(() => shadowAll(el, '.failed').length === 1, 'the failed message');
    await settled(el);
    button(el, 'Retry').focus();
    expect(el.shadowRoot?.activeElement?.textContent).to.equal('Retry');
    log(el).scrollTop = 0;
    log(el).dispatchEvent(new Event('scroll'));
    await until(() => rendered(el)[0] === 'Message 0', 'the top');
    expect(shadowAll(el, '.failed')).to.have.length(0);
    expect(el.shadowRoot?.activeElement).to.equal(log(el));
  });
});

describe('<cc-chat-widget> renders only when its slice changes', () => {
  afterEach(disposeWorlds);

  class CountingChatWidget extends CcChatWidget {
    renders = 0;
    override render() {
      this.renders++;
      return super.render();
    }
  }
  customElements.define('counting-chat-widget', CountingChatWidget);

  async function twoConversations(): Promise<World & { a: string; b: string; el: CountingChatWidget }> {
    // Suggested replies arrive a moment after each customer message (one render of their own): counted elsewhere.
    const world = createWorld({ capabilities: { suggestions: false } });
    const a = world.simulator.offer({ channel: 'webchat', customerName: 'Ann A', text: 'Hi from A' });
    const b = world.simulator.offer({ channel: 'webchat', customerName: 'Bea B', text: 'Hi from B' });
    await untilState(world.store, (s) => s.order.length === 2, 'offers');
    await world.store.accept(a);
    await world.store.accept(b);
    const el = await fixture<CountingChatWidget>(html`<counting-chat-widget .store=${world.store} interaction-id=${a}></counting-chat-widget>`);
    await settled(el);
    return { ...world, a, b, el };
  }

  it('a widget showing interaction A does not re-render when interaction B changes, and does when A does', async () => {
    const { el, store, simulator, a, b } = await twoConversations();
    const before = el.renders;
    for (let k = 0; k < 50; k++) store.ingest(message(b, k));
    simulator.customerTyping(b);
    store.markRead(b);
    await untilState(store, (s) => s.interactions[b]?.customerTyping === true, 'B typing');
    await settled(el);
    expect(el.renders, 'renders while B changed').to.equal(before);
    store.ingest(message(a, 1, 'News for A'));
    await settled(el);
    // One render: marking the new message read changes only `unread`, which the pane does not show.
    expect(el.renders - before, 'renders after A changed').to.equal(1);
    await untilState(store, (s) => s.interactions[a]?.unread === 0, 'A read');
    await settled(el);
    expect(el.renders - before, 'renders after A was marked read').to.equal(1);
    expect(rendered(el).at(-1)).to.equal('News for A');
  });

  it('the header timer ticks without re-rendering the pane', async () => {
    const { el } = await twoConversations();
    const timer = shadow(el, '[role="timer"]');
    const shown = timer.textContent;
    const before = el.renders;
    await until(() => timer.textContent !== shown, 'a tick', 2500);
    expect(timer.textContent).to.match(/^\d\d:\d\d$/);
    expect(el.renders).to.equal(before);
  });
});
