import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, createCliWorkspace, type CliWorkspace } from '../../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'org.yaml');

interface CraJson {
  mission: string;
  month: string;
  status: string;
  version: number;
  days: { date: string; worked: number; absence: { kind: string; fraction: number } | null; inMission: boolean; override: boolean; missing: boolean }[];
  totalWorked: number;
  amount: string | null;
  missingDays: string[];
}

let ws: CliWorkspace;
beforeAll(async () => {
  ws = await createCliWorkspace();
});
afterAll(async () => {
  await ws?.cleanup();
});

async function craShow(): Promise<CraJson> {
  const result = await ws.run(['cra', 'show', 'alice-banque-nord', '2026-11', '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CraJson;
}

// Each command runs in its own process and takes several seconds (start, migration check).
describe('rituel org import, days set, cra show', { timeout: 120_000 }, () => {
  it('refuses a broken organization file with path-precise errors and writes nothing', async () => {
    const broken = readFileSync(EXAMPLE, 'utf8')
      .replace('{ from: 2026-11-16, tjm: 650 }', '{ from: 2026-11-16, tjm: -650 }')
      .replace('consultant: julien', 'consultant: nobody');
    const file = join(ws.dir, 'broken.yaml');
    writeFileSync(file, broken);
    const result = await ws.run(['org', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('erreur(s)');
    expect(result.stderr).toMatch(/broken\.yaml:\d+: missions\[0\]\.rates\[0\]\.tjm: nombre positif attendu\n/);
    expect(result.stderr).toMatch(/broken\.yaml:\d+: missions\[1\]\.consultant: personne inconnue « nobody »\n/);
    expect(result.stderr).not.toContain('expected a positive number');
    const show = await ws.run(['cra', 'show', 'alice-banque-nord', '2026-11', '--json']);
    expect(show.code).toBe(1);
    expect(show.stderr).toBe('Mission introuvable : « alice-banque-nord ».\n');
    const english = await ws.run(['cra', 'show', 'alice-banque-nord', '2026-11', '--json'], { DEFAULT_LOCALE: 'en' });
    expect(english.code).toBe(1);
    expect(english.stderr).toBe('Mission not found: "alice-banque-nord".\n');
  });

  it('imports the example organization, and a second import changes nothing', async () => {
    const first = await ws.run(['org', 'import', EXAMPLE]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Organisation « acme-conseil » importée : \d+ créé\(s\), 0 modifié\(s\)/);
    const second = await ws.run(['org', 'import', EXAMPLE]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 créé\(s\), 0 modifié\(s\), \d+ inchangé\(s\), 0 désactivé\(s\)/);
  });

  it('records days through the domain rules and shows the CRA with its amount', async () => {
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) {
      const set = await ws.run(['days', 'set', 'alice-banque-nord', date, '1']);
      expect(set.stderr).toBe('');
      expect(set.code).toBe(0);
    }
    expect((await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-23', '0.5'])).code).toBe(0);
    const leave = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-23', '0.5', '--kind', 'cp', '--note', 'dentiste']);
    expect(leave.code).toBe(0);
    expect(leave.stdout).toContain('2026-11-23 sur alice-banque-nord : 0.5 jour(s) congé payé enregistré(s).');

    const cra = await craShow();
    expect(cra).toMatchObject({ mission: 'alice-banque-nord', month: '2026-11', status: 'DRAFT', version: 1 });
    expect(cra.totalWorked).toBe(5.5);
    expect(cra.amount).toBe('3575.00');
    expect(cra.days.find((d) => d.date === '2026-11-23')).toMatchObject({ worked: 0.5, absence: { kind: 'CP', fraction: 0.5 }, missing: false });
    expect(cra.days.find((d) => d.date === '2026-11-13')).toMatchObject({ inMission: false, worked: 0 });
    expect(cra.missingDays).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30']);
  });

  it('refuses what the rules forbid, with a clear message in French by default, and changes nothing', async () => {
    const before = await craShow();
    const outside = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-13', '1']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toBe('Le 2026-11-13 est en dehors de la période de la mission (du 2026-11-16 au 2027-06-30).\n');
    const weekend = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-21', '1']);
    expect(weekend.code).toBe(1);
    expect(weekend.stderr).toBe('Le 2026-11-21 tombe un week-end : y déclarer du travail demande une dérogation explicite.\n');
    const overbooked = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-23', '1']);
    expect(overbooked.code).toBe(1);
    expect(overbooked.stderr).toBe('Le 2026-11-23 totaliserait 1,5 jour(s) (1 au plus ; déjà 0,5 ailleurs).\n');
    const fraction = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-24', '0.25']);
    expect(fraction.code).toBe(1);
    expect(fraction.stderr).toBe('La fraction 0.25 n’est pas permise avec la granularité HALF (valeurs permises : 0, 0.5, 1).\n');
    // Several problems at once: one localized line each (here in English).
    const several = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-14', '1'], { DEFAULT_LOCALE: 'en' });
    expect(several.code).toBe(1);
    expect(several.stderr).toBe(
      '2026-11-14 is outside the mission window (2026-11-16 – 2027-06-30).\n' +
        '2026-11-14 is a weekend day: recording work needs an explicit override.\n',
    );
    const badKind = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-24', '1', '--kind', 'holiday']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind invalide « holiday »');
    expect(await craShow()).toEqual(before);
  });

  it('accepts weekend work with --override and flags it on the CRA', async () => {
    const result = await ws.run(['days', 'set', 'alice-banque-nord', '2026-11-21', '1', '--override'], { DEFAULT_LOCALE: 'en' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-11-21 on alice-banque-nord: 1 day(s) worked recorded.');
    const cra = await craShow();
    expect(cra.days.find((d) => d.date === '2026-11-21')).toMatchObject({ worked: 1, override: true });
    expect(cra.totalWorked).toBe(6.5);
    expect(cra.amount).toBe('4225.00');
  });

  it('applies migrations once: db migrate on an up-to-date database says so', async () => {
    const result = await ws.run(['db', 'migrate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('La base de données est à jour.');
  });
});
