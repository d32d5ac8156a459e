import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CodedError } from '../../errors.js';
import { t, type Locale } from '../../i18n/index.js';
import { erasePerson } from '../../privacy/erase-person.js';
import { exportPersonData } from '../../privacy/export-person-data.js';
import { findPerson } from '../../privacy/find-person.js';
import { purgeExpiredData } from '../../privacy/purge-expired-data.js';
import { createCliContext, printJson, withDatabase } from '../context.js';

/** `rituel privacy export|erase|purge`: the GDPR commands (src/privacy/). */
export function registerPrivacyCommands(program: Command, locale: Locale): void {
  const privacy = program.command('privacy').description(t(locale, 'ops.cli.privacy'));

  privacy
    .command('export')
    .description(t(locale, 'ops.cli.privacy.export'))
    .argument('<personRef>', t(locale, 'ops.cli.privacy.person'))
    .option('--out <file>', t(locale, 'ops.cli.privacy.out'))
    .option('--org <slug>', t(locale, 'ops.cli.org'))
    .action(async (personRef: string, options: { out?: string; org?: string }) => {
      const ctx = createCliContext();
      await withDatabase(ctx, async ({ prisma }) => {
        const person = await findPerson(prisma, personRef, options.org);
        const data = await exportPersonData({ prisma, personId: person.id });
        if (!options.out) return printJson(ctx, data);
        writeFileSync(options.out, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
        ctx.err(t(ctx.locale, 'ops.privacy.exported', { ref: personRef, file: options.out }));
      });
    });

  privacy
    .command('erase')
    .description(t(locale, 'ops.cli.privacy.erase'))
    .argument('<personRef>', t(locale, 'ops.cli.privacy.person'))
    .option('--yes', t(locale, 'ops.cli.privacy.yes'))
    .option('--org <slug>', t(locale, 'ops.cli.org'))
    .option('--json', t(locale, 'ops.cli.json'))
    .action(async (personRef: string, options: { yes?: boolean; org?: string; json?: boolean }) => {
      const ctx = createCliContext();
      if (!options.yes) throw new CodedError('PRIVACY_CONFIRM_REQUIRED', t(ctx.locale, 'ops.privacy.confirm'));
      await withDatabase(ctx, async ({ prisma }) => {
        const person = await findPerson(prisma, personRef, options.org);
        const summary = await erasePerson({ prisma, personId: person.id });
        if (options.json) return printJson(ctx, summary);
        if (summary.alreadyErased) return ctx.out(t(ctx.locale, 'ops.privacy.alreadyErased', { pseudonym: summary.pseudonym }));
        const { alreadyErased: _already, ...counts } = summary;
        ctx.out(t(ctx.locale, 'ops.privacy.erased', { ...counts, ref: personRef }));
        if (summary.auditMentions > 0) ctx.err(t(ctx.locale, 'ops.privacy.auditMentions', { count: summary.auditMentions }));
      });
    });

  privacy
    .command('purge')
    .description(t(locale, 'ops.cli.privacy.purge'))
    .option('--dry-run', t(locale, 'ops.cli.privacy.dryRun'))
    .option('--json', t(locale, 'ops.cli.json'))
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const ctx = createCliContext();
      await withDatabase(ctx, async ({ prisma }) => {
        const summary = await purgeExpiredData({ prisma, now: new Date(), dryRun: options.dryRun === true });
        if (options.json) return printJson(ctx, summary);
        ctx.out(t(ctx.locale, 'ops.privacy.purged', { ...summary, dryRun: options.dryRun ? t(ctx.locale, 'ops.privacy.dryRun') : '' }));
      });
    });
}
