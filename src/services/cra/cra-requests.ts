/**
 * The validation requests of a CRA in the outbox: resolving the approver, queueing a request to
 * them, and replacing every request of a CRA by its outcome (approved, disputed, re-routed...).
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { parseChatMessage } from '../../chat/message.js';
import type { Tx } from '../../db/client.js';
import { toDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import type { Locale } from '../../i18n/index.js';
import { craRequestKey, craRequestPrefix } from '../../rituals/cra/cra-keys.js';
import { requestMessage, requestOutcome } from '../../rituals/cra/request-message.js';
import { personSummary } from '../../rituals/people.js';
import { enqueueMessage, enqueueUpdate, type EnqueueResult } from '../../scheduler/outbox/enqueue-message.js';
import { addWorkingDays, missionDate, type CraRecord } from './cra-record.js';

export interface ResolvedApprovers {
  readonly primaryId: string | null;
  readonly backupId: string | null;
}

/**
 * The approvers of a mission on `date` from the dated MissionApprover rows: the PRIMARY valid that
 * day; else the last one that started before; else the first one to come. Same for the BACKUP.
 */
export async function resolveApprovers(tx: Tx, missionId: string, date: IsoDate): Promise<ResolvedApprovers> {
  const rows = await tx.missionApprover.findMany({
    where: { missionId, person: { active: true, erasedAt: null } },
    orderBy: { validFrom: 'asc' },
  });
  const day = toDateOnlyUTC(date);
  const pick = (role: 'PRIMARY' | 'BACKUP'): string | null => {
    const ofRole = rows.filter((r) => r.role === role);
    const valid = ofRole.filter((r) => r.validFrom <= day && (!r.validTo || r.validTo >= day)).at(-1);
    const before = ofRole.filter((r) => r.validFrom <= day).at(-1);
    return (valid ?? before ?? ofRole[0])?.personId ?? null;
  };
  return { primaryId: pick('PRIMARY'), backupId: pick('BACKUP') };
}

export interface SendRequestOptions {
  record: CraRecord;
  approverId: string;
  now: Date;
  platforms: readonly ChatPlatform[];
  /** Another request of the same version to the same approver: a reminder ("d4"), a resend after a maintained dispute ("m<id>"). */
  suffix?: string;
  notes?: (locale: Locale) => string[];
}

/** Queues the validation request of the record's current version to an approver. */
export async function sendRequest(tx: Tx, options: SendRequestOptions): Promise<EnqueueResult> {
  const { record } = options;
  const { timesheet, mission, current, content } = record;
  if (!current || !content) throw new Error(`Timesheet ${timesheet.id} has no frozen version ${timesheet.version}`);
  const approver = await personSummary(tx, options.approverId);
  const sentDate = missionDate(mission, timesheet.sentToClientAt ?? options.now);
  const message = requestMessage(approver.locale, {
    timesheetId: timesheet.id,
    version: timesheet.version,
    contentHash: current.contentHash,
    content,
    consultantName: mission.consultant.name,
    missionTitle: mission.title,
    dueDate: addWorkingDays(mission, sentDate, mission.settings.responseDays),
    tacitDate: mission.settings.tacit ? addWorkingDays(mission, sentDate, mission.settings.tacitDays) : null,
    notes: options.notes?.(approver.locale) ?? [],
  });
  return enqueueMessage(tx, {
    dedupeKey: craRequestKey(timesheet.id, timesheet.version, options.approverId, options.suffix),
    recipientId: options.approverId,
    kind: 'cra.request',
    message,
    now: options.now,
    platforms: options.platforms,
  });
}

/**
 * Replaces the requests of a CRA (every version, every approver, unless `only` names one key) by
 * their outcome: the buttons go, the outcome line comes. `changeId` makes the update keys unique.
 */
export async function settleRequests(
  tx: Tx,
  options: { timesheetId: string; outcome: (locale: Locale, timeZone: string) => string; now: Date; changeId: string; exceptKey?: string; onlyKeys?: readonly string[] },
): Promise<void> {
  const rows = await tx.outboxMessage.findMany({
    where: { dedupeKey: { startsWith: craRequestPrefix(options.timesheetId) }, kind: 'cra.request', status: { in: ['PENDING', 'SENDING', 'SENT'] } },
    select: { dedupeKey: true, recipientId: true, payload: true },
  });
  for (const row of rows) {
    if (row.dedupeKey === options.exceptKey) continue;
    if (options.onlyKeys && !options.onlyKeys.includes(row.dedupeKey)) continue;
    const latest = await tx.outboxMessage.findFirst({
      where: { OR: [{ dedupeKey: row.dedupeKey }, { updates: { dedupeKey: row.dedupeKey } }] },
      orderBy: { createdAt: 'desc' },
      select: { payload: true },
    });
    const shown = parseChatMessage(latest?.payload ?? row.payload);
    if (!shown.blocks.some((b) => b.type === 'actions')) continue;
    const who = await personSummary(tx, row.recipientId);
    await enqueueUpdate(tx, {
      originalKey: row.dedupeKey,
      dedupeKey: `${row.dedupeKey}:${options.changeId}`,
      message: requestOutcome(shown, options.outcome(who.locale, who.timeZone)),
      now: options.now,
    });
  }
}
