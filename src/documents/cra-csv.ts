/**
 * The month's CRAs as one CSV for invoicing: one line per mission and billed day. French Excel
 * conventions: `;` separator, UTF-8 with a byte order mark, CRLF line ends; numbers keep a '.'
 * decimal point and dates are ISO (YYYY-MM-DD) so that invoicing tools read them as they are.
 * Columns: see CRA_CSV_COLUMNS (README, "Exports"). Nothing the client must not see is in it:
 * no absence kind or reason, no note, no mood, no cost.
 */
import { stringify } from 'csv-stringify/sync';
import { Dec, toCents } from '../domain/decimal.js';
import { tjmOfDay, type CraDocument } from './cra-document.js';

export const CRA_CSV_COLUMNS = [
  'organization',
  'client',
  'mission_ref',
  'mission_title',
  'consultant',
  'date',
  'billable_units',
  'tjm',
  'amount',
  'purchase_order',
  'status',
  'version',
  'content_hash',
  'approved_at',
  'approved_by',
] as const;

type CsvRow = Record<(typeof CRA_CSV_COLUMNS)[number], string>;

export function craCsvRows(documents: readonly CraDocument[]): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const doc of documents) {
    for (const day of doc.days) {
      if (day.billable <= 0) continue;
      const tjm = tjmOfDay(doc, day.date);
      const order = doc.purchaseOrders.find((po) => po.start <= day.date && day.date <= po.end);
      rows.push({
        organization: doc.organization.name,
        client: doc.client,
        mission_ref: doc.missionRef,
        mission_title: doc.missionTitle,
        consultant: doc.consultantName,
        date: day.date,
        billable_units: String(day.billable),
        tjm: tjm === null ? '' : toCents(new Dec(tjm)),
        amount: tjm === null ? '' : toCents(new Dec(day.billable).times(tjm)),
        purchase_order: order?.number ?? '',
        status: doc.status,
        version: String(doc.version),
        content_hash: doc.approval?.contentHash ?? doc.contentHash ?? '',
        approved_at: doc.approval ? doc.approval.at.toISOString() : '',
        approved_by: doc.approval?.approverName ?? '',
      });
    }
  }
  return rows;
}

/** The CSV file's bytes (BOM included). */
export function craCsv(documents: readonly CraDocument[]): Buffer {
  const text = stringify(craCsvRows(documents), {
    header: true,
    columns: [...CRA_CSV_COLUMNS],
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}
