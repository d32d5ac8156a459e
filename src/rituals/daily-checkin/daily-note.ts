/**
 * A note or a blocker on a daily check-in. The note stays with the check-in (internal to the ESN);
 * a blocker also alerts the mission's manager at once. Neither ever reaches the client.
 */
import { z } from 'zod';
import { recordAudit } from '../../db/audit.js';
import { defineAction, defineForm } from '../../chat/router/definitions.js';
import { formatDay } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { setCheckInAnswer } from '../check-in-answers.js';
import { DAILY_ACTIONS, dailyAnsweredMessage, dailyQuestionMessage } from './daily-checkin-messages.js';
import { loadDailyCheckIn } from './daily-checkin-view.js';

const NOTE_MAX = 1000;
const checkInRef = z.object({ c: z.uuid() });

export const openDailyNoteAction = defineAction({
  actionId: DAILY_ACTIONS.note,
  value: checkInRef,
  handle: async (ctx, { value }) => {
    const view = await loadDailyCheckIn(ctx.prisma, value.c, ctx.person.id);
    const { locale } = ctx;
    return {
      form: {
        actionId: DAILY_ACTIONS.note,
        value: JSON.stringify({ c: view.id }),
        title: t(locale, 'daily.noteForm.title'),
        submitLabel: t(locale, 'form.save'),
        intro: t(locale, 'daily.noteForm.intro', { day: formatDay(locale, view.date), mission: view.missionTitle }),
        fields: [
          { kind: 'textarea', id: 'note', label: t(locale, 'daily.noteForm.note'), required: false, maxLength: NOTE_MAX, ...(view.note ? { initial: view.note } : {}) },
          {
            kind: 'textarea',
            id: 'blocker',
            label: t(locale, 'daily.noteForm.blocker'),
            placeholder: t(locale, 'daily.noteForm.blockerHint'),
            required: false,
            maxLength: NOTE_MAX,
            ...(view.blocker ? { initial: view.blocker } : {}),
          },
        ],
      },
    };
  },
});

export const saveDailyNoteForm = defineForm({
  actionId: DAILY_ACTIONS.note,
  value: checkInRef,
  handle: async (ctx, { value, fields }) => {
    const note = (fields.note ?? '').trim();
    const blocker = (fields.blocker ?? '').trim();
    const tooLong = [['note', note], ['blocker', blocker]].filter(([, text]) => (text ?? '').length > NOTE_MAX);
    if (tooLong.length > 0) {
      return { fieldErrors: tooLong.map(([field]) => ({ field: field!, message: t(ctx.locale, 'form.tooLong', { max: NOTE_MAX }) })) };
    }
    const { view, blockerRaised } = await ctx.prisma.$transaction(async (tx) => {
      const before = await loadDailyCheckIn(tx, value.c, ctx.person.id);
      await setCheckInAnswer(tx, before.id, 'note', note);
      await setCheckInAnswer(tx, before.id, 'blocker', blocker);
      if (note !== (before.note ?? '') || blocker !== (before.blocker ?? '')) {
        await recordAudit(tx, {
          organizationId: ctx.person.organizationId,
          entityType: 'CheckIn',
          entityId: before.id,
          action: 'checkin.note',
          channel: ctx.channel,
          actorId: ctx.person.id,
          data: { note: note !== '', blocker: blocker !== '' },
        });
      }
      const raise = blocker !== '' && blocker !== (before.blocker ?? '');
      if (raise) {
        const mission = await tx.mission.findUniqueOrThrow({ where: { id: before.missionId }, select: { managerId: true, organizationId: true } });
        await raiseAlert(tx, {
          kind: 'BLOCKER',
          // A new blocker text on the same check-in is a new alert.
          dedupeKey: `blocker:${before.id}:${ctx.interaction.id}`,
          organizationId: mission.organizationId,
          missionId: before.missionId,
          subjectId: ctx.person.id,
          recipientId: mission.managerId,
          facts: { mission: before.missionTitle, date: before.date, text: blocker },
          now: ctx.now,
          platforms: ctx.platforms,
        });
      }
      return { view: await loadDailyCheckIn(tx, before.id, ctx.person.id), blockerRaised: raise };
    });
    const notice = t(ctx.locale, blockerRaised ? 'daily.blockerSent' : 'daily.noteSaved');
    return {
      update: view.status === 'ANSWERED' ? dailyAnsweredMessage(ctx.locale, view) : dailyQuestionMessage(ctx.locale, view),
      notice,
    };
  },
});
