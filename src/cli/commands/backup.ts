import type { Command } from 'commander';
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from '../../backup/embedded-backup.js';
import { CodedError } from '../../errors.js';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext, type CliContext } from '../context.js';

function embeddedOnly(ctx: CliContext): void {
  if (ctx.env.DATABASE_URL) throw new CodedError('BACKUP_POSTGRES', t(ctx.locale, 'ops.backup.postgres'));
}

/** `rituel backup <file>` and `rituel restore <file> [--force]`: the embedded database (PostgreSQL: pg_dump). */
export function registerBackupCommands(program: Command, locale: Locale): void {
  program
    .command('backup')
    .description(t(locale, 'ops.cli.backup'))
    .argument('<file>', t(locale, 'ops.cli.backup.file'))
    .action(async (file: string) => {
      const ctx = createCliContext();
      embeddedOnly(ctx);
      const done = await backupEmbeddedDatabase({ dataDir: ctx.env.DATA_DIR, file });
      ctx.out(t(ctx.locale, 'ops.backup.done', { file: done.file, bytes: done.bytes }));
    });
  program
    .command('restore')
    .description(t(locale, 'ops.cli.restore'))
    .argument('<file>', t(locale, 'ops.cli.backup.file'))
    .option('--force', t(locale, 'ops.cli.restore.force'))
    .action(async (file: string, options: { force?: boolean }) => {
      const ctx = createCliContext();
      embeddedOnly(ctx);
      const done = await restoreEmbeddedDatabase({ dataDir: ctx.env.DATA_DIR, file, force: options.force === true });
      ctx.out(t(ctx.locale, 'ops.backup.restored', { dir: done.dataDir }));
    });
}
