/**
 * Opening and answering the weekly check-in. An answer is applied as a whole (days, leave, answers,
 * alerts) or not at all; a mood of 2 or less and any blocker alert the manager at once.
 */
import { z } from 'zod';
import { personToday } from '../person-today.js';
import type { FieldError } from '../../chat/interaction.js';
import { defineAction, defineForm, type HandlerContext } from '../../chat/router/definitions.js';
import { recordAudit } from '../../db/audit.js';
import type { Tx } from '../../db/client.js';
import { addDays, isIsoDate, type IsoDate } from '../../domain/index.js';
import { isCodedError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { markCheckInAnswered, setCheckInAnswer } from '../check-in-answers.js';
import { hasOtherMission } from '../consultant-missions.js';
import { applyDayChoices, dayFieldErrors, readDayChoices } from '../my-days/apply-day-choices.js';
import { planLeave, type LeaveRequest } from './plan-leave.js';
import { LEAVE_KINDS, WEEKLY_TEXT_MAX, weeklyForm } from './weekly-form.js';
import { WEEKLY_ACTIONS, weeklyAnsweredMessage } from './weekly-messages.js';
import { loadWeeklyCheckIn, type WeeklyCheckInView } from './weekly-view.js';

const checkInRef = z.object({ c: z.uuid() });

const LEAVE_MAX_DAYS = 62;

/** Days of another mission the same week make "nothing on this mission" an answer. */
function withNone(ctx: HandlerContext, view: WeeklyCheckInView): Promise<boolean> {
  return hasOtherMission(ctx.prisma, ctx.person.id, view.missionId, view.monday, view.friday);
}

export const openWeeklyAction = defineAction({
  actionId: WEEKLY_ACTIONS.open,
  value: checkInRef,
  handle: async (ctx, { value }) => {
    const view = await loadWeeklyCheckIn(ctx.prisma, value.c, ctx.person.id, personToday(ctx));
    return { form: weeklyForm(ctx.locale, view, await withNone(ctx, view)) };
  },
});

/** The leave asked in the form, or the errors of its fields. */
function readLeave(ctx: HandlerContext, fields: Readonly<Record<string, string>>, view: WeeklyCheckInView): { leave: LeaveRequest | null; errors: FieldError[] } {
  const from = (fields.leave_from ?? '').trim();
  const to = (fields.leave_to ?? '').trim();
  const kind = (fields.leave_kind ?? 'CP').trim() || 'CP';
  if (from === '' && to === '') return { leave: null, errors: [] };
  const errors: FieldError[] = [];
  if (!isIsoDate(from)) errors.push({ field: 'leave_from', message: t(ctx.locale, from === '' ? 'form.required' : 'weekly.leave.badDate') });
  if (!isIsoDate(to)) errors.push({ field: 'leave_to', message: t(ctx.locale, to === '' ? 'form.required' : 'weekly.leave.badDate') });
  if (!(LEAVE_KINDS as readonly string[]).includes(kind)) errors.push({ field: 'leave_kind', message: t(ctx.locale, 'form.invalidChoice') });
  if (errors.length > 0) return { leave: null, errors };
  if (from > to) return { leave: null, errors: [{ field: 'leave_to', message: t(ctx.locale, 'weekly.leave.order') }] };
  if (from < view.monday) return { leave: null, errors: [{ field: 'leave_from', message: t(ctx.locale, 'weekly.leave.past') }] };
  if (addDays(from, LEAVE_MAX_DAYS) < to) return { leave: null, errors: [{ field: 'leave_to', message: t(ctx.locale, 'weekly.leave.tooLong', { max: LEAVE_MAX_DAYS }) }] };
  return { leave: { from, to, kind: kind as LeaveRequest['kind'] }, errors: [] };
}

async function saveAnswers(tx: Tx, checkInId: string, answers: Record<string, string | null>): Promise<void> {
  for (const [key, value] of Object.entries(answers)) await setCheckInAnswer(tx, checkInId, key, value);
}

export const submitWeeklyForm = defineForm({
  actionId: WEEKLY_ACTIONS.submit,
  value: checkInRef,
  handle: async (ctx, { value, fields }) => {
    const view = await loadWeeklyCheckIn(ctx.prisma, value.c, ctx.person.id, personToday(ctx));
    const { choices, errors } = readDayChoices(ctx.locale, view.days, fields, await withNone(ctx, view));
    const mood = (fields.mood ?? '').trim();
    if (!/^[1-5]$/.test(mood)) errors.push({ field: 'mood', message: t(ctx.locale, mood === '' ? 'form.required' : 'form.invalidChoice') });
    const texts = { highlights: (fields.highlights ?? '').trim(), blockers: (fields.blockers ?? '').trim(), risks: (fields.risks ?? '').trim() };
    for (const [field, text] of Object.entries(texts)) {
      if (text.length > WEEKLY_TEXT_MAX) errors.push({ field, message: t(ctx.locale, 'form.tooLong', { max: WEEKLY_TEXT_MAX }) });
    }
    const { leave, errors: leaveErrors } = readLeave(ctx, fields, view);
    errors.push(...leaveErrors);
    if (errors.length > 0) return { fieldErrors: errors };

    let after: WeeklyCheckInView;
    try {
      after = await ctx.prisma.$transaction(async (tx) => {
        const common = { channel: ctx.channel, actorId: ctx.person.id, now: ctx.now, locale: ctx.locale, changeId: ctx.interaction.id };
        await applyDayChoices(tx, { missionId: view.missionId, consultantId: ctx.person.id, choices, ...common });
        const leaveDays: IsoDate[] = leave ? await planLeave(tx, { missionId: view.missionId, leave, ...common }) : [];
        await saveAnswers(tx, view.id, {
          mood,
          ...texts,
          leave: leave ? `${leave.from} → ${leave.to} (${leave.kind}, ${leaveDays.length})` : (view.answers.leave ?? null),
        });
        await markCheckInAnswered(tx, view.id, ctx.now, ctx.channel);
        await recordAudit(tx, {
          organizationId: view.organizationId,
          entityType: 'CheckIn',
          entityId: view.id,
          action: 'checkin.weekly',
          fromStatus: view.status,
          toStatus: 'ANSWERED',
          channel: ctx.channel,
          actorId: ctx.person.id,
          data: { days: choices.size, leaveDays: leaveDays.length, mood: Number(mood) },
        });
        await raiseWeeklyAlerts(tx, ctx, view, Number(mood), texts.blockers);
        return loadWeeklyCheckIn(tx, view.id, ctx.person.id, personToday(ctx));
      });
    } catch (error) {
      if (!isCodedError(error)) throw error;
      const fieldErrors = dayFieldErrors(ctx.locale, error);
      if (!fieldErrors) throw error;
      // A refused day of leave is not one of the week's day fields: say it next to the leave dates.
      const weekFields = new Set(view.days.days.map((d) => `day_${d.date}`));
      return {
        fieldErrors: fieldErrors.map((e) => (weekFields.has(e.field) ? e : { field: 'leave_from', message: e.message })),
      };
    }
    return { update: weeklyAnsweredMessage(ctx.locale, after), notice: t(ctx.locale, 'weekly.sent') };
  },
});

/** Low mood (≤ 2) once per week; a blocker each time its text changes. */
async function raiseWeeklyAlerts(tx: Tx, ctx: HandlerContext, view: WeeklyCheckInView, mood: number, blockers: string): Promise<void> {
  const common = {
    organizationId: view.organizationId,
    missionId: view.missionId,
    subjectId: ctx.person.id,
    recipientId: view.managerId,
    now: ctx.now,
    platforms: ctx.platforms,
  };
  if (mood <= 2) {
    await raiseAlert(tx, { ...common, kind: 'LOW_MOOD', dedupeKey: `mood:${view.id}`, facts: { mission: view.missionTitle, mood, week: view.monday } });
  }
  if (blockers !== '' && blockers !== (view.answers.blockers ?? '')) {
    await raiseAlert(tx, {
      ...common,
      kind: 'BLOCKER',
      dedupeKey: `blocker:${view.id}:${ctx.interaction.id}`,
      facts: { mission: view.missionTitle, date: view.friday, text: blockers },
    });
  }
}
