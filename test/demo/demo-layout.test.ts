import { expect, waitUntil } from '@open-wc/testing';
import { clearSimulatedWorld } from '../../src/adapters/simulated/index.js';

/** The demo page as `npm start` serves it, with its stylesheets, in a frame of `width` × `height`. */
async function demoPage(width: number, height: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0`;
  frame.src = '/test/adapters/fixtures/demo-page.html?autoplay=0&fresh=1&latencyMs=0';
  document.body.append(frame);
  await waitUntil(() => frame.contentWindow?.ccDemo, 'the demo page to start', { timeout: 15_000, interval: 20 });
  const doc = frame.contentDocument;
  if (!doc) throw new Error('no demo document');
  // The fixture runs the demo from source; the page's own links point at the build.
  await Promise.all(
    ['/src/styles/themes.css', '/demo/demo.css'].map(
      (href) =>
        new Promise((resolve, reject) => {
          const link = doc.createElement('link');
          link.rel = 'stylesheet';
          link.href = href;
          link.onload = resolve;
          link.onerror = () => reject(new Error(`${href} did not load`));
          doc.head.append(link);
        }),
    ),
  );
  return frame;
}

describe('demo layout', () => {
  let frame: HTMLIFrameElement | undefined;

  afterEach(() => {
    frame?.contentWindow?.ccDemo.simulator.dispose();
    frame?.remove();
    frame = undefined;
    clearSimulatedWorld(sessionStorage, 'cc-demo:world:v1');
  });

  for (const [width, height] of [
    [1280, 800],
    [1400, 1000],
  ] as const) {
    it(`R-CHAT-01: at ${width}×${height} each pane keeps at least 400px, and a WebChat pane with suggested replies shows several lines of its thread`, async () => {
      frame = await demoPage(width, height);
      const win = frame.contentWindow;
      const doc = frame.contentDocument;
      if (!win || !doc) throw new Error('no demo window');
      const { simulator, store } = win.ccDemo;
      const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello, where is my order? It was due on Monday.' });
      await waitUntil(() => store.state.interactions[id], 'the offer', { timeout: 3000 });
      await store.accept(id);
      const pane = doc.querySelector('cc-chat-widget[channel="webchat"]');
      if (!pane) throw new Error('no WebChat pane');
      await waitUntil(() => pane.shadowRoot?.querySelector('.suggestions .suggestion'), 'the suggested replies', { timeout: 5000 });
      for (const tag of ['cc-chat-widget', 'cc-sms-widget', 'cc-email-widget']) {
        for (const el of doc.querySelectorAll(tag)) expect(el.getBoundingClientRect().height, `${tag} ${el.getAttribute('channel') ?? ''}`).to.be.at.least(400);
      }
      const thread = pane.shadowRoot?.querySelector('.thread');
      const lineHeight = parseFloat(getComputedStyle(thread ?? pane).fontSize) * 1.2;
      expect(thread?.getBoundingClientRect().height ?? 0, 'the thread shows several lines').to.be.at.least(3 * lineHeight);
      // The whole pane is in its box: nothing of it is reached by scrolling the pane itself.
      expect(pane.scrollHeight).to.be.at.most(pane.clientHeight + 1);
      // In the shorter window the panes' column scrolls to the lower panes.
      const panes = doc.querySelector('.panes');
      if (!panes) throw new Error('no panes');
      if (height < 1000) expect(panes.scrollHeight).to.be.greaterThan(panes.clientHeight);
      else expect(panes.scrollHeight).to.be.at.most(panes.clientHeight + 1);
    });
  }
});
