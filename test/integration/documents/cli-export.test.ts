/**
 * The `rituel cra export` command in a child process: file written, path printed, clear errors in
 * fr/en (the PDF export itself is checked in process by cra-export.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database.js';
import { createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';
import { seedDocumentsWorld } from './fixtures.js';

let ws: CliWorkspace;

beforeAll(async () => {
  ws = await createCliWorkspace();
  // The CLI's own database, seeded in this process (nothing else has it open meanwhile).
  const database = await openDatabase({ databaseUrl: ws.env.DATABASE_URL, dataDir: ws.env.DATABASE_URL ? null : ws.env.DATA_DIR! });
  try {
    await seedDocumentsWorld(database.prisma);
  } finally {
    await database.close();
  }
}, 90_000);

afterAll(async () => {
  await ws?.cleanup();
});

describe('rituel cra export', { timeout: 60_000 }, () => {
  it('writes the CSV and prints its path (--json)', async () => {
    const out = join(ws.dir, 'exports');
    const result = await ws.run(['cra', 'export', '2026-12', '--format', 'csv', '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { month: string; format: string; files: string[] };
    expect(json).toEqual({ month: '2026-12', format: 'csv', files: [join(out, 'rituel-cra-acme-conseil-2026-12.csv')] });
    expect(readFileSync(json.files[0]!, 'utf8')).toContain('julien-assurances-rhin;Migration du datalake sinistres;Julien Moreau;2026-12-03;0.5;720.00;360.00');
  });

  it('refuses a bad format (usage, 2) and a month without CRA (1), in the CLI locale', async () => {
    const format = await ws.run(['cra', 'export', '2026-12', '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Format inconnu : « xlsx » (attendu : csv ou pdf).');
    const none = await ws.run(['cra', 'export', '2026-10', '--format', 'csv', '--out', ws.dir], { DEFAULT_LOCALE: 'en' });
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('No timesheet for 2026-10 in acme-conseil.');
  });
});
