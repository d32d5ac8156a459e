/**
 * "Remind now": the consultant of a mission gets the days still missing this month, with a button
 * to fill them; the manager is told what was sent. Used by the alert and digest buttons.
 */
import type { ChatPlatform } from '../../chat/interaction.js';
import type { HandlerContext } from '../../chat/router/definitions.js';
import { recordAudit } from '../../db/audit.js';
import type { Tx } from '../../db/client.js';
import type { Channel } from '../../db/generated/client.js';
import { dateInTimeZone } from '../../domain/index.js';
import { formatMoment } from '../../i18n/format-date.js';
import { t, type Locale } from '../../i18n/index.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { missingDaysUntil } from '../missing-days.js';
import { daysReminderMessage } from '../my-days/days-reminder-message.js';
import { firstName, personSummary } from '../people.js';

export interface RemindConsultantOptions {
  missionId: string;
  /** The manager asking. */
  managerId: string;
  /** Unique per request (the interaction id): each click sends one reminder. */
  requestId: string;
  now: Date;
  platforms: readonly ChatPlatform[];
  channel: Channel;
  /** The manager's language, for the returned text. */
  locale: Locale;
}

/** Returns the text for the manager: what was sent, and when it will arrive. */
export async function remindConsultant(tx: Tx, options: RemindConsultantOptions): Promise<string> {
  const mission = await tx.mission.findUniqueOrThrow({
    where: { id: options.missionId },
    select: { id: true, title: true, consultantId: true, organizationId: true },
  });
  const consultant = await personSummary(tx, mission.consultantId);
  const manager = await personSummary(tx, options.managerId);
  const today = dateInTimeZone(options.now, consultant.timeZone);
  const days = await missingDaysUntil(tx, mission.id, today);
  const name = firstName(consultant.name);
  if (days.length === 0) return t(options.locale, 'remind.nothingMissing', { name });

  const queued = await enqueueMessage(tx, {
    dedupeKey: `remind:${mission.id}:${options.requestId}`,
    recipientId: consultant.id,
    kind: 'remind.days',
    message: daysReminderMessage(consultant.locale, {
      missionId: mission.id,
      missionTitle: mission.title,
      managerName: firstName(manager.name),
      days,
    }),
    now: options.now,
    platforms: options.platforms,
  });
  if (queued.status === 'unreachable') return t(options.locale, 'remind.unreachable', { name });
  await recordAudit(tx, {
    organizationId: mission.organizationId,
    entityType: 'Mission',
    entityId: mission.id,
    action: 'remind.days',
    channel: options.channel,
    actorId: options.managerId,
    data: { consultantId: consultant.id, days: days.length },
  });
  if (queued.deliverAt.getTime() > options.now.getTime()) {
    return t(options.locale, 'remind.sentLater', {
      name,
      count: days.length,
      when: formatMoment(options.locale, queued.deliverAt, consultant.timeZone),
    });
  }
  return t(options.locale, 'remind.sent', { name, count: days.length });
}

/** The reminder a manager asks for from a button (alert or digest): this interaction sends one. */
export function remindFromInteraction(tx: Tx, ctx: HandlerContext, missionId: string): Promise<string> {
  return remindConsultant(tx, {
    missionId,
    managerId: ctx.person.id,
    requestId: ctx.interaction.id,
    now: ctx.now,
    platforms: ctx.platforms,
    channel: ctx.channel,
    locale: ctx.locale,
  });
}
