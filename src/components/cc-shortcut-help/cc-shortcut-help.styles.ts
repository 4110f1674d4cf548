import { css } from 'lit';
import { dialogElementStyles } from '../../styles/dialog.js';

/** The shared dialog surface (src/styles/dialog.ts) and the list of shortcuts. */
export const styles = [
  ...dialogElementStyles,
  css`
    :host {
      --_cc-dialog-width: 32rem;
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0;
    }
    .row {
      display: contents;
    }
    dt,
    dd {
      align-self: stretch;
      display: flex;
      align-items: center;
      padding: calc(var(--_cc-space) * 0.75) 0;
      border-bottom: 1px solid var(--_cc-border);
    }
    dd {
      margin: 0;
      padding-inline-start: calc(var(--_cc-space) * 2);
      justify-content: flex-end;
      white-space: nowrap;
    }
    kbd {
      font: inherit;
    }
    kbd kbd {
      font-size: 0.9em;
      display: inline-block;
      min-width: 1.6em;
      text-align: center;
      padding: 1px 6px;
      margin-inline-start: 2px;
      border: 1px solid var(--_cc-border);
      border-bottom-width: 2px;
      border-radius: 4px;
      background: var(--_cc-surface-alt);
      color: var(--_cc-text);
    }
    .none {
      color: var(--_cc-text-muted);
    }
  `,
];
