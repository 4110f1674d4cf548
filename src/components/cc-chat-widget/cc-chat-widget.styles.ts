import { css } from 'lit';
import { conversationStyles } from '../../styles/conversation.js';
import { controls, tokens } from '../../styles/tokens.js';
import { suggestedRepliesStyles } from '../shared/suggested-replies.js';
import { linkStyles } from '../../styles/links.js';

/** What the conversation panes share (src/styles/conversation.ts) and the chat pane's own rules. */
export const styles = [
  tokens,
  controls,
  conversationStyles,
  linkStyles,
  suggestedRepliesStyles,
  css`
    :host {
      min-height: 320px;
    }
    .thread {
      flex: 1 1 auto;
      /* In a short pane the thread gives way down to a few lines, so the composer stays whole. */
      min-height: 6em;
      /* Long threads keep their place themselves (only what is in view is rendered). */
      overflow-anchor: none;
      /* A pane given no height would grow with its thread, and a long thread would have no
         view to render around: the thread stops at the window's height and scrolls. */
      max-height: 100vh;
      /* The visually hidden parts of messages are positioned inside the thread, not against
         the page, which their offsets far down a long thread would make scroll. */
      position: relative;
    }
    /* A long thread's content is taller than the window, so the thread is as tall as its
       max-height (or the pane lets it be): sized so without its content, it lays out its rows
       alone and once per change, which keeps appends cheap. It does not widen a pane sized by content. */
    /* While a consult runs, or suggested replies show, the customer thread gives way further:
       the private thread and the proposals need the room, the composer stays whole. */
    .thread.consulting {
      min-height: 2em;
    }
    .thread.long {
      contain: strict;
      flex-basis: 100vh;
    }
    .thread:focus-visible {
      outline-offset: -2px;
    }
    .spacer {
      flex: none;
    }
    .find {
      display: flex;
      align-items: center;
      gap: calc(var(--_cc-space) / 2);
      padding: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 1.5);
      border-bottom: 1px solid var(--_cc-border);
    }
    .find-count {
      font-size: 0.85em;
      color: var(--_cc-text-muted);
      min-width: 7em;
    }
    .current-match .bubble,
    .notice.current-match {
      outline: 2px solid var(--_cc-warning);
      outline-offset: 2px;
    }
    mark {
      background: Mark;
      color: MarkText;
    }
    .row {
      display: flex;
      gap: var(--_cc-space);
      align-items: flex-end;
      max-width: 85%;
    }
    .row.agent {
      align-self: flex-end;
      flex-direction: row-reverse;
    }
    .avatar {
      flex: none;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      font-size: 0.8em;
      font-weight: 600;
      background: var(--_cc-avatar);
      color: var(--_cc-on-avatar);
    }
    .bubble {
      border-radius: var(--_cc-radius);
      padding: calc(var(--_cc-space) * 0.75) var(--_cc-space);
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-wrap;
    }
    .customer .bubble {
      background: var(--_cc-customer-bubble);
      color: var(--_cc-on-customer-bubble);
    }
    .peer .bubble {
      background: var(--_cc-peer-bubble);
      color: var(--_cc-on-peer-bubble);
    }
    .agent .bubble {
      background: var(--_cc-agent-bubble);
      color: var(--_cc-on-agent-bubble);
    }
    .bubble a {
      color: inherit;
    }
    .meta {
      font-size: 0.8em;
      color: var(--_cc-text-muted);
      margin-top: 2px;
      display: flex;
      gap: var(--_cc-space);
      align-items: center;
    }
    .agent .meta {
      justify-content: flex-end;
    }
    .meta .failed {
      color: var(--_cc-danger);
      font-weight: 600;
    }
    .meta .failed-reason {
      color: var(--_cc-danger);
      overflow-wrap: anywhere;
    }
    .meta .queued {
      font-style: italic;
    }
    .author {
      font-size: 0.8em;
      color: var(--_cc-text-muted);
      margin-bottom: 2px;
    }
    .notice {
      align-self: center;
      text-align: center;
      font-size: 0.85em;
      color: var(--_cc-text-muted);
      margin: 0;
      padding: 2px var(--_cc-space);
    }
    .attachments {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
    }
    .typing {
      font-size: 0.85em;
      color: var(--_cc-text-muted);
      min-height: 1.4em;
      margin: 0;
      padding: 0 calc(var(--_cc-space) * 1.5);
    }
    .composer {
      grid-template-columns: 1fr auto;
      align-items: end;
    }
    textarea {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: calc(var(--_cc-space) * 0.75);
      resize: vertical;
      min-height: 2.6em;
      max-height: 40vh;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_cc-danger);
    }
    .counter {
      grid-column: 1;
      font-size: 0.8em;
      color: var(--_cc-text-muted);
      text-align: end;
      margin: 0;
    }
    .error,
    .status,
    .warning {
      grid-column: 1 / -1;
    }
    .actions {
      gap: var(--_cc-space);
      margin-inline-start: auto;
    }
    .header-error {
      flex: 1 1 100%;
    }
    .menu {
      position: relative;
    }
    /* Shown in the top layer and placed next to the button by script (popover-position.ts). */
    .menu-panel {
      position: fixed;
      inset: auto;
      margin: 0;
      overflow: auto;
      min-width: 220px;
      max-width: calc(100vw - 16px);
      box-sizing: border-box;
      color: var(--_cc-text);
      padding: calc(var(--_cc-space) / 2);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
    }
    .menu-panel ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .menu-item {
      width: 100%;
      text-align: start;
      font: inherit;
      color: var(--_cc-text);
      background: none;
      border: none;
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 6px 8px;
      cursor: pointer;
    }
    .menu-item:hover,
    .menu-item:focus-visible {
      background: var(--_cc-surface-alt);
    }
    .tools {
      grid-column: 1 / -1;
    }
    .formatting {
      margin-inline-start: auto;
    }
    .send {
      grid-column: 2;
      align-self: end;
    }
    textarea,
    .template {
      grid-column: 1;
    }
    .param input {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 4px 6px;
    }
    .preview {
      white-space: pre-wrap;
    }
    .pending {
      grid-column: 1 / -1;
    }
    .unformatted {
      display: block;
      margin-top: calc(var(--_cc-space) * 0.5);
      font-size: 0.85em;
      font-style: italic;
    }
    .rich > :first-child {
      margin-top: 0;
    }
    .rich > :last-child {
      margin-bottom: 0;
    }
    .rich pre,
    .rich code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
];
