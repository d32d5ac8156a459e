/**
 * A month of scheduler ticks through the real `rituel tick --until --every 15 --json` (child process,
 * its own database): December 2026, with Christmas on a Friday, for the three missions of
 * examples/org.yaml, nobody answering. What must hold is computed from the organization file and
 * the domain calendar: one daily check-in per mission and working day, one weekly check-in per
 * mission and week on its day (brought forward by a holiday), one digest a Monday for Marc, one
 * reminder per unanswered check-in, every message delivered once in working hours; and running the
 * same month again plans and sends nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openDatabase } from '../../../src/db/database.js';
import {
  addDays,
  dateInTimeZone,
  datesBetween,
  fromDateOnlyUTC,
  instantAt,
  isoWeekday,
  isWithinMissionWindow,
  isWorkingDay,
  localMoment,
  minutesOf,
  workingDaysBetween,
  type IsoDate,
  type Region,
} from '../../../src/domain/index.js';
import { createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';
import { EXAMPLE_ORG_PATH } from '../../helpers/example-org.js';

const AT = '2026-11-30T00:00:00+01:00';
const UNTIL = '2026-12-31T23:45:00+01:00';
const TICK = ['tick', '--at', AT, '--until', UNTIL, '--every', '15', '--json'];
const FROM: IsoDate = '2026-11-30';
const TO: IsoDate = '2026-12-31';
const TZ = 'Europe/Paris';
const MONDAYS: IsoDate[] = ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'];
/** Two CLI runs of 3,072 ticks each: see the report of the test file for where the time goes. */
const MONTH_TIMEOUT = 240_000;

interface TickJson {
  ticks: number;
  from: string;
  to: string;
  planned: number;
  sent: number;
  retried: number;
  failed: number;
}

/** What the organization file says of each mission (the settings that apply, person > mission > organization). */
interface MissionSpec {
  ref: string;
  consultant: string;
  window: { startDate: IsoDate; endDate: IsoDate | null };
  region: Region;
  calendar: { whitMondayWorked: boolean };
  dailyTime: string;
  weeklyDay: number;
  weeklyTime: string;
}

interface OrgFile {
  organization: { settings: Record<string, unknown> & { quietHours: { start: string; end: string }; digest: { day: number; time: string } } };
  people: { ref: string; roles: string[]; checkins?: { dailyTime?: string } }[];
  clients: { contacts: { ref: string }[] }[];
  missions: {
    ref: string;
    consultant: string;
    manager: string;
    start: string;
    end?: string;
    region?: string;
    whitMondayWorked?: boolean;
    checkins?: { dailyTime?: string; weeklyDay?: number; weeklyTime?: string };
  }[];
}

const file = parse(readFileSync(EXAMPLE_ORG_PATH, 'utf8')) as OrgFile;
const settings = file.organization.settings;
const MISSIONS: MissionSpec[] = file.missions.map((m) => ({
  ref: m.ref,
  consultant: m.consultant,
  window: { startDate: String(m.start), endDate: m.end ? String(m.end) : null },
  region: (m.region ?? 'FR') as Region,
  calendar: { whitMondayWorked: m.whitMondayWorked ?? false },
  dailyTime: file.people.find((p) => p.ref === m.consultant)?.checkins?.dailyTime ?? m.checkins?.dailyTime ?? String(settings.dailyCheckinTime),
  weeklyDay: m.checkins?.weeklyDay ?? Number(settings.weeklyCheckinDay),
  weeklyTime: m.checkins?.weeklyTime ?? String(settings.weeklyCheckinTime),
}));
const REMINDER_TIME = String(settings.checkinReminderTime);
const CLIENT_CONTACT_REFS = file.clients.flatMap((c) => c.contacts.map((p) => p.ref));

const workingDay = (m: MissionSpec, d: IsoDate) => isWorkingDay(d, m.region, m.calendar) && isWithinMissionWindow(d, m.window);
/** The mission's working days of the simulated month (its calendar region, inside its window). */
const expectedDailyDates = (m: MissionSpec) => workingDaysBetween(FROM, TO, m.region, m.calendar).filter((d) => isWithinMissionWindow(d, m.window));
/** The day a week's check-in goes out: the last working day of the week up to the mission's weekday. */
function expectedWeeklyDay(m: MissionSpec, monday: IsoDate): IsoDate | null {
  const candidates = datesBetween(monday, addDays(monday, m.weeklyDay - 1)).filter((d) => workingDay(m, d));
  return candidates.at(-1) ?? null;
}
/** The next working day of the mission after `date`. */
function nextWorkingDay(m: MissionSpec, date: IsoDate): IsoDate {
  let d = addDays(date, 1);
  while (!workingDay(m, d)) d = addDays(d, 1);
  return d;
}

/** Everything the month wrote, read once the CLI has exited (the embedded database is single-process). */
async function snapshot(workspace: CliWorkspace) {
  const database = workspace.env.DATABASE_URL
    ? await openDatabase({ databaseUrl: workspace.env.DATABASE_URL, dataDir: null, poolSize: 2 })
    : await openDatabase({ dataDir: workspace.env.DATA_DIR! });
  try {
    const { prisma } = database;
    const [people, missions, checkIns, outbox, webMessages, runs, alerts, audit] = await Promise.all([
      prisma.person.findMany({ select: { id: true, ref: true } }),
      prisma.mission.findMany({ select: { id: true, ref: true } }),
      prisma.checkIn.findMany({ orderBy: [{ missionId: 'asc' }, { kind: 'asc' }, { date: 'asc' }] }),
      prisma.outboxMessage.findMany({ orderBy: { dedupeKey: 'asc' } }),
      prisma.webMessage.findMany({ orderBy: { id: 'asc' } }),
      prisma.ritualRun.findMany({ orderBy: { key: 'asc' } }),
      prisma.alert.findMany({ orderBy: { dedupeKey: 'asc' } }),
      prisma.auditEvent.count(),
    ]);
    return {
      personId: Object.fromEntries(people.map((p) => [p.ref, p.id])) as Record<string, string>,
      missionId: Object.fromEntries(missions.map((m) => [m.ref, m.id])) as Record<string, string>,
      checkIns,
      outbox,
      webMessages,
      runs,
      alerts,
      audit,
    };
  } finally {
    await database.close();
  }
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

let workspace: CliWorkspace;
let json: TickJson;
let db: Snapshot;

beforeAll(async () => {
  workspace = await createCliWorkspace();
  const imported = await workspace.run(['org', 'import', 'examples/org.yaml']);
  expect(imported.code, imported.stderr).toBe(0);
  const run = await workspace.run(TICK);
  expect(run.code, run.stderr).toBe(0);
  json = JSON.parse(run.stdout) as TickJson;
  db = await snapshot(workspace);
}, MONTH_TIMEOUT);

afterAll(async () => {
  await workspace?.cleanup();
});

const byKey = (key: string) => db.outbox.find((o) => o.dedupeKey === key);
const parisTime = (instant: Date) => {
  const { minutes } = localMoment(instant, TZ);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

describe('rituel tick over December 2026', () => {
  it('reports every quarter hour of the range, what it planned and what it sent', () => {
    const ticks = (new Date(UNTIL).getTime() - new Date(AT).getTime()) / (15 * 60_000) + 1;
    expect(json).toEqual({
      ticks,
      from: new Date(AT).toISOString(),
      to: new Date(UNTIL).toISOString(),
      // Ritual occurrences (check-ins, reminders, weekly check-ins, digests) and the alerts raised.
      planned: db.runs.length + db.alerts.length,
      sent: db.outbox.length,
      retried: 0,
      failed: 0,
    });
    expect(db.outbox.every((o) => o.status === 'SENT' && o.attempts === 1)).toBe(true);
  });

  it('asks one daily check-in per mission and working day of its region, none on weekends and holidays', () => {
    for (const m of MISSIONS) {
      const expected = expectedDailyDates(m);
      // Nov 30 and December 2026, minus the weekends and Christmas (Friday): 23 working days everywhere.
      expect(expected, m.ref).toHaveLength(23);
      const dates = db.checkIns.filter((c) => c.missionId === db.missionId[m.ref] && c.kind === 'DAILY').map((c) => fromDateOnlyUTC(c.date));
      expect(dates, m.ref).toEqual(expected);
      expect(dates.filter((d) => isoWeekday(d) >= 6)).toEqual([]);
      expect(dates).not.toContain('2026-12-25');
      expect(dates).not.toContain('2026-12-26');
      expect(db.checkIns.filter((c) => c.missionId === db.missionId[m.ref]).every((c) => c.personId === db.personId[m.consultant])).toBe(true);

      // Each delivered once, at the consultant's daily time on that day.
      for (const date of expected) {
        const row = byKey(`daily:${db.missionId[m.ref]}:${date}`);
        expect(row, `${m.ref} ${date}`).toMatchObject({ kind: 'checkin.daily', status: 'SENT', recipientId: db.personId[m.consultant], updatesId: null });
        expect(row!.sentAt).toEqual(instantAt(date, m.dailyTime, TZ));
      }
    }
    expect(db.outbox.filter((o) => o.kind === 'checkin.daily')).toHaveLength(MISSIONS.length * 23);
    // Julien's mission asks at 18:00, the others at the organization's 17:30.
    expect(MISSIONS.map((m) => [m.ref, m.dailyTime])).toEqual([
      ['alice-banque-nord', '17:30'],
      ['julien-assurances-rhin', '18:00'],
      ['sarah-banque-nord', '17:30'],
    ]);
  });

  it('asks one weekly check-in per mission and week, on its weekday or the working day before (24 December)', () => {
    for (const m of MISSIONS) {
      const weekly = db.checkIns.filter((c) => c.missionId === db.missionId[m.ref] && c.kind === 'WEEKLY').map((c) => fromDateOnlyUTC(c.date));
      expect(weekly, m.ref).toEqual(MONDAYS);
      for (const monday of MONDAYS) {
        const day = expectedWeeklyDay(m, monday)!;
        const row = byKey(`weekly:${db.missionId[m.ref]}:${monday}`);
        expect(row, `${m.ref} ${monday}`).toMatchObject({ kind: 'checkin.weekly', status: 'SENT', recipientId: db.personId[m.consultant] });
        expect(row!.sentAt).toEqual(instantAt(day, m.weeklyTime, TZ));
      }
    }
    expect(db.outbox.filter((o) => o.kind === 'checkin.weekly')).toHaveLength(MISSIONS.length * MONDAYS.length);
    const sentOn = (ref: string, monday: IsoDate) => dateInTimeZone(byKey(`weekly:${db.missionId[ref]}:${monday}`)!.sentAt!, TZ);
    // Friday 25 December and Friday 1 January are holidays: Thursday instead.
    expect(MONDAYS.map((m) => sentOn('alice-banque-nord', m))).toEqual(['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-24', '2026-12-31']);
    expect(MONDAYS.map((m) => sentOn('julien-assurances-rhin', m))).toEqual(['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-24', '2026-12-31']);
    // Sarah's mission: Thursday 15:00.
    expect(MONDAYS.map((m) => sentOn('sarah-banque-nord', m))).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31']);
    expect(parisTime(byKey(`weekly:${db.missionId['sarah-banque-nord']}:2026-12-21`)!.sentAt!)).toBe('15:00');

    // The week's unanswered daily check-ins before it rolled into it, their messages updated.
    for (const c of db.checkIns.filter((c) => c.kind === 'DAILY' && c.status === 'EXPIRED')) {
      const key = `daily:${c.missionId}:${fromDateOnlyUTC(c.date)}`;
      expect(byKey(`${key}:rolled-over`), key).toMatchObject({ status: 'SENT', updatesId: byKey(key)!.id });
    }
    expect(db.checkIns.filter((c) => c.kind === 'DAILY' && c.status === 'EXPIRED').length).toBeGreaterThan(0);
    expect(db.checkIns.every((c) => c.status === 'PENDING' || c.status === 'EXPIRED')).toBe(true);
    // Nothing stays open behind a weekly check-in: only the days after the last one (31 Dec) are still pending.
    const pending = db.checkIns.filter((c) => c.kind === 'DAILY' && c.status === 'PENDING').map((c) => fromDateOnlyUTC(c.date));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((d) => d === '2026-12-31')).toBe(true);
  });

  it('sends Marc one digest a Monday at 09:00, and nobody else any', () => {
    const digests = db.outbox.filter((o) => o.kind === 'digest.weekly');
    expect(digests.map((o) => o.dedupeKey)).toEqual(MONDAYS.map((d) => `digest:${db.personId.marc}:${d}`));
    for (const row of digests) {
      expect(row.recipientId).toBe(db.personId.marc);
      expect(parisTime(row.sentAt!)).toBe(file.organization.settings.digest.time);
      expect(isoWeekday(dateInTimeZone(row.sentAt!, TZ))).toBe(file.organization.settings.digest.day);
    }
  });

  it('reminds each unanswered check-in once, the next working morning at 09:00', () => {
    const reminders = db.outbox.filter((o) => o.kind === 'checkin.daily.reminder');
    const expected: string[] = [];
    for (const m of MISSIONS) {
      for (const date of expectedDailyDates(m)) {
        const next = nextWorkingDay(m, date);
        if (next > TO) continue;
        expected.push(`daily-reminder:${db.missionId[m.ref]}:${date}`);
        const row = byKey(`daily-reminder:${db.missionId[m.ref]}:${date}`);
        expect(row, `${m.ref} ${date}`).toMatchObject({ status: 'SENT', recipientId: db.personId[m.consultant] });
        expect(row!.sentAt).toEqual(instantAt(next, REMINDER_TIME, TZ));
      }
    }
    expect(reminders.map((r) => r.dedupeKey).sort()).toEqual(expected.sort());
    // Thursday 24 December is reminded on Monday 28.
    const christmasEve = byKey(`daily-reminder:${db.missionId['alice-banque-nord']}:2026-12-24`)!;
    expect(dateInTimeZone(christmasEve.sentAt!, TZ)).toBe('2026-12-28');
  });

  it('alerts Marc once per mission after three silent working days', () => {
    expect(db.alerts.map((a) => [a.kind, a.missionId, a.recipientId, a.dedupeKey])).toEqual(
      expect.arrayContaining(MISSIONS.map((m) => ['MISSING_CHECKINS', db.missionId[m.ref], db.personId.marc, `silent:${db.missionId[m.ref]}:${FROM}`])),
    );
    expect(db.alerts).toHaveLength(MISSIONS.length);
    for (const alert of db.alerts) expect(alert.createdAt).toEqual(instantAt('2026-12-03', REMINDER_TIME, TZ));
    expect(db.outbox.filter((o) => o.kind.startsWith('alert.'))).toHaveLength(MISSIONS.length);
  });

  it('delivers every message exactly once, and only in working hours', () => {
    expect(new Set(db.outbox.map((o) => o.dedupeKey)).size).toBe(db.outbox.length);
    const originals = db.outbox.filter((o) => o.updatesId === null);
    const copies = new Map(db.webMessages.map((w) => [w.outboxId, w]));
    expect(db.webMessages.every((w) => w.author === 'BOT' && w.outboxId !== null)).toBe(true);
    expect(db.webMessages).toHaveLength(originals.length);
    for (const row of originals) {
      const copy = copies.get(row.id);
      expect(copy, row.dedupeKey).toBeDefined();
      expect(copy!.personId).toBe(row.recipientId);
      expect(row.platformMessageId).toBe(copy!.id);
    }
    // Updates edit the copy of their original: it shows the last one.
    const updates = db.outbox.filter((o) => o.updatesId !== null);
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      expect(copies.has(update.id)).toBe(false);
      const latest = updates.filter((u) => u.updatesId === update.updatesId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
      expect(copies.get(update.updatesId!)!.payload).toEqual(latest.payload);
    }

    // Right to disconnect: nothing new reaches anybody in quiet hours, on a weekend or a holiday of their calendar.
    const quiet = file.organization.settings.quietHours;
    const regionOf = new Map(MISSIONS.map((m) => [db.personId[m.consultant], m]));
    for (const row of originals) {
      const local = localMoment(row.sentAt!, TZ);
      expect(local.minutes, row.dedupeKey).toBeGreaterThanOrEqual(minutesOf(quiet.end));
      expect(local.minutes, row.dedupeKey).toBeLessThan(minutesOf(quiet.start));
      const m = regionOf.get(row.recipientId);
      expect(m ? workingDay(m, local.date) : isWorkingDay(local.date, 'FR'), row.dedupeKey).toBe(true);
    }
  });

  it('never writes to a client contact', () => {
    const clients = CLIENT_CONTACT_REFS.map((ref) => db.personId[ref]);
    expect(clients).toHaveLength(5);
    expect(db.outbox.filter((o) => clients.includes(o.recipientId))).toEqual([]);
    expect(db.webMessages.filter((w) => clients.includes(w.personId))).toEqual([]);
    expect(new Set(db.outbox.map((o) => o.recipientId))).toEqual(new Set(['marc', 'alice', 'julien', 'sarah'].map((r) => db.personId[r])));
  });

  it(
    'plans and sends nothing when the same month is ticked again',
    async () => {
      const again = await workspace.run(TICK);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual({ ...json, planned: 0, sent: 0 });
      const after = await snapshot(workspace);
      expect(after.checkIns).toEqual(db.checkIns);
      expect(after.outbox).toEqual(db.outbox);
      expect(after.webMessages).toEqual(db.webMessages);
      expect(after.runs).toEqual(db.runs);
      expect(after.alerts).toEqual(db.alerts);
      expect(after.audit).toBe(db.audit);
    },
    MONTH_TIMEOUT,
  );
});
