/**
 * The daily check-in's messages: the question ("How was Monday 23 November on <mission>?") with
 * one button per answer, and the same message once answered (the outcome, a way to change it, to
 * say what the other half-day was, and to add a note or a blocker).
 */
import { actions, button, context, message, section, select } from '../../chat/build.js';
import type { ChatElement, ChatMessage } from '../../chat/message.js';
import { ABSENCE_KINDS } from '../../domain/index.js';
import { formatDay } from '../../i18n/format-date.js';
import { t, type Locale, type MessageKey } from '../../i18n/index.js';
import { choiceLabel } from '../day-choices.js';
import type { DailyCheckInView } from './daily-checkin-view.js';

export const DAILY_ACTIONS = {
  answer: 'daily.answer',
  absence: 'daily.absence',
  otherHalf: 'daily.other-half',
  change: 'daily.change',
  note: 'daily.note',
} as const;

function absenceOptions(locale: Locale) {
  return ABSENCE_KINDS.map((kind) => ({ label: t(locale, `day.choice.${kind}` as MessageKey), value: kind }));
}

function noteLines(locale: Locale, view: DailyCheckInView): string[] {
  const lines: string[] = [];
  if (view.note) lines.push(t(locale, 'daily.noteLine', { note: view.note }));
  if (view.blocker) lines.push(t(locale, 'daily.blockerLine', { blocker: view.blocker }));
  return lines;
}

/** The question, with the answer buttons. `reminder` words it as the next morning's gentle reminder. */
export function dailyQuestionMessage(locale: Locale, view: DailyCheckInView, reminder = false): ChatMessage {
  const day = formatDay(locale, view.date);
  const question = t(locale, reminder ? 'daily.reminder' : 'daily.question', { day, mission: view.missionTitle });
  const c = view.id;
  const answers: ChatElement[] = [button(DAILY_ACTIONS.answer, t(locale, 'daily.answer.full'), { c, a: 'full' }, 'primary')];
  if (view.granularity !== 'DAY') {
    answers.push(
      button(DAILY_ACTIONS.answer, t(locale, 'daily.answer.halfAm'), { c, a: 'half-am' }),
      button(DAILY_ACTIONS.answer, t(locale, 'daily.answer.halfPm'), { c, a: 'half-pm' }),
    );
  }
  answers.push(select(DAILY_ACTIONS.absence, t(locale, 'daily.answer.absent'), { c }, absenceOptions(locale)));
  if (view.otherMission) answers.push(button(DAILY_ACTIONS.answer, t(locale, 'daily.answer.none'), { c, a: 'none' }));
  const notes = noteLines(locale, view);
  return message(question.replaceAll('*', ''), [
    section(question),
    actions(...answers),
    actions(button(DAILY_ACTIONS.note, t(locale, notes.length > 0 ? 'daily.editNote' : 'daily.addNote'), { c })),
    context([...notes, t(locale, 'daily.hint')].join('\n')),
  ]);
}

/** What the day holds, in words: the half-day answered (morning or afternoon) when known. */
function recordedText(locale: Locale, view: DailyCheckInView): string {
  if (!view.choice) return t(locale, 'daily.recorded.nothing');
  if (view.half && view.choice === 'half') return t(locale, `daily.recorded.half.${view.half}`);
  if (view.half && view.choice.startsWith('half+')) {
    return t(locale, `daily.recorded.halfWith.${view.half}`, { kind: t(locale, `kind.${view.choice.slice('half+'.length)}` as MessageKey) });
  }
  return choiceLabel(locale, view.choice);
}

/** The answered check-in: what is recorded, and what can still be done. */
export function dailyAnsweredMessage(locale: Locale, view: DailyCheckInView): ChatMessage {
  const day = formatDay(locale, view.date);
  const c = view.id;
  const what = recordedText(locale, view);
  const outcome = t(locale, 'daily.recorded', { day, mission: view.missionTitle, what });
  const blocks = [section(outcome)];
  if (view.choice === 'half') {
    blocks.push(
      section(
        t(locale, 'daily.otherHalf'),
        select(DAILY_ACTIONS.otherHalf, t(locale, 'daily.otherHalf.placeholder'), { c }, absenceOptions(locale)),
      ),
    );
  }
  blocks.push(
    actions(
      button(DAILY_ACTIONS.change, t(locale, 'daily.change'), { c }),
      button(DAILY_ACTIONS.note, t(locale, view.note || view.blocker ? 'daily.editNote' : 'daily.addNote'), { c }),
    ),
  );
  const notes = noteLines(locale, view);
  if (notes.length > 0) blocks.push(context(notes.join('\n')));
  return message(outcome.replaceAll('*', ''), blocks);
}

/**
 * The check-in closed unanswered by a weekly check-in: the day is in that weekly check-in
 * (`inWeekly`), or, from an earlier week, still to fill in from "my month".
 */
export function dailyRolledOverMessage(locale: Locale, view: DailyCheckInView, inWeekly: boolean): ChatMessage {
  const text = t(locale, inWeekly ? 'daily.rolledOver' : 'daily.stillOpen', { day: formatDay(locale, view.date), mission: view.missionTitle });
  return message(text.replaceAll('*', ''), [section(text), actions(button(DAILY_ACTIONS.change, t(locale, 'daily.answerAnyway'), { c: view.id }))]);
}
