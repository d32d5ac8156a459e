import type { IsoDate } from '../../domain/index.js';

/** Deterministic key of a mission's weekly check-in (run and message), by the Monday of its week. */
export const weeklyCheckInKey = (missionId: string, monday: IsoDate): string => `weekly:${missionId}:${monday}`;
