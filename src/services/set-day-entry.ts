import { recordAudit } from '../db/audit.js';
import type { Db } from '../db/client.js';
import type { Channel, DayKind } from '../db/generated/client.js';
import {
  checkFraction,
  flagsForEntry,
  monthOf,
  quartersToString,
  toDateOnlyUTC,
  validateDayEntry,
  type IsoDate,
} from '../domain/index.js';
import { CodedError } from '../errors.js';
import { assertMonthEditable } from './assert-month-editable.js';
import { assertNoDayProblems, domainMission } from './domain-mission.js';

export interface SetDayEntryOptions {
  prisma: Db;
  missionId: string;
  date: IsoDate;
  /** Fraction of the day ("0.5"); 0 removes the entry of that kind. */
  fraction: string | number;
  kind: DayKind;
  note?: string | null | undefined;
  /** Work on a weekend or public holiday, on purpose (flagged on the CRA). */
  override?: boolean;
  channel: Channel;
  actorId?: string | null;
}

export interface SetDayEntryResult {
  date: IsoDate;
  kind: DayKind;
  fraction: string;
  changed: boolean;
  flaggedOverride: boolean;
}

/**
 * Records what a consultant did on one date of a mission: checks the domain rules (fraction,
 * mission window, non-working days on the mission's calendar, Whit Monday included unless the
 * mission works it, at most one day in all per person and date), refuses changes to a CRA that is
 * submitted or approved, and writes the entry and its audit row together.
 *
 * Throws CodedError: the domain codes of validateDayEntry (`details.problems` holds every
 * DomainProblem found, the error's code, params and variant are those of the first one),
 * CRA_LOCKED / CRA_SUBMITTED with params { month, status }.
 */
export async function setDayEntry(options: SetDayEntryOptions): Promise<SetDayEntryResult> {
  const { prisma, missionId, date, kind } = options;
  return prisma.$transaction(async (tx) => {
    const mission = await tx.mission.findUniqueOrThrow({ where: { id: missionId } });
    const rules = domainMission(mission);
    const { region } = rules;
    const calendar = { whitMondayWorked: rules.whitMondayWorked };
    const fraction = checkFraction(options.fraction, mission.granularity);
    if (!fraction.ok) throw new CodedError(fraction.code, fraction.message, { date }, { params: fraction.params });

    await assertMonthEditable(tx, missionId, monthOf(date));

    const day = toDateOnlyUTC(date);
    const others = await tx.dayEntry.findMany({
      where: { personId: mission.consultantId, date: day, NOT: { missionId, kind } },
      select: { missionId: true, kind: true, fraction: true },
    });
    const problems = validateDayEntry({
      entry: { date, fraction: options.fraction, kind },
      mission: { ...rules, granularity: mission.granularity },
      otherEntriesSameDate: others.map((o) => ({ missionId: o.missionId, kind: o.kind, fraction: o.fraction.toString() })),
      allowNonWorkingDay: options.override === true,
    });
    assertNoDayProblems(problems);

    const flaggedOverride = flagsForEntry({ date, fraction: options.fraction, kind }, region, calendar).nonWorkingDayOverride;
    const value = quartersToString(fraction.quarters);
    const key = { missionId_date_kind: { missionId, date: day, kind } };
    const existing = await tx.dayEntry.findUnique({ where: key });
    const note = options.note ?? existing?.note ?? null;
    const unchanged =
      existing !== null
        ? existing.fraction.toString() === value && existing.note === note && existing.override === flaggedOverride
        : fraction.quarters === 0;
    if (unchanged) return { date, kind, fraction: value, changed: false, flaggedOverride };

    if (fraction.quarters === 0) {
      await tx.dayEntry.delete({ where: key });
    } else {
      await tx.dayEntry.upsert({
        where: key,
        create: {
          missionId,
          personId: mission.consultantId,
          date: day,
          kind,
          fraction: value,
          note,
          override: flaggedOverride,
          source: options.channel,
          authorId: options.actorId ?? null,
        },
        update: { fraction: value, note, override: flaggedOverride, source: options.channel, authorId: options.actorId ?? null },
      });
    }
    await recordAudit(tx, {
      organizationId: mission.organizationId,
      entityType: 'DayEntry',
      entityId: `${missionId}:${date}:${kind}`,
      action: 'days.set',
      channel: options.channel,
      actorId: options.actorId ?? null,
      data: { missionId, date, kind, from: existing?.fraction.toString() ?? '0', to: value, override: flaggedOverride },
    });
    return { date, kind, fraction: value, changed: true, flaggedOverride };
  });
}
