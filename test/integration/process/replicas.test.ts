/**
 * Several real `rituel start` processes on one PostgreSQL database (TEST_DATABASE_URL's server, or
 * the local one: these tests need PostgreSQL and fail rather than skip without it). Their clock is
 * set by a preloaded fake clock (fake-clock.mjs) to a Tuesday at 17:45, Paris time, so their very
 * first tick finds the daily check-ins of 17:30 due.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedMigrationNames } from '../../../src/db/migrations.js';
import { CLI_ENTRY, ROOT, runRituel } from '../../helpers/cli.js';
import { createScratchDatabase, type ScratchDatabase } from '../../helpers/scratch-postgres.js';
import { sampleBotMessage } from '../../helpers/web-chat.js';
import { parseMetrics } from '../ops/parse-metrics.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const FAKE_NOW = '2026-11-24T17:45:00+01:00';
const FAKE_CLOCK = join(import.meta.dirname, 'fake-clock.mjs');

interface Server {
  child: ChildProcessWithoutNullStreams;
  port: number;
  lines: { msg: string; [key: string]: unknown }[];
  exit: Promise<number | null>;
}

let scratch: ScratchDatabase;
let db: pg.Client;
const servers: Server[] = [];

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', FAKE_CLOCK, CLI_ENTRY, 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: scratch.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      FAKE_NOW,
    },
  });
  const lines: Server['lines'] = [];
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${stderr}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as Server['lines'][number];
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        if (typeof line.port === 'number') {
          clearTimeout(timer);
          resolve(line.port);
        }
      }
    });
    void exit.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const server = { child, port, lines, exit };
  servers.push(server);
  return server;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function metricsOf(server: Server): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(response.status).toBe(200);
  return parseMetrics(await response.text());
}

async function stop(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exit;
}

beforeAll(async () => {
  scratch = await createScratchDatabase(ADMIN_URL, 'rituel_replicas');
  db = new pg.Client({ connectionString: scratch.url });
  await db.connect();
});

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await db?.end();
  await scratch?.drop();
});

describe('several replicas on one PostgreSQL database', () => {
  it('three servers started at once on an empty database: migrated once, all ready, one plans, each message sent once', { timeout: 150_000 }, async () => {
    const three = await Promise.all([startServer(), startServer(), startServer()]);

    // Migrations: applied once (they took turns on the advisory lock), all recorded, none twice.
    const committed = committedMigrationNames();
    expect(await count('SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')).toBe(committed.length);
    expect(await count('SELECT count(DISTINCT migration_name) AS n FROM "_prisma_migrations"')).toBe(committed.length);
    expect(three.flatMap((s) => s.lines).filter((l) => Array.isArray(l.migrations)).length).toBe(1);
    for (const server of three) {
      const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      expect(ready.status).toBe(200);
    }
    // The demo organization was seeded once, by whichever replica won.
    expect(await count('SELECT count(*) AS n FROM "Organization"')).toBe(1);

    // The daily check-ins of 17:30 are planned and delivered: nothing due is left.
    await waitFor('the check-ins to be delivered', async () => {
      const sent = await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" = 'SENT'`);
      const due = await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" IN ('PENDING', 'SENDING') AND "nextAttemptAt" <= $1::timestamptz`, [FAKE_NOW]);
      return sent > 0 && due === 0;
    });
    expect(await count(`SELECT count(*) AS n FROM "RitualRun" WHERE "key" LIKE 'daily:%'`)).toBeGreaterThanOrEqual(3);

    const metrics = await Promise.all(three.map(metricsOf));
    const leaders = metrics.filter((m) => (m.get('rituel_scheduler_ticks_total{role="leader"}') ?? 0) > 0);
    expect(leaders).toHaveLength(1);
    expect(metrics.filter((m) => (m.get('rituel_scheduler_ticks_total{role="follower"}') ?? 0) > 0)).toHaveLength(2);
    // Each message delivered once: the replicas' deliveries add up to the rows sent, one copy each.
    const sentRows = await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "status" = 'SENT'`);
    const delivered = metrics.reduce((sum, m) => sum + (m.get('rituel_messages_sent_total{platform="WEB"}') ?? 0), 0);
    expect(delivered).toBe(sentRows);
    expect(await count(`SELECT count(*) AS n FROM "WebMessage" WHERE "outboxId" IS NOT NULL`)).toBe(sentRows);
    expect(await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "attempts" > 1`)).toBe(0);

    // SIGTERM: each stops cleanly (exit code 0) and gives up the planner lease.
    expect(await Promise.all(three.map(stop))).toEqual([0, 0, 0]);
    expect(await count(`SELECT count(*) AS n FROM "SchedulerState" WHERE "name" = 'planner.lease' AND "holder" IS NOT NULL`)).toBe(0);
  });

  it('SIGTERM during a fan-out: the claimed rows are released, the next process sends them at once, none twice', { timeout: 150_000 }, async () => {
    const people = (await db.query<{ id: string }>(`SELECT "id" FROM "Person" WHERE "active"`)).rows.map((r) => r.id);
    const total = 600;
    const payload = JSON.stringify(sampleBotMessage('fan-out'));
    await db.query(
      `INSERT INTO "OutboxMessage" ("id", "dedupeKey", "recipientId", "platform", "kind", "payload", "nextAttemptAt")
       SELECT gen_random_uuid(), 'fanout:' || i, ($1::uuid[])[1 + i % array_length($1::uuid[], 1)], 'WEB', 'test.fanout', $2::jsonb, $3::timestamptz - interval '1 minute'
       FROM generate_series(1, $4::int) AS i`,
      [people, payload, FAKE_NOW, total],
    );
    const fanout = (status: string) => count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "kind" = 'test.fanout' AND "status" = $1`, [status]);

    const server = await startServer();
    await waitFor('the fan-out to start', async () => (await fanout('SENT')) > 0, 60_000, 10);
    expect(await stop(server)).toBe(0);

    const sent = await fanout('SENT');
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(total);
    expect(await fanout('SENDING')).toBe(0);
    // Released: PENDING, unclaimed, the attempt undone.
    expect(await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "kind" = 'test.fanout' AND "status" = 'PENDING' AND ("claimedBy" IS NOT NULL OR "attempts" <> 0)`)).toBe(0);
    expect(server.lines.some((l) => l.msg === 'outbox claims released on stop')).toBe(true);

    // The next process (here `rituel tick`, two minutes later: well inside a 5-minute lease) sends them all.
    const at = new Date(Date.parse(FAKE_NOW) + 2 * 60_000).toISOString();
    const tick = await runRituel(['tick', '--at', at, '--json'], { DATABASE_URL: scratch.url });
    expect(tick.code).toBe(0);
    expect(await fanout('SENT')).toBe(total);
    expect(await count(`SELECT count(*) AS n FROM "WebMessage" w JOIN "OutboxMessage" o ON o."id" = w."outboxId" WHERE o."kind" = 'test.fanout'`)).toBe(total);
    expect(await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE "kind" = 'test.fanout' AND "attempts" <> 1`)).toBe(0);
  });
});
