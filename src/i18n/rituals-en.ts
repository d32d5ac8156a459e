import type { RitualsMessageKey } from './rituals-fr.js';

/** English texts of the rituals area (same keys as rituals-fr.ts, checked by the type). */
export const ritualsEn: Record<RitualsMessageKey, string> = {
};
