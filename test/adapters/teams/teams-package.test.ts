/**
 * `npm run teams:package` (scripts/teams-package.mjs) run as the operator runs it: the zip holds
 * manifest.json, its English localization and the two icons; the manifest meets the v1.30 rules
 * Rituel relies on (required fields, lengths, icon sizes read from the PNGs, ids filled from
 * MicrosoftAppId); without MicrosoftAppId it stops with a clear message and writes nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzlibSync, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'teams-package.mjs');
const APP_ID = '5c0ffee0-1234-4abc-8def-0123456789ab';
const out = mkdtempSync(join(tmpdir(), 'rituel-teams-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Environment of the script: no .env variable of the developer's leaks in (cwd is the temp dir). */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: Record<string, string>;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: { title: string; description: string }[] }[] }[];
  validDomains: string[];
  localizationInfo: { additionalLanguages: unknown[] };
}

/** Size and colour type of a PNG, and the alpha of its top-left pixel (RGBA 8-bit images). */
function png(bytes: Uint8Array): { width: number; height: number; colorType: number; cornerAlpha: number | null } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString('latin1', 12, 16)).toBe('IHDR');
  const colorType = buffer[25]!;
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // Row 0, pixel 0: whatever the row's filter, its predictor is 0, so the bytes are the pixel's.
  const pixels = unzlibSync(new Uint8Array(Buffer.concat(idat)));
  const cornerAlpha = colorType === 6 && buffer[24] === 8 ? pixels[4]! : null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), colorType, cornerAlpha };
}

describe('npm run teams:package', () => {
  it('refuses to build without MicrosoftAppId, with a clear message', async () => {
    const dir = join(out, 'none');
    const failed = await run(process.execPath, [SCRIPT, '--out', dir], { cwd: out, env: envWith({ PUBLIC_URL: 'https://rituel.example.com' }) }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('MicrosoftAppId is not set');
    expect(existsSync(join(dir, 'rituel-teams.zip'))).toBe(false);
  });

  it('builds a zip whose manifest meets the v1.30 rules, ids filled from the environment', async () => {
    const dir = join(out, 'ok');
    const { stdout } = await run(process.execPath, [SCRIPT, '--out', dir], {
      cwd: out,
      env: envWith({ MicrosoftAppId: APP_ID.toUpperCase(), PUBLIC_URL: 'https://rituel.example.com/base' }),
    });
    expect(stdout).toContain('rituel-teams.zip');
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'rituel-teams.zip'))));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;

    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal'], supportsFiles: false });
    expect(JSON.stringify(manifest)).not.toContain('{{');
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[key]).toMatch(/^https:\/\//);
    expect(manifest.developer.name ?? '').not.toBe('');
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.validDomains).toEqual(['rituel.example.com']);
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    expect(commands.map((c) => c.title)).toEqual(['aide', 'mon espace', 'semaine', 'mois', 'statut']);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    const english = JSON.parse(strFromU8(files['en-us.json']!)) as Record<string, string>;
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    expect(english['name.short']!.length).toBeLessThanOrEqual(30);
    expect(english['description.short']!.length).toBeLessThanOrEqual(80);
    expect(english['bots[0].commandLists[0].commands[1].title']).toBe('home');

    const color = png(files[manifest.icons.color]!);
    const outline = png(files[manifest.icons.outline]!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6); // RGBA
    expect(outline.cornerAlpha).toBe(0); // a transparent background
    expect(color.cornerAlpha).toBe(255); // the colour icon is full bleed
  });
});
