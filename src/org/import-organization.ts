/**
 * `rituel org import`: applies a validated organization file to the database, declaratively and
 * idempotently, in one transaction. Records are matched by ref; only what differs is written, so
 * importing the same file twice changes nothing (no update, no updatedAt change, no audit row).
 * Each section is written by its own module under import/.
 */
import type { Db } from '../db/client.js';
import type { Channel } from '../db/generated/client.js';
import { deactivateAbsentPeople } from './import/deactivate-absent-people.js';
import { importClients } from './import/import-clients.js';
import { importMissions } from './import/import-missions.js';
import { importOrganizationRow } from './import/import-organization-row.js';
import { importPeople } from './import/import-people.js';
import { importSummary, recordImportAudit, type ImportSummary } from './import/import-summary.js';
import { readStoredRows } from './import/stored-rows.js';
import type { Tx } from './import/transaction.js';
import type { OrgFile } from './org-file-schema.js';
import { parseOrgFile, type OrgFileProblem } from './parse-org-file.js';

export type { ImportCounts, ImportSummary } from './import/import-summary.js';

export interface ImportActor {
  channel?: Channel;
  /** The person running the import, when known. */
  personId?: string | null;
}

export interface ImportOrganizationOptions {
  prisma: Db;
  /** A file validated by parseOrgFile. */
  file: OrgFile;
  actor?: ImportActor;
}

export type ImportOrganizationYamlResult =
  | { ok: true; file: OrgFile; summary: ImportSummary }
  | { ok: false; problems: OrgFileProblem[] };

/** Parses the YAML text and imports it when valid; with any problem nothing is written. */
export async function importOrganizationYaml(options: {
  prisma: Db;
  text: string;
  actor?: ImportActor;
}): Promise<ImportOrganizationYamlResult> {
  const parsed = parseOrgFile(options.text);
  if (!parsed.ok) return parsed;
  const summary = await importOrganization({
    prisma: options.prisma,
    file: parsed.file,
    ...(options.actor ? { actor: options.actor } : {}),
  });
  return { ok: true, file: parsed.file, summary };
}

/**
 * Creates or updates the organization of the file, its people (and client contacts), clients and
 * missions, in one transaction. People of the organization absent from the file are deactivated.
 * Throws CodedError('ORG_IMPORT_CHAT_ACCOUNT_TAKEN') when a chat account of the file belongs to a
 * person of another organization (nothing is written then); its message is in English, its
 * params fill the text 'problem.ORG_IMPORT_CHAT_ACCOUNT_TAKEN' (describeProblem).
 */
export async function importOrganization(options: ImportOrganizationOptions): Promise<ImportSummary> {
  const { prisma, file } = options;
  const channel = options.actor?.channel ?? 'CLI';
  const actorId = options.actor?.personId ?? null;
  return prisma.$transaction((tx) => importInTransaction(tx, file, channel, actorId), {
    maxWait: 30_000,
    timeout: 300_000,
  });
}

/** The sections in order: organization, clients, people and their chat accounts, deactivations, missions. */
async function importInTransaction(tx: Tx, file: OrgFile, channel: Channel, actorId: string | null): Promise<ImportSummary> {
  const organization = await importOrganizationRow(tx, file.organization);
  const organizationId = organization.id;
  const stored = await readStoredRows(tx, organizationId);
  const clients = await importClients(tx, organizationId, file.clients, stored.clients);
  const people = await importPeople(tx, organizationId, file, clients.ids, stored.people);
  const deactivated = await deactivateAbsentPeople(tx, stored.people, people.ids);
  const missions = await importMissions(tx, organizationId, file, { clientIds: clients.ids, personIds: people.ids }, stored.missions);

  const summary = importSummary({
    organizationId,
    organization: organization.outcome,
    people: people.outcomes,
    clients: clients.outcomes,
    missions,
    deactivated,
  });
  await recordImportAudit(tx, summary, { channel, actorId });
  return summary;
}
