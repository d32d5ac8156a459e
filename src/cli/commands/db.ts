import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { createCliContext, withDatabase } from '../context.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply the pending migrations (the server also does it on start)')
    .action(async () => {
      const ctx = createCliContext();
      await withDatabase(ctx, async (database) => {
        const applied = database.migrationsApplied;
        ctx.out(
          applied.length > 0
            ? t(ctx.locale, 'db.migrated', { count: applied.length, names: applied.join(', ') })
            : t(ctx.locale, 'db.upToDate'),
        );
      });
    });
}
