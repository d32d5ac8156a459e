/**
 * Somebody Rituel does not know acted in a chat: the admins of the organization are told once per
 * chat user (alert UNKNOWN_USER, dedupe key `unknown-user:<platform>:<team>:<user>`), with an
 * acknowledge button. The organization is the one whose people use this workspace (Slack) or
 * tenant (Teams), or the only one. The display name goes into the message only, never into the
 * alert's data nor the audit. The adapters say what identifies the user and which texts to show.
 */
import { actions, button, context, header, message, section } from '../../chat/build.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Db } from '../../db/client.js';
import { alertMessageKey, createAlert } from '../../db/create-alert.js';
import { personLocale, t, type MessageKey } from '../../i18n/index.js';
import { enqueueMessage } from '../../scheduler/outbox/enqueue-message.js';
import { ALERT_ACTIONS } from './alert-message.js';

export const UNKNOWN_USER_ALERT_KIND = 'alert.unknown_user';

export interface UnknownChatUser {
  readonly platform: ChatPlatform;
  /** The Slack workspace or the Teams tenant (ChatAccount.teamId). */
  readonly teamId: string;
  /** The user's id on the platform (ChatAccount.externalId). */
  readonly externalId: string;
  /** How the alert's data, its audit row and its message name the user (ids only, no name). */
  readonly ids: Readonly<Record<string, string>>;
}

/** The platform's texts: `ids` gets the user's ids as parameters, `body` the name. */
export interface UnknownUserTexts {
  readonly text: MessageKey;
  readonly title: MessageKey;
  readonly body: MessageKey;
  readonly ids: MessageKey;
  readonly ack: MessageKey;
}

export interface RaiseUnknownUserAlertOptions {
  user: UnknownChatUser;
  texts: UnknownUserTexts;
  /** Their display name on the platform (shown to the admins), already stripped of what the platform would format. */
  displayName: string;
  now: Date;
  platforms: readonly ChatPlatform[];
}

export const unknownUserAlertKey = (user: Pick<UnknownChatUser, 'platform' | 'teamId' | 'externalId'>): string =>
  `unknown-user:${user.platform}:${user.teamId}:${user.externalId}`;

/** The organization a workspace or tenant belongs to: through its people's accounts, else the only one. */
async function organizationOfTeam(prisma: Db, platform: ChatPlatform, teamId: string): Promise<string | null> {
  const accounts = await prisma.chatAccount.findMany({
    where: { platform, teamId },
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
export async function raiseUnknownUserAlert(prisma: Db, options: RaiseUnknownUserAlertOptions): Promise<string | null> {
  const { user, texts } = options;
  const dedupeKey = unknownUserAlertKey(user);
  if (await prisma.alert.findUnique({ where: { dedupeKey }, select: { id: true } })) return null;
  const organizationId = await organizationOfTeam(prisma, user.platform, user.teamId);
  if (!organizationId) return null;
  const admins = await prisma.person.findMany({
    where: { organizationId, active: true, erasedAt: null, roles: { has: 'ADMIN' } },
    orderBy: [{ ref: 'asc' }],
    select: { id: true, locale: true, organization: { select: { locale: true } } },
  });
  const name = options.displayName.replace(/[*\n]/g, ' ').trim().slice(0, 80) || '?';
  const data = { platform: user.platform, ...user.ids };
  return prisma.$transaction(async (tx) => {
    const alert = await createAlert(
      tx,
      { organizationId, kind: 'UNKNOWN_USER', dedupeKey, recipientId: admins[0]?.id ?? null, data, createdAt: options.now },
      { channel: user.platform, data: { kind: 'UNKNOWN_USER', ...data, notified: admins.map((a) => a.id) } },
    );
    if (!alert.created) return null;
    for (const admin of admins) {
      const locale = personLocale(admin.locale, admin.organization.locale);
      await enqueueMessage(tx, {
        dedupeKey: alertMessageKey(alert.id, admin.id),
        recipientId: admin.id,
        kind: UNKNOWN_USER_ALERT_KIND,
        message: message(t(locale, texts.text), [
          header(t(locale, texts.title)),
          section(t(locale, texts.body, { name })),
          context(t(locale, texts.ids, user.ids)),
          actions(button(ALERT_ACTIONS.ack, t(locale, texts.ack), { alert: alert.id })),
        ]),
        now: options.now,
        platforms: options.platforms,
        respectQuietHours: true,
      });
    }
    return alert.id;
  });
}
