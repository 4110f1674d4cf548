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
    .panel {
      position: absolute;
      z-index: 10;
      inset-block-start: calc(100% + 4px);
      inset-inline-start: 0;
      width: min(360px, 80vw);
      max-height: 320px;
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
    :host([align='end']) .panel {
      inset-inline-start: auto;
      inset-inline-end: 0;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow-y: auto;
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
