// @ts-check
/**
 * The measured part of the monthclose scenario, in its own process on the built code (dist/, as in
 * production: plain node, no TypeScript loader in memory), so that its peak RSS is the figure:
 * the month-end close planned by the planner (the CRA message of every mission), then every
 * consultant submitting their CRA (the validation request to the approver).
 * Database from DATABASE_URL or DATA_DIR; argv[2]: the dist directory, argv[3]: the request
 * (bench/lib/monthclose-protocol.ts); the report goes back over IPC.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dist = process.argv[2] ?? '';
const request = JSON.parse(process.argv[3] ?? '{}');
/** @param {string} path */
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { openDatabase } = await load('db/database.js');
const { createLogger } = await load('log.js');
const { SCHEDULED_RITUALS } = await load('rituals/index.js');
const { planDueRituals } = await load('scheduler/plan-due-rituals.js');
const { submitCra } = await load('services/cra/submit-cra.js');

const databaseUrl = process.env.DATABASE_URL;
const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? null : (process.env.DATA_DIR ?? null), poolSize: request.concurrency + 2 });
const { prisma } = database;
const logger = createLogger('warn');
/** @type {{ id: string; consultantId: string }[]} */
const missions = await prisma.mission.findMany({ select: { id: true, consultantId: true }, orderBy: { ref: 'asc' } });
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

const started = performance.now();
const planned = await planDueRituals({ prisma, now: new Date(request.closeAt), platforms: ['SLACK'], logger }, SCHEDULED_RITUALS);
const closed = performance.now();

let next = 0;
let failures = 0;
const submitAt = new Date(request.submitAt);
async function worker() {
  while (next < missions.length) {
    const mission = missions[next++];
    if (!mission) break;
    try {
      await submitCra({ prisma, missionId: mission.id, month: request.month, actorId: mission.consultantId, channel: 'SLACK', now: submitAt, platforms: ['SLACK'], changeId: randomUUID() });
    } catch (error) {
      failures += 1;
      if (failures <= 3) logger.error({ err: error }, 'submission failed');
    }
  }
}
await Promise.all(Array.from({ length: request.concurrency }, worker));
const submitted = performance.now();

const [kinds, statuses] = await Promise.all([
  prisma.outboxMessage.groupBy({ by: ['kind'], _count: { _all: true } }),
  prisma.timesheet.groupBy({ by: ['status'], _count: { _all: true } }),
]);
/** @type {import('./lib/monthclose-protocol.js').MonthCloseReport} */
const report = {
  missions: missions.length,
  planned: planned.planned,
  planFailed: planned.failed,
  closeSeconds: (closed - started) / 1000,
  submitSeconds: (submitted - closed) / 1000,
  submitFailures: failures,
  outboxByKind: Object.fromEntries(kinds.map((/** @type {{ kind: string; _count: { _all: number } }} */ k) => [k.kind, k._count._all])),
  timesheetsByStatus: Object.fromEntries(statuses.map((/** @type {{ status: string; _count: { _all: number } }} */ s) => [s.status, s._count._all])),
  rssBeforeMb,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
};
await database.close();
process.send?.(report);
process.disconnect?.();
