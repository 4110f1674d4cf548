import { css } from 'lit';

/** The `hidden` attribute hides an element whatever display its `:host` rule gives it. */
export const hiddenHost = css`
  :host([hidden]) {
    display: none;
  }
`;

/** An element that is a block in its host's flow (lists of cards). */
export const blockHost = css`
  :host {
    display: block;
  }
  ${hiddenHost}
`;

/** An element that sits inline in its host's flow (indicators, a picker's button). */
export const inlineBlockHost = css`
  :host {
    display: inline-block;
  }
  ${hiddenHost}
`;
