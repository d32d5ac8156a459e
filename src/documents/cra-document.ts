/**
 * What the client-facing CRA documents (CSV line, PDF) hold: billable units per day, totals, the
 * amount by rate period, the purchase order, and the approval. Built from the frozen version when
 * there is one (what the client approved), else from the live days (draft). It never holds absence
 * kinds, notes, moods or costs: what the client must not see is not even read into it.
 */
import type { Db } from '../db/client.js';
import type { Channel, CraStatus } from '../db/generated/client.js';
import { firstDay, fromDateOnlyUTC, lastDay, type BillingLine, type IsoDate, type YearMonth } from '../domain/index.js';
import { CodedError } from '../errors.js';
import { getTimesheetView } from '../services/get-timesheet-view.js';
import { z } from 'zod';

export interface CraDocumentDay {
  date: IsoDate;
  weekday: number;
  working: boolean;
  holiday: string | null;
  inMission: boolean;
  /** Billable units that day (0, 0.5, 1...). */
  billable: number;
  /** Work on a weekend or holiday, recorded on purpose. */
  override: boolean;
}

export interface CraApproval {
  /** null: tacit acceptance (nobody answered within the contract's delay). */
  approverName: string | null;
  at: Date;
  channel: Channel | null;
  version: number;
  contentHash: string | null;
}

export interface CraDocument {
  timesheetId: string;
  organization: { slug: string; name: string };
  client: string;
  missionRef: string;
  missionTitle: string;
  consultantRef: string;
  consultantName: string;
  month: YearMonth;
  timeZone: string;
  status: CraStatus;
  version: number;
  contentHash: string | null;
  days: CraDocumentDay[];
  totalDays: string;
  /** null when a worked day has no TJM. */
  totalAmount: string | null;
  lines: BillingLine[];
  purchaseOrders: { number: string; start: IsoDate; end: IsoDate; daysOrdered: string }[];
  /** Present when the current version is the approved one. */
  approval: CraApproval | null;
}

/** The frozen content, read defensively: only billable units, lines and totals are used. */
const frozenSchema = z.object({
  days: z.array(z.object({ date: z.string(), billable: z.union([z.string(), z.number()]) })),
  lines: z.array(z.object({ from: z.string(), to: z.string(), days: z.string(), tjm: z.string(), amount: z.string() })),
  totals: z.object({ days: z.string(), amount: z.string().nullable() }),
});

const APPROVE_ACTIONS = ['cra.approve', 'approve'];
const TACIT_ACTIONS = ['cra.tacit-approve'];

function formatDays(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The CRA as of `version` (a past version: what it held and whether it was approved), else as it stands. */
export async function loadCraDocument(prisma: Db, timesheetId: string, version?: number): Promise<CraDocument> {
  const timesheet = await prisma.timesheet.findUnique({
    where: { id: timesheetId },
    include: {
      mission: {
        select: {
          id: true, ref: true, title: true, timezone: true,
          organization: { select: { slug: true, name: true } },
          client: { select: { name: true } },
          consultant: { select: { ref: true, name: true } },
          purchaseOrders: { orderBy: { startDate: 'asc' } },
        },
      },
    },
  });
  if (!timesheet) throw new CodedError('DOCUMENT_NOT_FOUND', `No timesheet ${timesheetId}`);
  const { mission } = timesheet;
  const month = timesheet.month as YearMonth;
  const view = await getTimesheetView({ prisma, missionId: mission.id, month });
  const shownVersion = version ?? timesheet.version;
  const current = await prisma.timesheetVersion.findUnique({
    where: { timesheetId_version: { timesheetId, version: shownVersion } },
    select: { content: true, contentHash: true, approvedAt: true },
  });
  if (shownVersion !== timesheet.version && !current) throw new CodedError('DOCUMENT_NOT_FOUND', `No version ${shownVersion} of timesheet ${timesheetId}`);
  const past = shownVersion !== timesheet.version;
  // A draft shows the days as they are (a reopened version is being corrected); otherwise the frozen content.
  const frozen = current && (past || timesheet.status !== 'DRAFT') ? frozenSchema.safeParse(current.content) : null;
  const billableOf = new Map<string, number>(
    frozen?.success ? frozen.data.days.map((d) => [d.date, Number(d.billable)]) : view.days.map((d) => [d.date, d.worked]),
  );
  const days = view.days.map((d): CraDocumentDay => ({
    date: d.date,
    weekday: d.weekday,
    working: d.working,
    holiday: d.holiday,
    inMission: d.inMission,
    billable: d.inMission ? (billableOf.get(d.date) ?? 0) : 0,
    override: d.override,
  }));
  const lines = frozen?.success ? frozen.data.lines.map((l) => ({ ...l, from: l.from as IsoDate, to: l.to as IsoDate })) : view.lines;
  const totalDays = frozen?.success ? frozen.data.totals.days : formatDays(view.totalWorked);
  const totalAmount = frozen?.success ? frozen.data.totals.amount : view.amount;

  const from = firstDay(month);
  const to = lastDay(month);
  const purchaseOrders = mission.purchaseOrders
    .map((po) => ({ number: po.number, start: fromDateOnlyUTC(po.startDate), end: fromDateOnlyUTC(po.endDate), daysOrdered: po.daysOrdered.toString() }))
    .filter((po) => po.start <= to && po.end >= from);

  let approval: CraApproval | null = null;
  // The current version: approved when the CRA is; a past version: when it was (then reopened).
  const approved = past
    ? current?.approvedAt != null
    : (timesheet.status === 'APPROVED' || timesheet.status === 'INVOICED') && timesheet.approvedAt !== null && timesheet.approvedVersion === shownVersion;
  if (approved) {
    const event = await prisma.auditEvent.findFirst({
      where: { entityType: 'Timesheet', entityId: timesheetId, action: { in: [...APPROVE_ACTIONS, ...TACIT_ACTIONS] }, version: shownVersion },
      orderBy: { id: 'desc' }, // the latest recorded (audit rows are append-only)
      select: { action: true, createdAt: true, channel: true, contentHash: true, actor: { select: { name: true } } },
    });
    // The audit row names who approved (nobody for a tacit acceptance); without one, the approver of record.
    const approver = event
      ? TACIT_ACTIONS.includes(event.action) ? null : event.actor
      : timesheet.approverId
        ? await prisma.person.findUnique({ where: { id: timesheet.approverId }, select: { name: true } })
        : null;
    approval = {
      approverName: approver?.name ?? null,
      at: (past ? current?.approvedAt : timesheet.approvedAt) ?? event?.createdAt ?? new Date(0),
      channel: event?.channel ?? null,
      version: shownVersion,
      contentHash: (past ? current?.contentHash : timesheet.approvedHash) ?? event?.contentHash ?? current?.contentHash ?? null,
    };
  }

  return {
    timesheetId,
    organization: mission.organization,
    client: mission.client.name,
    missionRef: mission.ref,
    missionTitle: mission.title,
    consultantRef: mission.consultant.ref,
    consultantName: mission.consultant.name,
    month,
    timeZone: mission.timezone,
    status: past && approved ? 'APPROVED' : timesheet.status,
    version: shownVersion,
    contentHash: current?.contentHash ?? timesheet.contentHash,
    days,
    totalDays,
    totalAmount,
    lines,
    purchaseOrders,
    approval,
  };
}

/** The CRAs of a month (one per mission that has one), by client, then mission. */
export async function loadMonthCraDocuments(prisma: Db, options: { month: YearMonth; organizationId: string }): Promise<CraDocument[]> {
  const timesheets = await prisma.timesheet.findMany({
    where: { month: options.month, mission: { organizationId: options.organizationId } },
    select: { id: true, mission: { select: { ref: true, client: { select: { name: true } } } } },
  });
  timesheets.sort((a, b) => a.mission.client.name.localeCompare(b.mission.client.name) || a.mission.ref.localeCompare(b.mission.ref));
  const documents: CraDocument[] = [];
  for (const { id } of timesheets) documents.push(await loadCraDocument(prisma, id));
  return documents;
}

/** The days a CRA bills: TJM of the day from the billing lines (rate periods). */
export function tjmOfDay(document: CraDocument, date: IsoDate): string | null {
  return document.lines.find((line) => line.from <= date && date <= line.to)?.tjm ?? null;
}

