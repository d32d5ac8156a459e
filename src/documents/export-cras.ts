/**
 * `rituel cra export`: writes the month's CRAs of an organization, one CSV for invoicing
 * (rituel-cra-<org>-<month>.csv) or one PDF per CRA (cra-<missionRef>-<month>.pdf), into `outDir`.
 * Throws CodedError DOCUMENTS_NO_CRA { month, organization }, DOCUMENTS_UNWRITABLE { dir, reason },
 * and the organization errors of resolveOrganization.
 */
import { join, resolve } from 'node:path';
import type { Db } from '../db/client.js';
import type { YearMonth } from '../domain/index.js';
import { CodedError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import { resolveOrganization } from '../services/kpi/resolve-organization.js';
import { craCsv } from './cra-csv.js';
import { prepareDir, safeName as safe, writeDocument as write } from './export-files.js';
import { loadMonthCraDocuments } from './cra-document.js';
import { renderCraPdf } from './cra-pdf.js';

export type ExportFormat = 'csv' | 'pdf';

export interface ExportCrasOptions {
  prisma: Db;
  month: YearMonth;
  format: ExportFormat;
  outDir: string;
  organization?: string | undefined;
  locale: Locale;
  now: Date;
}

/** Returns the absolute paths written. */
export async function exportCras(options: ExportCrasOptions): Promise<string[]> {
  const org = await resolveOrganization(options.prisma, options.organization);
  const documents = await loadMonthCraDocuments(options.prisma, { month: options.month, organizationId: org.id });
  if (documents.length === 0) {
    throw new CodedError('DOCUMENTS_NO_CRA', `No timesheet for ${options.month} in ${org.slug}.`, undefined, {
      params: { month: options.month, organization: org.slug },
    });
  }
  const dir = resolve(options.outDir);
  await prepareDir(dir);
  if (options.format === 'csv') {
    const path = join(dir, `rituel-cra-${safe(org.slug)}-${options.month}.csv`);
    await write(path, craCsv(documents), dir);
    return [path];
  }
  const paths: string[] = [];
  for (const doc of documents) {
    const path = join(dir, `cra-${safe(doc.missionRef)}-${options.month}.pdf`);
    await write(path, await renderCraPdf(doc, { locale: options.locale, now: options.now }), dir);
    paths.push(path);
  }
  return paths;
}
