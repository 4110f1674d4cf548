import type { enConsult } from './en-consult.js';

/** Simplified Chinese strings of the consult feature. */
export const zhCNConsult: { readonly [K in keyof typeof enConsult]: string } = {};
