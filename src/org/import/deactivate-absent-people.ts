import type { StoredPerson } from './stored-rows.js';
import type { Tx } from './transaction.js';

/**
 * People of the organization absent from the file (`personIds`: the file's, by ref) are
 * deactivated, never deleted. Returns how many were active.
 */
export async function deactivateAbsentPeople(
  tx: Tx,
  stored: readonly StoredPerson[],
  personIds: ReadonlyMap<string, string>,
): Promise<number> {
  const absent = stored.filter((p) => !personIds.has(p.ref) && p.active);
  if (absent.length > 0) {
    await tx.person.updateMany({ where: { id: { in: absent.map((p) => p.id) } }, data: { active: false } });
  }
  return absent.length;
}
