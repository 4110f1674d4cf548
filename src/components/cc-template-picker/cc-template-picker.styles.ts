import { css } from 'lit';
import { searchbox } from '../../styles/fields.js';
import { inlineBlockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  inlineBlockHost,
  searchbox,
  css`
    :host {
      position: relative;
    }
    /* Shown in the top layer and placed next to the button by script (popover-position.ts). */
    .panel {
      position: fixed;
      inset: auto;
      margin: 0;
      z-index: 10;
      width: min(360px, calc(100vw - 16px));
      max-height: 360px;
      box-sizing: border-box;
      overflow: hidden;
      display: flex;
      flex-direction: column;
      gap: var(--_cc-space);
      padding: var(--_cc-space);
      background: var(--_cc-surface);
      color: var(--_cc-text);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      min-height: 0;
    }
    li button {
      display: grid;
      width: 100%;
      gap: 2px;
      text-align: start;
      font: inherit;
      color: var(--_cc-text);
      background: none;
      border: none;
      border-radius: calc(var(--_cc-radius) / 2);
      padding: 6px;
      cursor: pointer;
    }
    li button:hover,
    li button:focus-visible {
      background: var(--_cc-surface-alt);
    }
    .name {
      font-weight: 600;
      display: flex;
      gap: var(--_cc-space);
      align-items: center;
    }
    .locked {
      font-size: 0.8em;
      font-weight: 400;
      color: var(--_cc-text-muted);
      border: 1px solid var(--_cc-border);
      border-radius: 999px;
      padding: 0 6px;
    }
    .body {
      color: var(--_cc-text-muted);
      font-size: 0.9em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .message {
      margin: 0;
      color: var(--_cc-text-muted);
    }
    .message.error {
      color: var(--_cc-danger);
    }
    [part='retry'] {
      align-self: start;
    }
  `,
];
