/** The clients of the file, matched by ref (their contacts are imported with the people). */
import type { Client } from '../../db/generated/client.js';
import type { OrgClient } from '../org-file-schema.js';
import { importRecord, RefCounter, type ImportedRecords } from './imported-records.js';
import type { Tx } from './transaction.js';

export async function importClients(
  tx: Tx,
  organizationId: string,
  clients: readonly OrgClient[],
  stored: readonly Client[],
): Promise<ImportedRecords> {
  const records: ImportedRecords = { outcomes: new RefCounter(), ids: new Map() };
  const storedByRef = new Map(stored.map((c) => [c.ref, c]));
  for (const client of clients) {
    await importRecord(records, {
      ref: client.ref,
      stored: storedByRef.get(client.ref),
      wanted: { name: client.name },
      create: () => tx.client.create({ data: { organizationId, ref: client.ref, name: client.name } }),
      update: (id, changes) => tx.client.update({ where: { id }, data: changes }),
    });
  }
  return records;
}
