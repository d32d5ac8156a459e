import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../../src/app.js';
import { createWebMessenger } from '../../../src/chat/web/web-messenger.js';
import { parseEnv } from '../../../src/config/index.js';
import type { Database } from '../../../src/db/database.js';
import { createLogger } from '../../../src/log.js';
import { createPlannerLease } from '../../../src/ops/coordination/planner-lease.js';
import { dispatchDue } from '../../../src/scheduler/dispatch/index.js';
import { createTestDatabase } from '../../helpers/database.js';
import { importExampleOrganization } from '../../helpers/example-org.js';
import { paris } from '../../helpers/ritual-flow.js';
import { createScratchDatabase } from '../../helpers/scratch-postgres.js';
import { sampleBotMessage } from '../../helpers/web-chat.js';
import { parseMetrics } from './parse-metrics.js';

const logger = createLogger('silent');

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await importExampleOrganization(database.prisma);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe('planner lease', () => {
  it('is held by one replica at a time, renewed by its holder, released on stop, and lost after expiry', async () => {
    const { prisma } = database;
    const a = createPlannerLease({ prisma, holder: 'a', name: 'test.lease', leaseMs: 60_000 });
    const b = createPlannerLease({ prisma, holder: 'b', name: 'test.lease', leaseMs: 60_000 });
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    await a.release();
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
    // A holder that stops renewing (a dead replica) loses it once its lease has expired.
    const c = createPlannerLease({ prisma, holder: 'c', name: 'test.short', leaseMs: 200 });
    const d = createPlannerLease({ prisma, holder: 'd', name: 'test.short', leaseMs: 200 });
    expect(await c.acquire()).toBe(true);
    expect(await d.acquire()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await d.acquire()).toBe(true);
  });
});

describe('dispatcher stop', () => {
  it('releases the claimed rows it has not tried: PENDING at once, attempt undone, sent once by the next dispatcher', async () => {
    const { prisma } = database;
    const marc = await prisma.person.findFirstOrThrow({ where: { ref: 'marc' } });
    const now = paris('2026-11-17 10:00');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const row = await prisma.outboxMessage.create({
        data: { dedupeKey: `test:stop:${i}`, recipientId: marc.id, platform: 'WEB', kind: 'test', payload: sampleBotMessage(`item ${i}`) as object, nextAttemptAt: now },
      });
      ids.push(row.id);
    }
    let stop = false;
    const first = await dispatchDue({
      prisma,
      messengers: { WEB: createWebMessenger(prisma) },
      now,
      workerId: 'stopping',
      logger,
      onOutcome: () => (stop = true),
      shouldStop: () => stop,
    });
    expect(first.sent).toBe(1);
    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === 'SENT')).toHaveLength(1);
    const released = rows.filter((r) => r.status !== 'SENT');
    expect(released).toHaveLength(4);
    for (const r of released) expect(r).toMatchObject({ status: 'PENDING', claimedBy: null, claimedAt: null, attempts: 0 });

    // Due at once (no lease to wait for): the next dispatcher, a second later, sends the four.
    const next = await dispatchDue({ prisma, messengers: { WEB: createWebMessenger(prisma) }, now: new Date(now.getTime() + 1000), workerId: 'next', logger });
    expect(next.sent).toBe(4);
    expect(await prisma.webMessage.count({ where: { outboxId: { in: ids } } })).toBe(5);
    expect((await prisma.outboxMessage.findMany({ where: { id: { in: ids } } })).every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });
});

describe('/metrics', () => {
  it('exposes delivery counters, outbox and CRA gauges and the interaction latency, behind METRICS_TOKEN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rituel-metrics-'));
    const scratch = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL, 'rituel_metrics') : undefined;
    const token = 'a-long-metrics-token-0123';
    const env = parseEnv({
      DATA_DIR: join(dir, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      METRICS_TOKEN: token,
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    });
    let clock = paris('2026-11-24 10:00');
    const app = await startApp(env, logger, { clock: () => clock });
    try {
      await app.scheduler.tickNow();
      const url = `http://127.0.0.1:${app.port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
      const scrape = async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/plain');
        return parseMetrics(await response.text());
      };
      const before = await scrape();
      const sentBefore = before.get('rituel_messages_sent_total{platform="WEB"}') ?? 0;
      expect(before.get('rituel_scheduler_ticks_total{role="leader"}')).toBeGreaterThanOrEqual(1);
      expect(before.get('rituel_cra_overdue_validations')).toBe(0);
      expect(before.get('rituel_outbox_oldest_due_seconds')).toBe(0);
      expect(before.has('rituel_process_cpu_user_seconds_total')).toBe(true);

      // Tuesday 17:35: the daily check-ins of the demo consultants are planned and delivered.
      clock = paris('2026-11-24 17:35');
      const summary = await app.scheduler.tickNow();
      expect(summary!.sent).toBeGreaterThan(0);
      const marc = await app.database.prisma.person.findFirstOrThrow({ where: { ref: 'marc' } });
      await app.router.handle({ id: randomUUID(), kind: 'command', actor: { platform: 'WEB', teamId: '', externalId: marc.id }, text: 'aide' });

      const after = await scrape();
      const sentRows = await app.database.prisma.outboxMessage.count({ where: { status: 'SENT' } });
      expect(after.get('rituel_messages_sent_total{platform="WEB"}')).toBe(sentRows);
      expect(after.get('rituel_messages_sent_total{platform="WEB"}')).toBe(sentBefore + summary!.sent);
      expect(after.get('rituel_interaction_duration_seconds_count{kind="command",outcome="ok"}')).toBe(1);
      const ratio = after.get('rituel_checkin_answer_ratio')!;
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(ratio).toBeLessThan(1);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
      await scratch?.drop();
    }
  });
});
