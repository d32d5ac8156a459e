/**
 * The Prometheus metrics of one app instance, on its own registry (never prom-client's global
 * one: tests start several apps in one process). Counters are incremented where things happen
 * (the dispatcher's outcomes, the planner lease, the router's latency); the gauges that describe
 * the database (outbox depth, check-in answer rate, CRAs) are read from it when /metrics is
 * scraped, so every replica reports the same shared state (aggregate them with max(), not sum()).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChatPlatform, Interaction, InteractionResult } from '../../chat/interaction.js';
import type { Db } from '../../db/client.js';

export type DeliveryOutcome = 'sent' | 'retried' | 'failed' | 'deferred' | 'cancelled';

export interface AppMetrics {
  readonly registry: Registry;
  /** One delivery outcome of the dispatcher. */
  delivery(platform: ChatPlatform, outcome: DeliveryOutcome): void;
  /** One tick: this replica planned (it holds the lease) or left planning to another. */
  plannerTick(role: 'leader' | 'follower'): void;
  /** The same router, its `handle` timed. */
  instrumentRouter<R extends { handle(interaction: Interaction): Promise<InteractionResult> }>(router: R): R;
}

const DAY_MS = 24 * 60 * 60_000;

export function createMetrics(prisma: Db, options: { now?: () => Date; defaultMetrics?: boolean } = {}): AppMetrics {
  const now = options.now ?? (() => new Date());
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'rituel_' });

  const sent = new Counter({ name: 'rituel_messages_sent_total', help: 'Messages delivered by this replica', labelNames: ['platform'], registers });
  const failed = new Counter({ name: 'rituel_messages_failed_total', help: 'Messages that failed for good on this replica', labelNames: ['platform'], registers });
  const retried = new Counter({ name: 'rituel_messages_retried_total', help: 'Delivery attempts put back for a retry', labelNames: ['platform'], registers });
  const ticks = new Counter({ name: 'rituel_scheduler_ticks_total', help: 'Scheduler ticks by role: leader planned, follower only dispatched', labelNames: ['role'], registers });
  const latency = new Histogram({
    name: 'rituel_interaction_duration_seconds',
    help: 'Time to handle one chat interaction (click, form, command)',
    labelNames: ['kind', 'outcome'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers,
  });

  new Gauge({
    name: 'rituel_outbox_depth',
    help: 'Outbox messages waiting (PENDING) or being sent (SENDING), by platform',
    labelNames: ['platform', 'status'],
    registers,
    async collect() {
      this.reset();
      const groups = await prisma.outboxMessage.groupBy({ by: ['platform', 'status'], where: { status: { in: ['PENDING', 'SENDING'] } }, _count: { _all: true } });
      for (const g of groups) this.set({ platform: g.platform, status: g.status }, g._count._all);
    },
  });
  new Gauge({
    name: 'rituel_outbox_oldest_due_seconds',
    help: 'Age of the oldest outbox message due and not sent yet (0 when none)',
    registers,
    async collect() {
      const at = now();
      const oldest = await prisma.outboxMessage.findFirst({
        where: { status: { in: ['PENDING', 'SENDING'] }, nextAttemptAt: { lte: at } },
        orderBy: { nextAttemptAt: 'asc' },
        select: { nextAttemptAt: true },
      });
      this.set(oldest ? Math.max(0, (at.getTime() - oldest.nextAttemptAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'rituel_checkin_answer_ratio',
    help: 'Check-ins answered / check-ins asked over the last 7 days (1 when none was asked)',
    registers,
    async collect() {
      // Check-ins of the last 7 days (their date), whatever their delivery time.
      const at = now();
      const date = { gte: new Date(at.getTime() - 7 * DAY_MS), lte: at };
      const total = await prisma.checkIn.count({ where: { date } });
      const answered = await prisma.checkIn.count({ where: { date, status: 'ANSWERED' } });
      this.set(total === 0 ? 1 : answered / total);
    },
  });
  new Gauge({
    name: 'rituel_cra',
    help: 'Monthly CRAs by status',
    labelNames: ['status'],
    registers,
    async collect() {
      this.reset();
      const groups = await prisma.timesheet.groupBy({ by: ['status'], _count: { _all: true } });
      for (const g of groups) this.set({ status: g.status }, g._count._all);
    },
  });
  new Gauge({
    name: 'rituel_cra_overdue_validations',
    help: 'CRAs waiting for the client past their due date',
    registers,
    async collect() {
      this.set(await prisma.timesheet.count({ where: { status: 'PENDING_CLIENT', dueAt: { lt: now() } } }));
    },
  });

  return {
    registry,
    delivery(platform, outcome) {
      if (outcome === 'sent') sent.inc({ platform });
      else if (outcome === 'failed') failed.inc({ platform });
      else if (outcome === 'retried') retried.inc({ platform });
    },
    plannerTick(role) {
      ticks.inc({ role });
    },
    instrumentRouter(router) {
      return {
        ...router,
        async handle(interaction: Interaction) {
          const end = latency.startTimer({ kind: interaction.kind });
          try {
            const result = await router.handle(interaction);
            end({ outcome: 'ok' });
            return result;
          } catch (error) {
            end({ outcome: 'error' });
            throw error;
          }
        },
      };
    },
  };
}
