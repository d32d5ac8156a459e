import type { Tx } from '../db/client.js';
import { toDateOnlyUTC } from '../domain/index.js';
import type { Occurrence } from '../scheduler/schedule.js';

export interface RunRecord {
  /** Deterministic: "daily:<missionId>:<date>". */
  key: string;
  ritual: string;
  target: { missionId?: string; consultantId?: string; personId?: string };
  occurrence: Occurrence;
}

/**
 * Records a ritual occurrence under its unique key, in the caller's transaction. False when it was
 * recorded before (another tick, another process): the caller then does nothing.
 */
export async function recordRun(tx: Tx, run: RunRecord): Promise<boolean> {
  const { count } = await tx.ritualRun.createMany({
    data: [
      {
        key: run.key,
        ritual: run.ritual,
        missionId: run.target.missionId ?? null,
        personId: run.target.consultantId ?? run.target.personId ?? null,
        localDate: toDateOnlyUTC(run.occurrence.localDate),
        scheduledFor: run.occurrence.scheduledFor,
        status: 'DONE',
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
