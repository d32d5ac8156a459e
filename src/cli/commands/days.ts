import type { Command } from 'commander';
import { isDayKind, isIsoDate } from '../../domain/index.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { findMission } from '../../services/find-mission.js';
import { setDayEntry } from '../../services/set-day-entry.js';
import { createCliContext, usageError, withDatabase } from '../context.js';

interface DaysSetOptions {
  kind: string;
  note?: string;
  override?: boolean;
  org?: string;
}

export function registerDaysCommands(program: Command): void {
  const days = program.command('days').description('day entries (the CRA grid)');
  days
    .command('set')
    .description('record a fraction of a day on a mission (ESN admin correction, audited)')
    .argument('<missionRef>', 'mission ref from the organization file')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<fraction>', '0, 0.5 or 1 (quarters when the mission allows them); 0 removes the entry')
    .option('--kind <kind>', 'worked | cp | rtt | sick | training | other', 'worked')
    .option('--note <text>', 'internal note (never shown to the client)')
    .option('--override', 'allow work on a weekend or public holiday (flagged on the CRA)')
    .option('--org <slug>', 'organization, when several have a mission with this ref')
    .action(async (missionRef: string, date: string, fraction: string, options: DaysSetOptions) => {
      const ctx = createCliContext();
      const kind = options.kind.toUpperCase();
      if (!isDayKind(kind)) throw usageError(`invalid --kind "${options.kind}": expected worked, cp, rtt, sick, training or other`);
      if (!isIsoDate(date)) throw usageError(`invalid date "${date}": expected YYYY-MM-DD`);
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
