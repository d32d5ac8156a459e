/**
 * A CRA goes back to DRAFT as a new version (a dispute corrected, an approval reopened): the
 * current frozen version is marked superseded, the approval fields are cleared (the old approval
 * stays in the history: its TimesheetVersion and audit rows), and the consultant gets the month
 * again with "fix my days" and Submit.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Tx } from '../../db/client.js';
import { fromDateOnlyUTC, type IsoDate } from '../../domain/index.js';
import { loadCloseMessage } from '../../rituals/cra/load-close-message.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import type { CraRecord } from './cra-record.js';

export async function backToDraft(
  tx: Tx,
  record: CraRecord,
  o: { version: number; now: Date; platforms: readonly ChatPlatform[]; keyPrefix: string; note: string; disputed?: readonly Date[] },
): Promise<void> {
  const { timesheet, mission, current } = record;
  if (current) await tx.timesheetVersion.update({ where: { id: current.id }, data: { supersededAt: o.now } });
  await tx.timesheet.update({
    where: { id: timesheet.id },
    data: {
      status: 'DRAFT',
      version: o.version,
      contentHash: null,
      approvedVersion: null,
      approvedHash: null,
      approvedAt: null,
      sentToClientAt: null,
      dueAt: null,
      reminderCount: 0,
      lastReminderAt: null,
      escalationLevel: 0,
    },
  });
  await tx.alert.updateMany({
    where: { timesheetId: timesheet.id, kind: 'OVERDUE_VALIDATION', status: { not: 'RESOLVED' } },
    data: { status: 'RESOLVED', resolvedAt: o.now },
  });
  const disputed: IsoDate[] = (o.disputed ?? []).map(fromDateOnlyUTC);
  await enqueueMessage(tx, {
    dedupeKey: `${o.keyPrefix}:${timesheet.id}:v${o.version}`,
    recipientId: mission.consultantId,
    kind: 'cra.close',
    message: await loadCloseMessage(tx, mission, timesheet.month, { disputed, note: o.note }),
    now: o.now,
    platforms: o.platforms,
  });
}
