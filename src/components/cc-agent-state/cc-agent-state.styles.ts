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
    .rona {
      margin: var(--_cc-space) 0 0;
      padding: var(--_cc-space);
      border: 1px solid var(--_cc-danger);
      border-radius: var(--_cc-radius);
      background: var(--_cc-surface);
      color: var(--_cc-text);
      max-width: 40ch;
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
