import type { OpsMessageKey } from './ops-fr.js';

/** English texts of operations (same keys as ops-fr.ts, checked by the type). */
export const opsEn: Record<OpsMessageKey, string> = {
  'ops.cli.privacy': 'Personal data (GDPR): export, erasure, retention purge',
  'ops.cli.privacy.export': 'Exports all the data about a person as JSON',
  'ops.cli.privacy.erase': 'Erases the personal data of a person (approved CRAs stay, pseudonymized)',
  'ops.cli.privacy.purge': 'Purges what is older than each organization’s retention (retentionMonths)',
  'ops.cli.privacy.person': 'the person’s ref (organization file) or id',
  'ops.cli.privacy.out': 'writes the export to this file (else to standard output)',
  'ops.cli.privacy.yes': 'confirms the erasure (irreversible)',
  'ops.cli.privacy.dryRun': 'counts without erasing anything',
  'ops.cli.org': 'organization slug when several have this ref',
  'ops.cli.json': 'result as JSON',
  'ops.cli.backup': 'Backs up the embedded database to a file (tar.gz archive)',
  'ops.cli.backup.file': 'backup file',
  'ops.cli.restore': 'Restores the embedded database from a backup',
  'ops.cli.restore.force': 'replaces the existing database of DATA_DIR',
  'ops.privacy.exported': 'Data of {ref} exported to {file}.',
  'ops.privacy.erased':
    '{ref} is erased: now "{pseudonym}". Chat accounts deleted: {chatAccounts}; check-in answers: {checkInAnswers}; messages: {webMessages}; deliveries: {outboxMessages}; mentions pseudonymized: {pseudonymized}.',
  'ops.privacy.alreadyErased': 'This person is already erased ({pseudonym}): nothing to do.',
  'ops.privacy.auditMentions': 'Warning: {count} row(s) of the (append-only) audit trail still mention their name or e-mail.',
  'ops.privacy.confirm': 'Erasure is irreversible: run again with --yes to confirm.',
  'ops.privacy.purged':
    'Retention purge{dryRun}: check-in answers {checkInAnswers}, day notes {dayNotes}, web chat messages {webMessages}, delivery payloads {outboxPayloads}, handled interactions {processedInteractions}.',
  'ops.privacy.dryRun': ' (dry run, nothing erased)',
  'ops.backup.done': 'Embedded database backed up to {file} ({bytes} bytes).',
  'ops.backup.restored': 'Embedded database restored into {dir}.',
  'ops.backup.postgres': 'DATABASE_URL points at PostgreSQL: use pg_dump / pg_restore (see docs/deploy.md).',
  'problem.PRIVACY_PERSON_NOT_FOUND': 'Person not found: "{ref}".',
  'problem.PRIVACY_PERSON_AMBIGUOUS': 'Several organizations have a person "{ref}" ({organizations}): add --org <slug>.',
  'problem.BACKUP_DATABASE_IN_USE': 'The embedded database in {dir} is in use by process {pid}: stop it first.',
  'problem.BACKUP_NO_DATABASE': 'No embedded database in {dir}.',
  'problem.BACKUP_FILE_INVALID': '{file} is not a backup of an embedded database: nothing was changed.',
  'problem.BACKUP_FILE_UNREADABLE': 'Cannot read the backup file {file}.',
  'problem.ORG_IMPORT_PERSON_ERASED': 'Erased person (GDPR) listed in the file: {refs}. Remove them from the file: their data is not imported again.',
  'problem.BACKUP_TARGET_NOT_EMPTY': '{dir} already holds a database: add --force to replace it.',
};
