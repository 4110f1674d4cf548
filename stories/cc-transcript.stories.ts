import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import type { ChatMessage, EmailMessage } from '../src/core/types.js';

const meta: Meta = {
  title: 'Elements/cc-transcript',
  component: 'cc-transcript',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'A read-only transcript of a finished conversation: chat messages (Markdown where the channel has it) and emails (sanitized, shown as text). The customer panel and the task list’s Recent list show it (R-CTX-02, R-CTX-05).',
      },
    },
  },
};
export default meta;

const T0 = Date.UTC(2026, 10, 20, 9, 30);
const msg = (id: string, minutes: number, author: ChatMessage['author'], text: string, authorName?: string): ChatMessage => ({
  id,
  author,
  text,
  format: author === 'agent' ? 'markdown' : 'plain',
  timestamp: T0 + minutes * 60_000,
  attachments: [],
  ...(authorName ? { authorName } : {}),
});

const chat: readonly ChatMessage[] = [
  msg('m1', 0, 'customer', 'Hi, my order 4411 arrived damaged.', 'Jane Doe'),
  msg('m2', 1, 'agent', 'Sorry to hear that! I have started a **replacement** for order 4411.', 'Alex Morgan'),
  msg('m3', 2, 'customer', '<img src=x onerror=alert(1)> thanks — that was quick', 'Jane Doe'),
];

const linked: readonly ChatMessage[] = [
  msg('l1', 0, 'customer', 'I got a text linking to https://acme-refunds.example/claim, is that you? Also see www.example.org/faq.', 'Jane Doe'),
  msg('l2', 1, 'agent', 'No, that is not us. Our refunds page is [acme.example/refunds](https://acme.example/refunds), not [acme.example](https://acme-refunds.example/claim).', 'Alex Morgan'),
];

const emails: readonly EmailMessage[] = [
  {
    id: 'e1',
    direction: 'inbound',
    from: 'jane@example.com',
    to: ['support@acme.example'],
    cc: [],
    subject: 'Invoice 118 is wrong',
    html: '<p>Hello, the <b>total</b> on invoice 118 is wrong.</p><script>alert(1)</script>',
    timestamp: T0,
    status: 'received',
    attachments: [],
  },
  {
    id: 'e2',
    direction: 'outbound',
    from: 'support@acme.example',
    to: ['jane@example.com'],
    cc: [],
    subject: 'RE: Invoice 118 is wrong',
    text: 'Hello Jane, a corrected invoice is attached.',
    timestamp: T0 + 3_600_000,
    status: 'sent',
    attachments: [{ id: 'a1', name: 'invoice-118.pdf', size: 48_213, mimeType: 'application/pdf', url: '#' }],
  },
];

/** R-CTX-02: a Messenger conversation; customer text (even markup) stays text. */
export const Chat: StoryObj = {
  render: () => html`<cc-transcript channel="messenger" customer-name="Jane Doe" label="Transcript" .messages=${chat}></cc-transcript>`,
};

/** R-CTX-02: an email thread; the HTML body is sanitized and shown as text. */
export const Email: StoryObj = {
  render: () => html`<cc-transcript channel="email" customer-name="Jane Doe" label="Transcript" .emails=${emails}></cc-transcript>`,
};

/** Nothing recorded. */
export const Empty: StoryObj = {
  render: () => html`<cc-transcript channel="webchat" customer-name="Jane Doe" label="Transcript"></cc-transcript>`,
};

/** R-COMP-04: links are clickable and show where they go; one whose text names another host is flagged. */
export const Links: StoryObj = {
  render: () => html`<cc-transcript channel="messenger" customer-name="Jane Doe" label="Transcript" .messages=${linked}></cc-transcript>`,
};
