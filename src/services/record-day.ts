/**
 * Records what a consultant did on one date of one mission, as a whole: the entries given replace
 * every entry of that mission on that date (an answer "full day" after "CP" removes the CP). The
 * domain rules apply to the new entries together (fraction and granularity, mission window,
 * non-working days, at most one day in all across missions), the month must still be editable,
 * and each change gets its audit row, in the caller's transaction.
 */
import { recordAudit } from '../db/audit.js';
import type { Tx } from '../db/client.js';
import type { Channel } from '../db/generated/client.js';
import {
  checkFraction,
  flagsForEntry,
  monthOf,
  quartersToString,
  toDateOnlyUTC,
  validateDayEntry,
  type DayKind,
  type DomainProblem,
  type IsoDate,
} from '../domain/index.js';
import { assertMonthEditable } from './assert-month-editable.js';
import { assertNoDayProblems, domainMission } from './domain-mission.js';

export interface DayPart {
  readonly kind: DayKind;
  /** Fraction of the day ("0.5", 1). */
  readonly fraction: string | number;
}

export interface RecordDayOptions {
  missionId: string;
  date: IsoDate;
  /** The whole day on this mission: empty clears it. At most one part per kind. */
  parts: readonly DayPart[];
  channel: Channel;
  actorId?: string | null;
}

export interface RecordDayResult {
  readonly changed: boolean;
}

/**
 * Throws CodedError: the first domain problem's code (every problem in `details.problems`),
 * CRA_LOCKED / CRA_SUBMITTED when the month is closed.
 */
export async function recordDay(tx: Tx, options: RecordDayOptions): Promise<RecordDayResult> {
  const { missionId, date } = options;
  const mission = await tx.mission.findUniqueOrThrow({ where: { id: missionId } });
  await assertMonthEditable(tx, missionId, monthOf(date));
  const rules = domainMission(mission);
  const { region } = rules;
  const calendar = { whitMondayWorked: rules.whitMondayWorked };
  const day = toDateOnlyUTC(date);

  const [existing, elsewhere] = await Promise.all([
    tx.dayEntry.findMany({ where: { missionId, date: day } }),
    tx.dayEntry.findMany({ where: { personId: mission.consultantId, date: day, missionId: { not: missionId } } }),
  ]);
  const wanted = new Map<DayKind, string>();
  const problems: DomainProblem[] = [];
  for (const part of options.parts) {
    const check = checkFraction(part.fraction, mission.granularity);
    if (!check.ok) {
      problems.push({ code: check.code, message: check.message, date, params: check.params });
      continue;
    }
    if (check.quarters > 0) wanted.set(part.kind, quartersToString(check.quarters));
  }
  for (const [kind, fraction] of wanted) {
    problems.push(
      ...validateDayEntry({
        entry: { date, fraction, kind },
        mission: { ...rules, granularity: mission.granularity },
        otherEntriesSameDate: [
          ...elsewhere.map((e) => ({ missionId: e.missionId, kind: e.kind, fraction: e.fraction.toString() })),
          ...[...wanted].filter(([k]) => k !== kind).map(([k, f]) => ({ missionId, kind: k, fraction: f })),
        ],
        // Work on a weekend or holiday is recorded only with an explicit override (CLI, CRA edits).
        allowNonWorkingDay: false,
      }),
    );
  }
  assertNoDayProblems(problems);

  const before = new Map(existing.map((e) => [e.kind, e.fraction.toString()]));
  const removed = existing.filter((e) => !wanted.has(e.kind));
  const written = [...wanted].filter(([kind, fraction]) => before.get(kind) !== fraction);
  if (removed.length === 0 && written.length === 0) return { changed: false };

  if (removed.length > 0) await tx.dayEntry.deleteMany({ where: { id: { in: removed.map((e) => e.id) } } });
  const author = { source: options.channel, authorId: options.actorId ?? null };
  for (const [kind, fraction] of written) {
    const override = flagsForEntry({ date, fraction, kind }, region, calendar).nonWorkingDayOverride;
    await tx.dayEntry.upsert({
      where: { missionId_date_kind: { missionId, date: day, kind } },
      create: { missionId, personId: mission.consultantId, date: day, kind, fraction, override, ...author },
      update: { fraction, override, ...author },
    });
  }
  await recordAudit(tx, {
    organizationId: mission.organizationId,
    entityType: 'DayEntry',
    entityId: `${missionId}:${date}`,
    action: 'days.record',
    channel: options.channel,
    actorId: options.actorId ?? null,
    data: { missionId, date, from: Object.fromEntries(before), to: Object.fromEntries(wanted) },
  });
  return { changed: true };
}
