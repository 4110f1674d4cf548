/** English strings of the customer feature, registered by the elements that show them. */
export const enCustomer = {} as const;
