import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext, withDatabase } from '../context.js';

export function registerDbCommands(program: Command, locale: Locale): void {
  const db = program.command('db').description(t(locale, 'cli.db'));
  db.command('migrate')
    .description(t(locale, 'cli.db.migrate'))
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
