/**
 * `rituel demo` and `npm start` without any platform: when the database holds no organization yet,
 * the demo organization is imported and its consultants' past days are filled in (a few gaps
 * left on purpose), so that the views, reminders and digests have something to show.
 */
import type { Db } from '../db/client.js';
import { addDays, addMonths, dateInTimeZone, datesBetween, firstDay, fromDateOnlyUTC, isWorkingDay, monthOf, type IsoDate, type Region } from '../domain/index.js';
import { importOrganizationYaml } from '../org/import-organization.js';
import { recordDay, type DayPart } from '../services/record-day.js';
import { demoOrganizationYaml } from './demo-organization.js';

/** What each demo consultant did on a past working day (index 0 = the latest day). */
const DEMO_DAYS: Record<string, (index: number) => DayPart[] | null> = {
  // Everything filled in.
  alice: () => [{ kind: 'WORKED', fraction: 1 }],
  // The last three working days left empty: the reminders and the digest show them.
  julien: (index) => (index < 3 ? null : [{ kind: 'WORKED', fraction: 1 }]),
  // A half day of paid leave last week.
  sarah: (index) => (index === 4 ? [{ kind: 'WORKED', fraction: 0.5 }, { kind: 'CP', fraction: 0.5 }] : [{ kind: 'WORKED', fraction: 1 }]),
};

export async function seedDemoOrganization(prisma: Db, now: Date): Promise<'created' | 'exists'> {
  if ((await prisma.organization.count()) > 0) return 'exists';
  const today = dateInTimeZone(now, 'Europe/Paris');
  const imported = await importOrganizationYaml({ prisma, text: demoOrganizationYaml(today) });
  if (!imported.ok) throw new Error(`the demo organization file is invalid: ${imported.problems.map((p) => p.message).join('; ')}`);

  const missions = await prisma.mission.findMany({ include: { consultant: { select: { ref: true } } } });
  const from = firstDay(addMonths(monthOf(today), -1));
  for (const mission of missions) {
    const plan = DEMO_DAYS[mission.consultant.ref];
    if (!plan) continue;
    const start = fromDateOnlyUTC(mission.startDate);
    const days = datesBetween(start > from ? start : from, addDays(today, -1))
      .filter((d) => isWorkingDay(d, mission.region as Region))
      .reverse();
    await prisma.$transaction(async (tx) => {
      for (const [index, date] of days.entries()) {
        const parts = plan(index);
        if (parts) await recordDay(tx, { missionId: mission.id, date: date as IsoDate, parts, channel: 'SYSTEM' });
      }
    }, { timeout: 60_000 });
  }
  return 'created';
}
