/**
 * The consultant's monthly CRA message: the month as a calendar (one line per week + a legend),
 * what it adds up to, the missing days highlighted, "fix my days" (the my-days form over the
 * month) and Submit. Also the manager's notice when the consultant is away at closing.
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatBlock, ChatMessage } from '../../chat/message.js';
import { firstDay, lastDay, maxDate, minDate, type IsoDate, type YearMonth } from './dates.js';
import { formatDay, formatMonth, formatMoment } from '../../i18n/format-date.js';
import { formatNumber, t, type Locale } from '../../i18n/index.js';
import { MY_DAYS_ACTIONS } from '../my-days/my-days-actions.js';
import { gridLines } from './calendar-view.js';
import type { CraGrid } from './cra-content.js';
import { CRA_ACTIONS } from './cra-actions.js';

export interface CloseView {
  readonly missionId: string;
  readonly missionTitle: string;
  readonly clientName: string;
  readonly month: YearMonth;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly grid: CraGrid;
  /** Contested days of an open correction (marked ⚑). */
  readonly disputed?: readonly IsoDate[];
  /** A line on top (why the CRA is back: a correction, a reopening). */
  readonly note?: string;
}

export type SubmitValue = {
  readonly m: string;
  readonly mo: string;
};

export function closeMessage(locale: Locale, view: CloseView): ChatMessage {
  const month = formatMonth(locale, view.month);
  const inMission = view.grid.days.filter((d) => d.inMission);
  const worked = inMission.reduce((sum, d) => sum + d.worked, 0);
  const halves = inMission.filter((d) => d.worked > 0 && d.worked < 1).length;
  const absent = inMission.reduce((sum, d) => sum + d.absent, 0);
  const holidays = inMission.filter((d) => d.holiday !== null && !d.working).length;
  const outside = view.grid.days.length - inMission.length;
  const blocks: ChatBlock[] = [header(t(locale, 'craflow.close.title', { month, mission: view.missionTitle }).slice(0, 150))];
  if (view.note) blocks.push(section(view.note));
  blocks.push(section(t(locale, 'craflow.close.intro', { month, mission: view.missionTitle, client: view.clientName })));
  blocks.push(section(gridLines(locale, view.grid.days, new Set(view.disputed ?? [])).join('\n')));
  blocks.push(context(t(locale, 'craflow.legend')));
  blocks.push(
    section(
      t(locale, 'craflow.close.summary', {
        worked: formatNumber(locale, worked),
        halves,
        absent: formatNumber(locale, absent),
        holidays,
        outside,
      }),
    ),
  );
  if (view.grid.missingDays.length > 0) {
    const days = view.grid.missingDays.map((d) => formatDay(locale, d)).join(', ');
    blocks.push(section(t(locale, 'craflow.close.missing', { days }).slice(0, 3000)));
  } else {
    blocks.push(context(t(locale, worked === 0 ? 'craflow.close.empty' : 'craflow.close.complete')));
  }
  const from = maxDate(firstDay(view.month), view.startDate);
  const to = view.endDate ? minDate(lastDay(view.month), view.endDate) : lastDay(view.month);
  const submit: SubmitValue = { m: view.missionId, mo: view.month };
  blocks.push(
    actions(
      button(MY_DAYS_ACTIONS.edit, t(locale, 'craflow.close.fix'), { m: view.missionId, from, to }),
      button(CRA_ACTIONS.submit, t(locale, 'craflow.close.submit'), submit, 'primary'),
    ),
  );
  return message(t(locale, 'craflow.close.title', { month, mission: view.missionTitle }), blocks);
}

/** The consultant's CRA message once submitted: the calendar stays, the buttons become the outcome. */
export function submittedMessage(original: ChatMessage | null, outcome: string): ChatMessage {
  if (!original) return { text: outcome.replaceAll('*', ''), blocks: [section(outcome)] };
  return { text: original.text, blocks: [...original.blocks.filter((b) => b.type !== 'actions'), section(outcome)] };
}

/** The ESN manager's notice when the consultant is away at closing: submit on their behalf. */
export function absentNoticeMessage(locale: Locale, view: { name: string; missionTitle: string; missionId: string; month: YearMonth }): ChatMessage {
  const text = t(locale, 'craflow.manager.absent', { name: view.name, month: formatMonth(locale, view.month), mission: view.missionTitle });
  const submit: SubmitValue = { m: view.missionId, mo: view.month };
  return message(text.replaceAll('*', ''), [
    section(text),
    actions(button(CRA_ACTIONS.submit, t(locale, 'craflow.manager.submitOnBehalf', { name: view.name }).slice(0, 75), submit, 'primary')),
  ]);
}

export const whenText = (locale: Locale, instant: Date, timeZone: string): string => formatMoment(locale, instant, timeZone);
