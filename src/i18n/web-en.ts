import type { WebMessageKey } from './web-fr.js';

/** English texts of the web area (same keys as web-fr.ts, checked by the type). */
export const webEn: Record<WebMessageKey, string> = {
};
