/**
 * Dated periods of the organization file (TJM rates, approvers): a period without an explicit
 * "to" ends the day before the next period starts; the last one stays open.
 */
import { addDays, compareDates, type IsoDate } from '../domain/dates.js';

export interface DatedInput {
  readonly from: IsoDate;
  readonly to?: IsoDate | null | undefined;
}

export interface ResolvedPeriod<T extends DatedInput> {
  /** Position of the period in the file (before sorting). */
  readonly index: number;
  readonly item: T;
  readonly from: IsoDate;
  /** Explicit end, or the day before the next period starts, or null (open). */
  readonly to: IsoDate | null;
}

/** Sorts by start date (stable) and fills the implied ends of open periods. */
export function resolvePeriods<T extends DatedInput>(items: readonly T[]): ResolvedPeriod<T>[] {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareDates(a.item.from, b.item.from) || a.index - b.index);
  return sorted.map(({ item, index }, position) => {
    const next = sorted[position + 1];
    let to: IsoDate | null = item.to ?? null;
    if (to === null && next && next.item.from > item.from) to = addDays(next.item.from, -1);
    return { index, item, from: item.from, to };
  });
}
