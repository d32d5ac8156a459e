/**
 * A consultant's days on one mission over a range (their week, their month): one line per
 * working day, days to fill in marked, totals, and a button to fill in or correct them.
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatMessage } from '../../chat/message.js';
import { isoWeekday } from '../../domain/index.js';
import { formatShortDay } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import { dayStatusText, isGap, type MissionDays } from '../mission-days.js';
import { editableDays } from './days-form.js';
import { MY_DAYS_ACTIONS } from './my-days-actions.js';

export interface DaysSummaryOptions {
  /** Header of the message (default: the mission and the range). */
  title?: string;
  /** A line under the totals (the CRA's status...). */
  footer?: string;
}

export function daysSummaryMessage(locale: Locale, days: MissionDays, range: { from: string; to: string }, options: DaysSummaryOptions = {}): ChatMessage {
  const shown = days.days.filter((d) => d.inMission && (d.working || d.worked > 0 || d.holiday));
  const lines: string[] = [];
  let previousWeekday = 0;
  for (const day of shown) {
    const weekday = isoWeekday(day.date);
    if (lines.length > 0 && weekday < previousWeekday) lines.push('');
    previousWeekday = weekday;
    const status = dayStatusText(locale, day);
    lines.push(t(locale, 'days.summary.line', { day: formatShortDay(locale, day.date), status: isGap(day) ? `*${status}*` : status }));
  }
  const worked = days.days.reduce((sum, d) => sum + d.worked, 0);
  const absent = days.days.reduce((sum, d) => sum + d.absent, 0);
  const gaps = days.days.filter(isGap).length;
  const title = options.title ?? t(locale, 'days.summary.title', { mission: days.missionTitle, from: formatShortDay(locale, range.from), to: formatShortDay(locale, range.to) });
  const totals = t(locale, 'days.summary.totals', { worked: formatNumber(locale, worked), absent: formatNumber(locale, absent), gaps });
  const blocks = [header(title.slice(0, 150)), section(lines.length > 0 ? lines.join('\n') : t(locale, 'days.summary.none')), context([totals, options.footer].filter(Boolean).join('\n'))];
  if (editableDays(days).length > 0) {
    blocks.push(
      actions(button(MY_DAYS_ACTIONS.edit, t(locale, gaps > 0 ? 'days.fill' : 'days.correct'), { m: days.missionId, from: range.from, to: range.to }, gaps > 0 ? 'primary' : undefined)),
    );
  }
  return message(`${title} — ${totals}`, blocks);
}
