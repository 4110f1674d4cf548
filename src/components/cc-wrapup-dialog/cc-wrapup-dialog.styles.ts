import { css } from 'lit';
import { dialogStyles } from '../../styles/dialog.js';

/**
 * The shared dialog styles (src/styles/dialog.ts), and the contained dialog laid over its
 * pane: it covers the pane it is modal to (the pane is its positioned ancestor) and takes
 * the pane's whole height, scrolling inside, instead of squeezing into the pane's flow.
 */
export const styles = [
  dialogStyles,
  css`
    :host([contained][open]) {
      position: absolute;
      inset: 0;
      z-index: 2;
      display: flex;
      padding: var(--_cc-space);
      background: color-mix(in srgb, var(--_cc-surface) 75%, transparent);
    }
    :host([contained][open]) dialog.modal-dialog[data-variant='contained'] {
      margin: auto;
      width: min(100%, 32rem);
      max-height: 100%;
      box-sizing: border-box;
    }
  `,
];
