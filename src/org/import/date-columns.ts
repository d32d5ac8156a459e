import { toDateOnlyUTC } from '../../domain/dates.js';

/** Date-only value for a @db.Date column ('2026-11-16' → 2026-11-16T00:00:00.000Z). */
export const dateOnly = (value: string): Date => toDateOnlyUTC(value);
export const optionalDate = (value: string | null | undefined): Date | null => (value == null ? null : dateOnly(value));
