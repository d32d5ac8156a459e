/**
 * A client approver approves one exact version of a CRA (the version and content hash the request
 * carried). Only the CRA's current approver, or a backup approver of that mission, may; never the
 * consultant. An outdated version is refused; approving again is a no-op ("already approved on …").
 * Approval locks the version (approvedHash, approvedAt, TimesheetVersion.approvedAt), is audited
 * (approver, time, channel, hash), replaces the requests' buttons by the outcome, tells the
 * manager (with the PDF link when there is one) and the consultant, and checks the purchase order.
 * `tacitApproveCra` is the same for a mission whose contract allows tacit acceptance (channel SYSTEM).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Db, Tx } from '../../db/client.js';
import { applyCraEvent, toDateOnlyUTC } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { formatMonth, formatMoment } from '../../i18n/format-date.js';
import { t } from '../../i18n/index.js';
import { approvedMessage } from '../../rituals/cra/approved-message.js';
import { craPdfLink } from '../../documents/document-links.js';
import { personSummary } from '../../rituals/people.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { checkPurchaseOrderBurn } from './check-purchase-order-burn.js';
import { assertCanAnswer } from './cra-people.js';
import { loadCraRecord, missionDate, type CraRecord } from './cra-record.js';
import { settleRequests } from './cra-requests.js';

export interface ApproveCraOptions {
  prisma: Db;
  timesheetId: string;
  version: number;
  contentHash: string;
  actorId: string;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
  changeId: string;
}

export type ApproveCraResult =
  | { readonly status: 'approved'; readonly approvedAt: Date; readonly month: string; readonly consultantName: string }
  | { readonly status: 'already'; readonly approvedAt: Date; readonly month: string; readonly consultantName: string };

export function approveCra(options: ApproveCraOptions): Promise<ApproveCraResult> {
  return options.prisma.$transaction(async (tx) => {
    const record = await loadCraRecord(tx, options.timesheetId);
    const { timesheet, mission } = record;
    await assertCanAnswer(tx, {
      actorId: options.actorId,
      mission,
      approverId: timesheet.approverId,
      today: toDateOnlyUTC(missionDate(mission, options.now)),
    });
    const facts = { month: timesheet.month, consultantName: mission.consultant.name };
    if (
      (timesheet.status === 'APPROVED' || timesheet.status === 'INVOICED') &&
      timesheet.approvedVersion === options.version &&
      timesheet.approvedHash === options.contentHash &&
      timesheet.approvedAt
    ) {
      return { status: 'already', approvedAt: timesheet.approvedAt, ...facts };
    }
    assertCurrent(record, options.version, options.contentHash);
    const next = applyCraEvent(stateOf(record), {
      type: 'approve',
      version: options.version,
      contentHash: options.contentHash,
      currentHash: record.current!.contentHash,
    });
    await lockApproval(tx, record, { ...options, approvedVersion: next.approvedVersion!, tacit: false });
    return { status: 'approved', approvedAt: options.now, ...facts };
  });
}

export function stateOf(record: CraRecord) {
  const { timesheet } = record;
  return { status: timesheet.status, version: timesheet.version, approvedVersion: timesheet.approvedVersion, approvedHash: timesheet.approvedHash };
}

/** Refuses a version or content the CRA no longer has, and a CRA not waiting for the client. */
export function assertCurrent(record: CraRecord, version: number, contentHash: string | null): void {
  const { timesheet, current } = record;
  if (version !== timesheet.version || !current || (contentHash !== null && contentHash !== current.contentHash)) {
    throw new CodedError('CRA_OUTDATED', `Version ${version} of timesheet ${timesheet.id} is outdated (current ${timesheet.version})`, {}, {
      params: { version },
    });
  }
  if (timesheet.status !== 'PENDING_CLIENT') {
    throw new CodedError('CRA_NOT_PENDING', `Timesheet ${timesheet.id} is ${timesheet.status}`, {}, { params: { status: timesheet.status } });
  }
}

/** Locks the approved version, audits it and tells everybody (shared by the explicit and the tacit approval). */
export async function lockApproval(
  tx: Tx,
  record: CraRecord,
  o: { actorId: string | null; channel: Channel; now: Date; platforms: readonly ChatPlatform[]; changeId: string; approvedVersion: number; tacit: boolean },
): Promise<void> {
  const { timesheet, mission, current, content } = record;
  const hash = current!.contentHash;
  const { count } = await tx.timesheet.updateMany({
    where: { id: timesheet.id, status: 'PENDING_CLIENT', version: timesheet.version },
    data: { status: 'APPROVED', approvedVersion: o.approvedVersion, approvedHash: hash, approvedAt: o.now },
  });
  if (count !== 1) throw new CodedError('CRA_NOT_PENDING', `Timesheet ${timesheet.id} changed meanwhile`, {}, { params: { status: timesheet.status } });
  await tx.timesheetVersion.update({ where: { id: current!.id }, data: { approvedAt: o.now } });
  await recordAudit(tx, {
    organizationId: mission.organizationId,
    entityType: 'Timesheet',
    entityId: timesheet.id,
    action: o.tacit ? 'cra.tacit-approve' : 'cra.approve',
    fromStatus: 'PENDING_CLIENT',
    toStatus: 'APPROVED',
    actorId: o.actorId,
    channel: o.channel,
    version: timesheet.version,
    contentHash: hash,
    data: { approverId: o.actorId, requestedApproverId: timesheet.approverId, approvedAt: o.now.toISOString() },
  });
  await tx.alert.updateMany({
    where: { timesheetId: timesheet.id, kind: 'OVERDUE_VALIDATION', status: { not: 'RESOLVED' } },
    data: { status: 'RESOLVED', resolvedAt: o.now },
  });
  const approver = o.actorId ? await personSummary(tx, o.actorId) : null;
  await settleRequests(tx, {
    timesheetId: timesheet.id,
    now: o.now,
    changeId: `approved:${o.changeId}`,
    outcome: (locale, timeZone) =>
      approver
        ? t(locale, 'craflow.request.approved', { name: approver.name, when: formatMoment(locale, o.now, timeZone) })
        : t(locale, 'craflow.request.tacitApproved', { when: formatMoment(locale, o.now, timeZone) }),
  });
  const manager = await personSummary(tx, mission.managerId);
  const managerPerson = await tx.person.findUniqueOrThrow({ where: { id: mission.managerId }, select: { roles: true } });
  const pdfUrl = await craPdfLink({ prisma: tx, timesheetId: timesheet.id, version: timesheet.version, now: o.now }); // documents: signed link to the CRA PDF
  await enqueueMessage(tx, {
    dedupeKey: `cra-approved:${timesheet.id}:v${timesheet.version}`,
    recipientId: mission.managerId,
    kind: 'cra.approved',
    message: approvedMessage(manager.locale, {
      timesheetId: timesheet.id,
      consultantName: mission.consultant.name,
      missionTitle: mission.title,
      month: timesheet.month,
      version: timesheet.version,
      approverName: approver?.name ?? null,
      approvedAt: o.now,
      timeZone: manager.timeZone,
      totalDays: content?.totals.days ?? '0',
      totalAmount: content?.totals.amount ?? '0',
      canReopen: managerPerson.roles.includes('ADMIN'),
      ...(pdfUrl ? { pdfUrl } : {}),
    }),
    now: o.now,
    platforms: o.platforms,
  });
  await enqueueMessage(tx, {
    dedupeKey: `cra-approved-consultant:${timesheet.id}:v${timesheet.version}`,
    recipientId: mission.consultantId,
    kind: 'cra.approved',
    message: {
      text: t(mission.consultantLocale, 'craflow.consultant.approved', { month: formatMonth(mission.consultantLocale, timesheet.month), mission: mission.title }).replaceAll('*', ''),
      blocks: [
        {
          type: 'section',
          text: t(mission.consultantLocale, 'craflow.consultant.approved', { month: formatMonth(mission.consultantLocale, timesheet.month), mission: mission.title }),
        },
      ],
    },
    now: o.now,
    platforms: o.platforms,
  });
  await checkPurchaseOrderBurn(tx, { mission, month: timesheet.month, now: o.now, platforms: o.platforms });
}

/** Tacit acceptance (the mission's contract allows it): the response window passed without an answer. */
export async function tacitApproveCra(tx: Tx, record: CraRecord, o: { now: Date; platforms: readonly ChatPlatform[] }): Promise<void> {
  const next = applyCraEvent(stateOf(record), { type: 'tacitApprove', allowed: record.mission.tacitAcceptance, contentHash: record.current!.contentHash });
  await lockApproval(tx, record, { actorId: null, channel: 'SYSTEM', now: o.now, platforms: o.platforms, changeId: 'tacit', approvedVersion: next.approvedVersion!, tacit: true });
}
