import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref, type Ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcEmailWidget } from '../src/components/cc-email-widget/cc-email-widget.js';
import { loadSanitizer } from '../src/components/cc-email-widget/email-sanitizer.js';
import { loadStandardReply } from '../src/components/cc-email-widget/email-standard-gate.js';
import { SEED_TEMPLATES } from '../src/adapters/simulated/index.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-email-widget',
  component: 'cc-email-widget',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Email conversation pane (R-MAIL-01…17): header with addresses, subject and timer; the thread, each email collapsed to a summary and expandable; inbound HTML sanitized, each body in a sandboxed frame (no scripts, its own CSP), remote images blocked until allowed, a placeholder with View original email for a body that cannot be shown; quick reply; standard reply (Reply, Reply all, Forward, Cc) with a rich editor, attachments and templates; the not-latest banner; the PCI guard; the light-grey toggle. Drafts survive switching and reloading.',
      },
    },
  },
};
export default meta;

const MAILBOX = 'support@acme.example';
const CUSTOMER = 'jane.doe@example.com';

const OPENING = `<p>Hello,</p>
<p>Invoice <a href="https://acme.example/invoices/2024-118">2024-118</a> charges me twice for the lamp:</p>
<table border="1" cellpadding="4" style="border-collapse: collapse">
  <tr><th>Item</th><th>Qty</th><th>Price</th></tr>
  <tr><td>Desk lamp</td><td>2</td><td style="color: #8a1c1c; font-weight: bold">$40.00</td></tr>
</table>
<p><img src="https://images.example/acme-logo.png" alt="Acme logo" width="120" height="40"></p>
<p>Regards,<br>Jane</p>`;

/** A world with an accepted email (a table, a link, a remote image, an attachment, a Cc). */
function emailWorld(then: (w: StoryWorld, id: string, el: CcEmailWidget | undefined) => void | Promise<void>, widget: Ref<CcEmailWidget>): StoryWorld {
  return storyWorld(async (w) => {
    const id = await acceptedContact(w, {
      channel: 'email',
      customerName: 'Jane Doe',
      email: { subject: 'Invoice 2024-118 looks wrong', html: OPENING, cc: ['accounts@customer.example'] },
      attachments: [{ name: 'invoice-2024-118.pdf', size: 84_211, mimeType: 'application/pdf' }],
    });
    const el = widget.value;
    // The pane shows the conversation once its sanitizer is in, and opens a reply at once once the standard reply's code is in.
    await Promise.all([loadSanitizer(), loadStandardReply()]);
    await el?.updateComplete;
    await then(w, id, el);
  });
}

const pane = (world: StoryWorld, widget: Ref<CcEmailWidget>, lightGrey = false) =>
  html`<div style="height:720px;max-width:760px;display:grid">
    <cc-email-widget ${ref(widget)} .store=${world.store} ?light-grey=${lightGrey}></cc-email-widget>
  </div>`;

function story(then: (w: StoryWorld, id: string, el: CcEmailWidget | undefined) => void | Promise<void> = () => undefined, lightGrey = false): StoryObj {
  return {
    render: () => {
      const widget = createRef<CcEmailWidget>();
      return pane(
        emailWorld(then, widget),
        widget,
        lightGrey,
      );
    },
  };
}

/** R-MAIL-01: the thread after the agent answered once and the customer wrote back; statuses received, delivery report. */
export const Thread: StoryObj = story(async (w, id) => {
  const first = w.store.state.interactions[id]?.emails[0];
  if (!first) return;
  await w.store.sendEmail(id, {
    mode: 'reply',
    inReplyTo: first.id,
    to: [CUSTOMER],
    cc: [],
    subject: 'Re: Invoice 2024-118 looks wrong',
    html: '<p>Hello Jane,</p><p>Sorry about that — I am checking the invoice now.</p>',
    text: 'Hello Jane,\n\nSorry about that — I am checking the invoice now.',
  });
  w.simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 2024-118 looks wrong', text: 'Thank you! Let me know.' });
});

/** R-MAIL-15: every email expanded to full view (View original email shows the first one). */
export const ExpandedEmail: StoryObj = story(async (w, id, el) => {
  w.simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 2024-118 looks wrong', text: 'Any news on this?' });
  await el?.updateComplete;
  const first = w.store.state.interactions[id]?.emails[0];
  if (first) el?.showEmail(first.id);
});

/** R-MAIL-02: remote images blocked, with "Show images". */
export const ImagesBlocked: StoryObj = story();

/** R-MAIL-03: a quick reply ready to send. */
export const QuickReply: StoryObj = story((_w, _id, el) => {
  if (el) el.quickReply = 'Thank you, Jane — I have asked billing to correct the invoice.';
});

/** R-MAIL-07: Reply — To and Subject filled and read-only. */
export const Reply: StoryObj = story((_w, _id, el) => el?.compose('reply'));

/**
 * R-MAIL-04: the reply in a pane of its smallest height (360px): the reply keeps room for its
 * fields and editor, and the pane scrolls as a whole to the rest.
 */
export const ReplyInShortPane: StoryObj = {
  render: () => {
    const widget = createRef<CcEmailWidget>();
    const world = emailWorld((_w, _id, el) => el?.compose('reply'), widget);
    return html`<div style="height:360px;max-width:340px;display:grid">
      <cc-email-widget ${ref(widget)} .store=${world.store}></cc-email-widget>
    </div>`;
  },
};

/** R-MAIL-08: Reply all — Cc filled with the original Cc, editable. */
export const ReplyAll: StoryObj = story((_w, _id, el) => el?.compose('reply-all'));

/** R-MAIL-09: Forward — Subject filled, To and Cc for the agent, the email and its attachment loaded. */
export const Forward: StoryObj = story((_w, _id, el) => el?.compose('forward'));

/** R-MAIL-06: a newer email arrived while replying; Send waits until it is viewed. */
export const NotLatestBanner: StoryObj = story(async (w, id, el) => {
  if (!el) return;
  el.quickReply = 'We will refund the extra lamp.';
  await el.updateComplete;
  el.compose('reply');
  await el.updateComplete;
  w.simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Invoice 2024-118 looks wrong', text: 'Actually, I also need a copy of the delivery note.' });
});

/** R-MAIL-16: a card number in the reply blocks sending, with an explanation. */
export const PciBlocked: StoryObj = story((_w, _id, el) => {
  if (el) el.quickReply = 'Please confirm your card 4111 1111 1111 1111 so we can refund you.';
});

/**
 * R-MAIL-16, R-X-04: a card number typed in a standard reply. The editor keeps it as typed;
 * the copy of the draft kept for a reload has it masked, and the pane says so once.
 */
export const DraftCardNumberMasked: StoryObj = story(async (_w, _id, el) => {
  if (!el) return;
  el.compose('reply');
  await el.updateComplete;
  const editor = el.shadowRoot?.querySelector<HTMLElement>('#editor');
  if (!editor) return;
  editor.focus();
  document.execCommand('insertText', false, 'The card on file is 4111-1111-1111-1111; I will check the charge.');
});

/** R-MAIL-13: the light-grey background. */
export const LightGrey: StoryObj = story(() => undefined, true);

/** R-MAIL-17: after the interaction ended (transfer or end), the pane shows the ended state. */
export const Ended: StoryObj = story(async (w, id) => {
  await w.store.end(id);
});

/** No email accepted yet. */
export const Empty: StoryObj = {
  render: () => {
    const widget = createRef<CcEmailWidget>();
    return pane(storyWorld(), widget);
  },
};

const UNSHOWABLE = 'cc-story-unshowable';

/**
 * Makes the platform refuse the document of emails carrying a marker, as a page enforcing
 * Trusted Types without the library's policy name would refuse every one.
 */
function refuseMarkedDocuments(): void {
  const srcdoc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
  if (!srcdoc?.set || (srcdoc.set as { ccStory?: true }).ccStory) return;
  const set = Object.assign(
    function (this: HTMLIFrameElement, value: string) {
      if (String(value).includes(UNSHOWABLE)) throw new TypeError('This document requires TrustedHTML assignment.');
      srcdoc.set?.call(this, value);
    },
    { ccStory: true as const },
  );
  Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', { ...srcdoc, set });
}

/**
 * R-MAIL-15: an email whose body cannot be shown safely (here the page refuses its document)
 * shows a placeholder with View original email, which reveals the source as plain text; the
 * header, the other emails and later ones are unaffected.
 */
export const BodyCannotBeShown: StoryObj = story(async (w, id, el) => {
  refuseMarkedDocuments();
  w.simulator.inboundEmail(id, {
    from: CUSTOMER,
    to: [MAILBOX],
    subject: 'Re: Invoice 2024-118 looks wrong',
    html: `<p class="${UNSHOWABLE}">Here is the <b>delivery note</b> you asked for.</p>`,
  });
  await el?.updateComplete;
});

/** The element's shadow root, for stories that act as the agent would. */
function inside<T extends Element>(el: CcEmailWidget | undefined, selector: string): T | null {
  return el?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** End for an email that needs no reply: the confirmation, which says an unsent draft will be discarded. */
export const EndConfirm: StoryObj = story(async (_w, _id, el) => {
  if (!el) return;
  el.quickReply = 'Half-written answer';
  await el.updateComplete;
  inside<HTMLButtonElement>(el, 'button[part="end"]')?.click();
});

/** The backend refused to end the conversation: the header says why; the conversation stays usable. */
export const EndFailed: StoryObj = story(async (w, _id, el) => {
  if (!el) return;
  w.simulator.endInteraction = () => Promise.reject(new Error('a transfer is in progress'));
  inside<HTMLButtonElement>(el, 'button[part="end"]')?.click();
  await el.updateComplete;
  inside<HTMLButtonElement>(el, 'button[part="confirm-end"]')?.click();
});

/** Reply chosen while a quick reply is being sent: the composer says the reply opens once the email has left. */
export const ReplyQueuedWhileSending: StoryObj = story(async (w, _id, el) => {
  if (!el) return;
  // The backend never answers in this story, so the send stays under way.
  w.simulator.sendEmail = () => new Promise(() => undefined);
  el.quickReply = 'Thanks, I am checking the invoice now.';
  await el.updateComplete;
  inside<HTMLButtonElement>(el, 'button[part="send"]')?.click();
  await el.updateComplete;
  el.compose('reply');
});

/** A template replaced the text the agent had written: the status line offers Undo. */
export const TemplateReplacedText: StoryObj = story(async (_w, _id, el) => {
  if (!el) return;
  el.compose('reply');
  await el.updateComplete;
  const editor = inside<HTMLElement>(el, '#editor');
  if (editor) {
    editor.textContent = 'Hello Jane, I have looked at the invoice and';
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  const template = SEED_TEMPLATES.find((t) => t.name === 'Opening hours');
  inside(el, 'cc-template-picker')?.dispatchEvent(new CustomEvent('cc-template-select', { detail: { template } }));
});

/** A template with a variable the system does not know: it stays in the text and Send waits until it is filled in. */
export const TemplateVariableToFill: StoryObj = story(async (_w, _id, el) => {
  if (!el) return;
  el.compose('reply');
  await el.updateComplete;
  const template = { id: 'story-case', name: 'Case number', body: 'Your case number is {{caseId}}. Please keep it for future contact.', locked: false, channels: ['email' as const] };
  inside(el, 'cc-template-picker')?.dispatchEvent(new CustomEvent('cc-template-select', { detail: { template } }));
});

/** Markup pasted with web images: they cannot be sent, so they are left out and the composer says so. */
export const PastedImagesLeftOut: StoryObj = story(async (_w, _id, el) => {
  if (!el) return;
  el.compose('reply');
  await el.updateComplete;
  const editor = inside<HTMLElement>(el, '#editor');
  const data = new DataTransfer();
  data.setData('text/html', '<p>Our new catalogue: <img src="https://images.example/catalogue.png" alt="catalogue"></p>');
  editor?.focus();
  editor?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
});

/** R-COMP-07: the email pane in Arabic, right to left, with an Arabic email from the customer; the English one keeps its direction. */
export const ArabicRightToLeft: StoryObj = {
  ...story(async (w, id, el) => {
    w.simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'بخصوص الفاتورة 2024-118', text: 'مرحبًا،\nهل من جديد بشأن الفاتورة؟\nمع التحية، جين' });
    await el?.updateComplete;
    const latest = w.store.state.interactions[id]?.emails.at(-1);
    if (latest) el?.showEmail(latest.id);
  }),
  globals: { locale: 'ar' },
};
