import type { MessageKey } from './fr.js';

/** English texts. */
export const en: Record<MessageKey, string> = {
  'server.started': 'Rituel is listening on http://{host}:{port} ({database} database).',
  'server.noPlatform': 'No chat platform is configured (neither Slack nor Teams): Rituel runs with the local web chat only.',
  'server.platforms': 'Configured platforms: {platforms}.',
  'server.stopping': 'Stopping Rituel…',
  'db.migrated': '{count} migration(s) applied: {names}.',
  'db.upToDate': 'The database is up to date.',
  'org.imported':
    'Organization "{slug}" imported: {created} created, {updated} updated, {unchanged} unchanged, {deactivated} deactivated.',
  'org.invalid': 'The file {file} has {count} error(s); nothing was written:',
  'days.set': '{date} on {mission}: {fraction} day(s) {kind} recorded.',
  'error.notFound': '{what} not found: {ref}.',
  'error.generic': 'Error: {message}',
  'kind.WORKED': 'worked',
  'kind.CP': 'paid leave',
  'kind.RTT': 'RTT',
  'kind.SICK': 'sick leave',
  'kind.TRAINING': 'training',
  'kind.OTHER': 'other absence',
  'cra.status.DRAFT': 'draft',
  'cra.status.SUBMITTED': 'submitted',
  'cra.status.PENDING_CLIENT': 'waiting for the client',
  'cra.status.DISPUTED': 'disputed',
  'cra.status.APPROVED': 'approved',
  'cra.status.INVOICED': 'invoiced',
  'cra.header': 'Timesheet {month} — {mission} ({client}) — status: {status}, version {version}',
  'cra.total': 'Total worked: {days} day(s) — amount: €{amount}',
  'cra.missing': 'Missing days: {days}',
  'calendar.header': 'Calendar {month} ({region}): {workingDays} working days',
  'kpi.header': 'KPIs {month}',
};
