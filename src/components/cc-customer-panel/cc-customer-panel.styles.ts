import { css } from 'lit';
import { blockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  blockHost,
  css`
    .panel {
      display: grid;
      gap: calc(var(--_cc-space) / 2);
      padding: var(--_cc-space);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
      color: var(--_cc-text);
      min-width: 0;
      overflow-wrap: anywhere;
    }
    h2,
    h3,
    h4 {
      margin: 0;
      line-height: 1.3;
    }
    h2 {
      font-size: 1.15em;
    }
    h3 {
      font-size: 0.95em;
      margin-block-start: var(--_cc-space);
    }
    h4 {
      font-size: 0.9em;
    }
    dl {
      display: grid;
      grid-template-columns: fit-content(45%) minmax(0, 1fr);
      gap: 2px var(--_cc-space);
      margin: 0;
      font-size: 0.9em;
    }
    dt {
      color: var(--_cc-text-muted);
    }
    dd {
      margin: 0;
      min-width: 0;
    }
    p {
      margin: 0;
    }
    .muted {
      color: var(--_cc-text-muted);
    }
    .error {
      color: var(--_cc-danger);
    }
    .btn {
      justify-self: start;
    }
    .history {
      display: grid;
      gap: calc(var(--_cc-space) / 2);
    }
    ol.past {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_cc-space) / 2);
    }
    ol.past > li {
      display: grid;
      gap: calc(var(--_cc-space) / 2);
      padding: var(--_cc-space);
      border: 1px solid var(--_cc-border);
      border-radius: calc(var(--_cc-radius) / 2);
      min-width: 0;
    }
    .preview {
      overflow: hidden;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      -webkit-box-orient: vertical;
    }
    .transcript[hidden] {
      display: none;
    }
  `,
];
