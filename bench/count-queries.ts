/**
 * A profiling aid (not a scenario): the database queries the planner makes per target, by model
 * and operation, for the daily check-in fan-out or the month-end close followed by the CRA
 * submissions. Finds N+1 patterns: a figure of 1.0 per target is one query per consultant.
 *
 *   npx tsx bench/count-queries.ts daily|close [targets=200] [pg|embedded]
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/client.js';
import { createLogger } from '../src/log.js';
import { SCHEDULED_RITUALS } from '../src/rituals/index.js';
import { planDueRituals } from '../src/scheduler/plan-due-rituals.js';
import { submitCra } from '../src/services/cra/submit-cra.js';
import { createBenchDatabase } from './lib/bench-db.js';
import { seedOrganization, seedWorkedDays } from './lib/seed.js';

const what = process.argv[2] === 'close' ? 'close' : 'daily';
const targets = Number(process.argv[3] ?? 200);
const kind = process.argv[4] === 'embedded' ? 'embedded' : 'pg';

const bench = await createBenchDatabase(kind, 'queries');
const database = await bench.open();
const seeded = await seedOrganization(database.prisma, { consultants: targets, missionStart: what === 'daily' ? '2026-11-17' : '2026-10-01' });
if (what === 'close') await seedWorkedDays(database.prisma, seeded.consultants, '2026-11-01', '2026-11-30');

const counts = new Map<string, { n: number; ms: number }>();
const counted = database.prisma.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const started = performance.now();
      try {
        return await query(args);
      } finally {
        const key = `${model ?? '$raw'}.${operation}`;
        const entry = counts.get(key) ?? { n: 0, ms: 0 };
        entry.n += 1;
        entry.ms += performance.now() - started;
        counts.set(key, entry);
      }
    },
  },
}) as unknown as Db;
const logger = createLogger('silent');

function report(label: string, started: number): void {
  const total = [...counts.values()].reduce((sum, c) => sum + c.n, 0);
  process.stdout.write(`${label}: ${((performance.now() - started) / targets).toFixed(2)} ms and ${(total / targets).toFixed(1)} queries per target\n`);
  for (const [key, c] of [...counts.entries()].sort((a, b) => b[1].n - a[1].n)) {
    process.stdout.write(`  ${key.padEnd(40)} ${(c.n / targets).toFixed(2)}/target  ${c.ms.toFixed(0)} ms\n`);
  }
  counts.clear();
}

try {
  if (what === 'daily') {
    const started = performance.now();
    await planDueRituals({ prisma: counted, now: new Date('2026-11-17T16:31:00Z'), platforms: ['SLACK'], logger }, SCHEDULED_RITUALS);
    report('daily check-in planning', started);
  } else {
    let started = performance.now();
    await planDueRituals({ prisma: counted, now: new Date('2026-11-30T14:01:00Z'), platforms: ['SLACK'], logger }, SCHEDULED_RITUALS);
    report('month-end close planning', started);
    started = performance.now();
    for (const c of seeded.consultants) {
      await submitCra({ prisma: counted, missionId: c.missionId, month: '2026-11', actorId: c.personId, channel: 'SLACK', now: new Date('2026-11-30T14:30:00Z'), platforms: ['SLACK'], changeId: randomUUID() });
    }
    report('CRA submissions', started);
  }
} finally {
  await database.close();
  await bench.dispose();
}
