import { css } from 'lit';
import { dialogSurface } from '../../styles/dialog.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  dialogSurface,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 320px;
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      overflow: hidden;
    }
    :host([hidden]) {
      display: none;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 2);
      align-items: baseline;
      padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
      border-bottom: 1px solid var(--_cc-border);
      background: var(--_cc-surface-alt);
    }
    h2 {
      margin: 0;
      font-size: 1.1em;
      flex: 1 1 100%;
    }
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cc-space) / 2) calc(var(--_cc-space) * 2);
      margin: 0;
      font-size: 0.9em;
    }
    dl div {
      display: flex;
      gap: calc(var(--_cc-space) / 2);
    }
    dt {
      color: var(--_cc-text-muted);
    }
    dd {
      margin: 0;
    }
    .timer {
      font-variant-numeric: tabular-nums;
    }
    .thread {
      flex: 1 1 auto;
      overflow-y: auto;
      /* Long threads keep their place themselves (only what is in view is rendered). */
      overflow-anchor: none;
      /* A pane given no height would grow with its thread, and a long thread would have no
         view to render around: the thread stops at the window's height and scrolls. */
      max-height: 100vh;
      padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
      display: flex;
      flex-direction: column;
      gap: var(--_cc-space);
      min-height: 120px;
      /* The visually hidden parts of messages are positioned inside the thread, not against
         the page, which their offsets far down a long thread would make scroll. */
      position: relative;
    }
    /* A long thread's content is taller than the window, so the thread is as tall as its
       max-height (or the pane lets it be): sized so without its content, it lays out its rows
       alone and once per change, which keeps appends cheap. It does not widen a pane sized by content. */
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
    .find input {
      font: inherit;
      flex: 1 1 auto;
      min-width: 0;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 4px 6px;
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
    .customer .bubble,
    .peer .bubble {
      background: var(--_cc-customer-bubble);
      color: var(--_cc-on-customer-bubble);
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
    .link-btn {
      font: inherit;
      background: none;
      border: none;
      padding: 0 2px;
      color: var(--_cc-primary);
      text-decoration: underline;
      cursor: pointer;
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
      border-top: 1px solid var(--_cc-border);
      padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
      display: grid;
      grid-template-columns: 1fr auto;
      gap: calc(var(--_cc-space) / 2) var(--_cc-space);
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
      margin: 0;
      font-size: 0.9em;
    }
    .error {
      color: var(--_cc-danger);
    }
    .warning {
      color: var(--_cc-warning);
    }
    .muted {
      color: var(--_cc-text-muted);
      margin: 0;
      font-size: 0.9em;
    }
    .btn.danger {
      background: var(--_cc-surface);
      color: var(--_cc-danger);
      border-color: var(--_cc-danger);
    }
    .btn.danger:hover:not(:disabled) {
      background: var(--_cc-danger);
      color: var(--_cc-on-primary);
    }
    .actions {
      display: flex;
      gap: var(--_cc-space);
      flex-wrap: wrap;
      margin-inline-start: auto;
    }
    .header-error {
      flex: 1 1 100%;
    }
    .menu {
      position: relative;
    }
    .menu-panel {
      position: absolute;
      z-index: 10;
      inset-block-start: calc(100% + 4px);
      inset-inline-end: 0;
      min-width: 220px;
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
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cc-space) / 2);
      align-items: center;
    }
    .formatting {
      display: flex;
      gap: 2px;
      margin-inline-start: auto;
    }
    .fmt {
      font: inherit;
      min-width: 32px;
      min-height: 32px;
      background: var(--_cc-surface);
      color: var(--_cc-text);
      border: 1px solid var(--_cc-border);
      border-radius: calc(var(--_cc-radius) / 2);
      cursor: pointer;
    }
    .send {
      grid-column: 2;
      align-self: end;
    }
    textarea,
    .template {
      grid-column: 1;
    }
    .template {
      display: grid;
      gap: calc(var(--_cc-space) / 2);
      border: 1px dashed var(--_cc-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: var(--_cc-space);
    }
    .template h3 {
      margin: 0;
      font-size: 0.95em;
    }
    .param {
      display: grid;
      gap: 2px;
      font-size: 0.9em;
    }
    .param input {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 4px 6px;
    }
    .param input[aria-invalid='true'] {
      border-color: var(--_cc-warning);
    }
    .preview {
      background: var(--_cc-surface-alt);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: var(--_cc-space);
      white-space: pre-wrap;
    }
    .template-actions {
      display: flex;
      gap: var(--_cc-space);
    }
    .pending {
      grid-column: 1 / -1;
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 4px 2px 8px;
      border: 1px solid var(--_cc-border);
      border-radius: 999px;
      font-size: 0.85em;
      background: var(--_cc-surface-alt);
    }
    .chip.uploading {
      padding-inline-end: 8px;
      color: var(--_cc-text-muted);
    }
    .chip-remove {
      font: inherit;
      min-width: 24px;
      min-height: 24px;
      border: none;
      border-radius: 50%;
      background: none;
      color: var(--_cc-text);
      cursor: pointer;
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
    .empty,
    .ended {
      color: var(--_cc-text-muted);
      padding: calc(var(--_cc-space) * 2);
      margin: 0;
    }
  `,
];
