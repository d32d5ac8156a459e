/** French texts of the rituals area (the default locale). Every key must also exist in rituals-en.ts (checked by its type). */
export const ritualsFr = {
} as const;

export type RitualsMessageKey = keyof typeof ritualsFr;
