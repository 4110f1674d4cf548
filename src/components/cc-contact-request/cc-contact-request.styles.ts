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
      border-inline-start: 4px solid var(--_cc-primary);
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
      gap: 2px var(--_cc-space);
      font-size: 0.95em;
    }
  `,
];
