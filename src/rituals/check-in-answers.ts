/** Check-ins and their answers (day, half, note, blocker, mood...): one row per key, internal to the ESN. */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import type { Channel } from '../db/generated/client.js';
import { toDateOnlyUTC, type IsoDate } from '../domain/index.js';

/** Sets (or, with null or '', removes) one answer of a check-in. */
export async function setCheckInAnswer(tx: Tx, checkInId: string, key: string, value: string | null): Promise<void> {
  if (value === null || value.trim() === '') {
    await tx.checkInAnswer.deleteMany({ where: { checkInId, key } });
    return;
  }
  await tx.checkInAnswer.upsert({
    where: { checkInId_key: { checkInId, key } },
    create: { checkInId, key, value },
    update: { value },
  });
}

export async function markCheckInAnswered(tx: Tx, checkInId: string, now: Date, via: Channel): Promise<void> {
  await tx.checkIn.update({ where: { id: checkInId }, data: { status: 'ANSWERED', answeredAt: now, answeredVia: via } });
}

/** The check-in of a mission, kind and date, created if it does not exist yet (concurrent ticks: one row). */
export async function ensureCheckIn(
  tx: Tx,
  checkIn: { missionId: string; personId: string; kind: 'DAILY' | 'WEEKLY'; date: IsoDate; now: Date },
): Promise<string> {
  const date = toDateOnlyUTC(checkIn.date);
  // The id is chosen here: a new row is known without reading it back (the usual case).
  const id = randomUUID();
  const { count } = await tx.checkIn.createMany({
    data: [{ id, missionId: checkIn.missionId, personId: checkIn.personId, kind: checkIn.kind, date, createdAt: checkIn.now }],
    skipDuplicates: true,
  });
  if (count === 1) return id;
  const row = await tx.checkIn.findUniqueOrThrow({
    where: { missionId_kind_date: { missionId: checkIn.missionId, kind: checkIn.kind, date } },
    select: { id: true },
  });
  return row.id;
}
