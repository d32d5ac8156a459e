/** Check-in answers (day, half, note, blocker, mood...): one row per key, internal to the ESN. */
import type { Tx } from '../db/client.js';

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

export async function markCheckInAnswered(tx: Tx, checkInId: string, now: Date, via: 'SLACK' | 'TEAMS' | 'WEB'): Promise<void> {
  await tx.checkIn.update({ where: { id: checkInId }, data: { status: 'ANSWERED', answeredAt: now, answeredVia: via } });
}
