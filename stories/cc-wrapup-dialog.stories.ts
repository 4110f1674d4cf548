import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcWrapupDialog } from '../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { openDialogFor, pickOption, shadowPart } from './dialog-support.js';
import { acceptedContact, storyWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-wrapup-dialog',
  component: 'cc-wrapup-dialog',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The Wrap-up reasons dialog (R-END-02, R-END-03, R-CTX-03, R-CTX-04): searchable reasons, one (or several for WebChat) chosen, optional Notes (500 characters), then Submit wrap-up. Escape or Wrap up later postpones it; the interaction stays in wrap-up. With auto wrap-up on, a countdown with Extend.',
      },
      // A modal dialog makes the rest of its page inert: give each story its own frame on the docs page.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};
export default meta;

/** R-END-02: a Messenger conversation the agent ended: one reason. */
export const SingleReason: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'messenger', customerName: 'Mo Salah', text: 'Thanks, bye!' }, (id) => w.store.end(id));
      if (el.value) await pickOption(el.value, 'Resolved');
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-END-03: WebChat allows several reasons at once. */
export const MultipleReasons: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'I would like a quote.' }, (id) => w.store.end(id));
      if (!el.value) return;
      await pickOption(el.value, 'Product question');
      await pickOption(el.value, 'Sales lead');
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-XFER-05: opened right after a transfer to an agent, before it ends the conversation: Submit waits. */
export const WaitingForTransfer: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'sms', customerName: 'Lee Wong', text: 'Hello' }, (id) =>
          w.store.transfer(id, { kind: 'agent', agentId: 'agent-priya' }),
        );
      },
      { agentResponseMs: 60 * 60 * 1000 },
    );
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/**
 * In a pane (`contained`): the WebChat pane's wrap-up is modal to that pane only and names
 * the conversation; the SMS pane beside it stays usable.
 */
export const InPane: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      await acceptedContact(w, { channel: 'sms', customerName: 'Lee Wong', text: 'Are you still there?' });
      const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks, that is all.' });
      await w.store.end(id);
    });
    return html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px; height: 520px">
      <cc-chat-widget .store=${world.store}></cc-chat-widget>
      <cc-sms-widget .store=${world.store}></cc-sms-widget>
    </div>`;
  },
};

/**
 * In a short pane (380px): the dialog scrolls inside the pane; the reasons keep several rows
 * and **Submit wrap-up** stays in sight at the bottom.
 */
export const InShortPane: StoryObj = {
  render: () => {
    const world = storyWorld(async (w) => {
      const id = await acceptedContact(w, { channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks, that is all.' });
      await w.store.end(id);
    });
    return html`<div style="display: grid; height: 380px; max-width: 420px">
      <cc-chat-widget .store=${world.store}></cc-chat-widget>
    </div>`;
  },
};

/** Types `text` into the dialog's Notes, as the agent would. */
async function writeNotes(el: CcWrapupDialog, text: string): Promise<void> {
  const notes = (await shadowPart(el, 'textarea')) as HTMLTextAreaElement;
  notes.value = text;
  notes.dispatchEvent(new Event('input'));
}

/** R-CTX-03: Notes go with the reason; the count under the textbox shows how much is left of 500. */
export const WithNotes: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'sms', customerName: 'Lee Wong', text: 'Please stop the texts' }, (id) => w.store.end(id));
      if (!el.value) return;
      await pickOption(el.value, 'Opt-out request');
      await writeNotes(el.value, 'Customer asked to stop marketing texts.\nOpt-out recorded in CRM, ticket 4411.');
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-CTX-03: notes over 500 characters: Submit is blocked and the dialog says by how much; nothing is cut. */
export const NotesOverLimit: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'Thanks for the help' }, (id) => w.store.end(id));
      if (!el.value) return;
      await pickOption(el.value, 'Resolved');
      await writeNotes(el.value, 'Long call notes. '.repeat(31));
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-CTX-04: auto wrap-up is on for SMS: the dialog counts down; Extend adds 30 seconds. */
export const AutoWrapupCountdown: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'sms', customerName: 'Lee Wong', text: 'Ok thanks' }, (id) => w.store.end(id));
      },
      {},
      { autoWrapup: { sms: { afterMs: 5 * 60_000, extendMs: 30_000 } } },
    );
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/**
 * R-CTX-04: near the end: 10 seconds are left, announced once to screen readers. Left alone,
 * the default reason is submitted and the dialog says the conversation was wrapped up automatically.
 */
export const AutoWrapupNearTheEnd: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(
      async (w) => {
        await openDialogFor(w, el, { channel: 'messenger', customerName: 'Mo Salah', text: 'Bye' }, (id) => w.store.end(id));
      },
      {},
      { autoWrapup: { messenger: { afterMs: 10_000, reasonId: 'wr-resolved' } } },
    );
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-COMP-06: Summarize puts a summary of the conversation into Notes, for the agent to edit. */
export const Summarize: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      await openDialogFor(w, el, { channel: 'webchat', customerName: 'Jane Doe', text: 'My parcel 10-4471 arrived damaged.' }, async (id) => {
        await w.store.send(id, 'Sorry! I have started a replacement for 10-4471.');
        await w.store.end(id);
      });
      if (!el.value) return;
      await pickOption(el.value, 'Resolved');
      (await shadowPart(el.value, '[part="summarize"]')).click();
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};

/** R-COMP-06: the summary service failed: the dialog says so beside Summarize; the notes are untouched. */
export const SummarizeFailed: StoryObj = {
  render: () => {
    const el = createRef<CcWrapupDialog>();
    const world = storyWorld(async (w) => {
      w.simulator.summarize = () => Promise.reject(new Error('the summary service is unavailable'));
      await openDialogFor(w, el, { channel: 'sms', customerName: 'Lee Wong', text: 'Ok thanks' }, (id) => w.store.end(id));
      if (!el.value) return;
      (await shadowPart(el.value, '[part="summarize"]')).click();
    });
    return html`<cc-wrapup-dialog ${ref(el)} .store=${world.store}></cc-wrapup-dialog>`;
  },
};
