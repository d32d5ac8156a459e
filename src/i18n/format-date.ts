/** Calendar dates and instants written for people, in their language. */
import { isLocale, type Locale } from './index.js';

function lang(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : 'fr';
}

function utcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "lundi 23 novembre" / "Monday 23 November". */
export function formatDay(locale: string | null | undefined, date: string): string {
  return new Intl.DateTimeFormat(lang(locale) === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(utcNoon(date));
}

/** "lun. 23" / "Mon 23". */
export function formatShortDay(locale: string | null | undefined, date: string): string {
  return new Intl.DateTimeFormat(lang(locale) === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    utcNoon(date),
  );
}

/** "novembre 2026" / "November 2026" for 'YYYY-MM'. */
export function formatMonth(locale: string | null | undefined, month: string): string {
  return new Intl.DateTimeFormat(lang(locale) === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcNoon(`${month}-01`),
  );
}

/** "08:30" in a time zone. */
export function formatTime(locale: string | null | undefined, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(lang(locale) === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(instant);
}

/** "lundi 23 novembre à 08:30" / "Monday 23 November at 08:30". */
export function formatMoment(locale: string | null | undefined, instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
  const at = lang(locale) === 'fr' ? 'à' : 'at';
  return `${formatDay(locale, parts)} ${at} ${formatTime(locale, instant, timeZone)}`;
}
