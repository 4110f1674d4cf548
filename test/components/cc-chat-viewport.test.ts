import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

// After the notices the simulator adds on accepting, so the messages below come last.
const T0 = Date.now() + 86_400_000;

/**
 * Message k: every third one long enough to wrap more when the pane narrows, except among
 * the newest, so heights first measured at the bottom are a poor estimate for the rest.
 */
function message(interactionId: string, k: number) {
  const long = k % 3 === 0 && k < 380 ? ' — and a longer explanation that wraps onto a second and perhaps a third line when the pane is narrow.' : '';
  return {
    type: 'message-received',
    interactionId,
    at: T0 + k * 1000,
    message: { id: `m-${k}`, author: 'customer', authorName: 'Jane Doe', text: `Message ${k}${long}`, format: 'plain', timestamp: T0 + k * 1000, attachments: [] },
  };
}

/** Resolves once the widget has stopped re-rendering, resize observations included. */
async function settled(el: CcChatWidget): Promise<void> {
  for (let quiet = 0; quiet < 3; ) {
    await el.updateComplete;
    // A resize observation arrives with a frame: leave time for one, then look again.
    await new Promise((r) => setTimeout(r, 20));
    quiet = el.isUpdatePending ? 0 : quiet + 1;
  }
}

/** Sets the pane's width and resolves once the pane has rendered for it and settled (a resize is observed with a frame, which a background page gets late). */
async function resize(el: CcChatWidget, width: number): Promise<void> {
  let renders = 0;
  const counter = { hostUpdated: () => renders++ };
  el.addController(counter);
  el.style.width = `${width}px`;
  await until(() => renders > 0, 'a render for the new width', 10_000);
  el.removeController(counter);
  await settled(el);
}

/** The first message whose bottom is below the thread's top, and where its top is from the thread's top. */
function topMessage(el: CcChatWidget): { readonly text: string; readonly offset: number } {
  const thread = shadow(el, '[part="thread"]');
  const view = thread.getBoundingClientRect().top + thread.clientTop;
  const row = shadowAll(el, '[part="thread"] .row').find((r) => r.getBoundingClientRect().bottom > view + 1);
  if (!row) throw new Error('nothing in view');
  return { text: row.querySelector('.text')?.textContent?.replace(/ —.*/, '') ?? '', offset: row.getBoundingClientRect().top - view };
}

describe('<cc-chat-widget> long thread viewport', () => {
  afterEach(disposeWorlds);

  it('R-X-02: keeps the reader’s place when the pane narrows: the same message stays at the top', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    for (let k = 0; k < 400; k++) world.store.ingest(message(id, k));
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} style="height: 480px; width: 700px"></cc-chat-widget>`);
    await settled(el);
    const thread = shadow(el, '[part="thread"]');
    // The middle of the thread, read from the top a screen at a time: what is above it is measured.
    thread.scrollTop = 0;
    thread.dispatchEvent(new Event('scroll'));
    await settled(el);
    while (Number(topMessage(el).text.replace('Message ', '')) < 200) {
      thread.scrollTop += thread.clientHeight;
      thread.dispatchEvent(new Event('scroll'));
      await settled(el);
    }
    thread.scrollTop += 17;
    thread.dispatchEvent(new Event('scroll'));
    await settled(el);
    const before = topMessage(el);
    await resize(el, 520);
    const after = topMessage(el);
    expect(after.text).to.equal(before.text);
    expect(after.offset).to.be.closeTo(before.offset, 3);
    // And back: widening keeps it too.
    await resize(el, 700);
    expect(topMessage(el).text).to.equal(before.text);
    expect(topMessage(el).offset).to.be.closeTo(before.offset, 3);
  });
});
