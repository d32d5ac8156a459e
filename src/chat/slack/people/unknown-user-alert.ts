/**
 * Somebody Rituel does not know acted in Slack: the admins of the organization are told once per
 * Slack user (alert UNKNOWN_USER, dedupe key `unknown-user:SLACK:<team>:<user>`), with an
 * acknowledge button. The organization is the one whose people use this workspace, or the only
 * one. The display name goes into the message only, never into the alert's data nor the audit.
 */
import { actions, button, context, header, message, section } from '../../build.js';
import type { ChatActor, ChatPlatform } from '../../interaction.js';
import { recordAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { personLocale, t } from '../../../i18n/index.js';
import { ALERT_ACK_ACTION } from '../../../scheduler/dispatch/build-delivery-alert.js';
import { enqueueMessage } from '../../../scheduler/outbox/enqueue-message.js';

export const SLACK_UNKNOWN_USER_KIND = 'alert.unknown_user';

export const slackUnknownUserKey = (actor: ChatActor): string => `unknown-user:SLACK:${actor.teamId}:${actor.externalId}`;

async function organizationOfTeam(prisma: Db, teamId: string): Promise<string | null> {
  const accounts = await prisma.chatAccount.findMany({
    where: { platform: 'SLACK', teamId },
    select: { person: { select: { organizationId: true } } },
    distinct: ['personId'],
    take: 50,
  });
  const organizations = new Set(accounts.map((a) => a.person.organizationId));
  if (organizations.size === 1) return [...organizations][0]!;
  if (organizations.size > 1) return null;
  const all = await prisma.organization.findMany({ select: { id: true }, take: 2 });
  return all.length === 1 ? all[0]!.id : null;
}

/** The alert id when this call raised it; null when it existed already or nobody can be told. */
export async function raiseSlackUnknownUserAlert(
  prisma: Db,
  options: { actor: ChatActor; displayName: string; now: Date; platforms: readonly ChatPlatform[] },
): Promise<string | null> {
  const dedupeKey = slackUnknownUserKey(options.actor);
  if (await prisma.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) return null;
  const organizationId = await organizationOfTeam(prisma, options.actor.teamId);
  if (!organizationId) return null;
  const admins = await prisma.person.findMany({
    where: { organizationId, active: true, erasedAt: null, roles: { has: 'ADMIN' } },
    orderBy: [{ ref: 'asc' }],
    select: { id: true, locale: true, organization: { select: { locale: true } } },
  });
  const name = options.displayName.replace(/[*\n<>]/g, ' ').trim().slice(0, 80) || '?';
  const data = { platform: 'SLACK', teamId: options.actor.teamId, userId: options.actor.externalId };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.alert.createMany({
      data: [{ organizationId, kind: 'UNKNOWN_USER', dedupeKey, recipientId: admins[0]?.id ?? null, data, createdAt: options.now }],
      skipDuplicates: true,
    });
    if (count === 0) return null;
    const alert = await tx.alert.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
    await recordAudit(tx, {
      organizationId,
      entityType: 'Alert',
      entityId: alert.id,
      action: 'alert.raise',
      toStatus: 'OPEN',
      channel: 'SLACK',
      data: { kind: 'UNKNOWN_USER', ...data, notified: admins.map((a) => a.id) },
    });
    for (const admin of admins) {
      const locale = personLocale(admin.locale, admin.organization.locale);
      await enqueueMessage(tx, {
        dedupeKey: `alert:${alert.id}:${admin.id}`,
        recipientId: admin.id,
        kind: SLACK_UNKNOWN_USER_KIND,
        message: message(t(locale, 'slack.unknownUser.alert.text'), [
          header(t(locale, 'slack.unknownUser.alert.title')),
          section(t(locale, 'slack.unknownUser.alert.body', { name })),
          context(t(locale, 'slack.unknownUser.alert.ids', data)),
          actions(button(ALERT_ACK_ACTION, t(locale, 'slack.alert.ack'), { alert: alert.id })),
        ]),
        now: options.now,
        platforms: options.platforms,
        respectQuietHours: true,
      });
    }
    return alert.id;
  });
}
