/**
 * The linking pass that makes people reachable on Slack before anything is planned for them: an
 * active person with an email and no Slack account is looked up with users.lookupByEmail (Tier 3:
 * a bounded number per pass), and linked when found. Run when the server starts and then
 * periodically (start-slack.ts). People not found are not asked again before `retryAfterMs` in
 * this process (a restart asks again, which is harmless).
 */
import type { Db } from '../../../db/client.js';
import type { Logger } from '../../../log.js';
import type { SlackWebClient } from '../slack-web-client.js';
import { linkSlackAccount } from './link-account.js';

export interface LinkSlackPeopleOptions {
  readonly prisma: Db;
  readonly client: SlackWebClient;
  readonly logger: Logger;
  /** The workspace of the bot (auth.test): the team of the accounts found. */
  readonly teamId: string;
  readonly now: Date;
  /** Lookups per pass. */
  readonly limit?: number;
  /** Emails not found, by lowercase email → when they were asked (shared between passes). */
  readonly notFound?: Map<string, number>;
  readonly retryAfterMs?: number;
}

export interface LinkSummary {
  readonly looked: number;
  readonly linked: number;
}

const DEFAULT_LIMIT = 40;
const DEFAULT_RETRY_AFTER_MS = 24 * 3600_000;

export async function linkSlackPeople(options: LinkSlackPeopleOptions): Promise<LinkSummary> {
  const { prisma, client, logger, now } = options;
  const notFound = options.notFound ?? new Map<string, number>();
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const candidates = await prisma.person.findMany({
    where: { active: true, erasedAt: null, email: { not: null }, chatAccounts: { none: { platform: 'SLACK' } } },
    select: { id: true, organizationId: true, email: true },
    orderBy: { id: 'asc' },
  });
  let looked = 0;
  let linked = 0;
  for (const person of candidates) {
    if (looked >= limit) break;
    const email = person.email!.toLowerCase();
    const askedAt = notFound.get(email);
    if (askedAt !== undefined && now.getTime() - askedAt < retryAfterMs) continue;
    looked += 1;
    try {
      const found = await client.users.lookupByEmail({ email });
      const user = found.user;
      if (!user?.id || user.deleted || user.is_bot) {
        notFound.set(email, now.getTime());
        continue;
      }
      const teamId = user.team_id ?? options.teamId;
      if (await linkSlackAccount(prisma, { personId: person.id, organizationId: person.organizationId, teamId, userId: user.id, now, via: 'users.lookupByEmail' })) linked += 1;
    } catch (error) {
      const code = (error as { code?: string; data?: { error?: string } }).data?.error;
      if (code === 'users_not_found') {
        notFound.set(email, now.getTime());
        continue;
      }
      // Rate limited, network, scope missing: stop here, the next pass goes on.
      logger.warn({ code: code ?? (error as { code?: string }).code }, 'slack linking pass stopped');
      break;
    }
  }
  if (linked > 0) logger.info({ looked, linked }, 'slack accounts linked by email');
  return { looked, linked };
}
