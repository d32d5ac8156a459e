/**
 * Slack re-sends an event it thinks failed (up to 3 times) and Bolt does not drop repeats: each
 * event_id is claimed once in ProcessedInteraction before it is handled, and released when its
 * handling failed (so that Slack's retry can try again).
 */
import { Prisma, type Db } from '../../db/client.js';

const key = (eventId: string) => `slack-event:${eventId}`;

/** True when this call claimed the event (false: handled, or being handled, already). */
export async function claimSlackEvent(prisma: Db, eventId: string): Promise<boolean> {
  try {
    await prisma.processedInteraction.create({ data: { id: key(eventId), platform: 'SLACK' } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}

export async function releaseSlackEvent(prisma: Db, eventId: string): Promise<void> {
  await prisma.processedInteraction.deleteMany({ where: { id: key(eventId) } });
}

/** Runs `handle` once per event id (events without an id, or with one that is not a string, run every time). */
export async function oncePerEvent(prisma: Db, eventId: unknown, handle: () => Promise<void>): Promise<void> {
  if (typeof eventId !== 'string' || eventId === '') return handle();
  if (!(await claimSlackEvent(prisma, eventId))) return;
  try {
    await handle();
  } catch (error) {
    await releaseSlackEvent(prisma, eventId).catch(() => undefined);
    throw error;
  }
}
