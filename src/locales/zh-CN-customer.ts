import type { enCustomer } from './en-customer.js';

/** Simplified Chinese strings of the customer feature. */
export const zhCNCustomer: { readonly [K in keyof typeof enCustomer]: string } = {};
