/** Deterministic keys of the daily check-in's runs and messages (unique constraints dedupe them). */
import type { IsoDate } from '../../domain/index.js';

export const dailyCheckInKey = (missionId: string, date: IsoDate): string => `daily:${missionId}:${date}`;
export const dailyReminderKey = (missionId: string, date: IsoDate): string => `daily-reminder:${missionId}:${date}`;
