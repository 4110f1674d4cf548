/**
 * deep-chat's side of the comparison (bench/run.mjs, section `peer`): `<deep-chat>` 2.4
 * bundled from node_modules, the same messages delivered through its public API.
 * It shows at most 4,000 messages by default and drops older ones; `maxVisibleMessages`
 * is raised so it shows the whole history, as our pane does.
 */
import 'deep-chat';
import type { DeepChat } from 'deep-chat';
import { countShadowNodes, pageSettled, painted, timeAppends, peerText, scrollFrames, scrollerIn, type PeerApi } from './peer-common.js';

type Message = { role: string; text: string };

const message = (k: number): Message => {
  const { fromAgent, text } = peerText(k);
  return { role: fromAgent ? 'user' : 'ai', text };
};

let shown: { el: DeepChat; next: number } | undefined;

function current(): { el: DeepChat; next: number } {
  if (!shown) throw new Error('firstRender first');
  return shown;
}

/** `<deep-chat>` as big as our pane, in the document, after its `render` event (its API works from then on). */
async function mount(history?: Message[]): Promise<DeepChat> {
  const el = document.createElement('deep-chat');
  el.maxVisibleMessages = 1_000_000;
  el.chatStyle = { width: '800px', height: '600px' };
  if (history) el.history = history;
  const rendered = new Promise<void>((resolve) => el.addEventListener('render', () => resolve(), { once: true }));
  document.body.append(el);
  if (!el._hasBeenRendered) await rendered;
  return el;
}

/**
 * Its methods are wired up a little after the `render` event (before that, addMessage only
 * warns): the first message is offered until it is taken.
 */
async function addFirst(el: DeepChat): Promise<void> {
  for (el.addMessage(message(0)); el.getMessages().length === 0; el.addMessage(message(0))) await painted();
}

/** `?history` in the page address: the whole list as the `history` property instead of addMessage calls. */
const viaHistory = new URLSearchParams(location.search).has('history');

const api: PeerApi = {
  async firstRender(count) {
    // The messages exist before the clock starts: the figure is the element's work, not the bench's.
    const messages = Array.from({ length: count }, (_, k) => message(k));
    await pageSettled();
    const start = performance.now();
    let el: DeepChat;
    if (viaHistory) {
      el = await mount(messages);
    } else {
      el = await mount();
      await addFirst(el);
      for (let k = 1; k < count; k++) el.addMessage(messages[k] ?? message(k));
    }
    if (el.getMessages().length !== count) throw new Error(`deep-chat shows ${el.getMessages().length} messages, not ${count}`);
    await painted();
    const ms = performance.now() - start;
    shown = { el, next: count };
    return { ms, messageElements: el.shadowRoot?.querySelectorAll('.message-bubble').length ?? 0, domNodes: document.querySelectorAll('*').length + countShadowNodes(el) };
  },

  async appends(count) {
    const s = current();
    return timeAppends(count, () => s.el.addMessage(message(s.next++)));
  },

  scroll(steps, stepPx) {
    return scrollFrames(scrollerIn(current().el), steps, stepPx);
  },
};

window.ccPeer = api;
