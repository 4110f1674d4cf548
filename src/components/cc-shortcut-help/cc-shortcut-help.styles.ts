import { css } from 'lit';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  css`
    :host {
      display: contents;
    }
    dialog {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      padding: calc(var(--_cc-space) * 2);
      width: min(32rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      box-sizing: border-box;
    }
    dialog::backdrop {
      background: color-mix(in srgb, var(--_cc-text) 40%, transparent);
    }
    h2 {
      margin: 0 0 var(--_cc-space);
      font-size: 1.15em;
    }
    dl {
      margin: 0 0 calc(var(--_cc-space) * 2);
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
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
];
