/** The managers of missions with check-ins on: who gets a weekly digest, when, in which language. */
import type { Db } from '../../db/client.js';
import { addDays, dateInTimeZone, toDateOnlyUTC, type IsoWeekday } from '../../domain/index.js';
import { personLocale, type Locale } from '../../i18n/index.js';
import type { ScheduledTarget } from '../../scheduler/scheduled-ritual.js';

export interface ManagerTarget extends ScheduledTarget {
  readonly managerId: string;
  readonly organizationId: string;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly digestDay: IsoWeekday;
  readonly digestTime: string;
}

export async function loadManagerTargets(prisma: Db, now: Date, managerId?: string): Promise<ManagerTarget[]> {
  const since = toDateOnlyUTC(addDays(dateInTimeZone(now, 'UTC'), -14));
  const managers = await prisma.person.findMany({
    where: {
      ...(managerId ? { id: managerId } : {}),
      active: true,
      erasedAt: null,
      managedMissions: { some: { checkinsEnabled: true, OR: [{ endDate: null }, { endDate: { gte: since } }] } },
    },
    select: { id: true, organizationId: true, locale: true, timezone: true, organization: true },
    orderBy: { ref: 'asc' },
  });
  return managers.map((m) => ({
    managerId: m.id,
    organizationId: m.organizationId,
    locale: personLocale(m.locale, m.organization.locale),
    timeZone: m.timezone ?? m.organization.timezone,
    digestDay: m.organization.digestDay as IsoWeekday,
    digestTime: m.organization.digestTime,
    catchUpMinutes: m.organization.catchUpWindowMinutes,
  }));
}
