/**
 * The weekly check-in's form: the week's days (pre-filled, gaps required), mood 1–5, highlights,
 * blockers, risks and leave planned in the next weeks. Everything in it goes to the ESN manager,
 * never to the client.
 */
import type { ChatForm, FormField } from '../../chat/message.js';
import { formatDay } from '../../i18n/format-date.js';
import { t, type Locale, type MessageKey } from '../../i18n/index.js';
import { dayFields } from '../my-days/days-form.js';
import { WEEKLY_ACTIONS } from './weekly-messages.js';
import type { WeeklyCheckInView } from './weekly-view.js';

export const WEEKLY_TEXT_MAX = 1000;
export const LEAVE_KINDS = ['CP', 'RTT'] as const;

function textField(locale: Locale, view: WeeklyCheckInView, id: 'highlights' | 'blockers' | 'risks'): FormField {
  const initial = view.answers[id];
  return {
    kind: 'textarea',
    id,
    label: t(locale, `weekly.form.${id}` as MessageKey),
    required: false,
    maxLength: WEEKLY_TEXT_MAX,
    ...(initial ? { initial } : {}),
  };
}

export function weeklyForm(locale: Locale, view: WeeklyCheckInView, withNone: boolean): ChatForm {
  const moods = [1, 2, 3, 4, 5].map((m) => ({ label: t(locale, `weekly.mood.${m}` as MessageKey), value: String(m) }));
  return {
    actionId: WEEKLY_ACTIONS.submit,
    value: JSON.stringify({ c: view.id }),
    title: t(locale, 'weekly.form.title'),
    submitLabel: t(locale, 'form.send'),
    intro: t(locale, 'weekly.form.intro', { week: formatDay(locale, view.monday), mission: view.missionTitle }),
    fields: [
      ...dayFields(locale, view.days, withNone),
      { kind: 'select', id: 'mood', label: t(locale, 'weekly.form.mood'), options: moods, required: true, ...(view.answers.mood ? { initial: view.answers.mood } : {}) },
      textField(locale, view, 'highlights'),
      textField(locale, view, 'blockers'),
      textField(locale, view, 'risks'),
      { kind: 'date', id: 'leave_from', label: t(locale, 'weekly.form.leaveFrom'), required: false },
      { kind: 'date', id: 'leave_to', label: t(locale, 'weekly.form.leaveTo'), required: false },
      {
        kind: 'select',
        id: 'leave_kind',
        label: t(locale, 'weekly.form.leaveKind'),
        options: LEAVE_KINDS.map((k) => ({ label: t(locale, `day.choice.${k}` as MessageKey), value: k })),
        initial: 'CP',
        required: false,
      },
    ],
  };
}
