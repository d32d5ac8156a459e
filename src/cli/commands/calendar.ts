import type { Command } from 'commander';
import { isSupportedRegion, isYearMonth, listRegions, monthCalendar } from '../../domain/index.js';
import { t } from '../../i18n/index.js';
import { createCliContext, printJson, usageError } from '../context.js';

export function registerCalendarCommand(program: Command): void {
  program
    .command('calendar')
    .description('working days and public holidays of a month for a calendar region')
    .argument('<month>', 'YYYY-MM')
    .option('--region <region>', 'FR, FR-57, FR-67, FR-68, or an overseas region such as FR-RE', 'FR')
    .option('--json', 'machine-readable output')
    .action((month: string, options: { region: string; json?: boolean }) => {
      const ctx = createCliContext();
      if (!isYearMonth(month)) throw usageError(`invalid month "${month}": expected YYYY-MM`);
      if (!isSupportedRegion(options.region)) {
        throw usageError(`unknown region "${options.region}": expected one of ${listRegions().join(', ')}`);
      }
      const calendar = monthCalendar(month, options.region);
      if (options.json) return printJson(ctx, calendar);
      ctx.out(t(ctx.locale, 'calendar.header', { month, region: calendar.region, workingDays: calendar.workingDays }));
      for (const day of calendar.days) {
        ctx.out(`${day.date}  ${day.working ? '●' : '·'}  ${day.holiday ?? ''}`.trimEnd());
      }
    });
}
