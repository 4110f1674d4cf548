import { css } from 'lit';
import { interactionCard } from '../../styles/cards.js';
import { blockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  controls,
  blockHost,
  interactionCard,
  css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: calc(var(--_cc-space) / 2);
    }
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      grid-template-areas: 'title timer' 'fields fields' 'accept accept' 'error error';
      gap: 2px var(--_cc-space);
      padding: var(--_cc-space);
      background: var(--_cc-surface);
      border: 1px solid var(--_cc-border);
      border-radius: var(--_cc-radius);
    }
    li.current {
      border-color: var(--_cc-primary);
      box-shadow: inset 3px 0 0 var(--_cc-primary);
    }
    /* box-shadow has no logical offsets: the bar moves to the inline start by hand. */
    li.current:dir(rtl) {
      box-shadow: inset -3px 0 0 var(--_cc-primary);
    }
    li.offered {
      border-inline-start: 4px solid var(--_cc-primary);
    }
    .title {
      grid-area: title;
      flex-wrap: wrap;
      display: flex;
      gap: var(--_cc-space);
      align-items: center;
      min-width: 0;
    }
    .name {
      font: inherit;
      font-weight: 600;
      background: none;
      border: none;
      padding: 0;
      color: var(--_cc-text);
      cursor: pointer;
      text-align: start;
      overflow-wrap: break-word;
    }
    button.name:hover {
      text-decoration: underline;
    }
    .channel,
    .status {
      font-size: 0.85em;
      color: var(--_cc-text-muted);
    }
    .badge {
      min-width: 1.5em;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--_cc-danger);
      color: var(--_cc-on-primary);
      font-size: 0.8em;
      font-weight: 600;
      text-align: center;
    }
    dl {
      gap: 0 var(--_cc-space);
      font-size: 0.9em;
    }
    .side .btn {
      justify-self: end;
    }
    .recent {
      margin-block-start: calc(var(--_cc-space) * 1.5);
    }
    .recent h2 {
      margin: 0 0 calc(var(--_cc-space) / 2);
      font-size: 1em;
      color: var(--_cc-text);
    }
    .recent li {
      grid-template-areas: 'title side' 'fields side';
      align-items: start;
    }
    .recent .side .btn {
      grid-area: side;
    }
    .recent dl {
      grid-area: fields;
      margin: 0;
    }
    .automatic {
      font-size: 0.85em;
      padding: 0 6px;
      border: 1px solid var(--_cc-border);
      border-radius: calc(var(--_cc-radius) / 2);
      color: var(--_cc-text);
    }
    .transcript-body {
      display: grid;
      gap: var(--_cc-space);
      overflow: auto;
      min-block-size: 0;
    }
    .transcript-body .notes {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
];
