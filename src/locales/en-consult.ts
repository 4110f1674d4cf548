/** English strings of the consult feature, registered by the elements that show them. */
export const enConsult = {} as const;
