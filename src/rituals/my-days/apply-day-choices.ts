/**
 * Applies the day choices of a form (my week / my month / weekly check-in) in the caller's
 * transaction: each changed day is recorded through the domain rules, and a daily check-in of that
 * day counts as answered (its messages show the answer). A refusal of the domain becomes an error
 * next to the day's field, and nothing of the form is written.
 */
import type { FieldError } from '../../chat/interaction.js';
import type { Tx } from '../../db/client.js';
import type { Channel } from '../../db/generated/client.js';
import { toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import type { CodedError } from '../../errors.js';
import { describeProblem, problemsOf } from '../../i18n/problems.js';
import { t, type Locale } from '../../i18n/index.js';
import { recordDay } from '../../services/record-day.js';
import { markCheckInAnswered, setCheckInAnswer } from '../check-in-answers.js';
import { choicesFor, isDayChoice, partsOf, type DayChoice } from '../day-choices.js';
import { loadDailyCheckIn } from '../daily-checkin/daily-checkin-view.js';
import { refreshDailyMessages } from '../daily-checkin/refresh-daily-messages.js';
import { isGap, type MissionDays } from '../mission-days.js';
import { dayFieldId, editableDays } from './days-form.js';

/** The choices read from a form's fields, or the errors to show next to them. */
export function readDayChoices(
  locale: Locale,
  days: MissionDays,
  fields: Readonly<Record<string, string>>,
  withNone: boolean,
): { choices: Map<IsoDate, DayChoice>; errors: FieldError[] } {
  const allowed = choicesFor(days.granularity, withNone);
  const choices = new Map<IsoDate, DayChoice>();
  const errors: FieldError[] = [];
  for (const day of editableDays(days)) {
    const field = dayFieldId(day.date);
    const value = (fields[field] ?? '').trim();
    if (value === '') {
      if (isGap(day)) errors.push({ field, message: t(locale, 'form.required') });
      continue;
    }
    if (!isDayChoice(value) || !allowed.includes(value)) {
      errors.push({ field, message: t(locale, 'form.invalidChoice') });
      continue;
    }
    if (value !== day.choice) choices.set(day.date, value);
  }
  return { choices, errors };
}

export interface ApplyDayChoicesOptions {
  missionId: string;
  consultantId: string;
  choices: ReadonlyMap<IsoDate, DayChoice>;
  channel: Channel;
  actorId: string;
  now: Date;
  locale: Locale;
  /** Unique per request (the interaction id), for the keys of message updates. */
  changeId: string;
}

export async function applyDayChoices(tx: Tx, options: ApplyDayChoicesOptions): Promise<void> {
  for (const [date, choice] of options.choices) {
    await recordDay(tx, { missionId: options.missionId, date, parts: partsOf(choice), channel: options.channel, actorId: options.actorId });
    const checkIn = await tx.checkIn.findUnique({
      where: { missionId_kind_date: { missionId: options.missionId, kind: 'DAILY', date: toDateOnlyUTC(date) } },
      select: { id: true },
    });
    if (!checkIn) continue;
    await setCheckInAnswer(tx, checkIn.id, 'day', choice);
    await setCheckInAnswer(tx, checkIn.id, 'half', null);
    await markCheckInAnswered(tx, checkIn.id, options.now, options.channel);
    const view = await loadDailyCheckIn(tx, checkIn.id, options.consultantId);
    await refreshDailyMessages(tx, view, options.locale, options.now, options.changeId);
  }
}

/** The field errors of a domain refusal (by the date of each problem), or null when it is about no day. */
export function dayFieldErrors(locale: Locale, error: CodedError): FieldError[] | null {
  const problems = problemsOf(error);
  const dated = problems.filter((p): p is typeof p & { date: string } => typeof (p as { date?: unknown }).date === 'string');
  if (dated.length === 0) {
    const date = error.params.date;
    return typeof date === 'string' ? [{ field: dayFieldId(date), message: describeProblem(locale, error) }] : null;
  }
  return dated.map((p) => ({ field: dayFieldId(p.date), message: describeProblem(locale, p) }));
}
