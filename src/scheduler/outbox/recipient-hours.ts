/**
 * A recipient's working hours, read from the database: their time zone, their organization's quiet
 * hours, the holiday calendar of their current mission (consultants; others use the national one)
 * and their declared days of leave.
 */
import type { Tx } from '../../db/client.js';
import { addDays, dateInTimeZone, fromDateOnlyUTC, isWorkingDay, toDateOnlyUTC, type Region, type WorkingHours } from '../../domain/index.js';

const LEAVE_HORIZON_DAYS = 120;

export async function recipientWorkingHours(tx: Tx, personId: string, now: Date): Promise<WorkingHours> {
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      timezone: true,
      organization: { select: { timezone: true, quietHoursStart: true, quietHoursEnd: true } },
      consultantMissions: {
        select: { region: true, whitMondayWorked: true, startDate: true, endDate: true },
        orderBy: { startDate: 'desc' },
      },
    },
  });
  const timeZone = person.timezone ?? person.organization.timezone;
  const today = dateInTimeZone(now, timeZone);
  const mission =
    person.consultantMissions.find((m) => !m.endDate || fromDateOnlyUTC(m.endDate) >= today) ?? person.consultantMissions[0];
  const region = (mission?.region ?? 'FR') as Region;
  const calendar = { whitMondayWorked: mission?.whitMondayWorked ?? false };

  const absences = await tx.dayEntry.groupBy({
    by: ['date'],
    where: {
      personId,
      kind: { not: 'WORKED' },
      date: { gte: toDateOnlyUTC(today), lte: toDateOnlyUTC(addDays(today, LEAVE_HORIZON_DAYS)) },
    },
    _sum: { fraction: true },
  });
  const leave = new Set(absences.filter((a) => Number(a._sum.fraction ?? 0) >= 1).map((a) => fromDateOnlyUTC(a.date)));

  return {
    timeZone,
    quietStart: person.organization.quietHoursStart,
    quietEnd: person.organization.quietHoursEnd,
    isWorkingDate: (date) => isWorkingDay(date, region, calendar) && !leave.has(date),
  };
}
