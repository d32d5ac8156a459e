import type { Command } from 'commander';
import { isSupportedRegion, listRegions, monthCalendar } from '../../domain/index.js';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext, printJson, requireMonth, usageError } from '../context.js';

export function registerCalendarCommand(program: Command, locale: Locale): void {
  program
    .command('calendar')
    .description(t(locale, 'cli.calendar'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .option('--region <region>', t(locale, 'cli.calendar.region'), 'FR')
    .option('--json', t(locale, 'cli.json'))
    .action((month: string, options: { region: string; json?: boolean }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      if (!isSupportedRegion(options.region)) {
        throw usageError(t(ctx.locale, 'usage.region', { value: options.region, regions: listRegions().join(', ') }));
      }
      const calendar = monthCalendar(month, options.region);
      if (options.json) return printJson(ctx, calendar);
      ctx.out(t(ctx.locale, 'calendar.header', { month, region: calendar.region, workingDays: calendar.workingDays }));
      for (const day of calendar.days) {
        ctx.out(`${day.date}  ${day.working ? '●' : '·'}  ${day.holiday ?? ''}`.trimEnd());
      }
    });
}
