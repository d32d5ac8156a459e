/** What `rituel cra` needs beyond the use cases: who acts (--by), and the approval lines of `cra show`. */
import type { Db } from '../../db/client.js';
import { CodedError } from '../../errors.js';
import { t, type Locale } from '../../i18n/index.js';

/**
 * The person a CLI command acts as: `--by <personRef>` (active) in the mission's organization, else the
 * mission's consultant (submit) or the first active admin of the organization (reopen).
 */
export async function cliActor(prisma: Db, missionId: string, by: string | undefined, fallback: 'consultant' | 'admin'): Promise<string> {
  const mission = await prisma.mission.findUniqueOrThrow({ where: { id: missionId }, select: { organizationId: true, consultantId: true } });
  if (by) {
    const person = await prisma.person.findUnique({ where: { organizationId_ref: { organizationId: mission.organizationId, ref: by } }, select: { id: true, active: true, erasedAt: true } });
    // Somebody deactivated (or erased) acts no more, here as in chat.
    if (!person || !person.active || person.erasedAt) throw new CodedError('CRA_PERSON_NOT_FOUND', `Person not found: "${by}"`, {}, { params: { ref: by } });
    return person.id;
  }
  if (fallback === 'consultant') return mission.consultantId;
  const admin = await prisma.person.findFirst({
    where: { organizationId: mission.organizationId, roles: { has: 'ADMIN' }, active: true },
    orderBy: { ref: 'asc' },
    select: { id: true },
  });
  if (!admin) throw new CodedError('CRA_REOPEN_FORBIDDEN', 'No admin in the organization');
  return admin.id;
}

/** The CRA's submission and approval, for `rituel cra show` (text lines and JSON). */
export async function craApprovalLines(prisma: Db, missionId: string, month: string, locale: Locale) {
  const timesheet = await prisma.timesheet.findUnique({
    where: { missionId_month: { missionId, month } },
    include: {
      approver: { select: { ref: true, name: true } },
      submittedBy: { select: { ref: true } },
      versions: { orderBy: { version: 'asc' }, select: { version: true, contentHash: true, approvedAt: true, supersededAt: true } },
    },
  });
  if (!timesheet) return { lines: [] as string[], json: null };
  const approval = await prisma.auditEvent.findFirst({
    where: { entityType: 'Timesheet', entityId: timesheet.id, action: { in: ['cra.approve', 'cra.tacit-approve'] }, version: timesheet.approvedVersion ?? -1 },
    orderBy: { createdAt: 'desc' },
    include: { actor: { select: { ref: true } } },
  });
  const lines: string[] = [];
  if (timesheet.submittedAt) {
    lines.push(t(locale, 'craflow.cli.showSubmitted', { when: timesheet.submittedAt.toISOString(), by: timesheet.submittedBy?.ref ?? '—', approver: timesheet.approver?.ref ?? '—' }));
  }
  if (timesheet.approvedAt && approval) {
    lines.push(
      t(locale, 'craflow.cli.showApproved', {
        when: timesheet.approvedAt.toISOString(),
        by: approval.actor?.ref ?? 'SYSTEM',
        channel: approval.channel,
        version: timesheet.approvedVersion ?? 0,
        hash: (timesheet.approvedHash ?? '').slice(0, 12),
      }),
    );
  }
  for (const v of timesheet.versions.filter((x) => x.supersededAt)) {
    lines.push(t(locale, 'craflow.cli.showSuperseded', { version: v.version, when: v.supersededAt!.toISOString(), approved: v.approvedAt ? v.approvedAt.toISOString() : '—' }));
  }
  return {
    lines,
    json: {
      status: timesheet.status,
      version: timesheet.version,
      approver: timesheet.approver?.ref ?? null,
      submittedAt: timesheet.submittedAt,
      submittedBy: timesheet.submittedBy?.ref ?? null,
      approvedVersion: timesheet.approvedVersion,
      approvedHash: timesheet.approvedHash,
      approvedAt: timesheet.approvedAt,
      approvedBy: approval ? (approval.actor?.ref ?? null) : null,
      approvalChannel: approval?.channel ?? null,
      versions: timesheet.versions,
    },
  };
}
