import type { Command } from 'commander';
import { formatNumber, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { describeProblem } from '../../i18n/problems.js';
import { findMission } from '../../services/find-mission.js';
import { getTimesheetView } from '../../services/get-timesheet-view.js';
import { createCliContext, printJson, requireMonth, withDatabase } from '../context.js';

export function registerCraCommands(program: Command, locale: Locale): void {
  const cra = program.command('cra').description(t(locale, 'cli.cra'));
  cra
    .command('show')
    .description(t(locale, 'cli.cra.show'))
    .argument('<missionRef>', t(locale, 'cli.arg.missionRef'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .option('--json', t(locale, 'cli.json'))
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .action(async (missionRef: string, month: string, options: { json?: boolean; org?: string }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      await withDatabase(ctx, async ({ prisma }) => {
        const mission = await findMission({ prisma, ref: missionRef, organization: options.org });
        const view = await getTimesheetView({ prisma, missionId: mission.id, month });
        if (options.json) return printJson(ctx, view);
        const { locale } = ctx;
        ctx.out(
          t(locale, 'cra.header', {
            month,
            mission: view.mission,
            client: view.client,
            status: t(locale, `cra.status.${view.status}` as MessageKey),
            version: view.version,
          }),
        );
        for (const day of view.days) {
          if (!day.inMission) continue;
          const parts = [day.date];
          if (day.worked > 0) parts.push(`${formatNumber(locale, day.worked)} ${t(locale, 'kind.WORKED')}`);
          if (day.absence) parts.push(`${formatNumber(locale, day.absence.fraction)} ${t(locale, `kind.${day.absence.kind}` as MessageKey)}`);
          if (day.holiday) parts.push(day.holiday);
          if (day.override) parts.push('⚑');
          if (day.missing) parts.push('?');
          ctx.out(`  ${parts.join('  ')}`);
        }
        ctx.out(t(locale, 'cra.total', { days: formatNumber(locale, view.totalWorked), amount: view.amount ? formatNumber(locale, view.amount) : '—' }));
        if (view.missingDays.length > 0) ctx.out(t(locale, 'cra.missing', { days: view.missingDays.join(', ') }));
        for (const warning of view.warnings) ctx.err(describeProblem(locale, warning));
      });
    });
}
