import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BehaviorSubject } from 'rxjs';
import '../src/index.js';
import type { ConnectionState } from '../src/core/connection.js';

const meta: Meta = {
  title: 'Elements/cc-connection-status',
  component: 'cc-connection-status',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Whether the widgets are connected to the contact center. It follows the `connection$` of a network adapter such as `WebSocketContactCenter` (given as `.source`, or found on the store’s adapter); while reconnecting, messages the agent sends wait and go out once the connection is back.',
      },
    },
  },
};
export default meta;

const view = (state: ConnectionState, hideWhenOpen = false) =>
  html`<cc-connection-status ?hide-when-open=${hideWhenOpen} .source=${{ connection$: new BehaviorSubject(state) }}></cc-connection-status>`;

/** The first connection is being made. */
export const Connecting: StoryObj = { render: () => view('connecting') };

/** Connected: events flow, commands go out at once. */
export const Connected: StoryObj = { render: () => view('open') };

/** The connection was lost: it is re-established with backoff; messages wait in a queue. */
export const Reconnecting: StoryObj = { render: () => view('reconnecting') };

/** Closed for good (disposed, refused by the server, or the adapter gave up). */
export const Disconnected: StoryObj = { render: () => view('closed') };

/** `hide-when-open`: nothing shows while connected; a lost connection still appears (and is announced). */
export const HiddenWhenOpen: StoryObj = { render: () => view('open', true) };
