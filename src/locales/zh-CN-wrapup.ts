import type { enWrapup } from './en-wrapup.js';

/** Simplified Chinese strings of the wrapup feature. */
export const zhCNWrapup: { readonly [K in keyof typeof enWrapup]: string } = {};
