/** The people of the file, ESN people then client contacts, matched by ref, with their chat accounts. */
import type { Role } from '../../db/generated/client.js';
import type { OrgContact, OrgFile, OrgPerson } from '../org-file-schema.js';
import { importChatAccounts } from './import-chat-accounts.js';
import { importRecord, RefCounter, type ImportedRecords } from './imported-records.js';
import { refuseErasedPeople } from './refuse-erased-people.js';
import type { StoredPerson } from './stored-rows.js';
import type { Tx } from './transaction.js';

const ROLE_ORDER: readonly Role[] = ['CONSULTANT', 'MANAGER', 'ADMIN', 'CLIENT_CONTACT'];

function canonicalRoles(roles: readonly string[]): Role[] {
  const wanted = new Set(roles.map((r) => r.toUpperCase()));
  return ROLE_ORDER.filter((role) => wanted.has(role));
}

interface WantedPerson {
  person: OrgPerson | OrgContact;
  roles: Role[];
  clientId: string | null;
  cjm: string | null;
  dailyCheckinTime: string | null;
}

function wantedPeople(file: OrgFile, clientIds: ReadonlyMap<string, string>): WantedPerson[] {
  return [
    ...file.people.map((person) => ({
      person,
      roles: canonicalRoles(person.roles),
      clientId: null,
      cjm: person.cjm ?? null,
      dailyCheckinTime: person.checkins?.dailyTime ?? null,
    })),
    ...file.clients.flatMap((client) =>
      client.contacts.map((person) => ({
        person,
        roles: canonicalRoles(['CLIENT_CONTACT']),
        clientId: clientIds.get(client.ref) ?? null,
        cjm: null,
        dailyCheckinTime: null,
      })),
    ),
  ];
}

export async function importPeople(
  tx: Tx,
  organizationId: string,
  file: OrgFile,
  clientIds: ReadonlyMap<string, string>,
  stored: readonly StoredPerson[],
): Promise<ImportedRecords> {
  await refuseErasedPeople(tx, organizationId, file);
  const records: ImportedRecords = { outcomes: new RefCounter(), ids: new Map() };
  const storedByRef = new Map(stored.map((p) => [p.ref, p]));
  const people = wantedPeople(file, clientIds);
  for (const { person, roles, clientId, cjm, dailyCheckinTime } of people) {
    const wanted = {
      name: person.name,
      email: person.email ?? null,
      locale: person.locale ?? null,
      timezone: person.timezone ?? null,
      roles,
      clientId,
      cjm,
      dailyCheckinTime,
      active: true,
    };
    await importRecord(records, {
      ref: person.ref,
      stored: storedByRef.get(person.ref),
      wanted,
      create: () => tx.person.create({ data: { organizationId, ref: person.ref, ...wanted } }),
      update: (id, changes) => tx.person.update({ where: { id }, data: changes }),
    });
  }
  await importChatAccounts(tx, { people: people.map((p) => p.person), personIds: records.ids, stored, outcomes: records.outcomes });
  return records;
}
