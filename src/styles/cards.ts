import { css } from 'lit';

/**
 * The parts an interaction card of `<cc-contact-request>` and `<cc-task-list>` shares: the
 * fields list (`interactionFields`), the side holding the timer and the accept button, the
 * error line, and the text shown when there is no card. The card places them in the grid
 * areas `fields`, `timer`, `accept` and `error`; each element sets its own grid, and the
 * gap and font size of its fields.
 */
export const interactionCard = css`
  dl {
    grid-area: fields;
    margin: 0;
    display: grid;
    grid-template-columns: max-content 1fr;
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
`;
