/**
 * Who a Slack user is, when they act: their ChatAccount (from the organization file, or linked
 * earlier); else the person with their Slack profile's email (users.info, needs users:read.email),
 * linked for good. A DEAD account that acts is alive again. Null when nobody matches.
 */
import type { Db } from '../../../db/client.js';
import { personLocale, type Locale } from '../../../i18n/index.js';
import type { Logger } from '../../../log.js';
import type { ChatActor } from '../../interaction.js';
import type { SlackWebClient } from '../slack-web-client.js';
import { linkSlackAccount, personByEmail } from './link-account.js';

export interface SlackPerson {
  readonly personId: string;
  readonly locale: Locale;
}

export interface SlackUserProfile {
  readonly name: string;
  readonly email: string | null;
}

export async function slackProfile(client: SlackWebClient, userId: string): Promise<SlackUserProfile | null> {
  try {
    const info = await client.users.info({ user: userId });
    const user = info.user;
    if (!user || user.deleted || user.is_bot) return null;
    return { name: user.real_name ?? user.profile?.real_name ?? user.name ?? userId, email: user.profile?.email ?? null };
  } catch {
    return null;
  }
}

export async function resolveSlackPerson(
  prisma: Db,
  client: SlackWebClient,
  actor: ChatActor,
  options: { now: Date; defaultLocale: Locale; logger: Logger },
): Promise<SlackPerson | null> {
  const key = { platform: 'SLACK' as const, teamId: actor.teamId, externalId: actor.externalId };
  const select = {
    id: true,
    status: true,
    person: { select: { id: true, active: true, erasedAt: true, locale: true, organization: { select: { locale: true } } } },
  } as const;
  // Slash commands name the workspace, not the user's own team (a Slack Connect guest's account
  // is under their team): a user id known under exactly one team is theirs.
  const account =
    (await prisma.chatAccount.findUnique({ where: { platform_teamId_externalId: key }, select })) ??
    (await prisma.chatAccount.findMany({ where: { platform: 'SLACK', externalId: actor.externalId }, select, take: 2 }).then((rows) => (rows.length === 1 ? rows[0]! : null)));
  if (account) {
    const { person } = account;
    if (!person.active || person.erasedAt) return null;
    await prisma.chatAccount.update({
      where: { id: account.id },
      data: { lastSeenAt: options.now, ...(account.status === 'DEAD' ? { status: 'ACTIVE', deadReason: null } : {}) },
    });
    return { personId: person.id, locale: personLocale(person.locale, person.organization.locale, options.defaultLocale) };
  }
  const profile = await slackProfile(client, actor.externalId);
  if (!profile?.email) return null;
  const person = await personByEmail(prisma, profile.email);
  if (!person) return null;
  await linkSlackAccount(prisma, { personId: person.id, organizationId: person.organizationId, teamId: actor.teamId, userId: actor.externalId, now: options.now, via: 'users.info' });
  options.logger.info({ personId: person.id }, 'slack user linked to a person by email');
  const row = await prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { locale: true, organization: { select: { locale: true } } } });
  return { personId: person.id, locale: personLocale(row.locale, row.organization.locale, options.defaultLocale) };
}
