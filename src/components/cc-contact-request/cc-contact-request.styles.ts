import { css } from 'lit';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_cc-space);
    }
    .offer {
      display: grid;
      grid-template-columns: 1fr auto;
      grid-template-areas: 'title title' 'fields fields' 'timer accept' 'error error';
      gap: calc(var(--_cc-space) / 2) var(--_cc-space);
      align-items: center;
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-left: 4px solid var(--_cc-primary);
      border-radius: var(--_cc-radius);
      padding: var(--_cc-space) calc(var(--_cc-space) * 1.5);
      box-shadow: 0 2px 6px rgb(0 0 0 / 0.08);
    }
    .title {
      grid-area: title;
      margin: 0;
      font-size: 1em;
      font-weight: 600;
      display: flex;
      gap: var(--_cc-space);
      align-items: baseline;
      justify-content: space-between;
    }
    .channel {
      color: var(--_cc-text-muted);
      font-weight: 400;
      font-size: 0.9em;
    }
    dl {
      grid-area: fields;
      margin: 0;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px var(--_cc-space);
      font-size: 0.95em;
    }
    dt {
      color: var(--_cc-text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: break-word;
      min-width: 0;
    }
    .side {
      display: contents;
    }
    .side .btn {
      grid-area: accept;
    }
    .timer {
      grid-area: timer;
      font-variant-numeric: tabular-nums;
      color: var(--_cc-text-muted);
    }
    .error {
      grid-area: error;
      color: var(--_cc-danger);
      margin: 0;
    }
    .empty {
      color: var(--_cc-text-muted);
      margin: 0;
    }
  `,
];
