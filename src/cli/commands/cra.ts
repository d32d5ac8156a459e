import type { Command } from 'commander';
import type { ChatPlatform } from '../../chat/interaction.js';
import { randomUUID } from 'node:crypto';
import { createMessengers, platformsOf } from '../../chat/create-messengers.js';
import type { Db } from '../../db/client.js';
import { formatNumber, t, type Locale, type MessageKey } from '../../i18n/index.js';
import { describeProblem } from '../../i18n/problems.js';
import { cliActor, craApprovalLines } from '../../services/cra/cra-cli.js';
import { reopenCra } from '../../services/cra/reopen-cra.js';
import { submitCra } from '../../services/cra/submit-cra.js';
import { findMission } from '../../services/find-mission.js';
import { getTimesheetView } from '../../services/get-timesheet-view.js';
import { createCliContext, printJson, requireMonth, usageError, withDatabase, type CliContext } from '../context.js';
import { registerCraExportCommand } from './cra-export.js';

export function registerCraCommands(program: Command, locale: Locale): void {
  const cra = program.command('cra').description(t(locale, 'cli.cra'));
  registerCraExportCommand(cra, locale);
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
        const approval = await craApprovalLines(prisma, mission.id, month, ctx.locale);
        if (options.json) return printJson(ctx, { ...view, approval: approval.json });
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
        for (const line of approval.lines) ctx.out(line);
        for (const warning of view.warnings) ctx.err(describeProblem(locale, warning));
      });
    });
  cra
    .command('submit')
    .description(t(locale, 'craflow.cli.submit'))
    .argument('<missionRef>', t(locale, 'cli.arg.missionRef'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .option('--by <personRef>', t(locale, 'craflow.cli.by'))
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .option('--json', t(locale, 'cli.json'))
    .action(async (missionRef: string, month: string, options: { by?: string; org?: string; json?: boolean }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      await changeCra(ctx, missionRef, options, 'consultant', {
        change: (c) => submitCra({ ...c, month, channel: 'CLI', now: new Date(), changeId: randomUUID() }),
        describe: (result, mission) =>
          result.approverName
            ? t(ctx.locale, 'craflow.cli.submitted', { mission, month, version: result.version, approver: result.approverName })
            : t(ctx.locale, 'craflow.cli.submittedNoApprover', { mission, month, version: result.version }),
      });
    });
  cra
    .command('reopen')
    .description(t(locale, 'craflow.cli.reopen'))
    .argument('<missionRef>', t(locale, 'cli.arg.missionRef'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .requiredOption('--reason <text>', t(locale, 'craflow.cli.reason'))
    .option('--by <personRef>', t(locale, 'craflow.cli.byAdmin'))
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .option('--json', t(locale, 'cli.json'))
    .action(async (missionRef: string, month: string, options: { reason: string; by?: string; org?: string; json?: boolean }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      if (options.reason.trim() === '') throw usageError(t(ctx.locale, 'craflow.reopen.reasonRequired'));
      await changeCra(ctx, missionRef, options, 'admin', {
        change: (c) => reopenCra({ ...c, month, reason: options.reason, channel: 'CLI', now: new Date() }),
        describe: (result, mission) => t(ctx.locale, 'craflow.cli.reopened', { mission, month, version: result.version }),
      });
    });
}

/** What submit and reopen share: the mission, who acts (--by, else the role's default), the platforms; then --json or a line. */
async function changeCra<T>(
  ctx: CliContext,
  missionRef: string,
  options: { by?: string; org?: string; json?: boolean },
  role: 'consultant' | 'admin',
  step: {
    change: (c: { prisma: Db; missionId: string; actorId: string; platforms: readonly ChatPlatform[] }) => Promise<T>;
    describe: (result: T, missionRef: string) => string;
  },
): Promise<void> {
  await withDatabase(ctx, async ({ prisma }) => {
    const mission = await findMission({ prisma, ref: missionRef, organization: options.org });
    const actorId = await cliActor(prisma, mission.id, options.by, role);
    const platforms = platformsOf(await createMessengers({ env: ctx.env, prisma }));
    const result = await step.change({ prisma, missionId: mission.id, actorId, platforms });
    if (options.json) return printJson(ctx, result);
    ctx.out(step.describe(result, mission.ref));
  });
}
