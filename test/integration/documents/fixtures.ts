/**
 * December 2026 of examples/org.yaml, for the documents tests:
 * - julien-assurances-rhin: TJM 720 until 15 December, then 750; a half day worked + half RTT on
 *   the 3rd, sick leave with a note on the 8th, every other working day worked (20.5 days,
 *   9.5 × 720 + 11 × 750 = 15 090,00 €); CRA approved by Thomas on Slack (version 1).
 * - alice-banque-nord: 3 days worked, CRA still a draft.
 */
import type { Prisma } from '../../../src/db/generated/client.js';
import type { Db } from '../../../src/db/client.js';
import { craContentHash, datesBetween, isWorkingDay, toDateOnlyUTC, type IsoDate } from '../../../src/domain/index.js';
import { getTimesheetView } from '../../../src/services/get-timesheet-view.js';
import { importExampleOrganization } from '../../helpers/example-org.js';

export const MONTH = '2026-12';
export const SICK_NOTE = 'Grippe carabinée, certificat du Dr Schneider';
export const APPROVED_AT = new Date('2027-01-05T10:42:00Z');

export interface DocumentsWorld {
  julienMissionId: string;
  julienTimesheetId: string;
  aliceTimesheetId: string;
  marcId: string;
  thomasId: string;
  contentHash: string;
}

export async function seedDocumentsWorld(prisma: Db): Promise<DocumentsWorld> {
  await importExampleOrganization(prisma);
  const julien = await prisma.mission.findFirstOrThrow({ where: { ref: 'julien-assurances-rhin' } });
  const alice = await prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
  const thomas = await prisma.person.findFirstOrThrow({ where: { ref: 'thomas' } });
  const marc = await prisma.person.findFirstOrThrow({ where: { ref: 'marc' } });

  // The TJM changes mid-month.
  await prisma.ratePeriod.updateMany({ where: { missionId: julien.id }, data: { validTo: toDateOnlyUTC('2026-12-15') } });
  await prisma.ratePeriod.create({ data: { missionId: julien.id, validFrom: toDateOnlyUTC('2026-12-16'), tjm: '750' } });

  // Days written in one go (the rules they follow are setDayEntry's, tested elsewhere).
  const entry = (missionId: string, personId: string, date: IsoDate, fraction: string, kind: 'WORKED' | 'RTT' | 'SICK', note: string | null = null) =>
    ({ missionId, personId, date: toDateOnlyUTC(date), fraction, kind, note, source: 'CLI' as const });
  const entries = [];
  for (const date of datesBetween('2026-12-01', '2026-12-31')) {
    if (!isWorkingDay(date, 'FR-67')) continue;
    if (date === '2026-12-03') {
      entries.push(entry(julien.id, julien.consultantId, date, '0.5', 'WORKED'), entry(julien.id, julien.consultantId, date, '0.5', 'RTT'));
    } else if (date === '2026-12-08') {
      entries.push(entry(julien.id, julien.consultantId, date, '1', 'SICK', SICK_NOTE));
    } else {
      entries.push(entry(julien.id, julien.consultantId, date, '1', 'WORKED'));
    }
  }
  for (const date of ['2026-12-01', '2026-12-02', '2026-12-04'] as IsoDate[]) entries.push(entry(alice.id, alice.consultantId, date, '1', 'WORKED'));
  await prisma.dayEntry.createMany({ data: entries });

  // The approved CRA, frozen as the CRA loop freezes it (content = billable units only).
  const view = await getTimesheetView({ prisma, missionId: julien.id, month: MONTH });
  const days = view.days.filter((d) => d.inMission).map((d) => ({ date: d.date, worked: String(d.worked), billable: String(d.worked) }));
  const contentHash = craContentHash({ missionId: julien.id, month: MONTH, version: 1, days });
  const content = {
    missionId: julien.id,
    month: MONTH,
    version: 1,
    days,
    lines: view.lines,
    totals: { days: String(view.totalWorked), amount: view.amount },
    purchaseOrder: null,
  };
  const timesheet = await prisma.timesheet.create({
    data: {
      missionId: julien.id,
      month: MONTH,
      status: 'APPROVED',
      version: 1,
      contentHash,
      approverId: thomas.id,
      submittedAt: new Date('2026-12-31T17:00:00Z'),
      approvedVersion: 1,
      approvedHash: contentHash,
      approvedAt: APPROVED_AT,
    },
  });
  await prisma.timesheetVersion.create({
    data: { timesheetId: timesheet.id, version: 1, contentHash, content: content as unknown as Prisma.InputJsonValue, approvedAt: APPROVED_AT },
  });
  await prisma.auditEvent.create({
    data: {
      organizationId: julien.organizationId,
      entityType: 'Timesheet',
      entityId: timesheet.id,
      action: 'cra.approve',
      fromStatus: 'PENDING_CLIENT',
      toStatus: 'APPROVED',
      actorId: thomas.id,
      channel: 'SLACK',
      version: 1,
      contentHash,
      createdAt: APPROVED_AT,
    },
  });
  const draft = await prisma.timesheet.create({ data: { missionId: alice.id, month: MONTH } });
  return { julienMissionId: julien.id, julienTimesheetId: timesheet.id, aliceTimesheetId: draft.id, marcId: marc.id, thomasId: thomas.id, contentHash };
}

/** The text of a PDF (pdf-parse). */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}
