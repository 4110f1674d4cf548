import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcConferenceDialog } from '../src/components/cc-conference-dialog/cc-conference-dialog.js';
import { openDialogFor, pickOption, shadowPart } from './dialog-support.js';
import { acceptedContact, storyWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-conference-dialog',
  component: 'cc-conference-dialog',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The Conference request dialog (R-CONF-01): pick an agent, found with the Search box, each shown with an availability icon, for a three-party chat.',
      },
      // A modal dialog makes the rest of its page inert: give each story its own frame on the docs page.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};
export default meta;

/** R-CONF-01: the agents with their availability, one chosen. */
export const Conference: StoryObj = {
  render: () => {
    const el = createRef<CcConferenceDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'Can someone from billing join?' });
      if (el.value) await pickOption(el.value, 'Priya Natarajan');
    });
    return html`<cc-conference-dialog ${ref(el)} .store=${world.store}></cc-conference-dialog>`;
  },
};

/** The backend refuses the invitation (one is already open): the dialog says why and stays open. */
export const InvitationError: StoryObj = {
  render: () => {
    const el = createRef<CcConferenceDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'messenger', customerName: 'Mo Salah', text: 'Hello' }, (id) => w.store.inviteToConference(id, 'agent-tom'));
        if (!el.value) return;
        await pickOption(el.value, 'Lucía Fernández');
        (await shadowPart(el.value, '[part="confirm"]')).click();
      },
      { agentResponseMs: 60 * 60 * 1000 },
    );
    return html`<cc-conference-dialog ${ref(el)} .store=${world.store}></cc-conference-dialog>`;
  },
};

/** In a pane: the invited agent declined (Samuel Okafor is idle); the header says so until dismissed or the next action. */
export const DeclinedInPane: StoryObj = {
  render: () => {
    const world = storyWorld(
      async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Can a colleague of yours join?' });
        await w.store.inviteToConference(id, 'agent-samuel');
      },
      { agentResponseMs: 1500 },
    );
    return html`<cc-chat-widget .store=${world.store} style="height: 420px"></cc-chat-widget>`;
  },
};

/** In a pane: the invited agent is offline and never answers (Hannah Schmidt); the header says "did not answer", not "declined". */
export const UnansweredInPane: StoryObj = {
  render: () => {
    const world = storyWorld(
      async (w) => {
        const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Can a colleague of yours join?' });
        await w.store.inviteToConference(id, 'agent-hannah');
      },
      { agentResponseMs: 1500 },
    );
    return html`<cc-chat-widget .store=${world.store} style="height: 420px"></cc-chat-widget>`;
  },
};
