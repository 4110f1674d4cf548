import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcTransferDialog } from '../src/components/cc-transfer-dialog/cc-transfer-dialog.js';
import { openDialog, openDialogFor, pickOption, shadowPart } from './dialog-support.js';
import { acceptedContact, storyWorld, type StoryWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-transfer-dialog',
  component: 'cc-transfer-dialog',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The Transfer request dialog (R-XFER-*): a Queue or an Agent, each list filtered by a Search box, agents with their availability, Refresh list. Email goes to queues only (R-XFER-07).',
      },
      // A modal dialog makes the rest of its page inert: give each story its own frame on the docs page.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};
export default meta;

const dialog = (world: StoryWorld, el: ReturnType<typeof createRef<CcTransferDialog>>) =>
  html`<cc-transfer-dialog ${ref(el)} .store=${world.store}></cc-transfer-dialog>`;

/** R-XFER-02: the queues serving a WebChat conversation. */
export const QueueList: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    return dialog(storyWorld((w) => openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'Can I talk to sales?' })), el);
  },
};

/** R-XFER-03: the agents, available ones first, each with a coloured availability icon and its name in words. */
export const AgentList: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'messenger', customerName: 'Mo Salah', text: 'I need a supervisor.' });
      if (el.value) (await shadowPart(el.value, 'input[type="radio"]', (r) => r.closest('label')?.textContent?.trim() === 'Agent')).click();
    });
    return dialog(world, el);
  },
};

/** R-XFER-07, R-MAIL-17: email is transferred to email queues only; there is no Agent choice. */
export const EmailQueuesOnly: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    return dialog(storyWorld((w) => openDialogFor(w, el, { channel: 'email', customerName: 'Ana Souza', email: { subject: 'Invoice 2291' } })), el);
  },
};

/** Loading: the lists are on their way (a slow backend). */
export const Loading: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(
      // The offer arrives at once; everything else waits on the slow backend.
      (w) => openDialog(el, w.simulator.offer({ channel: 'sms', customerName: 'Lee Wong', text: 'Hello?' })),
      { latencyMs: 60 * 60 * 1000 },
    );
    return dialog(world, el);
  },
};

/** The backend refuses the transfer (a conference is requested): the dialog says why, the conversation is untouched. */
export const TransferError: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' }, (id) => w.store.inviteToConference(id, 'agent-mei'));
        if (!el.value) return;
        await pickOption(el.value, 'Web Chat Support');
        (await shadowPart(el.value, '[part="confirm"]')).click();
      },
      { agentResponseMs: 60 * 60 * 1000 },
    );
    return dialog(world, el);
  },
};

/** R-XFER-03: only available agents can be chosen; the others are listed, disabled, with their status (Messenger: no supervisors). */
export const AvailableAgentsOnly: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'sms', customerName: 'Lee Wong', text: 'Can someone else help?' });
      if (!el.value) return;
      (await shadowPart(el.value, 'input[type="radio"]', (r) => r.closest('label')?.textContent?.trim() === 'Agent')).click();
      await pickOption(el.value, 'Tom Becker');
    });
    return dialog(world, el);
  },
};

/** WebChat goes to an agent or a supervisor: the supervisors are a group after the agents. */
export const WebChatSupervisors: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'I would like to speak to a manager.' });
      if (!el.value) return;
      (await shadowPart(el.value, 'input[type="radio"]', (r) => r.closest('label')?.textContent?.trim() === 'Agent')).click();
      await pickOption(el.value, 'Dana Whitfield');
    });
    return dialog(world, el);
  },
};

/** In a pane: while the chosen agent has not taken the conversation yet, the header says "Transferring to Priya Natarajan…". */
export const TransferPendingInPane: StoryObj = {
  render: () => {
    const world = storyWorld(
      async (w) => {
        const id = await acceptedContact(w, { channel: 'messenger', customerName: 'Mo Salah', text: 'Can you pass me on?' });
        await w.store.transfer(id, { kind: 'agent', agentId: 'agent-priya' });
      },
      { agentResponseMs: 60 * 60 * 1000 },
    );
    return html`<cc-chat-widget channel="messenger" .store=${world.store} style="height: 420px"></cc-chat-widget>`;
  },
};

/** R-CTX-06: an available agent chosen on a chat channel: **Consult** beside Transfer opens a private thread with them first. */
export const ConsultBesideTransfer: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'My refund is above the usual limit.' });
      if (!el.value) return;
      (await shadowPart(el.value, 'input[type="radio"]', (r) => r.closest('label')?.textContent?.trim() === 'Agent')).click();
      await pickOption(el.value, 'Priya Natarajan');
    });
    return dialog(world, el);
  },
};

/** R-CTX-07: a backend without consult: no Consult button, only Transfer. */
export const NoConsultCapability: StoryObj = {
  render: () => {
    const el = createRef<CcTransferDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'My refund is above the usual limit.' });
        if (!el.value) return;
        (await shadowPart(el.value, 'input[type="radio"]', (r) => r.closest('label')?.textContent?.trim() === 'Agent')).click();
        await pickOption(el.value, 'Priya Natarajan');
      },
      { capabilities: { consult: false } },
    );
    return dialog(world, el);
  },
};
