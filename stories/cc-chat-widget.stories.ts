import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcChatWidget } from '../src/components/cc-chat-widget/cc-chat-widget.js';
import type { MessageTemplate } from '../src/core/types.js';
import { shadowPart } from './dialog-support.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-chat-widget',
  component: 'cc-chat-widget',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Conversation pane for WebChat and Messenger (R-CHAT-01…05): header, thread with grey customer bubbles and blue agent bubbles, system notices, and a composer limited to 1000 characters.',
      },
    },
  },
};
export default meta;

const pane = (world: StoryWorld, channel: 'webchat' | 'messenger' = 'webchat', maxLength = 1000) =>
  html`<div style="height:520px;max-width:640px;display:grid">
    <cc-chat-widget .store=${world.store} channel=${channel} max-length=${maxLength}></cc-chat-widget>
  </div>`;

/** The contact a story starts from, as `acceptedContact` takes it. */
type Contact = Parameters<typeof acceptedContact>[1] & { readonly channel: 'webchat' | 'messenger' };

/**
 * A pane on an accepted `contact` in which `act` then does what the agent would (types a
 * draft, presses a button), once the pane has rendered: the states an agent reaches by acting.
 */
const paneActing = (contact: Contact, act: (el: CcChatWidget, w: StoryWorld, id: string) => Promise<void> | void, { maxLength = 1000, height = 520 } = {}) => {
  const widget = createRef<CcChatWidget>();
  const world = storyWorld(async (w) => {
    const id = await acceptedContact(w, contact);
    const el = widget.value;
    if (!el) return;
    await el.updateComplete;
    await act(el, w, id);
  });
  return html`<div style="height:${height}px;max-width:640px;display:grid">
    <cc-chat-widget ${ref(widget)} .store=${world.store} channel=${contact.channel} max-length=${maxLength}></cc-chat-widget>
  </div>`;
};

/** R-CHAT-01/02: an accepted WebChat conversation with both sides and a system notice. */
export const WebChatConversation: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hi, my parcel has not arrived.' });
        await w.store.send(id, 'Sorry to hear that! Could you share the order number?');
        w.simulator.customerMessage(id, 'Sure, it is 10-4471.');
      }),
    ),
};

/** R-CHAT-05: Messenger shows delivery receipts on agent messages. */
export const MessengerWithReceipts: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Do you ship to Egypt?' });
        await w.store.send(id, 'Yes, we do — delivery takes 5 to 7 days.');
      }),
      'messenger',
    ),
};

/** R-X-05: the customer is typing. */
export const CustomerTyping: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'One more thing…' });
        w.simulator.customerTyping(id);
      }),
    ),
};

/** R-CHAT-03: past the limit Send is disabled and a red message explains how to fix it (limit set to 40 here). */
export const OverTheLimit: StoryObj = {
  render: () =>
    paneActing(
      { channel: 'webchat', customerName: 'Jane Doe', text: 'Can you explain the refund policy?' },
      (el) => void (el.draft = 'Our refund policy allows returns within thirty days of delivery.'),
      { maxLength: 40 },
    ),
};

/**
 * R-X-04: a card number in the composer. The text on screen stays as typed; the copy of the
 * draft kept for a reload has the number masked, and the composer says so once.
 */
export const DraftCardNumberMasked: StoryObj = {
  render: () =>
    paneActing(
      { channel: 'webchat', customerName: 'Jane Doe', text: 'Can you take the payment now?' },
      (el) => void (el.draft = 'Thanks, I have 4111 1111 1111 1111 here and will put it through.'),
    ),
};

/** R-CHAT-05: a message that failed to send, with Retry. */
export const FailedMessage: StoryObj = {
  render: () =>
    pane(
      storyWorld(
        async (w) => {
          const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello?' });
          await w.store.send(id, 'Hi Jane, how can I help?');
        },
        { failureRate: 1 },
      ),
    ),
};

/** R-END-04: the customer left: sending is off, with the reason, and the agent's draft is kept. */
export const CustomerLeft: StoryObj = {
  render: () =>
    paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'Never mind, bye.' }, (el, w, id) => {
      el.draft = 'Before you go, your refund was approved';
      w.simulator.customerLeaves(id);
    }),
};

/** R-CHAT-05: a message failed (its reason beside Retry); the one sent after it waits behind it. */
export const WaitingBehindFailure: StoryObj = {
  render: () =>
    pane(
      storyWorld(
        async (w) => {
          const id = await acceptedContact(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Is it shipped?' });
          void w.store.send(id, 'Let me check that for you.');
          void w.store.send(id, 'It left the warehouse this morning.');
        },
        { failureRate: 1 },
      ),
      'messenger',
    ),
};

/** R-TPL-03: a variable the template could not fill stays visible and blocks Send until the agent fills or removes it. */
export const UnresolvedVariable: StoryObj = {
  render: () =>
    paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'What is my case number?' }, (el) => void (el.draft = 'Your case number is {{caseId}}.')),
};

/** Wrap-up: the agent ended the conversation, the composer is gone. */
export const Ended: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks, that is all.' });
        await w.store.end(id);
      }),
    ),
};

/** No conversation accepted yet. */
export const Empty: StoryObj = {
  render: () => pane(storyWorld()),
};

/** R-CHAT-07: Messenger renders Markdown (sanitized) both ways, and offers formatting buttons. */
export const MessengerRichText: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, {
          channel: 'messenger',
          customerName: 'Mo Salah',
          text: 'Hi! I need **two** things:\n\n- a refund\n- a _new_ invoice',
          format: 'markdown',
        });
        await w.store.send(id, 'Sure — see our [refund policy](https://example.com/refunds). I will send the `invoice` today.', { format: 'markdown' });
      }),
      'messenger',
    ),
};

/** R-CHAT-06: files both ways — an inbound PDF and a file waiting to be sent. */
export const Attachments: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Here is my receipt' });
        w.simulator.customerMessage(id, 'receipt attached', { attachments: [{ name: 'receipt.pdf', size: 48_213, mimeType: 'application/pdf' }] });
        await w.store.send(id, 'Thanks, here is the return label.', {
          attachments: [await w.store.uploadAttachment(id, new File(['label'], 'return-label.pdf', { type: 'application/pdf' }))],
        });
      }),
    ),
};

/** Chooses the first of the WebChat templates that `which` accepts, as the template list would. */
async function chooseTemplate(el: CcChatWidget, w: StoryWorld, which: (t: MessageTemplate) => boolean): Promise<void> {
  const [template] = (await w.store.listTemplates('webchat')).filter(which);
  const picker = el.shadowRoot?.querySelector('cc-template-picker');
  if (template && picker) picker.dispatchEvent(new CustomEvent('cc-template-select', { detail: { template }, bubbles: true, composed: true }));
}

/** R-TPL-02 / R-TPL-03: a template with parameters to fill; Send waits until they are. */
export const TemplateWithParameters: StoryObj = {
  render: () =>
    paneActing(
      { channel: 'webchat', customerName: 'Jane Doe', text: 'Where is my order?' },
      (el, w) => chooseTemplate(el, w, (t) => t.id === 'tpl-order-status'),
      { height: 560 },
    ),
};

/** R-TPL-02: a locked template, which can only be sent or removed. */
export const LockedTemplate: StoryObj = {
  render: () =>
    paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'Can I pay by card here?' }, (el, w) => chooseTemplate(el, w, (t) => t.locked)),
};

/** Clicks a button of the pane's shadow tree once it is rendered. */
async function press(el: CcChatWidget, selector: string): Promise<void> {
  (await shadowPart(el, selector)).click();
}

/** R-END-01: Messenger ends only with the customer's consent, which the agent confirms here. */
export const EndWithConsent: StoryObj = {
  // A modal dialog makes the rest of its page inert: its own frame on the docs page.
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
  render: () => paneActing({ channel: 'messenger', customerName: 'Mo Salah', text: 'Thanks, that answers it.' }, (el) => press(el, 'button[part~="end"]')),
};

/** R-END-01: End on WebChat asks first, and says the customer will see that the agent left. */
export const WebChatEndConfirm: StoryObj = {
  parameters: { docs: { story: { inline: false, iframeHeight: 560 } } },
  render: () => paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks, that is all.' }, (el) => press(el, 'button[part~="end"]')),
};

/** R-CHAT-10: the Workflows menu, open, listing the host's workflows. */
export const WorkflowsMenu: StoryObj = {
  render: () => paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'I would like a callback.' }, (el) => press(el, '.menu > button')),
};

/** R-CHAT-10: the backend failed to list the workflows: the menu says why and offers Retry. */
export const WorkflowsMenuFailed: StoryObj = {
  render: () =>
    paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'I would like a callback.' }, (el, w) => {
      w.simulator.listWorkflows = () => Promise.reject(new Error('the workflow service did not answer'));
      return press(el, '.menu > button');
    }),
};

/** R-CONF-01, R-CONF-02, R-X-06: a conference: the header lists the participants; the other agent's bubbles have their own colour. */
export const Conference: StoryObj = {
  render: () =>
    pane(
      storyWorld(
        async (w) => {
          const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'My invoice is wrong.' });
          await w.store.send(id, 'Let me bring in a colleague from billing.');
          const [peer] = (await w.store.listAgents()).filter((a) => a.availability === 'available' && a.id !== w.simulator.agent.id);
          if (!peer) return;
          await w.store.inviteToConference(id, peer.id);
          while (w.store.state.interactions[id]?.status !== 'conference') {
            if (w.store.disposed) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          w.simulator.peerMessage(id, 'Hi Jane, I can correct the invoice for you right away.');
        },
        { agentResponseMs: 0 },
      ),
    ),
};

/** Words the long-thread stories vary their lines with. */
const TOPICS = ['my order', 'the refund', 'a delivery slot', 'the invoice', 'my address', 'the tracking number'];

/** Fills a WebChat conversation with `count` messages, customer and agent taking turns. */
async function longConversation(w: StoryWorld, count: number): Promise<string> {
  const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello, I have a few questions.' });
  for (let k = 1; k < count; k++) {
    const topic = TOPICS[k % TOPICS.length] ?? 'my order';
    if (k % 4 === 0) await w.store.send(id, `Message ${k}: let me check ${topic} for you.`);
    else w.simulator.customerMessage(id, `Message ${k}: a question about ${topic}.`);
  }
  return id;
}

/**
 * A 2,000-message conversation. Only the messages in and near view are rendered;
 * the thread still scrolls with the keyboard (Home, End, Page Up/Down, arrows) and announces
 * new messages from the customer.
 */
export const LongThread: StoryObj = {
  render: () => pane(storyWorld((w) => longConversation(w, 2000).then(() => undefined))),
};

/**
 * **Find in conversation** (Ctrl+F inside the pane) counts the messages that match
 * and brings each into view, rendered or not; Enter and Shift+Enter step through them.
 */
export const FindInConversation: StoryObj = {
  render: () => {
    const widget = createRef<CcChatWidget>();
    const world = storyWorld(async (w) => {
      await longConversation(w, 600);
      const el = widget.value;
      if (!el) return;
      await el.updateComplete;
      const box = el.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]');
      if (!box) return;
      box.value = 'invoice';
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    return html`<div style="height:520px;max-width:640px;display:grid">
      <cc-chat-widget ${ref(widget)} .store=${world.store} channel="webchat"></cc-chat-widget>
    </div>`;
  },
};

/** A WebChat conversation in which the agent asks `agentId` into a consult (R-CTX-06). */
async function consultWith(w: StoryWorld, agentId: string): Promise<string> {
  const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'I was charged twice for my order.' });
  await w.store.send(id, 'Let me check with a colleague from billing.');
  await w.store.startConsult(id, agentId);
  return id;
}

/** A pane as narrow as a side panel (320px): the consult panel must fit without clipping. */
const narrowPane = (world: StoryWorld) =>
  html`<div style="height:600px;width:320px;display:grid">
    <cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>
  </div>`;

/** R-CTX-06: consult requested: "Waiting for Priya Natarajan…" and Cancel consult; Transfer and Conference wait meanwhile. */
export const ConsultRequested: StoryObj = {
  render: () => pane(storyWorld((w) => consultWith(w, 'agent-priya').then(() => undefined), { agentResponseMs: 60 * 60 * 1000 })),
};

/** R-CTX-06: consult in progress: the internal thread (never sent to the customer), Consult message, Complete transfer and Cancel consult. */
export const ConsultInProgress: StoryObj = {
  render: () =>
    pane(
      storyWorld(
        async (w) => {
          const id = await consultWith(w, 'agent-priya');
          while (w.store.state.interactions[id]?.consult?.state !== 'started') {
            if (w.store.disposed) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await w.store.sendConsultMessage(id, 'Customer was charged twice on order 10-4471. Can you refund one?');
        },
        { agentResponseMs: 300 },
      ),
    ),
};

/** R-CTX-06: the consult in a 320px pane. */
export const ConsultInNarrowPane: StoryObj = {
  render: () => narrowPane(storyWorld((w) => consultWith(w, 'agent-tom').then(() => undefined), { agentResponseMs: 0 })),
};

/** R-CTX-06: the consulted agent is busy and declines: said in text until dismissed; the agent keeps the customer. */
export const ConsultDeclined: StoryObj = {
  render: () => pane(storyWorld((w) => consultWith(w, 'agent-mei').then(() => undefined), { agentResponseMs: 0 })),
};

/** R-CTX-06: the consulted agent is offline and does not answer in time. */
export const ConsultTimeout: StoryObj = {
  render: () => pane(storyWorld((w) => consultWith(w, 'agent-hannah').then(() => undefined), { agentResponseMs: 0 })),
};

/** Types `text` into the pane's composer as the agent would (the caret at its end). */
async function typeInComposer(el: CcChatWidget, text: string): Promise<void> {
  const box = (await shadowPart(el, 'textarea')) as HTMLTextAreaElement;
  box.focus();
  box.value = text;
  box.setSelectionRange(text.length, text.length);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** R-COMP-01: `/` at the start of a line lists the channel's templates as Quick responses, filtered by what follows. */
export const QuickResponses: StoryObj = {
  render: () => paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'Where is my order?' }, (el) => typeInComposer(el, 'Let me check.\n/o')),
};

/** R-COMP-02: the Emoji picker, open: a search box over a grid of emoji; the arrows move, Enter inserts at the caret. */
export const EmojiPicker: StoryObj = {
  render: () =>
    paneActing({ channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks a lot!' }, async (el) => {
      await typeInComposer(el, 'You are welcome ');
      await press(el, 'button.emoji-button');
    }),
};

/** R-COMP-07: in Arabic the pane reads right to left: the customer on the right, the agent on the left; English a customer writes keeps its direction. */
export const ArabicRightToLeft: StoryObj = {
  globals: { locale: 'ar' },
  render: () =>
    narrowPane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'سارة أحمد', text: 'مرحبًا، لم تصل طلبيتي بعد.' });
        await w.store.send(id, 'نأسف لذلك! هل يمكنك مشاركة رقم الطلب؟');
        w.simulator.customerMessage(id, 'Sure, it is 10-4471.');
      }),
    ),
};

/** R-COMP-07: an English pane with a customer writing Arabic: each bubble reads in its own direction (dir=auto). */
export const ArabicCustomerInEnglishPane: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'سارة أحمد', text: 'مرحبًا، لم تصل طلبيتي بعد.' });
        await w.store.send(id, 'Sorry to hear that! Could you share the order number?');
        w.simulator.customerMessage(id, 'رقم الطلب 10-4471.');
      }),
    ),
};

/** R-COMP-04: links in messages show where they go; one whose text names another host is flagged. */
export const ThreadWithLinks: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        const id = await acceptedContact(w, {
          channel: 'messenger',
          customerName: 'Mo Salah',
          text: 'The tracking page https://track.example.com/p/4471 says delivered. I also got [paypal.com](https://paypal.com.evil.example/login) asking me to pay again?',
          format: 'markdown',
        });
        w.simulator.customerMessage(id, 'And this one: https://\u0430pple.com/support (javascript:alert(1) did nothing).');
        await w.store.send(id, 'Please do not open that link. Our help page is [here](https://help.example.com/fraud).');
      }),
      'messenger',
    ),
};

/** R-COMP-06: suggested replies above the composer; a click puts one into the composer for editing. */
export const SuggestedReplies: StoryObj = {
  render: () =>
    pane(
      storyWorld(async (w) => {
        await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'My order has not arrived and the tracking shows an error.' });
      }),
    ),
};

/** R-COMP-06: in a 320px pane the suggestions wrap; nothing is clipped. */
export const SuggestedRepliesNarrow: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks, that is great! Where is my package though?' });
    });
    return html`<div style="height:560px;width:320px;display:grid">
      <cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>
    </div>`;
  },
};
