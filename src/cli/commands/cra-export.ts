import type { Command } from 'commander';
import { exportCras, type ExportFormat } from '../../documents/export-cras.js';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext, printJson, requireMonth, usageError, withDatabase } from '../context.js';

/** `rituel cra export <YYYY-MM> --format csv|pdf [--out DIR] [--org <slug>] [--json]`. */
export function registerCraExportCommand(cra: Command, locale: Locale): void {
  cra
    .command('export')
    .description(t(locale, 'documents.cli.export'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .requiredOption('--format <format>', t(locale, 'documents.cli.format'))
    .option('--out <dir>', t(locale, 'documents.cli.out'), '.')
    .option('--json', t(locale, 'cli.json'))
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .action(async (month: string, options: { format: string; out: string; json?: boolean; org?: string }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      if (options.format !== 'csv' && options.format !== 'pdf') {
        throw usageError(t(ctx.locale, 'documents.export.badFormat', { value: options.format }));
      }
      const format: ExportFormat = options.format;
      await withDatabase(ctx, async ({ prisma }) => {
        const files = await exportCras({ prisma, month, format, outDir: options.out, organization: options.org, locale: ctx.locale, now: new Date() });
        if (options.json) return printJson(ctx, { month, format, files });
        ctx.out(t(ctx.locale, 'documents.export.written', { count: files.length }));
        for (const file of files) ctx.out(file);
      });
    });
}
