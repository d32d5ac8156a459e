import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CodedError } from '../../errors.js';
import { t, type Locale } from '../../i18n/index.js';
import { importOrganization } from '../../org/import-organization.js';
import { formatProblems, parseOrgFile } from '../../org/parse-org-file.js';
import { createCliContext, withDatabase } from '../context.js';

export function registerOrgCommands(program: Command, locale: Locale): void {
  const org = program.command('org').description(t(locale, 'cli.org'));
  org
    .command('import')
    .description(t(locale, 'cli.org.import'))
    .argument('<file>', t(locale, 'cli.org.import.file'))
    .action(async (file: string) => {
      const ctx = createCliContext();
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new CodedError('FILE_UNREADABLE', `Cannot read ${file}: ${reason}`, { file }, { params: { file, reason } });
      }
      const parsed = parseOrgFile(text);
      if (!parsed.ok) {
        throw new CodedError(
          'ORG_FILE_INVALID',
          `${t(ctx.locale, 'org.invalid', { file, count: parsed.problems.length })}\n${formatProblems(file, parsed.problems, ctx.locale)}`,
        );
      }
      await withDatabase(ctx, async ({ prisma }) => {
        const summary = await importOrganization({ prisma, file: parsed.file, actor: { channel: 'CLI' } });
        const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
        ctx.out(
          t(ctx.locale, 'org.imported', {
            slug: parsed.file.organization.slug,
            created: sum(summary.created),
            updated: sum(summary.updated),
            unchanged: sum(summary.unchanged),
            deactivated: summary.deactivated,
          }),
        );
      });
    });
}
