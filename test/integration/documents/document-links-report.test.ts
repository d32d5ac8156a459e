/**
 * Signed document links served by GET /documents/<token> (CRA PDF, report chart PNG and PDF), and
 * the managers' monthly report ritual: one message per manager and month, with the CRA status of
 * each mission and a chart image whose link serves a PNG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebMessenger } from '../../../src/chat/web/web-messenger.js';
import { parseChatMessage, type ChatBlock } from '../../../src/chat/message.js';
import type { Database } from '../../../src/db/database.js';
import { documentBaseUrlOf, documentSigningKey, saveDocumentBaseUrl } from '../../../src/documents/app-settings.js';
import { craPdfLink } from '../../../src/documents/document-links.js';
import { signDocumentToken } from '../../../src/documents/document-token.js';
import { mountDocumentRoutes } from '../../../src/http/document-routes.js';
import { createHttpServer, type HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { managerReportRitual } from '../../../src/rituals/manager-report/plan-manager-report.js';
import { runTick } from '../../../src/scheduler/run-tick.js';
import { approveCra } from '../../../src/services/cra/approve-cra.js';
import { createTestDatabase } from '../../helpers/database.js';
import { MONTH, pdfText, seedDocumentsWorld, type DocumentsWorld } from './fixtures.js';

const logger = createLogger('silent');
let database: Database;
let world: DocumentsWorld;
let http: HttpServer;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedDocumentsWorld(database.prisma);
  http = createHttpServer(logger);
  mountDocumentRoutes(http.app, { prisma: database.prisma, logger });
  const address = await http.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await http?.close();
  await database?.close();
});

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('document links', () => {
  it('are built on PUBLIC_URL, else on the web chat origin, else not at all', async () => {
    expect(documentBaseUrlOf('https://rituel.example.com/', 'http://127.0.0.1:3000/chat/')).toBe('https://rituel.example.com');
    expect(documentBaseUrlOf(undefined, 'http://127.0.0.1:3000/chat/')).toBe('http://127.0.0.1:3000');
    expect(documentBaseUrlOf(undefined, null)).toBeNull();
    await saveDocumentBaseUrl(database.prisma, null);
    expect(await craPdfLink({ prisma: database.prisma, timesheetId: world.julienTimesheetId, now: new Date() })).toBeUndefined();
  });

  it('serve the CRA PDF to whoever holds a valid link; forged, unknown and expired links get nothing', async () => {
    await saveDocumentBaseUrl(database.prisma, `${base}/`);
    const link = await craPdfLink({ prisma: database.prisma, timesheetId: world.julienTimesheetId, now: new Date() });
    expect(link?.startsWith(`${base}/documents/`)).toBe(true);
    const ok = await fetch(link!);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfText(bytes)).text).toContain('Thomas Keller');

    const token = link!.slice(link!.lastIndexOf('/') + 1);
    const [payload, signature] = token.split('.') as [string, string];
    // Another document named in the payload, the same signature: forged.
    const forgedPayload = Buffer.from(JSON.stringify({ d: { k: 'cra', t: world.aliceTimesheetId }, e: 4102444800 })).toString('base64url');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, 'nonsense', `${payload}`]) {
      const res = await fetch(`${base}/documents/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
    const key = await documentSigningKey(database.prisma);
    const expired = signDocumentToken(key, { k: 'cra', t: world.julienTimesheetId }, new Date(Date.now() - 1000));
    const gone = await fetch(`${base}/documents/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe('Gone');
    // Correctly signed, but the CRA does not exist.
    const unknown = signDocumentToken(key, { k: 'cra', t: '00000000-0000-4000-8000-000000000000' }, new Date(Date.now() + 60_000));
    expect((await fetch(`${base}/documents/${unknown}`)).status).toBe(404);
    // The key is generated once and shared through the database.
    expect((await documentSigningKey(database.prisma)).equals(key)).toBe(true);
    expect(key.length).toBe(32);
  });
});

describe('approval', () => {
  it('offers the manager the approved CRA as a PDF link in the "approved" notification', async () => {
    await saveDocumentBaseUrl(database.prisma, base);
    const { prisma } = database;
    // Back to waiting for the client, then approved by Thomas in Slack through the CRA loop.
    await prisma.timesheet.update({
      where: { id: world.julienTimesheetId },
      data: { status: 'PENDING_CLIENT', approvedVersion: null, approvedHash: null, approvedAt: null },
    });
    await prisma.timesheetVersion.updateMany({ where: { timesheetId: world.julienTimesheetId }, data: { approvedAt: null } });
    const now = new Date('2027-01-06T14:05:00Z');
    const result = await approveCra({
      prisma, timesheetId: world.julienTimesheetId, version: 1, contentHash: world.contentHash,
      actorId: world.thomasId, channel: 'TEAMS', now, platforms: ['WEB'], changeId: 'documents-test',
    });
    expect(result.status).toBe('approved');
    const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'cra.approved', recipientId: world.marcId } });
    const button = parseChatMessage(notice.payload).blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.type === 'button' && e.url);
    const url = (button as { url?: string } | undefined)?.url;
    expect(url?.startsWith(`${base}/documents/`)).toBe(true);
    const pdf = await fetch(url!);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const flat = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' ');
    expect(flat).toContain('Validé par Thomas Keller le 6 janvier 2027 à 15:05 (canal : Microsoft Teams)');
    expect(flat.replace(/\s/g, '')).toContain(world.contentHash);
  });
});

describe('monthly manager report', () => {
  it('sends one report per manager on the first working day, with statuses, KPIs and a chart served as PNG; a repeat tick sends nothing more', async () => {
    await saveDocumentBaseUrl(database.prisma, base);
    const web = createWebMessenger(database.prisma);
    const deps = { prisma: database.prisma, logger, rituals: [managerReportRitual], messengers: { WEB: web }, platforms: ['WEB' as const], workerId: 'test' };
    // Friday 1 January 2027 is a holiday: the report waits for Monday 4 January, 09:30 in Paris.
    await runTick(deps, new Date('2027-01-01T08:35:00Z'));
    expect(await database.prisma.webMessage.count()).toBe(0);
    const first = await runTick(deps, new Date('2027-01-04T08:35:00Z'));
    expect(first.planned.planned).toBe(1);
    await database.prisma.schedulerState.deleteMany(); // the next tick looks at the same window again
    const again = await runTick(deps, new Date('2027-01-04T08:40:00Z'));
    expect(again.planned.planned).toBe(0);

    const messages = await database.prisma.webMessage.findMany();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.personId).toBe(world.marcId);
    const run = await database.prisma.ritualRun.findUnique({ where: { key: `manager-report:${world.marcId}:${MONTH}` } });
    expect(run).not.toBeNull();

    const message = parseChatMessage(messages[0]!.payload);
    const text = message.blocks.map((b) => ('text' in b ? b.text : b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n') : '')).join('\n');
    expect(text).toContain('Rapport mensuel — décembre 2026');
    expect(text).toMatch(/Julien Moreau · Migration du datalake sinistres \(Assurances du Rhin\) : \*validé\*, 20,5 j/);
    expect(text).toMatch(/Alice Martin · .* : \*brouillon\*, 3 j/);
    expect(text).toContain('TACE');
    expect(text).toContain('AR-PO-2026-0457');
    expect(text).not.toContain('Grippe');

    const image = message.blocks.find((b): b is Extract<ChatBlock, { type: 'image' }> => b.type === 'image');
    expect(image?.url.startsWith(`${base}/documents/`)).toBe(true);
    expect(image?.alt).toContain('Julien Moreau 20,5');
    const png = await fetch(image!.url);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await png.arrayBuffer()))).toEqual({ width: 900, height: 380 });

    const pdfButton = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.type === 'button' && e.url);
    const pdf = await fetch((pdfButton as { url: string }).url);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdfText(Buffer.from(await pdf.arrayBuffer()))).text).toContain('Rapport mensuel');
  });
});

describe('a reopened CRA', () => {
  it('keeps its approved version behind a link to that version; the current one is marked not approved', async () => {
    const { prisma } = database;
    const approvedLink = await craPdfLink({ prisma, timesheetId: world.julienTimesheetId, version: 1, now: new Date() });
    await prisma.timesheet.update({ where: { id: world.julienTimesheetId }, data: { status: 'DRAFT', version: 2 } });
    await prisma.timesheetVersion.updateMany({ where: { timesheetId: world.julienTimesheetId, version: 1 }, data: { supersededAt: new Date() } });
    const then = (await pdfText(Buffer.from(await (await fetch(approvedLink!)).arrayBuffer()))).text;
    expect(then).toContain('Thomas Keller');
    expect(then).not.toContain('NON VALIDÉ');
    const currentLink = await craPdfLink({ prisma, timesheetId: world.julienTimesheetId, now: new Date() });
    const current = (await pdfText(Buffer.from(await (await fetch(currentLink!)).arrayBuffer()))).text;
    expect(current).toContain('NON VALIDÉ');
    expect(current).not.toContain('Validé par');
    // A version that never existed is not found.
    const key = await documentSigningKey(prisma);
    const ghost = signDocumentToken(key, { k: 'cra', t: world.julienTimesheetId, v: 7 }, new Date(Date.now() + 60_000));
    expect((await fetch(`${base}/documents/${ghost}`)).status).toBe(404);
  });
});
