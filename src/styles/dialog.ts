import { css } from 'lit';
import { searchbox } from './fields.js';
import { controls, tokens } from './tokens.js';

/**
 * The look of every dialog `ModalDialogController` renders (`<dialog class="modal-dialog">`):
 * the surface and its backdrop, heading, description, error and actions, and the inline
 * and contained variants. Scoped to the dialog, so an element whose shadow root holds more than a dialog
 * (a pane with a confirm) adds it to its own styles next to `tokens` and `controls`.
 * Design tokens only; `--_cc-dialog-width` lets an element widen its modal.
 */
export const dialogSurface = css`
  dialog.modal-dialog {
    font: inherit;
    color: var(--_cc-text);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-radius: var(--_cc-radius);
    padding: calc(var(--_cc-space) * 2);
    width: min(var(--_cc-dialog-width, 30rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    box-sizing: border-box;
  }
  dialog.modal-dialog[open] {
    display: flex;
    flex-direction: column;
    gap: var(--_cc-space);
  }
  dialog.modal-dialog::backdrop {
    background: color-mix(in srgb, var(--_cc-text) 40%, transparent);
  }
  /* In the host's flow, as wide as its container allows. */
  dialog.modal-dialog[data-variant='inline'] {
    position: static;
    margin: 0;
    width: auto;
    max-width: 100%;
    max-height: none;
  }
  /* Modal to its pane only: in the pane's flow, taking the room it needs and scrolling within it. */
  dialog.modal-dialog[data-variant='contained'] {
    position: static;
    margin: var(--_cc-space);
    width: auto;
    max-width: 100%;
    max-height: none;
    flex: 0 1 auto;
    min-height: 0;
    overflow: auto;
    border-color: var(--_cc-primary);
    border-width: 2px;
  }
  .modal-dialog > h2 {
    margin: 0;
    font-size: 1.15em;
  }
  .modal-dialog > .description,
  .modal-dialog > .error {
    margin: 0;
  }
  .modal-dialog > .error {
    color: var(--_cc-danger);
  }
  .modal-dialog > .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_cc-space);
    margin-block-start: var(--_cc-space);
  }
  .modal-dialog .btn.danger {
    background: var(--_cc-surface);
    color: var(--_cc-danger);
    border-color: var(--_cc-danger);
  }
  .modal-dialog .btn.danger:hover:not(:disabled) {
    background: var(--_cc-danger);
    color: var(--_cc-on-primary);
  }
`;

/** An element that is only a dialog: tokens, controls, no box of its own, and the dialog surface. */
export const dialogElementStyles = [
  tokens,
  controls,
  css`
    :host {
      display: contents;
    }
  `,
  dialogSurface,
];

/**
 * Styles of the transfer, conference and wrap-up dialogs: {@link dialogElementStyles} and
 * their forms: the body, the searchbox and listbox of `SearchableListController`,
 * availability dots and messages.
 */
export const dialogStyles = [
  ...dialogElementStyles,
  searchbox,
  css`
    .body {
      display: flex;
      flex-direction: column;
      gap: var(--_cc-space);
      min-height: 0;
    }
    fieldset {
      display: flex;
      gap: calc(var(--_cc-space) * 2);
      margin: 0;
      padding: 0;
      border: none;
    }
    legend {
      padding: 0;
      margin-block-end: calc(var(--_cc-space) / 2);
      color: var(--_cc-text-muted);
    }
    fieldset label {
      display: inline-flex;
      gap: calc(var(--_cc-space) * 0.75);
      align-items: center;
      cursor: pointer;
    }
    input[type='radio'] {
      margin: 0;
      margin-inline-start: 3px;
    }
    .search-row {
      display: flex;
      gap: var(--_cc-space);
    }
    input[type='search'] {
      flex: 1;
      min-width: 0;
    }
    .listbox {
      max-height: 16rem;
      overflow-y: auto;
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 2px;
    }
    .listbox[aria-busy='true'] {
      opacity: 0.6;
    }
    .option {
      display: flex;
      align-items: center;
      gap: var(--_cc-space);
      padding: 6px;
      border-radius: calc(var(--_cc-radius) / 2);
      cursor: pointer;
    }
    .option:hover {
      background: var(--_cc-surface-alt);
    }
    .option[aria-selected='true'] {
      background: var(--_cc-surface-alt);
      font-weight: 600;
    }
    .option:focus-visible {
      outline-offset: -2px;
    }
    /* Listed for its status, not to be chosen. */
    .option[aria-disabled='true'] {
      cursor: not-allowed;
      color: var(--_cc-text-muted);
    }
    .option[aria-disabled='true']:hover {
      background: none;
    }
    .group-label {
      padding: 6px 6px 2px;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_cc-text-muted);
    }
    .check {
      flex: none;
      display: grid;
      place-items: center;
      width: 14px;
      height: 14px;
      box-sizing: border-box;
    }
    .check.box {
      border: 1px solid var(--_cc-text-muted);
      border-radius: 3px;
      background: var(--_cc-surface);
    }
    [aria-selected='true'] > .check.box {
      border-color: var(--_cc-primary);
      background: var(--_cc-primary);
    }
    /* A tick: on the filled box in a multi-select list, alone in a single-select one. */
    .check::after {
      content: '';
      width: 4px;
      height: 8px;
      border: solid transparent;
      border-width: 0 2px 2px 0;
      transform: translateY(-1px) rotate(45deg);
    }
    [aria-selected='true'] > .check.box::after {
      border-color: var(--_cc-on-primary);
    }
    [aria-selected='true'] > .check.tick::after {
      border-color: var(--_cc-primary);
    }
    .name {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .dot {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--_cc-text-muted);
    }
    .dot.available {
      background: var(--_cc-success);
    }
    .dot.idle,
    .dot.busy {
      background: var(--_cc-warning);
    }
    .dot.rona {
      background: var(--_cc-danger);
    }
    .availability {
      color: var(--_cc-text-muted);
      font-size: 0.9em;
      font-weight: 400;
    }
    .message,
    .selection,
    .note {
      margin: 0;
      color: var(--_cc-text-muted);
    }
    .message.error {
      color: var(--_cc-danger);
    }
    .load-failed {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--_cc-space);
    }
  `,
];
