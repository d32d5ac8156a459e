/**
 * The form to fill or correct days of one mission (a week, a month, the days a reminder lists):
 * one choice per working day, pre-filled with what is recorded; days still to fill are required.
 * Only days of months whose CRA is still open can be changed.
 */
import type { ChatForm, FormField } from '../../chat/message.js';
import { formatDay, formatShortDay } from '../../i18n/format-date.js';
import { t, type Locale } from '../../i18n/index.js';
import { choiceLabel, choicesFor } from '../day-choices.js';
import { isGap, type MissionDay, type MissionDays } from '../mission-days.js';
import { MY_DAYS_ACTIONS } from './my-days-actions.js';

export const dayFieldId = (date: string): string => `day_${date}`;

/** The days a form offers: working days of the mission whose month is open. */
export function editableDays(days: MissionDays): MissionDay[] {
  return days.days.filter((d) => d.working && d.inMission && d.editable);
}

export function dayFields(locale: Locale, days: MissionDays, withNone: boolean): FormField[] {
  const options = choicesFor(days.granularity, withNone).map((choice) => ({ label: choiceLabel(locale, choice), value: choice }));
  return editableDays(days).map((day) => ({
    kind: 'select',
    id: dayFieldId(day.date),
    label: formatDay(locale, day.date),
    options,
    ...(day.choice ? { initial: day.choice } : {}),
    required: isGap(day),
  }));
}

export function daysForm(locale: Locale, days: MissionDays, range: { from: string; to: string }, withNone: boolean): ChatForm | null {
  const fields = dayFields(locale, days, withNone);
  if (fields.length === 0) return null;
  return {
    actionId: MY_DAYS_ACTIONS.save,
    value: JSON.stringify({ m: days.missionId, from: range.from, to: range.to }),
    title: t(locale, 'days.form.title'),
    submitLabel: t(locale, 'form.save'),
    intro: t(locale, 'days.form.intro', {
      mission: days.missionTitle,
      from: formatShortDay(locale, range.from),
      to: formatShortDay(locale, range.to),
    }),
    fields,
  };
}
