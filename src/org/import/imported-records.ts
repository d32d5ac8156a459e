import { changedFields, isEmpty } from './sync-rows.js';

/** What an import did to the records of one kind, by ref: created, updated or left unchanged. */
export class RefCounter {
  readonly created = new Set<string>();
  readonly updated = new Set<string>();
  readonly seen = new Set<string>();
  create(ref: string): void {
    this.seen.add(ref);
    this.created.add(ref);
  }
  update(ref: string): void {
    this.seen.add(ref);
    if (!this.created.has(ref)) this.updated.add(ref);
  }
  keep(ref: string): void {
    this.seen.add(ref);
  }
  get unchanged(): number {
    return [...this.seen].filter((ref) => !this.created.has(ref) && !this.updated.has(ref)).length;
  }
}

/** The records of one kind an import section wrote or kept. */
export interface ImportedRecords {
  readonly outcomes: RefCounter;
  /** Database id by ref, for every record of the file. */
  readonly ids: Map<string, string>;
}

/**
 * Creates the record of `ref` when none is stored, else updates its fields that differ from
 * `wanted`; notes its id and what happened in `records`.
 */
export async function importRecord<W extends object>(
  records: ImportedRecords,
  args: {
    ref: string;
    stored: { id: string } | undefined;
    wanted: W;
    create: () => Promise<{ id: string }>;
    update: (id: string, changes: Partial<W>) => Promise<unknown>;
  },
): Promise<void> {
  const { ref, stored } = args;
  if (!stored) {
    const created = await args.create();
    records.ids.set(ref, created.id);
    records.outcomes.create(ref);
    return;
  }
  records.ids.set(ref, stored.id);
  const changes = changedFields(stored, args.wanted);
  if (isEmpty(changes)) records.outcomes.keep(ref);
  else {
    await args.update(stored.id, changes);
    records.outcomes.update(ref);
  }
}
