/**
 * Teams accounts in the database (ChatAccount, platform TEAMS): teamId is the tenant id, externalId
 * the user's Microsoft Entra (AAD) object id, conversationRef the 1:1 conversation reference that
 * proactive messages need (refreshed on every incoming activity: the serviceUrl can change).
 *
 * A user Rituel has no account for is linked by the e-mail / UPN Teams gives for them, when exactly
 * one active person of the organizations has that address. Nobody is ever linked by display name.
 */
import { recordAudit } from '../../db/audit.js';
import { Prisma, type Db } from '../../db/client.js';

export interface TeamsUser {
  readonly tenantId: string;
  readonly aadObjectId: string;
}

export interface SeenConversation {
  /** The conversation reference (JSON), only for the 1:1 (personal) conversation. */
  readonly ref?: Prisma.InputJsonValue | undefined;
  readonly conversationId?: string | undefined;
}

/** Normalizes ids the way the organization file stores them (GUIDs in lowercase). */
export function teamsUser(tenantId: string, aadObjectId: string): TeamsUser {
  return { tenantId: tenantId.trim().toLowerCase(), aadObjectId: aadObjectId.trim().toLowerCase() };
}

const key = (user: TeamsUser) => ({
  platform_teamId_externalId: { platform: 'TEAMS' as const, teamId: user.tenantId, externalId: user.aadObjectId },
});

/**
 * Refreshes the account of `user` from an incoming activity: when seen, its 1:1 conversation (a
 * new install revives an account marked DEAD). Returns false when Rituel has no account for them.
 */
export async function touchTeamsAccount(prisma: Db, user: TeamsUser, seen: SeenConversation, now: Date): Promise<boolean> {
  const account = await prisma.chatAccount.findUnique({
    where: key(user),
    select: { id: true, status: true, personId: true, person: { select: { organizationId: true } } },
  });
  if (!account) return false;
  const data: Prisma.ChatAccountUpdateInput = { lastSeenAt: now };
  if (seen.ref !== undefined) {
    data.conversationRef = seen.ref;
    if (seen.conversationId) data.conversationId = seen.conversationId;
    if (account.status === 'DEAD') {
      data.status = 'ACTIVE';
      data.deadReason = null;
    }
  }
  if (account.status === 'DEAD' && data.status === 'ACTIVE') {
    await prisma.$transaction(async (tx) => {
      await tx.chatAccount.update({ where: { id: account.id }, data });
      await recordAudit(tx, {
        organizationId: account.person.organizationId,
        entityType: 'ChatAccount',
        entityId: account.id,
        action: 'chat_account.revive',
        fromStatus: 'DEAD',
        toStatus: 'ACTIVE',
        channel: 'TEAMS',
        actorId: account.personId,
      });
    });
  } else {
    await prisma.chatAccount.update({ where: { id: account.id }, data });
  }
  return true;
}

/**
 * Links `user` to the one active person whose e-mail is `email` (their Teams e-mail or UPN).
 * Returns false when nobody or several people match (nothing written then).
 */
export async function linkTeamsAccountByEmail(
  prisma: Db,
  user: TeamsUser,
  emails: readonly string[],
  seen: SeenConversation,
  now: Date,
): Promise<boolean> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')))];
  if (wanted.length === 0) return false;
  const people = await prisma.person.findMany({
    where: { email: { in: wanted, mode: 'insensitive' }, active: true, erasedAt: null },
    select: { id: true, organizationId: true },
    take: 2,
  });
  if (people.length !== 1) return false;
  const person = people[0]!;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.chatAccount.createMany({
      data: [
        {
          personId: person.id,
          platform: 'TEAMS',
          teamId: user.tenantId,
          externalId: user.aadObjectId,
          conversationId: seen.conversationId ?? null,
          ...(seen.ref !== undefined ? { conversationRef: seen.ref } : {}),
          lastSeenAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return true; // linked at the same moment by another activity
    const account = await tx.chatAccount.findUniqueOrThrow({ where: key(user), select: { id: true } });
    await recordAudit(tx, {
      organizationId: person.organizationId,
      entityType: 'ChatAccount',
      entityId: account.id,
      action: 'chat_account.link',
      toStatus: 'ACTIVE',
      channel: 'TEAMS',
      actorId: person.id,
      data: { platform: 'TEAMS', by: 'email' },
    });
    return true;
  });
}

/** The account Rituel reaches `user` through can no longer be used (bot removed, user blocked it...). */
export async function markTeamsAccountDead(prisma: Db, user: TeamsUser, reason: string): Promise<void> {
  const account = await prisma.chatAccount.findUnique({
    where: key(user),
    select: { id: true, status: true, personId: true, person: { select: { organizationId: true } } },
  });
  if (!account || account.status === 'DEAD') return;
  await prisma.$transaction(async (tx) => {
    await tx.chatAccount.update({ where: { id: account.id }, data: { status: 'DEAD', deadReason: reason } });
    await recordAudit(tx, {
      organizationId: account.person.organizationId,
      entityType: 'ChatAccount',
      entityId: account.id,
      action: 'chat_account.dead',
      fromStatus: account.status,
      toStatus: 'DEAD',
      channel: 'SYSTEM',
      data: { platform: 'TEAMS', reason },
    });
  });
}

/** A serviceUrl Teams used for this tenant lately (to open a 1:1 with somebody who never wrote). */
export async function tenantServiceUrl(prisma: Db, tenantId: string): Promise<string | null> {
  const accounts = await prisma.chatAccount.findMany({
    where: { platform: 'TEAMS', teamId: tenantId, conversationRef: { not: Prisma.DbNull } },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }],
    take: 5,
    select: { conversationRef: true },
  });
  for (const account of accounts) {
    const url = (account.conversationRef as { serviceUrl?: unknown } | null)?.serviceUrl;
    if (typeof url === 'string' && url !== '') return url;
  }
  return null;
}
