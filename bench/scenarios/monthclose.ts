/**
 * monthclose: 10,000 consultants (--missions) with one régie mission each and every working day of November
 * filled (seeded in bulk, not measured); measured in a child process: the month-end close planned
 * by the planner (one CRA message per mission), then every CRA submitted (one validation request
 * per mission to its client approver). Time and the child's peak RSS; the child runs the built
 * code (dist/) with plain node, as in production.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { createBenchDatabase, type DbKind } from '../lib/bench-db.js';
import type { MonthCloseReport, MonthCloseRequest } from '../lib/monthclose-protocol.js';
import { builtCli } from '../lib/built-cli.js';
import { BENCH_DIR, ROOT } from '../lib/paths.js';
import { round, type ScenarioOptions, type ScenarioResult } from '../lib/result.js';
import { seedOrganization, seedWorkedDays } from '../lib/seed.js';

const MONTH = '2026-11';
/** Monday 30 November 2026, the last working day: closing at 15:00 in Paris, submissions after. */
const REQUEST: Omit<MonthCloseRequest, 'concurrency'> = { month: MONTH, closeAt: '2026-11-30T14:01:00Z', submitAt: '2026-11-30T14:30:00Z' };

function runChild(env: Readonly<Record<string, string>>, request: MonthCloseRequest): Promise<MonthCloseReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(BENCH_DIR, 'monthclose-child.mjs'), [join(ROOT, 'dist'), JSON.stringify(request)], {
      execArgv: [],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: MonthCloseReport | null = null;
    child.on('message', (message: unknown) => (report = message as MonthCloseReport));
    child.on('error', reject);
    child.on('exit', (code) => (report ? resolve(report) : reject(new Error(`monthclose child exited with ${code} and no report`))));
  });
}

export async function monthCloseScenario(kind: DbKind, options: ScenarioOptions): Promise<ScenarioResult> {
  const { missions } = options;
  builtCli((line) => process.stdout.write(`${line}\n`));
  const bench = await createBenchDatabase(kind, 'monthclose');
  try {
    const database = await bench.open();
    try {
      const seeded = await seedOrganization(database.prisma, { consultants: missions, missionStart: '2026-10-01' });
      await seedWorkedDays(database.prisma, seeded.consultants, `${MONTH}-01`, `${MONTH}-30`);
    } finally {
      await database.close();
    }
    const concurrency = kind === 'pg' ? 4 : 1;
    const report = await runChild(bench.env, { ...REQUEST, concurrency });
    const seconds = report.closeSeconds + report.submitSeconds;
    const requests = report.outboxByKind['cra.request'] ?? 0;
    const closeMessages = report.outboxByKind['cra.close'] ?? 0;
    const notes: string[] = [];
    if (report.planFailed > 0 || report.submitFailures > 0) notes.push(`failures: planner ${report.planFailed}, submissions ${report.submitFailures}`);
    notes.push(`outbox by kind: ${JSON.stringify(report.outboxByKind)}; CRAs by status: ${JSON.stringify(report.timesheetsByStatus)}`);
    return {
      scenario: 'monthclose',
      db: kind,
      figures: {
        missions,
        closeSeconds: round(report.closeSeconds),
        submitSeconds: round(report.submitSeconds),
        submitConcurrency: concurrency,
        totalSeconds: round(seconds),
        closeMessages,
        validationRequests: requests,
        rssBeforeMb: round(report.rssBeforeMb, 0),
        peakRssMb: round(report.maxRssMb, 0),
      },
      targets: [
        { name: '≤ 60 s', ok: seconds <= 60 },
        { name: 'peak RSS ≤ 400 MB', ok: report.maxRssMb <= 400 },
        { name: 'every CRA closed and requested', ok: closeMessages === missions && requests === missions },
      ],
      notes,
    };
  } finally {
    await bench.dispose();
  }
}
