import { css } from 'lit';

/**
 * Links in customer and agent text (R-COMP-04): where a link really goes shows after its
 * text, smaller; a link whose text names another host is marked, with a bold warning.
 */
export const linkStyles = css`
  .link-host {
    font-size: 0.85em;
  }
  .link.flagged {
    text-decoration-style: wavy;
  }
  .link-warning {
    font-weight: 700;
  }
`;
