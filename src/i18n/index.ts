import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type Locale = 'fr' | 'en';
export type { MessageKey } from './fr.js';

const catalogs: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** The text of `key` in `locale` (French when unknown), with {placeholders} filled. */
export function t(locale: string | null | undefined, key: MessageKey, params: Record<string, string | number> = {}): string {
  const catalog = catalogs[isLocale(locale) ? locale : 'fr'];
  return catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Formats a decimal amount or day count for people, in their locale. */
export function formatNumber(locale: string | null | undefined, value: number | string, fractionDigits = 2): string {
  return new Intl.NumberFormat(isLocale(locale) ? locale : 'fr', {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(typeof value === 'string' ? Number(value) : value);
}
