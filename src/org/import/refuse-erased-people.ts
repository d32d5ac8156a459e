/**
 * An erased person (GDPR, `rituel privacy erase`) must not come back through an old organization
 * file: when the file lists them (their former ref, recognized by its hash), the import is refused
 * as a whole with ORG_IMPORT_PERSON_ERASED naming the refs. Refusing rather than skipping: a
 * skipped person would silently leave missions and approvals pointing at nobody.
 */
import { CodedError } from '../../errors.js';
import { erasedRef } from '../../privacy/pseudonym.js';
import type { OrgFile } from '../org-file-schema.js';
import type { Tx } from './transaction.js';

export async function refuseErasedPeople(tx: Tx, organizationId: string, file: OrgFile): Promise<void> {
  const refs = [...file.people.map((p) => p.ref), ...file.clients.flatMap((c) => c.contacts.map((p) => p.ref))];
  const byHash = new Map(refs.map((ref) => [erasedRef(organizationId, ref), ref]));
  const erased = await tx.person.findMany({
    where: { organizationId, ref: { in: [...byHash.keys()] }, erasedAt: { not: null } },
    select: { ref: true },
  });
  if (erased.length === 0) return;
  const names = erased.map((p) => byHash.get(p.ref) ?? p.ref).sort();
  throw new CodedError('ORG_IMPORT_PERSON_ERASED', `Erased person(s) listed in the file: ${names.join(', ')}.`, { refs: names }, {
    params: { refs: names.join(', ') },
  });
}
