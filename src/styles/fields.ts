import { css } from 'lit';

/** A searchbox (the template picker's, the dialogs' search rows). */
export const searchbox = css`
  input[type='search'] {
    font: inherit;
    color: var(--_cc-text);
    background: var(--_cc-surface);
    padding: 4px 6px;
    border: 1px solid var(--_cc-field-border);
    border-radius: calc(var(--_cc-radius) / 2);
  }
`;
