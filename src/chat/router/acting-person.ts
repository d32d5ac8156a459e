import type { Db } from '../../db/client.js';
import type { Role } from '../../db/generated/client.js';
import { personLocale, type Locale } from '../../i18n/index.js';
import type { ChatActor } from '../interaction.js';

/** The person behind an interaction, with what handlers need to answer them. */
export interface ActingPerson {
  readonly id: string;
  readonly organizationId: string;
  readonly ref: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly locale: Locale;
  readonly timezone: string;
}

/**
 * Resolves who acted: for the web chat the actor's id is the person id; on Slack and Teams, their
 * chat account. Null when nobody active matches (the router refuses politely).
 */
export async function resolveActingPerson(prisma: Db, actor: ChatActor, defaultLocale: Locale): Promise<ActingPerson | null> {
  const select = {
    id: true,
    organizationId: true,
    ref: true,
    name: true,
    roles: true,
    locale: true,
    timezone: true,
    active: true,
    erasedAt: true,
    organization: { select: { locale: true, timezone: true } },
  } as const;
  let person;
  if (actor.platform === 'WEB') {
    if (!/^[0-9a-f-]{36}$/i.test(actor.externalId)) return null;
    person = await prisma.person.findUnique({ where: { id: actor.externalId }, select });
  } else {
    const account = await prisma.chatAccount.findUnique({
      where: { platform_teamId_externalId: { platform: actor.platform, teamId: actor.teamId, externalId: actor.externalId } },
      select: { person: { select } },
    });
    person = account?.person ?? null;
  }
  if (!person || !person.active || person.erasedAt) return null;
  const locale = personLocale(person.locale, person.organization.locale, defaultLocale);
  return {
    id: person.id,
    organizationId: person.organizationId,
    ref: person.ref,
    name: person.name,
    roles: person.roles,
    locale,
    timezone: person.timezone ?? person.organization.timezone,
  };
}
