/**
 * `rituel report`: managers' monthly reports as files (report-<managerRef>-<month>.pdf / .png) or
 * as data (json). Throws CodedError DOCUMENTS_NO_MANAGER { month } (variant 'ref': { ref, month }),
 * DOCUMENTS_UNWRITABLE { dir, reason }, and the organization errors of resolveOrganization.
 */
import { join, resolve } from 'node:path';
import type { Db } from '../db/client.js';
import type { YearMonth } from '../domain/index.js';
import { CodedError } from '../errors.js';
import { hasMissionsIn, loadManagerReport, type ManagerReport } from '../rituals/manager-report/report-content.js';
import { resolveOrganization } from '../services/kpi/resolve-organization.js';
import { prepareDir, safeName, writeDocument } from './export-files.js';
import { renderReportPdf, renderReportPng } from './report-document.js';

export type ReportFormat = 'pdf' | 'png' | 'json';

export interface ReportOptions {
  prisma: Db;
  month: YearMonth;
  manager?: string | undefined;
  organization?: string | undefined;
  now: Date;
}

export async function loadManagerReports(options: ReportOptions): Promise<{ ref: string; report: ManagerReport }[]> {
  const { prisma, month } = options;
  const org = await resolveOrganization(prisma, options.organization);
  const people = await prisma.person.findMany({
    where: { organizationId: org.id, managedMissions: { some: {} }, ...(options.manager ? { ref: options.manager } : {}) },
    select: { id: true, ref: true },
    orderBy: { ref: 'asc' },
  });
  const reports: { ref: string; report: ManagerReport }[] = [];
  for (const person of people) {
    if (!(await hasMissionsIn(prisma, person.id, month))) continue;
    reports.push({ ref: person.ref, report: await loadManagerReport({ prisma, managerId: person.id, month, now: options.now }) });
  }
  if (reports.length === 0) {
    throw options.manager
      ? new CodedError('DOCUMENTS_NO_MANAGER', `${options.manager} manages no mission in ${month}`, undefined, { params: { ref: options.manager, month }, variant: 'ref' })
      : new CodedError('DOCUMENTS_NO_MANAGER', `No manager has a mission in ${month}`, undefined, { params: { month } });
  }
  return reports;
}

/** Writes one file per manager; returns the absolute paths. */
export async function exportReports(options: ReportOptions & { format: 'pdf' | 'png'; outDir: string }): Promise<string[]> {
  const reports = await loadManagerReports(options);
  const dir = resolve(options.outDir);
  await prepareDir(dir);
  const paths: string[] = [];
  for (const { ref, report } of reports) {
    const path = join(dir, `report-${safeName(ref)}-${options.month}.${options.format}`);
    await writeDocument(path, options.format === 'pdf' ? await renderReportPdf(report, options.now) : renderReportPng(report), dir);
    paths.push(path);
  }
  return paths;
}
