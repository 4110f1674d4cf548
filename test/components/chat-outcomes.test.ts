import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { SimulatedContactCenter } from '../../src/adapters/simulated/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import { setLocale } from '../../src/controllers/localize.js';
import { createInteractionStore, type InteractionStore } from '../../src/core/store/store.js';
import type { ChatChannel } from '../../src/core/types.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

type Pane = CcChatWidget | CcSmsWidget;

interface Opened {
  readonly simulator: SimulatedContactCenter;
  readonly store: InteractionStore;
  readonly id: string;
  readonly el: Pane;
}

const opened: Opened[] = [];
let count = 0;

/** An accepted conversation of `channel` in its pane; failed messages are retried by the agent only (one attempt each). */
async function open(channel: ChatChannel, failureRate = 0): Promise<Opened> {
  const simulator = new SimulatedContactCenter({ autoplay: false, latencyMs: 0, seed: 7, failureRate, readDelayMs: 20, idTag: `o${++count}${Math.random().toString(36).slice(2, 6)}` });
  const store = createInteractionStore(simulator, { agent: simulator.agent, retry: { maxAttempts: 1 } });
  const id = simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(store, (s) => s.interactions[id] !== undefined, 'the offer');
  await store.accept(id);
  const el =
    channel === 'sms'
      ? await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread', 15000);
  const world = { simulator, store, id, el };
  opened.push(world);
  return world;
}

function textarea(el: Pane): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

async function type(el: Pane, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function send(el: Pane, text: string): Promise<void> {
  await type(el, text);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

function agentMeta(el: Pane): string[] {
  return shadowAll(el, '.row.agent .meta').map((m) => (m.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('chat panes finish their workflows', () => {
  afterEach(() => {
    for (const w of opened.splice(0)) {
      w.store.dispose();
      w.simulator.dispose();
    }
    disposeWorlds();
    setLocale('en');
  });

  describe('customer left', () => {
    it('R-END-04: once a WebChat customer leaves, the composer says so, Send is off and the draft is kept', async () => {
      const { el, id, simulator, store } = await open('webchat');
      await type(el, 'Are you still there?');
      simulator.customerLeaves(id);
      await until(() => shadowAll(el, '.composer .left').length === 1, 'the customer-left explanation', 15000);
      expect(shadow(el, '.composer .left').textContent).to.contain('Jane Doe has left. Messages can no longer be sent');
      expect(textarea(el).readOnly, 'nothing more can be typed').to.equal(true);
      expect(textarea(el).value, 'the draft is kept').to.equal('Are you still there?');
      expect(textarea(el).getAttribute('aria-describedby')).to.contain('left');
      expect(button(el, 'Send').disabled).to.equal(true);
      await expect(el).to.be.accessible();
      // Enter does not queue anything either.
      textarea(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(store.state.interactions[id]?.messages.filter((m) => m.author === 'agent')).to.have.length(0);
    });

    it('R-CHAT-05: messages behind a failed one say they wait for it, never Sending forever, and go in order after Retry', async () => {
      const { el, id, simulator, store } = await open('webchat', 1);
      await send(el, 'First');
      await until(() => shadowAll(el, '.failed').length === 1, 'the failure', 15000);
      await send(el, 'Second');
      await send(el, 'Third');
      await until(() => agentMeta(el).filter((m) => m.includes('Waiting for the failed message')).length === 2, 'the waiting messages', 15000);
      expect(agentMeta(el).some((m) => m.includes('Sending'))).to.equal(false);
      await expect(el).to.be.accessible();
      simulator.failureRate = 0;
      button(el, 'Retry').click();
      await untilState(store, (s) => s.interactions[id]?.messages.filter((m) => m.author === 'agent' && m.status === 'sent').length === 3, 'all three sent');
      expect(simulator.sentMessages(id).map((m) => m.text)).to.deep.equal(['First', 'Second', 'Third']);
      await el.updateComplete;
      expect(agentMeta(el).some((m) => m.includes('Waiting'))).to.equal(false);
    });
  });

  describe('failure reason', () => {
    it('R-CHAT-05: a failed message shows its reason as text beside Retry, in English and Chinese', async () => {
      const { el } = await open('messenger', 1);
      await send(el, 'Will fail');
      await until(() => shadowAll(el, '.failed-reason').length === 1, 'the reason', 15000);
      const meta = shadow(el, '.row.agent .meta');
      expect(shadow(el, '.failed-reason').textContent).to.equal('Reason: Message not delivered: the network did not answer (simulated failure)');
      expect(meta.querySelector('.failed-reason')?.nextElementSibling?.textContent?.trim()).to.equal('Retry');
      expect(shadowAll(el, '[title]').filter((n) => n.closest('.meta'))).to.have.length(0);
      await expect(el).to.be.accessible();
      setLocale('zh-CN');
      await until(() => (shadowAll(el, '.failed-reason')[0]?.textContent ?? '').startsWith('原因：'), 'the Chinese prefix', 15000);
      expect(shadow(el, '.failed-reason').textContent).to.contain('(simulated failure)');
    });
  });

  describe('WebChat has no receipts and no formatting', () => {
    it('R-CHAT-05: a WebChat message shows Sending then nothing (no Sent, Delivered or Read), and no formatting toolbar', async () => {
      const { el, id, store } = await open('webchat');
      expect(shadowAll(el, '[role="group"]').filter((g) => g.getAttribute('aria-label') === 'Formatting')).to.have.length(0);
      await send(el, 'Hello from the agent');
      await untilState(store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent' && m.status === 'sent') ?? false, 'sent');
      await el.updateComplete;
      expect(agentMeta(el)[0]).not.to.match(/Sent|Delivered|Read|Sending/);
      await expect(el).to.be.accessible();
    });

    it('R-CHAT-05: Messenger and SMS keep their receipts', async () => {
      for (const channel of ['messenger', 'sms'] as const) {
        const { el, id, store } = await open(channel);
        await send(el, 'Receipt please');
        await untilState(store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent' && m.status === 'read') ?? false, 'read');
        await el.updateComplete;
        expect(agentMeta(el)[0]).to.contain('Read');
      }
    });
  });
});
