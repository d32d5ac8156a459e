/**
 * Writing only what differs: a stored row is compared field by field with the wanted values, so
 * that importing the same file twice writes nothing.
 */
import { Prisma } from '../../db/client.js';

function sameValue(stored: unknown, wanted: unknown): boolean {
  if (wanted === null || wanted === undefined) return stored === null || stored === undefined;
  if (stored === null || stored === undefined) return false;
  if (wanted instanceof Date) return stored instanceof Date && stored.getTime() === wanted.getTime();
  if (Prisma.Decimal.isDecimal(stored)) {
    return (typeof wanted === 'string' || typeof wanted === 'number') && stored.equals(new Prisma.Decimal(wanted));
  }
  if (Array.isArray(wanted)) return JSON.stringify(stored) === JSON.stringify(wanted);
  return stored === wanted;
}

/** The fields of `wanted` whose value differs from the stored row (empty: nothing to write). */
export function changedFields<T extends object>(stored: object, wanted: T): Partial<T> {
  const changes: Partial<T> = {};
  const storedValues = stored as Record<string, unknown>;
  for (const key of Object.keys(wanted) as (keyof T & string)[]) {
    if (!sameValue(storedValues[key], wanted[key])) changes[key] = wanted[key];
  }
  return changes;
}

export const isEmpty = (value: object): boolean => Object.keys(value).length === 0;

/**
 * Makes the stored child rows equal to the wanted ones: deletes rows whose key is gone, updates
 * the changed fields of the others, creates the new ones. Returns whether anything was written.
 * `keyOf` matches a stored row with a wanted one (it reads the fields both have).
 */
export async function syncRows<S extends { id: string }, W extends object>(args: {
  stored: readonly S[];
  wanted: readonly W[];
  keyOf: (row: S | W) => string;
  remove: (ids: string[]) => Promise<unknown>;
  update: (id: string, data: Partial<W>) => Promise<unknown>;
  create: (rows: W[]) => Promise<unknown>;
}): Promise<boolean> {
  const storedByKey = new Map(args.stored.map((row) => [args.keyOf(row), row]));
  const wantedKeys = new Set(args.wanted.map((row) => args.keyOf(row)));
  let changed = false;
  const obsolete = args.stored.filter((row) => !wantedKeys.has(args.keyOf(row)));
  if (obsolete.length > 0) {
    await args.remove(obsolete.map((row) => row.id));
    changed = true;
  }
  const toCreate: W[] = [];
  for (const row of args.wanted) {
    const stored = storedByKey.get(args.keyOf(row));
    if (!stored) {
      toCreate.push(row);
      continue;
    }
    const changes = changedFields(stored, row);
    if (!isEmpty(changes)) {
      await args.update(stored.id, changes);
      changed = true;
    }
  }
  if (toCreate.length > 0) {
    await args.create(toCreate);
    changed = true;
  }
  return changed;
}
