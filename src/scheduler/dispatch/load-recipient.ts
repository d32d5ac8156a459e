/**
 * Who a row goes to, as a Messenger needs it: the person, the language of their texts, and their
 * account on the row's platform. Only an ACTIVE account is given: a dead one (bot removed, user
 * gone) is no way to reach them, and the Messenger answers a permanent DeliveryError without one.
 * Null for a person deactivated or erased since the row was queued: nobody to write to any more.
 */
import type { Db } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';
import type { Recipient } from '../../chat/messenger.js';
import { personLocale } from '../../i18n/index.js';

export async function loadRecipient(prisma: Db, personId: string, platform: ChatPlatform): Promise<Recipient | null> {
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      active: true,
      erasedAt: true,
      locale: true,
      organization: { select: { locale: true } },
      // The most recently seen one when a person has several (the web chat needs none: the person id is its address).
      chatAccounts: {
        where: { platform, status: 'ACTIVE' },
        orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
        take: 1,
        select: { teamId: true, externalId: true, conversationId: true, conversationRef: true },
      },
    },
  });
  if (!person.active || person.erasedAt) return null;
  const locale = personLocale(person.locale, person.organization.locale);
  const account = person.chatAccounts[0];
  return account ? { personId, locale, account } : { personId, locale };
}
