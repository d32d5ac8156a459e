/**
 * startup: the built CLI (`node dist/cli/main.js start`, Slack over HTTP pointed at the fake
 * Slack) from spawn to /healthz answering 200, and its resident memory after ~2 s idle
 * (/proc/<pid>/status VmRSS). Twice: on an empty database (migrations applied, embedded: the data
 * directory created) and again on the same database (an ordinary restart).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBenchDatabase, type DbKind } from '../lib/bench-db.js';
import { builtCli } from '../lib/built-cli.js';
import { startFakeSlackProcess } from '../lib/fake-slack-process.js';
import { round, type ScenarioOptions, type ScenarioResult } from '../lib/result.js';
import { BENCH_TEAM } from '../lib/seed.js';
import { spawnServer } from '../lib/spawn-server.js';

const IDLE_MS = 2000;

function residentMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function healthy(port: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not answering yet
    }
    await sleep(10);
  }
}

interface StartMeasure {
  readonly toHealthyMs: number;
  readonly idleRssMb: number | null;
}

async function measureStart(cli: string, env: Readonly<Record<string, string>>): Promise<StartMeasure> {
  const server = await spawnServer([cli, 'start'], { ...env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
  try {
    await healthy(server.port);
    const toHealthyMs = performance.now() - server.spawnedAt;
    await sleep(IDLE_MS);
    return { toHealthyMs, idleRssMb: residentMb(server.pid) };
  } finally {
    await server.stop();
  }
}

export async function startupScenario(kind: DbKind, _options: ScenarioOptions): Promise<ScenarioResult> {
  const cli = builtCli((line) => process.stdout.write(`${line}\n`));
  const bench = await createBenchDatabase(kind, 'startup');
  const fake = await startFakeSlackProcess({ teamId: BENCH_TEAM });
  try {
    const env = { ...bench.env, SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fake.apiUrl };
    const first = await measureStart(cli, env);
    const again = await measureStart(cli, env);
    const rss = (mb: number | null) => (mb === null ? null : round(mb, 0));
    return {
      scenario: 'startup',
      db: kind,
      figures: {
        emptyDbToHealthyMs: round(first.toHealthyMs, 0),
        emptyDbIdleRssMb: rss(first.idleRssMb),
        restartToHealthyMs: round(again.toHealthyMs, 0),
        restartIdleRssMb: rss(again.idleRssMb),
      },
      targets: [],
      notes: [],
    };
  } finally {
    await fake.close();
    await bench.dispose();
  }
}
