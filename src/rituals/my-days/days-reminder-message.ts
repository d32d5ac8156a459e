/** "Your manager asks you to fill in your days": the days missing, and a button to fill them. */
import { actions, button, message, section } from '../../chat/build.js';
import type { ChatMessage } from '../../chat/message.js';
import type { IsoDate } from '../../domain/index.js';
import { formatShortDay } from '../../i18n/format-date.js';
import { t, type Locale } from '../../i18n/index.js';
import { MY_DAYS_ACTIONS } from './my-days-actions.js';

export function daysReminderMessage(
  locale: Locale,
  reminder: { missionId: string; missionTitle: string; managerName: string; days: readonly IsoDate[] },
): ChatMessage {
  const list = reminder.days.map((d) => formatShortDay(locale, d)).join(', ');
  const text = t(locale, 'remind.days', {
    manager: reminder.managerName,
    mission: reminder.missionTitle,
    count: reminder.days.length,
    days: list,
  });
  const from = reminder.days[0];
  const to = reminder.days[reminder.days.length - 1];
  return message(text.replaceAll('*', ''), [
    section(text),
    actions(button(MY_DAYS_ACTIONS.edit, t(locale, 'remind.fill'), { m: reminder.missionId, from, to }, 'primary')),
  ]);
}
