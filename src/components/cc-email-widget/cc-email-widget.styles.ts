import { css } from 'lit';
import { conversationStyles } from '../../styles/conversation.js';
import { controls, tokens } from '../../styles/tokens.js';

/** What the conversation panes share (src/styles/conversation.ts) and the email pane's own rules. */
export const styles = [
  tokens,
  controls,
  conversationStyles,
  css`
    :host {
      min-height: 360px;
    }
    h2 {
      overflow-wrap: anywhere;
    }
    dl div {
      min-width: 0;
    }
    dd {
      overflow-wrap: anywhere;
    }
    .actions {
      flex: 1 1 100%;
      gap: calc(var(--_cc-space) / 2);
    }
    .header-error {
      flex: 1 1 100%;
    }
    /* "The template replaced your text — Undo". */
    .replaced {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_cc-space);
    }
    .btn[aria-pressed='true'],
    .btn[aria-expanded='true'] {
      background: var(--_cc-primary);
      color: var(--_cc-on-primary);
    }
    .thread {
      flex: 1 1 0;
      /* A reply has more rows than a chat composer (From, To, Cc, Bcc, Subject, tools): in a short
         pane the thread above gives way further, so every control of the reply stays in view. */
      min-height: 4.5em;
    }
    .email {
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      background: var(--_cc-surface);
    }
    .email.outbound {
      border-inline-start: 4px solid var(--_cc-primary);
    }
    .summary {
      padding: calc(var(--_cc-space) / 2) var(--_cc-space);
    }
    .summary h3 {
      margin: 0;
      font-size: 1em;
    }
    .toggle {
      font: inherit;
      color: var(--_cc-text);
      background: none;
      border: none;
      padding: 2px 0;
      width: 100%;
      text-align: start;
      cursor: pointer;
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_cc-space);
      min-height: 32px;
      align-items: center;
    }
    .toggle::before {
      content: '▸';
      color: var(--_cc-text-muted);
    }
    .toggle[aria-expanded='true']::before {
      content: '▾';
    }
    /* A closed email's triangle points to where the line reads on. */
    .toggle:dir(rtl)[aria-expanded='false']::before {
      content: '◂';
    }
    .from {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .subject {
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 0;
      font-size: 0.85em;
      color: var(--_cc-text-muted);
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space);
      align-items: center;
    }
    .status.failed {
      color: var(--_cc-danger);
      font-weight: 600;
    }
    .badge {
      background: var(--_cc-primary);
      color: var(--_cc-on-primary);
      border-radius: 999px;
      padding: 0 6px;
      font-weight: 600;
    }
    .snippet {
      margin: 2px 0 0;
      font-size: 0.9em;
      color: var(--_cc-text-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .full {
      border-top: 1px solid var(--_cc-border);
      padding: var(--_cc-space);
      display: grid;
      gap: var(--_cc-space);
    }
    .headers {
      display: grid;
      gap: 2px;
    }
    .images-blocked {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space);
      align-items: center;
      font-size: 0.9em;
      padding: calc(var(--_cc-space) / 2) var(--_cc-space);
      background: var(--_cc-surface-alt);
      border-radius: calc(var(--_cc-radius) / 2);
    }
    /* HTML bodies are sandboxed frames (email-frame.ts); this box keeps whatever they draw inside it. */
    .body {
      contain: paint;
      overflow: auto;
      max-width: 100%;
      padding: var(--_cc-space);
      border-radius: calc(var(--_cc-radius) / 2);
    }
    /* The frame is transparent on the paper: email-frame.ts gives it the document's colour scheme. */
    .body .frame {
      display: block;
      width: 100%;
      height: 1.5em;
      border: 0;
    }
    .body .text,
    .body .original {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .body .link-btn {
      color: var(--_cc-email-body-link);
    }
    .body .unavailable p {
      margin: 0 0 calc(var(--_cc-space) / 2);
      font-style: italic;
    }
    /*
     * Email content (bodies, and the editor that holds the reply and the quoted email) is
     * light paper in both schemes, as in mail clients: senders' inline colours assume a
     * light page, and would be unreadable on the dark surface.
     */
    .body,
    .editor {
      background: var(--_cc-email-body-bg);
      color: var(--_cc-email-body-text);
    }
    .editor a {
      color: var(--_cc-email-body-link);
    }
    :host([light-grey]) .body,
    :host([light-grey]) .editor,
    :host([light-grey]) textarea {
      background: var(--_cc-email-grey-surface);
      color: var(--_cc-email-grey-text);
    }
    .attachments {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    a {
      color: var(--_cc-primary);
    }
    .link-btn {
      min-height: 24px;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space);
      align-items: center;
      justify-content: space-between;
      margin: 0 calc(var(--_cc-space) * 1.5);
      padding: var(--_cc-space);
      border: 1px solid var(--_cc-warning);
      border-inline-start-width: 4px;
      border-radius: calc(var(--_cc-radius) / 2);
      background: var(--_cc-surface);
    }
    .banner p {
      margin: 0;
      font-weight: 600;
    }
    /* The thread and the composer share the pane: a long reply scrolls inside the composer. */
    .composer {
      flex: 0 1 auto;
      min-height: 0;
      max-height: 70%;
      overflow-y: auto;
    }
    /* Never squeezed below a few rows of the reply: past that the pane scrolls as a whole. */
    .composer.standard {
      min-height: min(13em, 100%);
    }
    .composer.quick {
      /* Small and always whole: in a short pane the pane scrolls instead of squeezing the box. */
      flex-shrink: 0;
      grid-template-columns: 1fr auto;
      align-items: end;
    }
    .composer.quick > :not(textarea):not(.send) {
      grid-column: 1 / -1;
    }
    textarea,
    input[type='text'],
    input[type='url'] {
      color: var(--_cc-text);
      background: var(--_cc-surface);
    }
    textarea,
    input[type='text'],
    input[type='url'],
    .editor {
      font: inherit;
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: calc(var(--_cc-space) * 0.75);
      min-width: 0;
    }
    textarea {
      resize: vertical;
      min-height: 3.6em;
      max-height: 40vh;
    }
    input[readonly] {
      background: var(--_cc-surface-alt);
      color: var(--_cc-text-muted);
    }
    /* :is() lifts this above input[type='text'] so the red border shows. */
    :is(textarea, input, .editor)[aria-invalid='true'] {
      border-color: var(--_cc-danger);
    }
    .fields {
      display: grid;
      gap: calc(var(--_cc-space) / 2);
    }
    .field {
      display: grid;
      grid-template-columns: 5em 1fr;
      gap: 2px var(--_cc-space);
      align-items: center;
    }
    .field label {
      color: var(--_cc-text-muted);
    }
    .field-errors {
      grid-column: 2;
    }
    .hint {
      margin: 0;
      margin-inline-start: calc(5em + var(--_cc-space));
      font-size: 0.9em;
      color: var(--_cc-text-muted);
    }
    .formatting {
      flex-wrap: wrap;
    }
    .fmt[aria-expanded='true'] {
      border-color: var(--_cc-primary);
    }
    .link-form {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_cc-space) / 2);
      align-items: center;
    }
    .link-form input {
      flex: 1 1 16em;
    }
    .editor {
      min-height: 8em;
      max-height: 40vh;
      overflow: auto;
      overflow-wrap: anywhere;
      cursor: text;
    }
    /* Each paragraph reads in the direction of its own first letters (Arabic or English alike);
       an empty one follows the pane, so the caret starts where the locale reads from. */
    .editor,
    .editor :is(p, div, li, blockquote, h1, h2, h3, h4, pre) {
      unicode-bidi: plaintext;
    }
    .editor img {
      max-width: 100%;
      height: auto;
    }
    .editor blockquote {
      margin: 0;
      margin-inline-start: var(--_cc-space);
      padding-inline-start: var(--_cc-space);
      border-inline-start: 2px solid var(--_cc-border);
    }
    .preview > :first-child {
      margin-top: 0;
    }
    .preview > :last-child {
      margin-bottom: 0;
    }
    .template-actions {
      flex-wrap: wrap;
    }
    .send-row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space);
    }
    .error p {
      margin: 0;
    }
    .ended {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_cc-space);
      align-items: center;
      border-top: 1px solid var(--_cc-border);
    }
    .ended p {
      margin: 0;
    }
    .field select {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: calc(var(--_cc-space) * 0.5);
      min-width: 0;
      max-width: 100%;
    }
  `,
];
