/**
 * Durable dedupe of inbound interactions (ProcessedInteraction): an id is claimed before its handler
 * runs, the answer is stored once it is done, and the claim is released if the handler failed (so
 * that a platform retry can try again). A repeat gets the stored answer.
 */
import type { Db } from '../../db/client.js';
import { Prisma } from '../../db/client.js';
import type { ChatPlatform, InteractionResult } from '../interaction.js';

export type Claim = { readonly claimed: true } | { readonly claimed: false; readonly previous: InteractionResult | null };

function key(platform: ChatPlatform, id: string): string {
  return `${platform.toLowerCase()}:${id}`;
}

export async function claimInteraction(prisma: Db, platform: ChatPlatform, id: string): Promise<Claim> {
  try {
    await prisma.processedInteraction.create({ data: { id: key(platform, id), platform } });
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
    const row = await prisma.processedInteraction.findUnique({ where: { id: key(platform, id) } });
    return { claimed: false, previous: (row?.result as InteractionResult | null | undefined) ?? null };
  }
}

export async function completeInteraction(prisma: Db, platform: ChatPlatform, id: string, result: InteractionResult): Promise<void> {
  await prisma.processedInteraction.update({
    where: { id: key(platform, id) },
    data: { result: result as unknown as Prisma.InputJsonValue },
  });
}

export async function releaseInteraction(prisma: Db, platform: ChatPlatform, id: string): Promise<void> {
  await prisma.processedInteraction.deleteMany({ where: { id: key(platform, id) } });
}
