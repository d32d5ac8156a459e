import { hostname } from 'node:os';
import type { Command } from 'commander';
import { createMessengers, platformsOf } from '../../chat/create-messengers.js';
import { t, type Locale } from '../../i18n/index.js';
import { createLogger } from '../../log.js';
import { SCHEDULED_RITUALS } from '../../rituals/index.js';
import { releaseOrphanedClaims } from '../../scheduler/dispatch/release-orphaned-claims.js';
import { runTick, type TickSummary } from '../../scheduler/run-tick.js';
import { createCliContext, printJson, usageError, withDatabase, type CliContext } from '../context.js';

interface TickOptions {
  at?: string;
  until?: string;
  every: string;
  json?: boolean;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** A simulation may not take more ticks than a year of quarter hours. */
const MAX_TICKS = 366 * 24 * 4;

function instant(ctx: CliContext, option: string, value: string): Date {
  const date = new Date(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(date.getTime())) throw usageError(t(ctx.locale, 'usage.instant', { option, value }));
  return date;
}

/** The instants to tick at: one (--at, or now), or every --every minutes from --at to --until. */
function tickInstants(ctx: CliContext, options: TickOptions): Date[] {
  const at = options.at ? instant(ctx, '--at', options.at) : new Date();
  if (!options.until) return [at];
  if (!options.at) throw usageError(t(ctx.locale, 'usage.untilNeedsAt'));
  const until = instant(ctx, '--until', options.until);
  const every = Number(options.every);
  if (!Number.isInteger(every) || every < 1 || every > 1440) throw usageError(t(ctx.locale, 'usage.every', { value: options.every }));
  if (until.getTime() < at.getTime()) throw usageError(t(ctx.locale, 'usage.untilBeforeAt'));
  const count = Math.floor((until.getTime() - at.getTime()) / (every * 60_000)) + 1;
  if (count > MAX_TICKS) throw usageError(t(ctx.locale, 'usage.tooManyTicks', { max: MAX_TICKS }));
  return Array.from({ length: count }, (_, i) => new Date(at.getTime() + i * every * 60_000));
}

export function registerTickCommand(program: Command, locale: Locale): void {
  program
    .command('tick')
    .description(t(locale, 'cli.tick'))
    .option('--at <instant>', t(locale, 'cli.tick.at'))
    .option('--until <instant>', t(locale, 'cli.tick.until'))
    .option('--every <minutes>', t(locale, 'cli.tick.every'), '15')
    .option('--json', t(locale, 'cli.json'))
    .action(async (options: TickOptions) => {
      const ctx = createCliContext();
      const instants = tickInstants(ctx, options);
      const logger = createLogger(ctx.env.LOG_LEVEL === 'info' ? 'warn' : ctx.env.LOG_LEVEL, 'json');
      await withDatabase(ctx, async ({ prisma, kind }) => {
        // The embedded database is this process's alone: rows left SENDING were a dead process's.
        if (kind === 'embedded') await releaseOrphanedClaims(prisma, instants[0] ?? new Date());
        const messengers = await createMessengers({ env: ctx.env, prisma });
        const deps = {
          prisma,
          logger,
          rituals: SCHEDULED_RITUALS,
          messengers,
          platforms: platformsOf(messengers),
          workerId: `${hostname()}:${process.pid}:cli`,
          // Nothing changes the organization during this run: its ticks share what they read of it.
          memo: new Map<string, Promise<unknown>>(),
        };
        const summaries: TickSummary[] = [];
        for (const at of instants) summaries.push(await runTick(deps, at));
        const total = {
          ticks: summaries.length,
          from: summaries[0]?.at ?? null,
          to: summaries[summaries.length - 1]?.at ?? null,
          planned: summaries.reduce((sum, s) => sum + s.planned.planned, 0),
          sent: summaries.reduce((sum, s) => sum + s.sent, 0),
          retried: summaries.reduce((sum, s) => sum + s.retried, 0),
          failed: summaries.reduce((sum, s) => sum + s.failed + s.planned.failed, 0),
        };
        if (options.json) return printJson(ctx, total);
        ctx.out(t(ctx.locale, total.ticks === 1 ? 'tick.one' : 'tick.many', { ...total, from: total.from ?? '', to: total.to ?? '' }));
      });
    });
}
