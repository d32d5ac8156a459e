import type { Command } from 'commander';
import { isDayKind } from '../../domain/index.js';
import { t, type Locale, type MessageKey } from '../../i18n/index.js';
import { findMission } from '../../services/find-mission.js';
import { setDayEntry } from '../../services/set-day-entry.js';
import { createCliContext, requireDate, usageError, withDatabase } from '../context.js';

interface DaysSetOptions {
  kind: string;
  note?: string;
  override?: boolean;
  org?: string;
}

export function registerDaysCommands(program: Command, locale: Locale): void {
  const days = program.command('days').description(t(locale, 'cli.days'));
  days
    .command('set')
    .description(t(locale, 'cli.days.set'))
    .argument('<missionRef>', t(locale, 'cli.arg.missionRef'))
    .argument('<date>', t(locale, 'cli.days.set.date'))
    .argument('<fraction>', t(locale, 'cli.days.set.fraction'))
    .option('--kind <kind>', t(locale, 'cli.days.set.kind'), 'worked')
    .option('--note <text>', t(locale, 'cli.days.set.note'))
    .option('--override', t(locale, 'cli.days.set.override'))
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .action(async (missionRef: string, date: string, fraction: string, options: DaysSetOptions) => {
      const ctx = createCliContext();
      const kind = options.kind.toUpperCase();
      if (!isDayKind(kind)) throw usageError(t(ctx.locale, 'usage.kind', { value: options.kind }));
      requireDate(ctx, date);
      await withDatabase(ctx, async ({ prisma }) => {
        const mission = await findMission({ prisma, ref: missionRef, organization: options.org });
        const result = await setDayEntry({
          prisma,
          missionId: mission.id,
          date,
          fraction,
          kind,
          note: options.note,
          override: options.override === true,
          channel: 'CLI',
        });
        ctx.out(
          t(ctx.locale, 'days.set', {
            date,
            mission: mission.ref,
            fraction: result.fraction,
            kind: t(ctx.locale, `kind.${kind}` as MessageKey),
          }),
        );
      });
    });
}
