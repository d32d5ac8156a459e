import type { Command } from 'commander';
import { exportReports, loadManagerReports } from '../../documents/export-reports.js';
import { t, type Locale } from '../../i18n/index.js';
import { createCliContext, printJson, requireMonth, usageError, withDatabase } from '../context.js';

/** `rituel report <YYYY-MM> [--manager <ref>] --format pdf|png|json [--out DIR] [--org <slug>]`. */
export function registerReportCommand(program: Command, locale: Locale): void {
  program
    .command('report')
    .description(t(locale, 'documents.cli.report'))
    .argument('<month>', t(locale, 'cli.arg.month'))
    .option('--manager <ref>', t(locale, 'documents.cli.manager'))
    .requiredOption('--format <format>', t(locale, 'documents.cli.reportFormat'))
    .option('--out <dir>', t(locale, 'documents.cli.out'), '.')
    .option('--org <slug>', t(locale, 'cli.orgOption'))
    .action(async (month: string, options: { manager?: string; format: string; out: string; org?: string }) => {
      const ctx = createCliContext();
      requireMonth(ctx, month);
      const format = options.format;
      if (format !== 'pdf' && format !== 'png' && format !== 'json') throw usageError(t(ctx.locale, 'documents.report.badFormat', { value: format }));
      await withDatabase(ctx, async ({ prisma }) => {
        const common = { prisma, month, manager: options.manager, organization: options.org, now: new Date() };
        if (format === 'json') {
          const reports = await loadManagerReports(common);
          return printJson(ctx, { month, reports: reports.map(({ ref, report }) => ({ manager: ref, ...report })) });
        }
        const files = await exportReports({ ...common, format, outDir: options.out });
        ctx.out(t(ctx.locale, 'documents.export.written', { count: files.length }));
        for (const file of files) ctx.out(file);
      });
    });
}
