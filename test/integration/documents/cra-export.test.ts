/**
 * `rituel cra export`: the month's CSV for invoicing and one PDF per CRA. The PDF parses back, its
 * totals match the CSV, the approval block names approver, time, channel and content hash, and
 * nothing the client must not see (absence kind or note, mood, CJM) is in either file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { craCsv, CRA_CSV_COLUMNS } from '../../../src/documents/cra-csv.js';
import { loadCraDocument, loadMonthCraDocuments } from '../../../src/documents/cra-document.js';
import { renderCraPdf } from '../../../src/documents/cra-pdf.js';
import { exportCras } from '../../../src/documents/export-cras.js';
import { exportReports, loadManagerReports } from '../../../src/documents/export-reports.js';
import { describeProblem } from '../../../src/i18n/problems.js';
import { isCodedError } from '../../../src/errors.js';
import { createTestDatabase } from '../../helpers/database.js';
import { APPROVED_AT, MONTH, pdfText, seedDocumentsWorld, SICK_NOTE, type DocumentsWorld } from './fixtures.js';

let database: Database;
let world: DocumentsWorld;
let out: string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedDocumentsWorld(database.prisma);
  out = mkdtempSync(join(tmpdir(), 'rituel-export-'));
}, 60_000);

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await database?.close();
});

/**
 * Words that would reveal what the client must not see (absence kinds and reasons, mood, cost).
 * The CJM (455) is looked for as an amount: a bare "455" can occur in a content hash.
 */
const FORBIDDEN = [SICK_NOTE, 'Grippe', 'SICK', 'maladie', 'Maladie', 'RTT', 'CP', 'congé', 'humeur', 'mood', 'CJM', '455.00', '455,00', '455 €'];

function assertNothingPrivate(text: string): void {
  for (const word of FORBIDDEN) expect(text, `"${word}" must not appear`).not.toContain(word);
}

describe('cra export', () => {
  it('writes one CSV for the month: a line per mission and billed day, totals by rate period', async () => {
    const [path] = await exportCras({ prisma: database.prisma, month: MONTH, format: 'csv', outDir: out, locale: 'fr', now: new Date() });
    const bytes = readFileSync(path!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const text = bytes.toString('utf8');
    assertNothingPrivate(text);
    const rows = parse(text, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CRA_CSV_COLUMNS]);
    const julien = rows.filter((r) => r.mission_ref === 'julien-assurances-rhin');
    const alice = rows.filter((r) => r.mission_ref === 'alice-banque-nord');
    expect(alice).toHaveLength(3);
    expect(alice.every((r) => r.status === 'DRAFT' && r.approved_at === '')).toBe(true);
    // 21 billed dates: the 8th (sick) has no line, the 3rd is a half day.
    expect(julien).toHaveLength(21);
    expect(julien.find((r) => r.date === '2026-12-08')).toBeUndefined();
    expect(julien.find((r) => r.date === '2026-12-03')).toMatchObject({ billable_units: '0.5', tjm: '720.00', amount: '360.00' });
    expect(julien.find((r) => r.date === '2026-12-15')).toMatchObject({ tjm: '720.00', amount: '720.00' });
    expect(julien.find((r) => r.date === '2026-12-16')).toMatchObject({ tjm: '750.00', amount: '750.00' });
    const total = julien.reduce((sum, r) => sum + Number(r.billable_units), 0);
    const amount = julien.reduce((sum, r) => sum + Number(r.amount), 0);
    expect(total).toBe(20.5);
    expect(amount.toFixed(2)).toBe('15090.00');
    expect(julien[0]).toMatchObject({
      organization: 'ACME Conseil',
      client: 'Assurances du Rhin',
      consultant: 'Julien Moreau',
      purchase_order: 'AR-PO-2026-0457',
      status: 'APPROVED',
      version: '1',
      content_hash: world.contentHash,
      approved_at: APPROVED_AT.toISOString(),
      approved_by: 'Thomas Keller',
    });
  });

  it('writes one PDF per CRA: calendar, totals matching the CSV, approval block; a draft says it is not approved', async () => {
    const paths = await exportCras({ prisma: database.prisma, month: MONTH, format: 'pdf', outDir: join(out, 'pdf'), locale: 'fr', now: new Date() });
    expect(paths.map((p) => p.split('/').pop()).sort()).toEqual(['cra-alice-banque-nord-2026-12.pdf', 'cra-julien-assurances-rhin-2026-12.pdf']);
    const approved = readFileSync(paths.find((p) => p.includes('julien'))!);
    expect(approved.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(approved);
    expect(pages).toBe(1);
    assertNothingPrivate(text);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Compte rendu d’activité — décembre 2026');
    expect(flat).toContain('Assurances du Rhin');
    expect(flat).toContain('Julien Moreau');
    expect(flat).toMatch(/Total facturable : 20,5 j/);
    expect(flat).toMatch(/Montant HT : 15\s090,00 €/);
    expect(flat).toMatch(/9,5 j × 720,00 € = 6\s840,00 €/);
    expect(flat).toMatch(/11 j × 750,00 € = 8\s250,00 €/);
    expect(flat).toContain('AR-PO-2026-0457');
    expect(flat).toContain('½');
    // Approval block: approver, time (Paris), channel, content hash.
    expect(flat).toContain('Validé par Thomas Keller le 5 janvier 2027 à 11:42 (canal : Slack)');
    expect(flat.replace(/\s/g, '')).toContain(world.contentHash);
    expect(flat).not.toContain('NON VALIDÉ');

    const draft = await pdfText(readFileSync(paths.find((p) => p.includes('alice'))!));
    expect(draft.text).toContain('NON VALIDÉ');
    expect(draft.text.replace(/\s+/g, ' ')).toContain('pas encore validé par le client (statut : brouillon)');
    expect(draft.text).not.toContain('Validé par');
  });

  it('writes the PDF in English too', async () => {
    const doc = await loadCraDocument(database.prisma, world.julienTimesheetId);
    const { text } = await pdfText(await renderCraPdf(doc, { locale: 'en', now: new Date() }));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Total billable: 20.5 d');
    expect(flat).toContain('Approved by Thomas Keller on 5 January 2027 at 11:42 (channel: Slack)');
    assertNothingPrivate(text);
  });

  it('the CSV content matches its documents exactly (bytes are stable)', async () => {
    const documents = await loadMonthCraDocuments(database.prisma, { month: MONTH, organizationId: (await database.prisma.organization.findFirstOrThrow()).id });
    expect(craCsv(documents).equals(craCsv(documents))).toBe(true);
  });

  it('refuses a month without CRA and a directory it cannot write, with a coded error', async () => {
    const noCra = await exportCras({ prisma: database.prisma, month: '2026-10', format: 'csv', outDir: out, locale: 'fr', now: new Date() }).catch((e: unknown) => e);
    expect(isCodedError(noCra) && noCra.code).toBe('DOCUMENTS_NO_CRA');
    const file = join(out, 'a-file');
    writeFileSync(file, 'x');
    chmodSync(file, 0o444);
    const unwritable = await exportCras({ prisma: database.prisma, month: MONTH, format: 'csv', outDir: join(file, 'sub'), locale: 'fr', now: new Date() }).catch((e: unknown) => e);
    expect(isCodedError(unwritable) && unwritable.code).toBe('DOCUMENTS_UNWRITABLE');
  });

  it('rituel report: the managers\' monthly reports as PNG and PDF files, or data; a person managing nothing is refused', async () => {
    const now = new Date('2027-01-04T09:00:00Z');
    const [png] = await exportReports({ prisma: database.prisma, month: MONTH, format: 'png', outDir: join(out, 'reports'), now });
    expect(png).toBe(join(out, 'reports', 'report-marc-2026-12.png'));
    expect(readFileSync(png!).subarray(1, 4).toString('ascii')).toBe('PNG');
    const [pdf] = await exportReports({ prisma: database.prisma, month: MONTH, format: 'pdf', outDir: join(out, 'reports'), now });
    const { text } = await pdfText(readFileSync(pdf!));
    expect(text).toContain('Rapport mensuel — décembre 2026');
    assertNothingPrivate(text);
    const [data] = await loadManagerReports({ prisma: database.prisma, month: MONTH, manager: 'marc', now });
    expect(data!.report.missions.map((m) => [m.ref, m.status, m.days])).toEqual([
      ['alice-banque-nord', 'draft', 3],
      ['julien-assurances-rhin', 'approved', 20.5],
      ['sarah-banque-nord', 'draft', 0],
    ]);
    expect(data!.report.kpis.daysBilled).toBe(23.5);
    expect(data!.report.taceTrend.map((p) => p.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    const refused = await loadManagerReports({ prisma: database.prisma, month: MONTH, manager: 'alice', now }).catch((e: unknown) => e);
    expect(isCodedError(refused) && describeProblem('fr', refused)).toBe('« alice » n’est responsable d’aucune mission en 2026-12.');
  });
});
