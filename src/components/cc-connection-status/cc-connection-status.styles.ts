import { css } from 'lit';
import { inlineBlockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  inlineBlockHost,
  css`
    .status {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px var(--_cc-space);
      align-items: center;
      padding: 2px 10px;
      border: 1px solid var(--_cc-border);
      border-radius: 999px;
      background: var(--_cc-surface);
      color: var(--_cc-text);
    }
    .status.reconnecting,
    .status.closed {
      border-color: var(--_cc-danger);
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      flex: none;
      background: var(--_cc-text-muted);
    }
    .open .dot {
      background: var(--_cc-success);
    }
    .connecting .dot,
    .reconnecting .dot {
      background: var(--_cc-warning);
    }
    .closed .dot {
      background: var(--_cc-danger);
    }
    .hint {
      color: var(--_cc-text-muted);
      font-size: 0.9em;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      gap: 4px var(--_cc-space);
      align-items: center;
      margin: 4px 0 0;
      padding: 4px 10px;
      border: 1px solid var(--_cc-warning);
      border-radius: 8px;
      background: var(--_cc-surface);
      color: var(--_cc-text);
    }
  `,
];
