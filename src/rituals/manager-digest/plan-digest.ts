/**
 * The managers' weekly digest (default Monday 09:00, the manager's time), about the seven days
 * before it, once per manager and date ("digest:<managerId>:<date>"); and its "remind" button.
 */
import { z } from 'zod';
import type { ChatMessage } from '../../chat/message.js';
import type { Tx } from '../../db/client.js';
import { defineAction } from '../../chat/router/definitions.js';
import { refusal } from '../../chat/router/refusal.js';
import { addDays, dateInTimeZone, type IsoDate } from '../../domain/index.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { oncePerTick, type RunOutcome, type ScheduledRitual, type TickContext } from '../../scheduler/scheduled-ritual.js';
import { remindFromInteraction } from '../alerts/remind-consultant.js';
import { recordRun } from '../record-run.js';
import { digestLines } from './digest-content.js';
import { DIGEST_ACTIONS, digestMessages } from './digest-message.js';
import { loadManagerTargets, type ManagerTarget } from './manager-targets.js';

export const digestKey = (managerId: string, date: IsoDate): string => `digest:${managerId}:${date}`;

/** The week a digest sent on `date` is about. */
export function digestPeriod(date: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(date, -7), to: addDays(date, -1) };
}

/** Queues the digest pages (their keys derive from `key`). */
export async function queueDigest(
  tx: Tx,
  ctx: TickContext,
  target: ManagerTarget,
  pages: readonly ChatMessage[],
  queue: { messageKey: string; respectQuietHours?: boolean },
): Promise<void> {
  const key = queue.messageKey;
  for (const [index, page] of pages.entries()) {
    await enqueueMessage(tx, {
      dedupeKey: index === 0 ? key : `${key}:${index + 1}`,
      recipientId: target.managerId,
      kind: 'digest.weekly',
      message: page,
      now: ctx.now,
      platforms: ctx.platforms,
      respectQuietHours: queue.respectQuietHours !== false,
    });
  }
}

export const managerDigestRitual: ScheduledRitual<ManagerTarget> = {
  id: 'digest',
  audience: 'manager',
  targets: (ctx) => oncePerTick(ctx, `manager-targets:${dateInTimeZone(ctx.now, 'UTC')}`, () => loadManagerTargets(ctx.prisma, ctx.now)),
  schedule: (target) => ({ timeZone: target.timeZone, time: target.digestTime, weekdays: [target.digestDay] }),
  async run(ctx, target, occurrence): Promise<RunOutcome> {
    const key = digestKey(target.managerId, occurrence.localDate);
    // The digest is read before the transaction (embedded database: no query beside an open one).
    const exists = await ctx.prisma.ritualRun.findUnique({ where: { key }, select: { id: true } });
    if (exists) return 'already';
    const period = digestPeriod(occurrence.localDate);
    const pages = digestMessages(target.locale, await digestLines(ctx.prisma, target.managerId, period.from, period.to), period);
    return ctx.prisma.$transaction(async (tx) => {
      if (!(await recordRun(tx, { key, ritual: 'digest', target: { personId: target.managerId }, occurrence }))) return 'already';
      await queueDigest(tx, ctx, target, pages, { messageKey: key });
      return 'planned';
    });
  },
};

/** "Remind <name>" from the digest: the manager of that mission only. */
export const remindFromDigestAction = defineAction({
  actionId: DIGEST_ACTIONS.remind,
  value: z.object({ m: z.uuid() }),
  handle: async (ctx, { value }) => {
    const mission = await ctx.prisma.mission.findUnique({ where: { id: value.m }, select: { managerId: true } });
    if (!mission) throw refusal('NOT_FOUND', `No mission ${value.m}`);
    if (mission.managerId !== ctx.person.id) throw refusal('NOT_YOURS', `Mission ${value.m} is managed by somebody else`);
    const notice = await ctx.prisma.$transaction((tx) => remindFromInteraction(tx, ctx, value.m));
    return { notice };
  },
});
