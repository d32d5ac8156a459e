/**
 * The chat side of the monthly CRA: handlers parse, delegate to the services (src/services/cra)
 * and say what to show. Refusals (not the approver, outdated version…) change nothing.
 */
import { z } from 'zod';
import { defineAction, defineForm, type HandlerContext } from '../../chat/router/definitions.js';
import { recordAudit } from '../../db/audit.js';
import { isYearMonth, toDateOnlyUTC } from '../../domain/index.js';
import { CodedError, isCodedError } from '../../errors.js';
import { formatMonth, formatMoment } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { describeProblem } from '../../i18n/problems.js';
import { approveCra, assertCurrent } from '../../services/cra/approve-cra.js';
import { actorOf, assertCanAnswer, assertCanManage, isAdminOf } from '../../services/cra/cra-people.js';
import { loadCraMission, loadCraRecord, missionDate, workingDaysElapsed } from '../../services/cra/cra-record.js';
import { resolveApprovers, sendRequest } from '../../services/cra/cra-requests.js';
import { disputeCra, parseDisputedDays } from '../../services/cra/dispute-cra.js';
import { reopenCra } from '../../services/cra/reopen-cra.js';
import { resolveDispute } from '../../services/cra/resolve-dispute.js';
import { clientContacts, rerouteCra } from '../../services/cra/reroute-cra.js';
import { submitCra } from '../../services/cra/submit-cra.js';
import { alertMessageKey } from '../alerts/raise-alert.js';
import { personSummary } from '../people.js';
import { submittedMessage } from './close-message.js';
import { loadCloseMessage } from './load-close-message.js';
import { CRA_ACTIONS } from './cra-actions.js';
import { craCloseKey, craCloseManagerKey, craRequestKey } from './cra-keys.js';
import { latestCopy, latestKeyStartingWith } from './cra-message-copies.js';
import { followedUp } from './manager-messages.js';
import { requestOutcome } from './request-message.js';

const submitValue = z.object({ m: z.uuid(), mo: z.string().refine(isYearMonth) });
const approveValue = z.object({ t: z.uuid(), v: z.number().int().min(1), h: z.string().regex(/^[0-9a-f]{64}$/) });
const versionValue = z.object({ t: z.uuid(), v: z.number().int().min(1) });
const timesheetValue = z.object({ t: z.uuid() });
const disputeValue = z.object({ d: z.uuid() });

const when = (ctx: HandlerContext): string => formatMoment(ctx.locale, ctx.now, ctx.person.timezone);

export const submitCraAction = defineAction({
  actionId: CRA_ACTIONS.submit,
  value: submitValue,
  handle: async (ctx, { value }) => {
    const result = await submitCra({
      prisma: ctx.prisma,
      missionId: value.m,
      month: value.mo,
      actorId: ctx.person.id,
      channel: ctx.channel,
      now: ctx.now,
      platforms: ctx.platforms,
      changeId: ctx.interaction.id,
    });
    const mission = await ctx.prisma.mission.findUniqueOrThrow({ where: { id: value.m }, select: { consultantId: true, title: true, consultant: { select: { name: true } } } });
    const mine = mission.consultantId === ctx.person.id;
    const params = { month: formatMonth(ctx.locale, value.mo), mission: mission.title, when: when(ctx), version: result.version, approver: result.approverName ?? '' };
    const outcome = mine
      ? t(ctx.locale, result.approverName ? 'craflow.submitted' : 'craflow.submitted.noApprover', params)
      : t(ctx.locale, 'craflow.manager.submittedOnBehalf', { name: mission.consultant.name, when: when(ctx) });
    // The closing's message, else (a copy sent another way: the demo panel) the month as it is now.
    const shown =
      (await latestCopy(ctx.prisma, mine ? craCloseKey(value.m, value.mo) : craCloseManagerKey(value.m, value.mo))) ??
      (mine ? await loadCloseMessage(ctx.prisma, await loadCraMission(ctx.prisma, value.m), value.mo) : null);
    return shown ? { update: submittedMessage(shown, outcome) } : { notice: outcome.replaceAll('*', '') };
  },
});

export const approveCraAction = defineAction({
  actionId: CRA_ACTIONS.approve,
  value: approveValue,
  handle: async (ctx, { value }) => {
    const result = await approveCra({
      prisma: ctx.prisma,
      timesheetId: value.t,
      version: value.v,
      contentHash: value.h,
      actorId: ctx.person.id,
      channel: ctx.channel,
      now: ctx.now,
      platforms: ctx.platforms,
      changeId: ctx.interaction.id,
    });
    const approvedWhen = formatMoment(ctx.locale, result.approvedAt, ctx.person.timezone);
    const notice =
      result.status === 'already'
        ? t(ctx.locale, 'craflow.approve.already', { when: approvedWhen })
        : t(ctx.locale, 'craflow.approve.done', { month: formatMonth(ctx.locale, result.month), consultant: result.consultantName });
    const key = await latestKeyStartingWith(ctx.prisma, craRequestKey(value.t, value.v, ctx.person.id), ctx.person.id);
    const shown = key ? await latestCopy(ctx.prisma, key) : null;
    if (!shown || result.status === 'already') return { notice };
    return { update: requestOutcome(shown, t(ctx.locale, 'craflow.request.approved', { name: ctx.person.name, when: approvedWhen })), notice };
  },
});

/** The record, if the acting person may answer it (approver or backup) and it still waits for the client. */
async function answerable(ctx: HandlerContext, timesheetId: string, version: number) {
  const record = await ctx.prisma.$transaction(async (tx) => {
    const r = await loadCraRecord(tx, timesheetId);
    await assertCanAnswer(tx, { actorId: ctx.person.id, mission: r.mission, approverId: r.timesheet.approverId, today: toDateOnlyUTC(missionDate(r.mission, ctx.now)) });
    assertCurrent(r, version, null);
    return r;
  });
  return record;
}

export const openDisputeAction = defineAction({
  actionId: CRA_ACTIONS.dispute,
  value: versionValue,
  handle: async (ctx, { value }) => {
    await answerable(ctx, value.t, value.v);
    return {
      form: {
        actionId: CRA_ACTIONS.disputeForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.dispute.title'),
        submitLabel: t(ctx.locale, 'craflow.dispute.submit'),
        intro: t(ctx.locale, 'craflow.dispute.intro'),
        fields: [
          { kind: 'textarea', id: 'reason', label: t(ctx.locale, 'craflow.dispute.reason'), required: true, maxLength: 2000 },
          { kind: 'textarea', id: 'days', label: t(ctx.locale, 'craflow.dispute.days'), required: false, maxLength: 1000 },
        ],
      },
    };
  },
});

export const submitDisputeForm = defineForm({
  actionId: CRA_ACTIONS.disputeForm,
  value: versionValue,
  handle: async (ctx, { value, fields }) => {
    const reason = (fields.reason ?? '').trim();
    if (reason === '') return { fieldErrors: [{ field: 'reason', message: t(ctx.locale, 'craflow.dispute.reasonRequired') }] };
    const days = parseDisputedDays(fields.days ?? '');
    try {
      await disputeCra({
        prisma: ctx.prisma,
        timesheetId: value.t,
        version: value.v,
        reason,
        days,
        actorId: ctx.person.id,
        channel: ctx.channel,
        now: ctx.now,
        platforms: ctx.platforms,
        changeId: ctx.interaction.id,
      });
    } catch (error) {
      if (isCodedError(error) && error.code === 'CRA_DAY_OUTSIDE_MONTH') {
        const bad = String(error.params?.days ?? '');
        return { fieldErrors: [{ field: 'days', message: t(ctx.locale, 'craflow.dispute.badDays', { days: bad }) }] };
      }
      throw error;
    }
    return { notice: t(ctx.locale, 'craflow.dispute.sent') };
  },
});

export const satisfactionAction = defineAction({
  actionId: CRA_ACTIONS.satisfaction,
  value: timesheetValue,
  handle: async (ctx, { value, selected }) => {
    const score = Number(selected);
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new CodedError('INVALID_INTERACTION', 'Satisfaction must be 1-5', { refusal: true });
    await ctx.prisma.$transaction(async (tx) => {
      const r = await loadCraRecord(tx, value.t);
      await assertCanAnswer(tx, { actorId: ctx.person.id, mission: r.mission, approverId: r.timesheet.approverId, today: toDateOnlyUTC(missionDate(r.mission, ctx.now)) });
      await tx.timesheet.update({ where: { id: r.timesheet.id }, data: { satisfaction: score } });
      await recordAudit(tx, {
        organizationId: r.mission.organizationId,
        entityType: 'Timesheet',
        entityId: r.timesheet.id,
        action: 'cra.satisfaction',
        actorId: ctx.person.id,
        channel: ctx.channel,
        version: r.timesheet.version,
        data: { score },
      });
    });
    return { notice: t(ctx.locale, 'craflow.satisfaction.saved', { score }) };
  },
});

/** The dispute alert message the acting manager received, updated with a line. */
async function disputeAlertUpdate(ctx: HandlerContext, disputeId: string, line: string) {
  const alert = await ctx.prisma.alert.findUnique({ where: { dedupeKey: `cra-dispute:${disputeId}` }, select: { id: true } });
  const shown = alert ? await latestCopy(ctx.prisma, alertMessageKey(alert.id, ctx.person.id)) : null;
  if (alert) await ctx.prisma.alert.updateMany({ where: { id: alert.id, status: 'OPEN' }, data: { status: 'RESOLVED', resolvedAt: ctx.now } });
  return shown ? { update: followedUp(shown, line) } : { notice: line };
}

export const correctDisputeAction = defineAction({
  actionId: CRA_ACTIONS.correct,
  value: disputeValue,
  handle: async (ctx, { value }) => {
    const result = await resolveDispute({ prisma: ctx.prisma, disputeId: value.d, decision: 'correct', actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return disputeAlertUpdate(ctx, value.d, t(ctx.locale, 'craflow.alert.corrected', { when: when(ctx), version: result.version }));
  },
});

export const openMaintainAction = defineAction({
  actionId: CRA_ACTIONS.maintain,
  value: disputeValue,
  handle: async (ctx, { value }) => {
    await ctx.prisma.$transaction(async (tx) => {
      const dispute = await tx.dispute.findUnique({ where: { id: value.d }, select: { timesheetId: true } });
      if (!dispute) throw new CodedError('NOT_FOUND', 'No dispute');
      const record = await loadCraRecord(tx, dispute.timesheetId);
      assertCanManage(await actorOf(tx, ctx.person.id), record.mission);
    });
    return {
      form: {
        actionId: CRA_ACTIONS.maintainForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.maintain.title'),
        submitLabel: t(ctx.locale, 'craflow.maintain.submit'),
        fields: [{ kind: 'textarea', id: 'answer', label: t(ctx.locale, 'craflow.maintain.answer'), required: true, maxLength: 2000 }],
      },
    };
  },
});

export const submitMaintainForm = defineForm({
  actionId: CRA_ACTIONS.maintainForm,
  value: disputeValue,
  handle: async (ctx, { value, fields }) => {
    const answer = (fields.answer ?? '').trim();
    if (answer === '') return { fieldErrors: [{ field: 'answer', message: t(ctx.locale, 'craflow.maintain.answerRequired') }] };
    await resolveDispute({ prisma: ctx.prisma, disputeId: value.d, decision: 'maintain', answer, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return disputeAlertUpdate(ctx, value.d, t(ctx.locale, 'craflow.alert.maintained', { when: when(ctx) }));
  },
});

/** The record of a CRA waiting for the client, if the acting person manages its mission. */
async function managedPending(ctx: HandlerContext, timesheetId: string, allowSubmitted = false) {
  return ctx.prisma.$transaction(async (tx) => {
    const record = await loadCraRecord(tx, timesheetId);
    assertCanManage(await actorOf(tx, ctx.person.id), record.mission);
    const ok = record.timesheet.status === 'PENDING_CLIENT' || (allowSubmitted && record.timesheet.status === 'SUBMITTED');
    if (!ok) throw new CodedError('CRA_NOT_PENDING', 'Not pending', {}, { params: { status: record.timesheet.status } });
    return record;
  });
}

/** The overdue alert the acting manager received about a CRA, updated with a line. */
async function overdueUpdate(ctx: HandlerContext, timesheetId: string, line: string, keepButtons: boolean) {
  const alert = await ctx.prisma.alert.findFirst({ where: { timesheetId, kind: 'OVERDUE_VALIDATION' }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  const shown = alert ? await latestCopy(ctx.prisma, alertMessageKey(alert.id, ctx.person.id)) : null;
  return shown ? { update: followedUp(shown, line, keepButtons), notice: line } : { notice: line };
}

export const remindApproverAction = defineAction({
  actionId: CRA_ACTIONS.remind,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    await managedPending(ctx, value.t);
    await ctx.prisma.$transaction(async (tx) => {
      const record = await loadCraRecord(tx, value.t);
      const elapsed = workingDaysElapsed(record.mission, missionDate(record.mission, record.timesheet.sentToClientAt ?? ctx.now), missionDate(record.mission, ctx.now));
      await sendRequest(tx, {
        record,
        approverId: record.timesheet.approverId!,
        now: ctx.now,
        platforms: ctx.platforms,
        suffix: `n${ctx.interaction.id}`,
        notes: (locale) => [t(locale, 'craflow.request.reminder', { days: elapsed })],
      });
      await tx.timesheet.update({ where: { id: value.t }, data: { reminderCount: { increment: 1 }, lastReminderAt: ctx.now } });
      await recordAudit(tx, {
        organizationId: record.mission.organizationId,
        entityType: 'Timesheet',
        entityId: value.t,
        action: 'cra.remind',
        actorId: ctx.person.id,
        channel: ctx.channel,
        version: record.timesheet.version,
        data: { approverId: record.timesheet.approverId },
      });
    });
    return overdueUpdate(ctx, value.t, t(ctx.locale, 'craflow.alert.reminded', { when: when(ctx) }), true);
  },
});

export const sendToBackupAction = defineAction({
  actionId: CRA_ACTIONS.backup,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    const record = await managedPending(ctx, value.t);
    const { backupId } = await ctx.prisma.$transaction((tx) => resolveApprovers(tx, record.mission.id, missionDate(record.mission, ctx.now)));
    if (!backupId || backupId === record.timesheet.approverId) return { notice: t(ctx.locale, 'craflow.alert.noBackup') };
    const approverName = record.timesheet.approverId ? (await personSummary(ctx.prisma, record.timesheet.approverId)).name : '—';
    await ctx.prisma.$transaction((tx) =>
      rerouteCra(tx, {
        timesheetId: value.t,
        toId: backupId,
        actorId: ctx.person.id,
        channel: ctx.channel,
        now: ctx.now,
        platforms: ctx.platforms,
        reason: 'backup',
        changeId: ctx.interaction.id,
        replace: false,
        notes: (locale) => [t(locale, 'craflow.request.backup', { approver: approverName })],
      }),
    );
    const backup = await personSummary(ctx.prisma, backupId);
    return overdueUpdate(ctx, value.t, t(ctx.locale, 'craflow.alert.backupSent', { name: backup.name, when: when(ctx) }), true);
  },
});

export const openChangeApproverAction = defineAction({
  actionId: CRA_ACTIONS.changeApprover,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    const record = await managedPending(ctx, value.t, true);
    const contacts = await ctx.prisma.$transaction((tx) => clientContacts(tx, record.mission.clientId, record.mission.consultantId));
    if (contacts.length === 0) return { notice: t(ctx.locale, 'craflow.alert.noBackup') };
    return {
      form: {
        actionId: CRA_ACTIONS.changeApproverForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.changeApprover.title'),
        submitLabel: t(ctx.locale, 'craflow.changeApprover.submit'),
        fields: [
          {
            kind: 'select',
            id: 'approver',
            label: t(ctx.locale, 'craflow.changeApprover.field'),
            options: contacts.slice(0, 100).map((c) => ({ label: c.name.slice(0, 75), value: c.id })),
            ...(record.timesheet.approverId ? { initial: record.timesheet.approverId } : {}),
            required: true,
          },
        ],
      },
    };
  },
});

export const submitChangeApproverForm = defineForm({
  actionId: CRA_ACTIONS.changeApproverForm,
  value: timesheetValue,
  handle: async (ctx, { value, fields }) => {
    const record = await managedPending(ctx, value.t, true);
    const toId = fields.approver ?? '';
    const notContact = { fieldErrors: [{ field: 'approver', message: describeProblem(ctx.locale, { code: 'CRA_NOT_APPROVER', message: 'Not a contact of the client' }) }] };
    if (!z.uuid().safeParse(toId).success) return notContact;
    const to = await ctx.prisma.person.findFirst({ where: { id: toId, clientId: record.mission.clientId }, select: { id: true, name: true } });
    if (!to) return notContact;
    if (to.id === record.timesheet.approverId) return { notice: t(ctx.locale, 'craflow.changeApprover.same', { name: to.name }) };
    await ctx.prisma.$transaction((tx) =>
      rerouteCra(tx, { timesheetId: value.t, toId: to.id, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms, reason: 'change', changeId: ctx.interaction.id, replace: true }),
    );
    return { notice: t(ctx.locale, 'craflow.changeApprover.done', { name: to.name }) };
  },
});

export const openReopenAction = defineAction({
  actionId: CRA_ACTIONS.reopen,
  value: timesheetValue,
  handle: async (ctx, { value }) => {
    await ctx.prisma.$transaction(async (tx) => {
      const record = await loadCraRecord(tx, value.t);
      if (!isAdminOf(await actorOf(tx, ctx.person.id), record.mission)) throw new CodedError('CRA_REOPEN_FORBIDDEN', 'Admins only');
    });
    return {
      form: {
        actionId: CRA_ACTIONS.reopenForm,
        value: JSON.stringify(value),
        title: t(ctx.locale, 'craflow.reopen.title'),
        submitLabel: t(ctx.locale, 'craflow.reopen.submit'),
        fields: [{ kind: 'textarea', id: 'reason', label: t(ctx.locale, 'craflow.reopen.reason'), required: true, maxLength: 2000 }],
      },
    };
  },
});

export const submitReopenForm = defineForm({
  actionId: CRA_ACTIONS.reopenForm,
  value: timesheetValue,
  handle: async (ctx, { value, fields }) => {
    const reason = (fields.reason ?? '').trim();
    if (reason === '') return { fieldErrors: [{ field: 'reason', message: t(ctx.locale, 'craflow.reopen.reasonRequired') }] };
    const ts = await ctx.prisma.timesheet.findUnique({ where: { id: value.t }, select: { missionId: true, month: true } });
    if (!ts) throw new CodedError('NOT_FOUND', 'No CRA');
    const result = await reopenCra({ prisma: ctx.prisma, missionId: ts.missionId, month: ts.month, reason, actorId: ctx.person.id, channel: ctx.channel, now: ctx.now, platforms: ctx.platforms });
    return { notice: t(ctx.locale, 'craflow.reopen.done', { when: when(ctx), version: result.version }) };
  },
});

export const CRA_INTERACTIONS = [
  submitCraAction,
  approveCraAction,
  openDisputeAction,
  submitDisputeForm,
  satisfactionAction,
  correctDisputeAction,
  openMaintainAction,
  submitMaintainForm,
  remindApproverAction,
  sendToBackupAction,
  openChangeApproverAction,
  submitChangeApproverForm,
  openReopenAction,
  submitReopenForm,
] as const;
