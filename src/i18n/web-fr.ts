/** French texts of the web area (the default locale). Every key must also exist in web-en.ts (checked by its type). */
export const webFr = {
} as const;

export type WebMessageKey = keyof typeof webFr;
