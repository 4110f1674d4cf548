import { css } from 'lit';
import { inlineBlockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  inlineBlockHost,
  css`
    .state {
      display: inline-flex;
      gap: var(--_cc-space);
      align-items: center;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--_cc-text-muted);
      flex: none;
    }
    .dot.available {
      background: var(--_cc-success);
    }
    .dot.rona {
      background: var(--_cc-danger);
    }
    .dot.idle,
    .dot.busy {
      background: var(--_cc-warning);
    }
    select {
      font: inherit;
      color: var(--_cc-text);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-field-border);
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 4px 6px;
    }
    /* Shown in the top layer and placed below the picker by script (popover-position.ts). */
    .rona-notice {
      position: fixed;
      inset: auto;
      margin: 0;
      box-sizing: border-box;
      overflow: auto;
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
      padding: var(--_cc-space);
      border: 1px solid var(--_cc-danger);
      border-radius: var(--_cc-radius);
      background: var(--_cc-surface);
      color: var(--_cc-text);
      max-width: min(40ch, calc(100vw - 16px));
      display: grid;
      gap: var(--_cc-space);
      justify-items: start;
    }
    .error {
      color: var(--_cc-danger);
      margin: 4px 0 0;
    }
  `,
];
