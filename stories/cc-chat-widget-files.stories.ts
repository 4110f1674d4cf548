import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createRef, ref, type Ref } from 'lit/directives/ref.js';
import '../src/index.js';
import type { CcChatWidget } from '../src/components/cc-chat-widget/cc-chat-widget.js';
import type { ChatChannel } from '../src/core/types.js';
import { acceptedContact, storyWorld } from './support.js';

const meta: Meta = {
  title: 'Elements/cc-chat-widget/Pasted and dropped files',
  component: 'cc-chat-widget',
  parameters: {
    docs: {
      description: {
        component:
          'Files pasted into the composer or dropped on it are attached like Attach file (R-COMP-03): images with a thumbnail, each with Remove; limits and refused types are reported in text; SMS refuses files. The composer shows a drop target while files are dragged over it.',
      },
    },
  },
};
export default meta;

/** A small picture made here, so that the story needs no network. */
async function picture(name: string, colour: string): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const g = canvas.getContext('2d');
  if (g) {
    g.fillStyle = colour;
    g.fillRect(0, 0, 48, 48);
    g.fillStyle = '#ffffff';
    g.fillRect(12, 12, 24, 24);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return new File([blob ?? new Blob()], name, { type: 'image/png' });
}

function transfer(files: readonly File[]): DataTransfer {
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  return data;
}

function story(channel: ChatChannel, then: (composer: HTMLElement) => void | Promise<void>): StoryObj {
  return {
    render: () => {
      const widget: Ref<CcChatWidget> = createRef();
      const world = storyWorld(async (w) => {
        await acceptedContact(w, { channel, customerName: 'Jane Doe', text: 'Here is what the error looks like.' });
        const el = widget.value;
        await el?.updateComplete;
        const composer = el?.shadowRoot?.querySelector<HTMLElement>('[part="composer"]');
        if (composer) await then(composer);
      });
      return channel === 'sms'
        ? html`<div style="height:520px;max-width:640px;display:grid"><cc-sms-widget ${ref(widget)} .store=${world.store}></cc-sms-widget></div>`
        : html`<div style="height:520px;max-width:640px;display:grid">
            <cc-chat-widget ${ref(widget)} .store=${world.store} channel=${channel}></cc-chat-widget>
          </div>`;
    },
  };
}

/** Two pasted screenshots and a dropped spreadsheet: chips with thumbnails and Remove buttons. */
export const ChipsWithThumbnails: StoryObj = story('webchat', async (composer) => {
  const files = [await picture('error-dialog.png', '#b42318'), await picture('settings.png', '#175cd3')];
  composer.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer(files), bubbles: true, cancelable: true }));
  const csv = new File(['order,total\n10-4471,40.00\n'], 'orders.csv', { type: 'text/csv' });
  composer.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer([csv]), bubbles: true, cancelable: true }));
});

/** Files dragged over the composer: the drop target shows until they are dropped or leave. */
export const DragOver: StoryObj = story('messenger', async (composer) => {
  const data = transfer([await picture('photo.png', '#067647')]);
  composer.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
});

/** A file type that cannot be sent and a file over the limit, reported in text. */
export const RefusedFiles: StoryObj = story('webchat', (composer) => {
  const files = [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }), new File([new Uint8Array(11 * 1024 * 1024)], 'video.png', { type: 'image/png' })];
  composer.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer(files), bubbles: true, cancelable: true }));
});

/** SMS takes text only: a pasted picture is refused with a message. */
export const SmsRefusesFiles: StoryObj = story('sms', async (composer) => {
  composer.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer([await picture('photo.png', '#067647')]), bubbles: true, cancelable: true }));
});
