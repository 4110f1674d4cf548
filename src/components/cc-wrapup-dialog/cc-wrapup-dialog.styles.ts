import { css } from 'lit';
import { dialogStyles } from '../../styles/dialog.js';
import { summarizeStyles } from './summarize.js';

/**
 * The shared dialog styles (src/styles/dialog.ts), the Notes field and the auto wrap-up
 * countdown, and the contained dialog laid over its
 * pane: it covers the pane it is modal to (the pane is its positioned ancestor) and takes
 * the pane's whole height, scrolling inside, instead of squeezing into the pane's flow.
 */
export const styles = [
  dialogStyles,
  summarizeStyles,
  css`
    :host([contained][open]) {
      position: absolute;
      inset: 0;
      z-index: 2;
      display: flex;
      padding: var(--_cc-space);
      background: color-mix(in srgb, var(--_cc-surface) 75%, transparent);
    }
    .auto-wrapup {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: calc(var(--_cc-space) / 2) var(--_cc-space);
      padding: calc(var(--_cc-space) / 2) var(--_cc-space);
      border: 1px solid var(--_cc-border);
      border-inline-start: 4px solid var(--_cc-primary);
      border-radius: calc(var(--_cc-radius) / 2);
    }
    .countdown {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .notes {
      display: grid;
      gap: 2px;
    }
    .notes label {
      font-weight: 600;
    }
    .notes textarea {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: calc(var(--_cc-space) / 2);
      min-block-size: 3.5em;
      max-block-size: 30vh;
      resize: vertical;
      box-sizing: border-box;
      inline-size: 100%;
    }
    .notes textarea[aria-invalid='true'] {
      border-color: var(--_cc-danger);
    }
    .notes .count {
      margin: 0;
      font-size: 0.85em;
      color: var(--_cc-text-muted);
      text-align: end;
    }
    .notes .message {
      margin: 0;
    }
    /*
     * In a short pane the list would otherwise take all the shrinking and show one reason as
     * if it were the only one: it keeps its rows (about five, then it scrolls) and the dialog
     * scrolls instead.
     */
    :host([contained]) .body,
    :host([contained]) .listbox {
      flex-shrink: 0;
    }
    :host([contained]) .listbox {
      max-height: 10rem;
    }
    /* Submit stays in sight while the rest scrolls under it. */
    :host([contained]) .modal-dialog > .actions {
      position: sticky;
      inset-block-end: calc(var(--_cc-space) * -2);
      margin-block: 0 calc(var(--_cc-space) * -2);
      padding-block: var(--_cc-space) calc(var(--_cc-space) * 2);
      background: var(--_cc-surface);
    }
    :host([contained][open]) dialog.modal-dialog[data-variant='contained'] {
      margin: auto;
      width: min(100%, 32rem);
      max-height: 100%;
      box-sizing: border-box;
      /* A field reached by Tab scrolls into view above the actions, not under them. */
      scroll-padding-block-end: 4.5rem;
    }
  `,
];
