/**
 * Submits the CRA of a mission and month: DRAFT → SUBMITTED (refused while days are missing) →
 * automatic checks (every worked day has a TJM) → PENDING_CLIENT, with a frozen TimesheetVersion
 * (content + hash + amount lines) and the validation request to the approver resolved today from
 * the dated approvers. Without an approver the CRA stays SUBMITTED and the manager is told.
 * The consultant submits, or the mission's manager / an admin on their behalf (audited as actor).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { parseChatMessage } from '../../chat/message.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Db, Prisma, Tx } from '../../db/client.js';
import { applyCraEvent, type YearMonth } from '../../domain/index.js';
import { formatMonth, formatMoment } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { closeMessage, submittedMessage } from '../../rituals/cra/close-message.js';
import { buildCraContent, loadCraGrid, type CraVersionContent } from '../../rituals/cra/cra-content.js';
import { craCloseKey } from '../../rituals/cra/cra-keys.js';
import { noApproverMessage } from '../../rituals/cra/manager-messages.js';
import { personSummary } from '../../rituals/people.js';
import { enqueueMessage, enqueueUpdate } from '../../scheduler/outbox/enqueue-message.js';
import { checkPurchaseOrderBurn } from './check-purchase-order-burn.js';
import { actorOf, assertCanSubmit } from './cra-people.js';
import { addWorkingDays, loadCraMission, missionDate, type CraRecord } from './cra-record.js';
import { resolveApprovers, sendRequest } from './cra-requests.js';

export interface SubmitCraOptions {
  prisma: Db;
  missionId: string;
  month: YearMonth;
  actorId: string;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
  /** Makes the message-update keys unique (the interaction id). */
  changeId: string;
}

export interface SubmitCraResult {
  timesheetId: string;
  version: number;
  status: 'PENDING_CLIENT' | 'SUBMITTED';
  contentHash: string;
  approverId: string | null;
  approverName: string | null;
}

/** Makes sure the CRA row of a mission and month exists (a month with zero activity still gets one). */
export async function ensureTimesheet(tx: Tx, missionId: string, month: YearMonth, now: Date): Promise<string> {
  await tx.timesheet.createMany({ data: [{ missionId, month, createdAt: now }], skipDuplicates: true });
  const row = await tx.timesheet.findUniqueOrThrow({ where: { missionId_month: { missionId, month } }, select: { id: true } });
  return row.id;
}

export async function submitCra(options: SubmitCraOptions): Promise<SubmitCraResult> {
  const { prisma, missionId, month, now } = options;
  return prisma.$transaction(async (tx) => {
    const mission = await loadCraMission(tx, missionId);
    const actor = await actorOf(tx, options.actorId);
    assertCanSubmit(actor, mission);
    const timesheetId = await ensureTimesheet(tx, missionId, month, now);
    const timesheet = await tx.timesheet.findUniqueOrThrow({ where: { id: timesheetId } });
    const grid = await loadCraGrid(tx, missionId, month, mission);
    const state = { status: timesheet.status, version: timesheet.version, approvedVersion: timesheet.approvedVersion, approvedHash: timesheet.approvedHash };
    applyCraEvent(state, { type: 'submit', complete: grid.complete, missingDays: grid.missingDays });
    // Automatic checks: the amount can be computed (every worked day has a TJM).
    const { content, contentHash } = await buildCraContent(tx, { missionId, month, version: timesheet.version, grid });
    const current = await tx.timesheetVersion.create({
      data: {
        timesheetId,
        version: timesheet.version,
        contentHash,
        content: content as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
        createdAt: now,
      },
    });
    const today = missionDate(mission, now);
    const { primaryId } = await resolveApprovers(tx, missionId, today);
    const approverId = primaryId && primaryId !== mission.consultantId ? primaryId : null;
    const onBehalf = actor.id !== mission.consultantId;
    await recordAudit(tx, {
      organizationId: mission.organizationId,
      entityType: 'Timesheet',
      entityId: timesheetId,
      action: 'cra.submit',
      fromStatus: timesheet.status,
      toStatus: 'SUBMITTED',
      actorId: actor.id,
      channel: options.channel,
      version: timesheet.version,
      contentHash,
      data: { month, onBehalfOf: onBehalf ? mission.consultantId : null },
    });
    const status = approverId ? 'PENDING_CLIENT' : 'SUBMITTED';
    const submitted = await tx.timesheet.update({
      where: { id: timesheetId },
      data: {
        status,
        contentHash,
        approverId,
        submittedById: actor.id,
        submittedAt: now,
        sentToClientAt: approverId ? now : null,
        dueAt: approverId ? new Date(`${addWorkingDays(mission, today, mission.settings.responseDays)}T23:59:59Z`) : null,
        reminderCount: 0,
        lastReminderAt: null,
        escalationLevel: 0,
      },
    });
    const approverName = approverId ? (await personSummary(tx, approverId)).name : null;
    if (approverId) {
      await recordAudit(tx, {
        organizationId: mission.organizationId,
        entityType: 'Timesheet',
        entityId: timesheetId,
        action: 'cra.send',
        fromStatus: 'SUBMITTED',
        toStatus: 'PENDING_CLIENT',
        channel: 'SYSTEM',
        version: timesheet.version,
        contentHash,
        data: { approverId, resolvedOn: today },
      });
      // The record as loadCraRecord would read it back: the rows just written, the mission read above.
      const record: CraRecord = { timesheet: submitted, mission, current, content: current.content as unknown as CraVersionContent };
      await sendRequest(tx, { record, approverId, now, platforms: options.platforms });
    } else {
      await enqueueMessage(tx, {
        dedupeKey: `cra-no-approver:${timesheetId}:v${timesheet.version}`,
        recipientId: mission.managerId,
        kind: 'cra.no-approver',
        message: noApproverMessage(mission.managerLocale, { timesheetId, name: mission.consultant.name, missionTitle: mission.title, month, day: today }),
        now,
        platforms: options.platforms,
      });
    }
    await tellConsultant(tx, { ...options, mission, timesheetId, version: timesheet.version, approverName, onBehalf, actorName: actor.name, grid });
    await checkPurchaseOrderBurn(tx, { mission, month, now, platforms: options.platforms });
    return { timesheetId, version: timesheet.version, status, contentHash, approverId, approverName };
  });
}

async function tellConsultant(
  tx: Tx,
  o: SubmitCraOptions & {
    mission: Awaited<ReturnType<typeof loadCraMission>>;
    timesheetId: string;
    version: number;
    approverName: string | null;
    onBehalf: boolean;
    actorName: string;
    grid: Awaited<ReturnType<typeof loadCraGrid>>;
  },
): Promise<void> {
  const consultant = await personSummary(tx, o.mission.consultantId);
  const locale = consultant.locale;
  const when = formatMoment(locale, o.now, consultant.timeZone);
  const params = { month: formatMonth(locale, o.month), mission: o.mission.title, when, version: o.version, approver: o.approverName ?? '' };
  let outcome = t(locale, o.approverName ? 'craflow.submitted' : 'craflow.submitted.noApprover', params);
  if (o.onBehalf) outcome = `${t(locale, 'craflow.submitted.byManager', { ...params, manager: o.actorName })}\n${outcome}`;
  const closeKey = craCloseKey(o.missionId, o.month);
  const original = await tx.outboxMessage.findUnique({ where: { dedupeKey: closeKey }, select: { payload: true } });
  const base = original
    ? parseChatMessage(original.payload)
    : closeMessage(locale, {
        missionId: o.missionId,
        missionTitle: o.mission.title,
        clientName: o.mission.client.name,
        month: o.month,
        startDate: o.mission.calendar.startDate,
        endDate: o.mission.calendar.endDate,
        grid: o.grid,
      });
  const updated = submittedMessage(base, outcome);
  if (original) {
    await enqueueUpdate(tx, { originalKey: closeKey, dedupeKey: `${closeKey}:submitted:v${o.version}:${o.changeId}`, message: updated, now: o.now });
  }
  if (o.onBehalf || !original) {
    await enqueueMessage(tx, {
      dedupeKey: `cra-submitted:${o.timesheetId}:v${o.version}`,
      recipientId: o.mission.consultantId,
      kind: 'cra.submitted',
      message: submittedMessage(null, outcome),
      now: o.now,
      platforms: o.platforms,
    });
  }
}
