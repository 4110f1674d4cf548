import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { deepActive, nextEvent, tab } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, until, untilState } from '../helpers/world.js';

/** Presses Tab (Shift+Tab with `back`) until `target()` has focus; fails after `max` presses. */
async function tabTo(target: () => Element | null | undefined, what: string, back = false, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive() === target()) return;
    await tab(back);
  }
  throw new Error(`${what} not reached with ${back ? 'Shift+Tab' : 'Tab'}; focus is on ${label(deepActive())}`);
}

const label = (el: Element | null): string => (el ? `<${el.localName}${el.id ? `#${el.id}` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"` : 'nothing');

/**
 * R-X-02 (WCAG 2.4.7, 2.4.13): the focused control shows a focus indicator: an outline at
 * least 2px wide that is not transparent.
 */
function expectVisibleFocus(el: Element | null, what: string): void {
  if (!el) throw new Error(`nothing focused at ${what}`);
  expect(el.matches(':focus-visible'), `${what} matches :focus-visible`).to.be.true;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
  expect(outlined, `${what} (${label(el)}) has a visible focus outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`).to.be.true;
}

describe('R-X-02 keyboard only: offer → accept → type → send → end', () => {
  afterEach(() => disposeWorlds());

  for (const theme of ['light', 'dark'] as const) {
    it(`R-X-02, R-OFFER-05, R-CHAT-04, R-END-01: the main flow with Tab, Enter and typing only, focus always visible (${theme})`, async () => {
      const { simulator, store } = createWorld();
      const root = await fixture<HTMLElement>(html`<div theme=${theme}>
        <cc-contact-request .store=${store} theme=${theme}></cc-contact-request>
        <div style="height:480px;display:grid">
          <cc-chat-widget .store=${store} channel="messenger" theme=${theme}></cc-chat-widget>
        </div>
      </div>`);
      const request = root.querySelector('cc-contact-request');
      const chat = root.querySelector<CcChatWidget>('cc-chat-widget');
      if (!request || !chat) throw new Error('fixture incomplete');

      // Offer: the Accept button is reached from the top of the page with Tab.
      const id = simulator.offer({ channel: 'messenger', customerName: 'Mo Salah', text: 'Do you ship to Egypt?' });
      await until(() => request.shadowRoot?.querySelector('button[part~="accept"]') != null, 'the offer');
      const accept = () => shadow(request, 'button[part~="accept"]');
      await tabTo(accept, 'Accept');
      expectVisibleFocus(deepActive(), 'Accept');

      // Accept with Enter: the conversation opens and the composer takes focus (R-OFFER-05).
      await sendKeys({ press: 'Enter' });
      await untilState(store, (s) => s.interactions[id]?.status === 'active', 'the accepted conversation');
      await until(() => deepActive()?.localName === 'textarea', 'focus in the composer');
      expectVisibleFocus(deepActive(), 'the composer');

      // Type and send with Enter.
      const sent = nextEvent(chat, 'cc-send');
      await sendKeys({ type: 'Yes, we do. Delivery takes 5 to 7 days.' });
      await sendKeys({ press: 'Enter' });
      expect((await sent).detail).to.deep.equal({ interactionId: id, channel: 'messenger', text: 'Yes, we do. Delivery takes 5 to 7 days.' });
      await untilState(store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent') ?? false, 'the sent message');
      expect(deepActive()?.localName, 'focus stays in the composer').to.equal('textarea');

      // End: back to the End button with Shift+Tab; Messenger asks to confirm the customer's consent.
      await tabTo(() => button(chat, 'End'), 'End', true);
      expectVisibleFocus(deepActive(), 'End');
      await sendKeys({ press: 'Enter' });
      const confirm = shadow<HTMLDialogElement>(chat, 'dialog[part~="confirm"]');
      await until(() => confirm.open, 'the consent dialog');
      const confirmButton = [...confirm.querySelectorAll('button')].at(-1);
      await tabTo(() => confirmButton, 'the confirming End button');
      expectVisibleFocus(deepActive(), 'the confirming End button');
      const ended = nextEvent(chat, 'cc-end');
      await sendKeys({ press: 'Enter' });
      expect((await ended).detail).to.deep.equal({ interactionId: id });
      await untilState(store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    });
  }
});
