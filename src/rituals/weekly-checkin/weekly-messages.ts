/**
 * The weekly check-in's message: the week's days as recorded (gaps marked), then a button to
 * complete the week and say how it went (mood, highlights, blockers, risks, leave ahead). Once
 * answered: thanks, what was said, and a way to change it.
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatMessage } from '../../chat/message.js';
import { formatDay, formatShortDay } from '../../i18n/format-date.js';
import { t, type Locale } from '../../i18n/index.js';
import { dayStatusText, isGap } from '../mission-days.js';
import type { WeeklyCheckInView } from './weekly-view.js';

export const WEEKLY_ACTIONS = { open: 'weekly.open', submit: 'weekly.submit' } as const;

function weekLines(locale: Locale, view: WeeklyCheckInView): string {
  return view.days.days
    .filter((d) => d.inMission && (d.working || d.worked > 0))
    .map((d) => {
      const status = dayStatusText(locale, d);
      return t(locale, 'days.summary.line', { day: formatShortDay(locale, d.date), status: isGap(d) ? `*${status}*` : status });
    })
    .join('\n');
}

export function weeklyQuestionMessage(locale: Locale, view: WeeklyCheckInView): ChatMessage {
  const title = t(locale, 'weekly.title', { week: formatDay(locale, view.monday) });
  const gaps = view.days.days.filter(isGap).length;
  return message(`${title} — ${view.missionTitle}`, [
    header(title),
    section(`*${view.missionTitle}*\n${weekLines(locale, view)}`),
    section(t(locale, gaps > 0 ? 'weekly.askWithGaps' : 'weekly.ask', { gaps })),
    actions(button(WEEKLY_ACTIONS.open, t(locale, 'weekly.open'), { c: view.id }, 'primary')),
    context(t(locale, 'weekly.private')),
  ]);
}

export function weeklyAnsweredMessage(locale: Locale, view: WeeklyCheckInView): ChatMessage {
  const title = t(locale, 'weekly.title', { week: formatDay(locale, view.monday) });
  const said: string[] = [];
  if (view.answers.mood) said.push(t(locale, 'weekly.said.mood', { mood: view.answers.mood }));
  if (view.answers.highlights) said.push(t(locale, 'weekly.said.highlights', { text: view.answers.highlights }));
  if (view.answers.blockers) said.push(t(locale, 'weekly.said.blockers', { text: view.answers.blockers }));
  if (view.answers.risks) said.push(t(locale, 'weekly.said.risks', { text: view.answers.risks }));
  if (view.answers.leave) said.push(t(locale, 'weekly.said.leave', { text: view.answers.leave }));
  return message(`${title} — ${t(locale, 'weekly.thanks')}`, [
    header(title),
    section(`${t(locale, 'weekly.thanks')}\n*${view.missionTitle}*\n${weekLines(locale, view)}`),
    ...(said.length > 0 ? [context(said.join('\n'))] : []),
    actions(button(WEEKLY_ACTIONS.open, t(locale, 'weekly.change'), { c: view.id })),
  ]);
}
