/**
 * The ESN manager's answer to a dispute: "correct" (DISPUTED → DRAFT v+1: the consultant fixes the
 * days through the ESN flow and resubmits, a new version goes to the client) or "maintain" with an
 * answer (DISPUTED → PENDING_CLIENT, same version, the answer sent to the client with a new
 * request). Only the mission's manager or an admin. Every step audited.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Db } from '../../db/client.js';
import { applyCraEvent, fromDateOnlyUTC } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { formatDay, formatMonth } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { buildCraContent } from '../../rituals/cra/cra-content.js';
import { stateOf } from './approve-cra.js';
import { backToDraft } from './back-to-draft.js';
import { actorOf, assertCanManage } from './cra-people.js';
import { loadCraRecord } from './cra-record.js';
import { sendRequest } from './cra-requests.js';

export interface ResolveDisputeOptions {
  prisma: Db;
  disputeId: string;
  decision: 'correct' | 'maintain';
  /** The answer to the client (maintain). */
  answer?: string;
  actorId: string;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export function resolveDispute(options: ResolveDisputeOptions): Promise<{ status: 'DRAFT' | 'PENDING_CLIENT'; version: number }> {
  return options.prisma.$transaction(async (tx) => {
    const dispute = await tx.dispute.findUnique({ where: { id: options.disputeId }, include: { days: { orderBy: { date: 'asc' } } } });
    if (!dispute) throw new CodedError('NOT_FOUND', `No dispute ${options.disputeId}`);
    const record = await loadCraRecord(tx, dispute.timesheetId);
    const { timesheet, mission } = record;
    const actor = await actorOf(tx, options.actorId);
    assertCanManage(actor, mission);
    if (dispute.status !== 'OPEN' || timesheet.status !== 'DISPUTED' || timesheet.version !== dispute.version) {
      throw new CodedError('CRA_NOT_PENDING', `Dispute ${dispute.id} is ${dispute.status}`, {}, { params: { status: timesheet.status } });
    }
    const common = {
      organizationId: mission.organizationId,
      entityType: 'Timesheet',
      entityId: timesheet.id,
      actorId: actor.id,
      channel: options.channel,
      fromStatus: 'DISPUTED',
    } as const;
    if (options.decision === 'correct') {
      const next = applyCraEvent(stateOf(record), { type: 'correct' });
      await tx.dispute.update({ where: { id: dispute.id }, data: { status: 'CORRECTED', resolvedById: actor.id, resolvedAt: options.now } });
      await recordAudit(tx, { ...common, action: 'cra.correct', toStatus: 'DRAFT', version: next.version, data: { disputeId: dispute.id, previousVersion: timesheet.version } });
      const locale = mission.consultantLocale;
      const days = dispute.days.map((d) => formatDay(locale, fromDateOnlyUTC(d.date))).join(', ');
      const note = t(locale, 'craflow.consultant.correct', {
        month: formatMonth(locale, timesheet.month),
        mission: mission.title,
        version: next.version,
        days: days ? t(locale, 'craflow.consultant.correctDays', { days }) : '',
      });
      await backToDraft(tx, record, { version: next.version, now: options.now, platforms: options.platforms, keyPrefix: 'cra-correct', note, disputed: dispute.days.map((d) => d.date) });
      return { status: 'DRAFT', version: next.version };
    }
    const answer = (options.answer ?? '').trim();
    if (answer === '') throw new CodedError('CRA_REASON_REQUIRED', 'An answer is required to maintain a CRA', {}, { params: { event: 'maintain' } });
    applyCraEvent(stateOf(record), { type: 'maintain' });
    // The days may change while a CRA is disputed: a changed month cannot be maintained as the version the client saw.
    const { contentHash } = await buildCraContent(tx, { missionId: mission.id, month: timesheet.month, version: timesheet.version });
    if (contentHash !== record.current?.contentHash) {
      throw new CodedError('CRA_DAYS_CHANGED', `The days of ${timesheet.month} changed since version ${timesheet.version} was submitted`, {}, { params: { version: timesheet.version } });
    }
    await tx.dispute.update({ where: { id: dispute.id }, data: { status: 'MAINTAINED', resolution: answer, resolvedById: actor.id, resolvedAt: options.now } });
    await tx.timesheet.update({
      where: { id: timesheet.id },
      data: { status: 'PENDING_CLIENT', sentToClientAt: options.now, reminderCount: 0, lastReminderAt: null, escalationLevel: 0 },
    });
    await recordAudit(tx, { ...common, action: 'cra.maintain', toStatus: 'PENDING_CLIENT', version: timesheet.version, contentHash: timesheet.contentHash, data: { disputeId: dispute.id } });
    const approverId = timesheet.approverId ?? dispute.raisedById;
    const fresh = await loadCraRecord(tx, timesheet.id);
    await sendRequest(tx, {
      record: fresh,
      approverId,
      now: options.now,
      platforms: options.platforms,
      suffix: `m${dispute.id}`,
      notes: (locale) => [t(locale, 'craflow.request.maintained', { answer: answer.slice(0, 2000) })],
    });
    return { status: 'PENDING_CLIENT', version: timesheet.version };
  });
}
