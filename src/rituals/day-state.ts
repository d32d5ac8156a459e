/** What a person has recorded on a date, across all their missions: filled? on leave? */
import type { Db, Tx } from '../db/client.js';
import { toDateOnlyUTC, type IsoDate } from '../domain/index.js';

export interface DayState {
  /** Total of every entry (work and absences) that date, in days. */
  readonly total: number;
  /** Total of the absences that date, in days. */
  readonly absent: number;
}

export async function personDayState(db: Db | Tx, personId: string, date: IsoDate): Promise<DayState> {
  const entries = await db.dayEntry.findMany({ where: { personId, date: toDateOnlyUTC(date) }, select: { kind: true, fraction: true } });
  let total = 0;
  let absent = 0;
  for (const e of entries) {
    const value = Number(e.fraction.toString());
    total += value;
    if (e.kind !== 'WORKED') absent += value;
  }
  return { total, absent };
}

/** The day is fully accounted for (nothing to ask). */
export const isFilled = (state: DayState): boolean => state.total >= 1;
/** A whole day of absence: the person is on leave (no ping). */
export const isOnLeave = (state: DayState): boolean => state.absent >= 1;
