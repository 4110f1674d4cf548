import { dialogStyles } from '../../styles/dialog.js';

/** The shared dialog styles (src/styles/dialog.ts); nothing specific to this dialog. */
export const styles = dialogStyles;
