// Builds the Microsoft Teams app package: manifests/teams/build/rituel-teams.zip, holding
// manifest.json (schema v1.30, ids filled from the environment), its English localization and the
// two icons. Upload it in Teams (Apps ▸ Manage your apps ▸ Upload an app) or in the Teams admin center.
//
//   MicrosoftAppId=<bot app id> PUBLIC_URL=https://rituel.example.com npm run teams:package [-- --out <dir>]
//
// Reads .env when present (the environment wins). Variables:
//   MicrosoftAppId       required: the Azure Bot's Microsoft App ID (the manifest id and bot id)
//   PUBLIC_URL           https address of Rituel (validDomains, and the default developer URLs)
//   TEAMS_DEVELOPER_NAME optional, "Rituel" by default
//   TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL   optional https pages (PUBLIC_URL by default)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TEAMS_DIR = join(ROOT, 'manifests', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PackageError extends Error {}

/** Width, height and colour type of a PNG (from its IHDR chunk). */
export function pngInfo(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 26 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

function httpsUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && value.length <= 2048;
  } catch {
    return false;
  }
}

/** The problems of a manifest against the v1.30 rules Rituel relies on (empty: valid). */
export function checkManifest(manifest, localization, icons) {
  const problems = [];
  const text = (path, value, max) => {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${path}: required`);
    else if (value.length > max) problems.push(`${path}: ${value.length} characters, at most ${max}`);
  };
  if (manifest.manifestVersion !== '1.30') problems.push('manifestVersion: expected "1.30"');
  if (!/^\d+\.\d+\.\d+$/.test(manifest.version ?? '')) problems.push('version: expected major.minor.patch');
  if (!GUID.test(manifest.id ?? '')) problems.push('id: expected a GUID (the Microsoft App ID)');
  text('developer.name', manifest.developer?.name, 32);
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    if (!httpsUrl(manifest.developer?.[key] ?? '')) problems.push(`developer.${key}: expected an https address`);
  }
  text('name.short', manifest.name?.short, 30);
  text('name.full', manifest.name?.full, 100);
  text('description.short', manifest.description?.short, 80);
  text('description.full', manifest.description?.full, 4000);
  if (!/^#[0-9a-fA-F]{6}$/.test(manifest.accentColor ?? '')) problems.push('accentColor: expected #RRGGBB');
  const color = icons[manifest.icons?.color];
  const outline = icons[manifest.icons?.outline];
  if (!color || color.width !== 192 || color.height !== 192) problems.push('icons.color: expected a 192×192 PNG');
  if (!outline || outline.width !== 32 || outline.height !== 32) problems.push('icons.outline: expected a 32×32 PNG');
  else if (outline.colorType !== 6 && outline.colorType !== 4) problems.push('icons.outline: expected a transparent PNG (with alpha)');
  const bots = manifest.bots ?? [];
  if (bots.length !== 1) problems.push('bots: expected one bot');
  for (const [i, bot] of bots.entries()) {
    if (!GUID.test(bot.botId ?? '')) problems.push(`bots[${i}].botId: expected a GUID`);
    if (!Array.isArray(bot.scopes) || bot.scopes.length === 0) problems.push(`bots[${i}].scopes: required`);
    for (const [l, list] of (bot.commandLists ?? []).entries()) {
      if ((list.commands ?? []).length > 10) problems.push(`bots[${i}].commandLists[${l}]: at most 10 commands`);
      for (const [c, command] of (list.commands ?? []).entries()) {
        text(`bots[${i}].commandLists[${l}].commands[${c}].title`, command.title, 32);
        text(`bots[${i}].commandLists[${l}].commands[${c}].description`, command.description, 128);
      }
    }
  }
  if (!Array.isArray(manifest.validDomains)) problems.push('validDomains: expected a list');
  else for (const domain of manifest.validDomains) if (typeof domain !== 'string' || /[/:]/.test(domain)) problems.push(`validDomains: "${domain}" is not a host name`);
  if (localization) {
    const limits = { 'name.short': 30, 'name.full': 100, 'description.short': 80, 'description.full': 4000 };
    for (const [key, max] of Object.entries(limits)) text(`en-us.json ${key}`, localization[key], max);
    for (const [key, value] of Object.entries(localization)) {
      if (/\.title$/.test(key)) text(`en-us.json ${key}`, value, 32);
      if (/commands\[\d+\]\.description$/.test(key)) text(`en-us.json ${key}`, value, 128);
    }
  }
  return problems;
}

/** Builds the package; throws PackageError with every problem found. */
export function buildTeamsPackage({ env, version, outDir = join(TEAMS_DIR, 'build') }) {
  const appId = (env.MicrosoftAppId ?? '').trim().toLowerCase();
  if (appId === '') {
    throw new PackageError('MicrosoftAppId is not set: set it to the Microsoft App ID of your Azure Bot (in .env or the environment), then run npm run teams:package again.');
  }
  if (!GUID.test(appId)) throw new PackageError(`MicrosoftAppId "${appId}" is not a GUID: copy the Microsoft App ID of your Azure Bot.`);
  const publicUrl = (env.PUBLIC_URL ?? '').trim();
  const website = (env.TEAMS_WEBSITE_URL ?? '').trim() || publicUrl;
  if (!httpsUrl(website)) {
    throw new PackageError('Set PUBLIC_URL (the https address of Rituel) or TEAMS_WEBSITE_URL: Teams requires https developer pages.');
  }
  const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8'));
  const localization = JSON.parse(readFileSync(join(TEAMS_DIR, 'en-us.json'), 'utf8'));
  manifest.version = version;
  manifest.id = appId;
  manifest.developer = {
    name: (env.TEAMS_DEVELOPER_NAME ?? '').trim() || 'Rituel',
    websiteUrl: website,
    privacyUrl: (env.TEAMS_PRIVACY_URL ?? '').trim() || website,
    termsOfUseUrl: (env.TEAMS_TERMS_URL ?? '').trim() || website,
  };
  for (const bot of manifest.bots) bot.botId = appId;
  manifest.validDomains = httpsUrl(publicUrl) ? [new URL(publicUrl).hostname] : [];
  const files = {
    'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    'en-us.json': strToU8(`${JSON.stringify(localization, null, 2)}\n`),
  };
  const icons = {};
  for (const name of [manifest.icons.color, manifest.icons.outline]) {
    const bytes = readFileSync(join(TEAMS_DIR, 'icons', name));
    icons[name] = pngInfo(bytes);
    files[name] = new Uint8Array(bytes);
  }
  const problems = checkManifest(manifest, localization, icons);
  if (problems.length > 0) throw new PackageError(`The Teams manifest is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, 'rituel-teams.zip');
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return { zipPath, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (existsSync(join(ROOT, '.env'))) process.loadEnvFile(join(ROOT, '.env'));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  try {
    const out = process.argv.indexOf('--out');
    const outDir = out > 0 && process.argv[out + 1] ? resolve(process.argv[out + 1]) : undefined;
    const { zipPath, manifest } = buildTeamsPackage({ env: process.env, version, ...(outDir ? { outDir } : {}) });
    console.log(`Teams app package written: ${zipPath}\n  app id ${manifest.id}, version ${manifest.version}, valid domains: ${manifest.validDomains.join(', ') || '(none)'}`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
