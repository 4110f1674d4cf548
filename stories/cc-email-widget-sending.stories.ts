import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref, type Ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcEmailWidget } from '../src/components/cc-email-widget/cc-email-widget.js';
import { loadSanitizer } from '../src/components/cc-email-widget/email-sanitizer.js';
import { loadStandardReply } from '../src/components/cc-email-widget/email-standard-gate.js';
import type { EmailSignatures } from '../src/core/store/store.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-email-widget/Bcc, From and signature',
  component: 'cc-email-widget',
  parameters: {
    docs: {
      description: {
        component:
          "The standard reply's Bcc field (checked like Cc), the From select listing the queue's mailboxes (default: the mailbox the email was sent to), and the signature of the queue or the agent, inserted once below the reply and above a forwarded message (R-COMP-05).",
      },
    },
  },
};
export default meta;

const SIGNATURES: EmailSignatures = {
  agent: 'Alex Morgan\nAcme Support · +1 555 0100',
  queues: { 'q-email-billing': '<p><b>Acme Billing</b><br>Invoices and refunds, Monday to Friday</p>' },
};

function story(queue: string, then: (el: CcEmailWidget) => void | Promise<void>): StoryObj {
  return {
    render: () => {
      const widget: Ref<CcEmailWidget> = createRef();
      const world: StoryWorld = storyWorld(
        async (w) => {
          await acceptedContact(w, {
            channel: 'email',
            customerName: 'Jane Doe',
            queue,
            email: { subject: 'Invoice 2024-118 looks wrong', html: '<p>Hello, I was charged twice for the lamp.</p><p>Jane</p>' },
          });
          const el = widget.value;
          if (!el) return;
          // The pane shows the conversation once its sanitizer is in, and opens a reply at once once the standard reply's code is in.
          await Promise.all([loadSanitizer(), loadStandardReply()]);
          await el.updateComplete;
          await then(el);
        },
        {},
        { signatures: SIGNATURES },
      );
      return html`<div style="height:640px;max-width:640px;display:grid">
        <cc-email-widget ${ref(widget)} .store=${world.store} keep-open></cc-email-widget>
      </div>`;
    },
  };
}

function pressHeaderButton(el: CcEmailWidget, name: string): void {
  [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name)?.click();
}

/** Bcc opened beside Cc, with an address being typed (the Reply opens with the agent's signature). */
export const BccShown: StoryObj = story('q-email-support', async (el) => {
  pressHeaderButton(el, 'Bcc');
  await el.updateComplete;
  const bcc = el.shadowRoot?.querySelector<HTMLInputElement>('#bcc');
  if (!bcc) return;
  bcc.value = 'team-lead@acme.example';
  bcc.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
});

/** From lists the billing queue's mailboxes; the default is the one the email was sent to. */
export const FromChoices: StoryObj = story('q-email-billing', (el) => el.compose('reply'));

/** Forward: the queue's signature (simple HTML, sanitized) sits above the forwarded message. */
export const SignatureAboveForward: StoryObj = story('q-email-billing', (el) => el.compose('forward'));

/** Reply with the agent's plain-text signature below an empty line where the agent writes. */
export const AgentSignature: StoryObj = story('q-email-support', (el) => el.compose('reply'));
