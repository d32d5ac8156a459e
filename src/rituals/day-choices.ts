/**
 * The answers a consultant can give about one day of one mission, as one choice: a full day, a
 * half day (alone or with a half-day absence), a full-day absence, or nothing on this mission.
 * Each choice is the whole day on that mission (see services/record-day.ts). The same choices
 * feed the daily check-in buttons, the weekly form and the "my week / my month" forms.
 */
import type { Granularity } from '../db/generated/client.js';
import { ABSENCE_KINDS, type AbsenceKind, type DayKind } from '../domain/index.js';
import { t, type Locale, type MessageKey } from '../i18n/index.js';
import type { DayPart } from '../services/record-day.js';

export const DAY_CHOICES = [
  'full',
  'half',
  ...ABSENCE_KINDS.map((kind) => `half+${kind}` as const),
  ...ABSENCE_KINDS,
  'none',
] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

export function isDayChoice(value: unknown): value is DayChoice {
  return typeof value === 'string' && (DAY_CHOICES as readonly string[]).includes(value);
}

export function isAbsenceKind(value: unknown): value is AbsenceKind {
  return typeof value === 'string' && (ABSENCE_KINDS as readonly string[]).includes(value);
}

/** The entries a choice stands for on one mission. */
export function partsOf(choice: DayChoice): DayPart[] {
  if (choice === 'full') return [{ kind: 'WORKED', fraction: 1 }];
  if (choice === 'half') return [{ kind: 'WORKED', fraction: 0.5 }];
  if (choice === 'none') return [];
  if (choice.startsWith('half+')) {
    return [
      { kind: 'WORKED', fraction: 0.5 },
      { kind: choice.slice('half+'.length) as AbsenceKind, fraction: 0.5 },
    ];
  }
  return [{ kind: choice as AbsenceKind, fraction: 1 }];
}

/** The choice matching a mission's entries on a date, or null (nothing yet, or quarters). */
export function choiceOf(entries: readonly { kind: DayKind; fraction: number }[]): DayChoice | null {
  const worked = entries.filter((e) => e.kind === 'WORKED').reduce((sum, e) => sum + e.fraction, 0);
  const absences = entries.filter((e) => e.kind !== 'WORKED' && e.fraction > 0);
  if (entries.every((e) => e.fraction === 0)) return null;
  if (worked === 1 && absences.length === 0) return 'full';
  if (worked === 0.5 && absences.length === 0) return 'half';
  if (worked === 0.5 && absences.length === 1 && absences[0]!.fraction === 0.5) return `half+${absences[0]!.kind as AbsenceKind}`;
  if (worked === 0 && absences.length === 1 && absences[0]!.fraction === 1) return absences[0]!.kind as AbsenceKind;
  return null;
}

/** Choices a mission's granularity allows ("none" only when the consultant has another mission that day). */
export function choicesFor(granularity: Granularity, withNone: boolean): DayChoice[] {
  return DAY_CHOICES.filter((c) => {
    if (c === 'none') return withNone;
    if (granularity === 'DAY') return c === 'full' || isAbsenceKind(c);
    return true;
  });
}

export function choiceLabel(locale: Locale, choice: DayChoice): string {
  if (choice.startsWith('half+')) {
    return t(locale, 'day.choice.halfWith', { kind: t(locale, `kind.${choice.slice('half+'.length)}` as MessageKey) });
  }
  return t(locale, `day.choice.${choice}` as MessageKey);
}
