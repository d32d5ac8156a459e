/**
 * Creates the ChatAccount that links a Slack user to a person found by email (the link is kept in
 * the database: the lookup is done once), with its audit row, in one transaction.
 */
import { recordAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';

export interface LinkAccountOptions {
  readonly personId: string;
  readonly organizationId: string;
  readonly teamId: string;
  readonly userId: string;
  readonly now: Date;
  /** How the link was found (for the audit trail). */
  readonly via: 'users.info' | 'users.lookupByEmail';
}

/** True when this call created the link (false: it existed already). */
export async function linkSlackAccount(prisma: Db, options: LinkAccountOptions): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.chatAccount.createMany({
      data: [{ personId: options.personId, platform: 'SLACK', teamId: options.teamId, externalId: options.userId, lastSeenAt: options.now }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      organizationId: options.organizationId,
      entityType: 'Person',
      entityId: options.personId,
      action: 'chat_account.link',
      channel: 'SLACK',
      data: { platform: 'SLACK', teamId: options.teamId, via: options.via },
    });
    return true;
  });
}

/** The one active person with this email (case-insensitive); null when none or several. */
export async function personByEmail(prisma: Db, email: string): Promise<{ id: string; organizationId: string } | null> {
  const people = await prisma.person.findMany({
    where: { email: { equals: email.trim(), mode: 'insensitive' }, active: true, erasedAt: null },
    select: { id: true, organizationId: true },
    take: 2,
  });
  return people.length === 1 ? people[0]! : null;
}
