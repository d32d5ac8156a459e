/**
 * Re-routes the validation request of a CRA to another approver: the manager changes the approver
 * (a contact of the mission's client), sends it to the backup, or the dated approvers changed. The
 * old requests show "forwarded to …", a new request goes out; both identities are in the audit.
 * A CRA left SUBMITTED for want of an approver is sent to the client this way.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Channel } from '../../db/generated/client.js';
import type { Tx } from '../../db/client.js';
import { applyCraEvent } from '../../domain/index.js';
import { CodedError } from '../../errors.js';
import { formatMoment } from '../../i18n/format-date.js';
import { t, type Locale } from '../../i18n/index.js';
import { personSummary } from '../../rituals/people.js';
import { stateOf } from './approve-cra.js';
import { loadCraRecord } from './cra-record.js';
import { sendRequest, settleRequests } from './cra-requests.js';

export interface RerouteCraOptions {
  timesheetId: string;
  toId: string;
  actorId: string | null;
  channel: Channel;
  now: Date;
  platforms: readonly ChatPlatform[];
  /** Why: 'change' (manager's choice), 'backup' (escalation), 'dated' (the approver of the mission changed). */
  reason: 'change' | 'backup' | 'dated';
  changeId: string;
  /** The new approver becomes the CRA's approver (false for a backup: both may answer). */
  replace: boolean;
  notes?: (locale: Locale) => string[];
}

/** The client contacts of the mission's client who may approve (never the consultant). */
export async function clientContacts(tx: Tx, clientId: string, consultantId: string) {
  return tx.person.findMany({
    where: { clientId, active: true, erasedAt: null, id: { not: consultantId } },
    select: { id: true, name: true, ref: true },
    orderBy: { name: 'asc' },
  });
}

export async function rerouteCra(tx: Tx, o: RerouteCraOptions): Promise<{ sent: boolean }> {
  const record = await loadCraRecord(tx, o.timesheetId);
  const { timesheet, mission } = record;
  if (timesheet.status !== 'PENDING_CLIENT' && timesheet.status !== 'SUBMITTED') {
    throw new CodedError('CRA_NOT_PENDING', `Timesheet ${timesheet.id} is ${timesheet.status}`, {}, { params: { status: timesheet.status } });
  }
  const contacts = await clientContacts(tx, mission.clientId, mission.consultantId);
  if (!contacts.some((c) => c.id === o.toId)) throw new CodedError('CRA_NOT_APPROVER', `${o.toId} is not a contact of the mission's client`);
  const fromId = timesheet.approverId;
  let status = timesheet.status;
  if (status === 'SUBMITTED') {
    status = applyCraEvent(stateOf(record), { type: 'sendToClient' }).status as typeof status;
  }
  const to = await personSummary(tx, o.toId);
  if (o.replace) {
    await tx.timesheet.update({
      where: { id: timesheet.id },
      data: { approverId: o.toId, status, ...(timesheet.status === 'SUBMITTED' ? { sentToClientAt: o.now } : {}) },
    });
    await settleRequests(tx, {
      timesheetId: timesheet.id,
      now: o.now,
      changeId: `rerouted:${o.changeId}`,
      outcome: (locale, timeZone) => t(locale, 'craflow.request.rerouted', { name: to.name, when: formatMoment(locale, o.now, timeZone) }),
    });
  } else {
    await tx.timesheet.update({ where: { id: timesheet.id }, data: { escalationLevel: 2 } });
  }
  await recordAudit(tx, {
    organizationId: mission.organizationId,
    entityType: 'Timesheet',
    entityId: timesheet.id,
    action: o.reason === 'backup' ? 'cra.escalate.backup' : 'cra.reroute',
    fromStatus: timesheet.status,
    toStatus: status,
    actorId: o.actorId,
    channel: o.channel,
    version: timesheet.version,
    contentHash: timesheet.contentHash,
    data: { fromApproverId: fromId, toApproverId: o.toId, reason: o.reason },
  });
  const fresh = await loadCraRecord(tx, timesheet.id);
  const result = await sendRequest(tx, { record: fresh, approverId: o.toId, now: o.now, platforms: o.platforms, ...(o.notes ? { notes: o.notes } : {}) });
  return { sent: result.status === 'queued' };
}
