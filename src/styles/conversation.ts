import { css } from 'lit';
import { hiddenHost } from './host.js';

/**
 * What the conversation panes (`<cc-chat-widget>`, and so `<cc-sms-widget>`, and
 * `<cc-email-widget>`) share: the pane's box, the header with its fields and actions, the
 * thread and composer boxes, the formatting buttons, the template panel, the pending
 * attachment chips, the error, status, warning and muted lines, and the empty and ended
 * texts. Each pane lists it after `tokens` and `controls` and before its own sheet, which
 * adds to these rules (the pane's minimum height, its thread's and composer's layout) and
 * so must not set what they set for the same selector unless it means to override it.
 */
export const conversationStyles = css`
  :host {
    /* The positioned ancestor of a wrap-up dialog laid over the pane. */
    position: relative;
    display: flex;
    flex-direction: column;
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    /* A pane too short for its parts scrolls as a whole: no control is ever out of reach. */
    overflow: auto;
  }
  ${hiddenHost}
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
  .actions {
    display: flex;
    flex-wrap: wrap;
  }
  /* The header is the query container of its actions: in a narrow pane its buttons are
     tighter, so they take fewer rows of a short pane (at 320 px the chat pane's four fit
     one row, not two; at 340 px the email pane's nine take three rows, not four). */
  header {
    container-type: inline-size;
  }
  @container (max-width: 400px) {
    header .actions {
      gap: calc(var(--_cc-space) / 2);
    }
    header .actions .btn {
      padding-inline: calc(var(--_cc-space) / 2);
      min-width: 32px;
    }
  }
  .thread {
    overflow-y: auto;
    min-height: 120px;
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space);
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
  /* The thread gives way first: the composer keeps its size, so Send always shows. Only a
     template panel, which scrolls, lets the composer shrink in a short pane. */
  .composer {
    flex-shrink: 0;
    min-height: 0;
    border-top: 1px solid var(--_cc-border);
    padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
    display: grid;
    gap: calc(var(--_cc-space) / 2) var(--_cc-space);
  }
  .composer:has(.template) {
    flex-shrink: 1;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cc-space) / 2);
    align-items: center;
  }
  .formatting {
    display: flex;
    gap: 2px;
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
  /* The one-line boxes in a pane's bars: Find in conversation, and the consult's message. */
  .find input,
  .consult-composer input {
    font: inherit;
    flex: 1 1 auto;
    min-width: 0;
    color: var(--_cc-text);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-field-border);
    border-radius: calc(var(--_cc-radius) / 2);
    padding: 4px 6px;
  }
  /* A glyph that points along the line (the link's ↗) points the other way in right-to-left text. */
  .fmt.along-the-line:dir(rtl) {
    transform: scaleX(-1);
  }
  /* The template panel stays inside a narrow or short pane: fields wrap, the preview scrolls. */
  .template {
    display: grid;
    gap: calc(var(--_cc-space) / 2);
    min-width: 0;
    /* Room for the title, the buttons and a field; the rest scrolls when the pane is short. */
    min-height: min(7em, 100%);
    overflow-y: auto;
    border: 1px dashed var(--_cc-border);
    border-radius: calc(var(--_cc-radius) / 2);
    padding: 0 var(--_cc-space) var(--_cc-space);
  }
  .template-head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_cc-space) / 2) var(--_cc-space);
    padding-top: var(--_cc-space);
    background: var(--_cc-surface);
  }
  .template h3 {
    margin: 0;
    font-size: 0.95em;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .template p {
    margin: 0;
  }
  .params {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cc-space) / 2) var(--_cc-space);
  }
  .param {
    display: grid;
    gap: 2px;
    flex: 1 1 9em;
    min-width: 0;
    font-size: 0.9em;
  }
  .param input {
    width: 100%;
    min-width: 0;
    box-sizing: border-box;
  }
  .param input[aria-invalid='true'] {
    border-color: var(--_cc-warning);
  }
  .preview {
    background: var(--_cc-surface-alt);
    border-radius: calc(var(--_cc-radius) / 2);
    padding: calc(var(--_cc-space) / 2) var(--_cc-space);
    max-height: 6em;
    overflow-y: auto;
    overflow-wrap: anywhere;
  }
  .template-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cc-space) / 2) var(--_cc-space);
  }
  .pending {
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
    padding-block: 2px;
    padding-inline: 8px 4px;
    border: 1px solid var(--_cc-border);
    border-radius: 999px;
    font-size: 0.85em;
    background: var(--_cc-surface-alt);
  }
  .chip.uploading {
    padding-inline-end: 8px;
    color: var(--_cc-text-muted);
  }
  .chip-thumb {
    inline-size: 24px;
    block-size: 24px;
    object-fit: cover;
    border-radius: 4px;
    margin-inline-start: -6px;
  }
  /* A file dragged over a composer that takes it: the drop target shows. */
  [data-dropping] {
    position: relative;
    outline: 2px dashed var(--_cc-primary);
    outline-offset: 2px;
  }
  [data-dropping]::after {
    content: attr(data-dropping);
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 4px;
    text-align: center;
    font-weight: 600;
    color: var(--_cc-primary);
    background: var(--_cc-surface);
    opacity: 0.92;
    pointer-events: none;
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
  .error,
  .status,
  .warning,
  .muted {
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
  }
  .empty,
  .ended {
    color: var(--_cc-text-muted);
    padding: calc(var(--_cc-space) * 2);
    margin: 0;
  }
  /* End: destructive, outlined until hovered. */
  .btn.danger {
    background: var(--_cc-surface);
    color: var(--_cc-danger);
    border-color: var(--_cc-danger);
  }
  .btn.danger:hover:not(:disabled) {
    background: var(--_cc-danger);
    color: var(--_cc-on-primary);
  }
`;
