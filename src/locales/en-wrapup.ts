/** English strings of the wrapup feature, registered by the elements that show them. */
export const enWrapup = {} as const;
