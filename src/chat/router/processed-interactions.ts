/**
 * Durable dedupe of inbound interactions (ProcessedInteraction): an id is claimed before its handler
 * runs, the answer is stored once it is done, and the claim is released if the handler failed (so
 * that a platform retry can try again). A repeat gets the stored answer.
 */
import { Prisma, type Db } from '../../db/client.js';
import type { ChatActor, InteractionResult } from '../interaction.js';

export type Claim = { readonly claimed: true } | { readonly claimed: false; readonly previous: InteractionResult | null };

/** Per person: somebody replaying another person's interaction id gets no answer of theirs. */
function key(actor: ChatActor, id: string): string {
  return `${actor.platform.toLowerCase()}:${actor.teamId}:${actor.externalId}:${id}`;
}

export async function claimInteraction(prisma: Db, actor: ChatActor, id: string): Promise<Claim> {
  try {
    await prisma.processedInteraction.create({ data: { id: key(actor, id), platform: actor.platform } });
    return { claimed: true };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
    const row = await prisma.processedInteraction.findUnique({ where: { id: key(actor, id) } });
    return { claimed: false, previous: (row?.result as InteractionResult | null | undefined) ?? null };
  }
}

export async function completeInteraction(prisma: Db, actor: ChatActor, id: string, result: InteractionResult): Promise<void> {
  await prisma.processedInteraction.update({
    where: { id: key(actor, id) },
    data: { result: result as unknown as Prisma.InputJsonValue },
  });
}

export async function releaseInteraction(prisma: Db, actor: ChatActor, id: string): Promise<void> {
  await prisma.processedInteraction.deleteMany({ where: { id: key(actor, id) } });
}
