/**
 * React wrappers (`cc-digital-widgets/react`), made with `@lit/react`: one component per
 * public element, named like its class (`<CcChatWidget>` renders `<cc-chat-widget>`).
 * Element properties are typed props set as properties (so `store={store}` passes the
 * object, not a string), and every `cc-*` event the element fires is a typed `on…` prop
 * (`onCcSend={(e) => e.detail.text}`). Importing this module registers the elements.
 *
 * Needs the peer dependencies `react` (18 or 19) and `@lit/react`.
 * @packageDocumentation
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { CcAgentState as CcAgentStateElement } from '../components/cc-agent-state/cc-agent-state.js';
import { CcChatWidget as CcChatWidgetElement } from '../components/cc-chat-widget/cc-chat-widget.js';
import { CcConferenceDialog as CcConferenceDialogElement } from '../components/cc-conference-dialog/cc-conference-dialog.js';
import { CcConnectionStatus as CcConnectionStatusElement } from '../components/cc-connection-status/cc-connection-status.js';
import { CcContactRequest as CcContactRequestElement } from '../components/cc-contact-request/cc-contact-request.js';
import { CcEmailWidget as CcEmailWidgetElement } from '../components/cc-email-widget/cc-email-widget.js';
import { CcProvider as CcProviderElement } from '../components/cc-provider/cc-provider.js';
import { CcShortcutHelp as CcShortcutHelpElement } from '../components/cc-shortcut-help/cc-shortcut-help.js';
import { CcSmsWidget as CcSmsWidgetElement } from '../components/cc-sms-widget/cc-sms-widget.js';
import { CcTaskList as CcTaskListElement } from '../components/cc-task-list/cc-task-list.js';
import { CcTemplatePicker as CcTemplatePickerElement } from '../components/cc-template-picker/cc-template-picker.js';
import { CcTransferDialog as CcTransferDialogElement } from '../components/cc-transfer-dialog/cc-transfer-dialog.js';
import { CcWrapupDialog as CcWrapupDialogElement } from '../components/cc-wrapup-dialog/cc-wrapup-dialog.js';

/** A `cc-*` event name, typed with the event it carries (from `HTMLElementEventMap`). */
const event = <K extends keyof HTMLElementEventMap & `cc-${string}`>(name: K): EventName<HTMLElementEventMap[K]> =>
  name as EventName<HTMLElementEventMap[K]>;

/** Events every conversation pane fires. */
const paneEvents = {
  onCcSend: event('cc-send'),
  onCcEnd: event('cc-end'),
  onCcWorkflow: event('cc-workflow'),
  onCcTemplateSelect: event('cc-template-select'),
};

/** `<cc-provider>`: hands the store to the elements inside it; raises notifications. */
export const CcProvider = createComponent({
  react: React,
  tagName: 'cc-provider',
  elementClass: CcProviderElement,
  events: { onCcNotification: event('cc-notification') },
  displayName: 'CcProvider',
});

/** `<cc-contact-request>`: offers waiting for the agent, with Accept. */
export const CcContactRequest = createComponent({
  react: React,
  tagName: 'cc-contact-request',
  elementClass: CcContactRequestElement,
  events: { onCcAccept: event('cc-accept') },
  displayName: 'CcContactRequest',
});

/** `<cc-chat-widget>`: the Messenger / WebChat conversation pane. */
export const CcChatWidget = createComponent({
  react: React,
  tagName: 'cc-chat-widget',
  elementClass: CcChatWidgetElement,
  events: paneEvents,
  displayName: 'CcChatWidget',
});

/** `<cc-sms-widget>`: the SMS conversation pane. */
export const CcSmsWidget = createComponent({
  react: React,
  tagName: 'cc-sms-widget',
  elementClass: CcSmsWidgetElement,
  events: paneEvents,
  displayName: 'CcSmsWidget',
});

/** `<cc-email-widget>`: the email thread with quick and standard replies. */
export const CcEmailWidget = createComponent({
  react: React,
  tagName: 'cc-email-widget',
  elementClass: CcEmailWidgetElement,
  events: {
    onCcEmailSend: event('cc-email-send'),
    onCcTransferRequest: event('cc-transfer-request'),
    onCcTransfer: event('cc-transfer'),
    onCcWrapup: event('cc-wrapup'),
    onCcTemplateSelect: event('cc-template-select'),
  },
  displayName: 'CcEmailWidget',
});

/** `<cc-task-list>`: offers and open interactions with unread counts. */
export const CcTaskList = createComponent({
  react: React,
  tagName: 'cc-task-list',
  elementClass: CcTaskListElement,
  events: { onCcAccept: event('cc-accept'), onCcTaskSelect: event('cc-task-select') },
  displayName: 'CcTaskList',
});

/** `<cc-agent-state>`: Available / Idle / RONA. */
export const CcAgentState = createComponent({
  react: React,
  tagName: 'cc-agent-state',
  elementClass: CcAgentStateElement,
  events: { onCcAgentStateChange: event('cc-agent-state-change') },
  displayName: 'CcAgentState',
});

/** `<cc-template-picker>`: the Templates button and its searchable list. */
export const CcTemplatePicker = createComponent({
  react: React,
  tagName: 'cc-template-picker',
  elementClass: CcTemplatePickerElement,
  events: { onCcTemplateSelect: event('cc-template-select') },
  displayName: 'CcTemplatePicker',
});

/** `<cc-shortcut-help>`: the keyboard shortcut help dialog. */
export const CcShortcutHelp = createComponent({
  react: React,
  tagName: 'cc-shortcut-help',
  elementClass: CcShortcutHelpElement,
  events: { onCcShortcutHelpClose: event('cc-shortcut-help-close') },
  displayName: 'CcShortcutHelp',
});

/** `<cc-transfer-dialog>`: transfer to a queue or an agent. */
export const CcTransferDialog = createComponent({
  react: React,
  tagName: 'cc-transfer-dialog',
  elementClass: CcTransferDialogElement,
  events: { onCcTransfer: event('cc-transfer'), onCcDialogClose: event('cc-dialog-close') },
  displayName: 'CcTransferDialog',
});

/** `<cc-conference-dialog>`: invite another agent. */
export const CcConferenceDialog = createComponent({
  react: React,
  tagName: 'cc-conference-dialog',
  elementClass: CcConferenceDialogElement,
  events: { onCcConference: event('cc-conference'), onCcDialogClose: event('cc-dialog-close') },
  displayName: 'CcConferenceDialog',
});

/** `<cc-wrapup-dialog>`: wrap-up reasons. */
export const CcWrapupDialog = createComponent({
  react: React,
  tagName: 'cc-wrapup-dialog',
  elementClass: CcWrapupDialogElement,
  events: { onCcWrapup: event('cc-wrapup'), onCcDialogClose: event('cc-dialog-close') },
  displayName: 'CcWrapupDialog',
});

/** `<cc-connection-status>`: the backend connection indicator. */
export const CcConnectionStatus = createComponent({
  react: React,
  tagName: 'cc-connection-status',
  elementClass: CcConnectionStatusElement,
  events: { onCcConnectionChange: event('cc-connection-change') },
  displayName: 'CcConnectionStatus',
});
