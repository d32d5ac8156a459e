import type { Tx } from '../../db/client.js';
import type { ChatPlatform } from '../../chat/interaction.js';

/**
 * The platform a person is reached on: the first of `platforms` (this deployment's, in order of
 * preference) where they have a working account; the web chat reaches everybody. Null when none.
 */
export async function deliveryPlatform(tx: Tx, personId: string, platforms: readonly ChatPlatform[]): Promise<ChatPlatform | null> {
  if (platforms.length === 0) return null;
  const accounts = await tx.chatAccount.findMany({
    where: { personId, status: 'ACTIVE', platform: { in: platforms.filter((p) => p !== 'WEB') } },
    select: { platform: true },
  });
  const reachable = new Set<ChatPlatform>(accounts.map((a) => a.platform));
  return platforms.find((p) => p === 'WEB' || reachable.has(p)) ?? null;
}
