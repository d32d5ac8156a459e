/**
 * Somebody Rituel does not know wrote to it in Teams: the admins of the organization are told once
 * per user (alert UNKNOWN_USER, dedupe key `unknown-user:TEAMS:<tenant>:<object id>`), with an
 * acknowledge button. The organization is the one whose people use this tenant, or the only one.
 * Their display name goes into the message only (never into the alert's data nor the audit trail).
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatPlatform } from '../interaction.js';
import { recordAudit } from '../../db/audit.js';
import type { Db } from '../../db/client.js';
import { personLocale, t } from '../../i18n/index.js';
import { ALERT_ACK_ACTION } from '../../scheduler/dispatch/build-delivery-alert.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import type { TeamsUser } from './teams-accounts.js';

export const UNKNOWN_USER_ALERT_KIND = 'alert.unknown_user';

export function unknownUserAlertKey(user: TeamsUser): string {
  return `unknown-user:TEAMS:${user.tenantId}:${user.aadObjectId}`;
}

export interface RaiseUnknownUserAlertOptions {
  user: TeamsUser;
  /** Their Teams display name (shown to the admins). */
  displayName: string;
  now: Date;
  platforms: readonly ChatPlatform[];
}

/** The organization a tenant belongs to: through its people's accounts, else the only one. */
async function organizationOfTenant(prisma: Db, tenantId: string): Promise<string | null> {
  const accounts = await prisma.chatAccount.findMany({
    where: { platform: 'TEAMS', teamId: tenantId },
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

/** Returns the alert id when this call raised it; null when it existed or nobody can be told. */
export async function raiseUnknownUserAlert(prisma: Db, options: RaiseUnknownUserAlertOptions): Promise<string | null> {
  const dedupeKey = unknownUserAlertKey(options.user);
  if (await prisma.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) return null;
  const organizationId = await organizationOfTenant(prisma, options.user.tenantId);
  if (!organizationId) return null;
  const admins = await prisma.person.findMany({
    where: { organizationId, active: true, erasedAt: null, roles: { has: 'ADMIN' } },
    orderBy: [{ ref: 'asc' }],
    select: { id: true, locale: true, organization: { select: { locale: true } } },
  });
  const name = options.displayName.replace(/[*\n]/g, ' ').trim().slice(0, 80) || '?';
  return prisma.$transaction(async (tx) => {
    const data = { platform: 'TEAMS', tenantId: options.user.tenantId, aadObjectId: options.user.aadObjectId };
    const { count } = await tx.alert.createMany({
      data: [
        {
          organizationId,
          kind: 'UNKNOWN_USER',
          dedupeKey,
          recipientId: admins[0]?.id ?? null,
          data,
          createdAt: options.now,
        },
      ],
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
      channel: 'TEAMS',
      data: { kind: 'UNKNOWN_USER', ...data, notified: admins.map((a) => a.id) },
    });
    for (const admin of admins) {
      const locale = personLocale(admin.locale, admin.organization.locale);
      const text = t(locale, 'teams.unknownUser.alert.text');
      await enqueueMessage(tx, {
        dedupeKey: `alert:${alert.id}:${admin.id}`,
        recipientId: admin.id,
        kind: UNKNOWN_USER_ALERT_KIND,
        message: message(text, [
          header(t(locale, 'teams.unknownUser.alert.title')),
          section(t(locale, 'teams.unknownUser.alert.body', { name })),
          context(t(locale, 'teams.unknownUser.alert.ids', data)),
          actions(button(ALERT_ACK_ACTION, t(locale, 'delivery.failed.ack'), { alert: alert.id })),
        ]),
        now: options.now,
        platforms: options.platforms,
        respectQuietHours: true,
      });
    }
    return alert.id;
  });
}
