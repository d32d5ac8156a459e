/** Small builders that write KPI test data straight through Prisma. */
import type { Db } from '../../../src/db/client.js';
import type { BillingMode, CraStatus, DayKind, Role } from '../../../src/db/generated/client.js';

/** Midnight-UTC Date of a calendar date (what a @db.Date column expects). */
export function d(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** Dates from `from` to `to` (both included) falling Monday to Friday; holidays are NOT removed. */
export function weekdays(from: string, to: string): string[] {
  const result: string[] = [];
  for (let t = d(from).getTime(); t <= d(to).getTime(); t += 86_400_000) {
    const day = new Date(t);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) result.push(day.toISOString().slice(0, 10));
  }
  return result;
}

export class Fixture {
  constructor(
    readonly prisma: Db,
    readonly organizationId: string,
    private readonly managerId: string,
  ) {}

  static async create(prisma: Db, slug: string): Promise<Fixture> {
    const org = await prisma.organization.create({ data: { slug, name: slug.toUpperCase() } });
    const manager = await prisma.person.create({
      data: { organizationId: org.id, ref: 'manager', name: 'Manon Manager', roles: ['MANAGER', 'ADMIN'] },
    });
    return new Fixture(prisma, org.id, manager.id);
  }

  async person(ref: string, options: { roles?: Role[]; cjm?: string; active?: boolean; clientId?: string } = {}): Promise<string> {
    const person = await this.prisma.person.create({
      data: {
        organizationId: this.organizationId,
        ref,
        name: ref.charAt(0).toUpperCase() + ref.slice(1),
        roles: options.roles ?? ['CONSULTANT'],
        cjm: options.cjm ?? null,
        active: options.active ?? true,
        clientId: options.clientId ?? null,
      },
    });
    return person.id;
  }

  async client(ref: string): Promise<string> {
    const client = await this.prisma.client.create({ data: { organizationId: this.organizationId, ref, name: `Client ${ref}` } });
    return client.id;
  }

  async mission(options: {
    ref: string;
    consultantId: string;
    clientId: string;
    start: string;
    end?: string;
    region?: string;
    billingMode?: BillingMode;
    cjm?: string;
    rates?: { from: string; to?: string; tjm: string }[];
    purchaseOrders?: { number: string; start: string; end: string; days: string }[];
  }): Promise<string> {
    const mission = await this.prisma.mission.create({
      data: {
        organizationId: this.organizationId,
        ref: options.ref,
        title: `Mission ${options.ref}`,
        clientId: options.clientId,
        consultantId: options.consultantId,
        managerId: this.managerId,
        startDate: d(options.start),
        endDate: options.end ? d(options.end) : null,
        region: options.region ?? 'FR',
        billingMode: options.billingMode ?? 'REGIE',
        cjm: options.cjm ?? null,
        rates: {
          create: (options.rates ?? []).map((r) => ({ validFrom: d(r.from), validTo: r.to ? d(r.to) : null, tjm: r.tjm })),
        },
        purchaseOrders: {
          create: (options.purchaseOrders ?? []).map((po) => ({
            number: po.number,
            startDate: d(po.start),
            endDate: d(po.end),
            daysOrdered: po.days,
          })),
        },
      },
    });
    return mission.id;
  }

  /** One entry per date, all of the same kind and fraction. */
  async days(missionId: string, personId: string, dates: readonly string[], kind: DayKind = 'WORKED', fraction = '1'): Promise<void> {
    await this.prisma.dayEntry.createMany({
      data: dates.map((date) => ({ missionId, personId, date: d(date), kind, fraction, source: 'CLI' as const })),
    });
  }

  async timesheet(missionId: string, month: string, status: CraStatus): Promise<void> {
    await this.prisma.timesheet.create({ data: { missionId, month, status } });
  }
}
