/**
 * Reading the raw data of an organization file (before or despite the schema): a malformed value
 * reads as absent, so that the checks between sections skip it (the schema reports it).
 */
import { isIsoDate } from '../domain/dates.js';

export type Raw = Record<string, unknown>;

export const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const dateOf = (value: unknown): string | undefined => (isIsoDate(value) ? value : undefined);
