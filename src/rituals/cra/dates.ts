/** Date helpers of the CRA views (ISO dates compare as strings). */
export { firstDay, lastDay, type IsoDate, type YearMonth } from '../../domain/index.js';
import type { IsoDate } from '../../domain/index.js';

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
