import type { Db } from '../db/client.js';
import { CodedError } from '../errors.js';

export interface FindMissionOptions {
  prisma: Db;
  ref: string;
  /** Organization slug; needed only when several organizations have a mission with this ref. */
  organization?: string | undefined;
}

/** The mission named by its ref (from the organization file), with what most use cases need. */
export async function findMission({ prisma, ref, organization }: FindMissionOptions) {
  const missions = await prisma.mission.findMany({
    where: { ref, ...(organization ? { organization: { slug: organization } } : {}) },
    include: {
      organization: true,
      client: true,
      consultant: true,
      rates: { orderBy: { validFrom: 'asc' } },
      purchaseOrders: { orderBy: { startDate: 'asc' } },
    },
  });
  if (missions.length === 0) {
    throw new CodedError('MISSION_NOT_FOUND', `Mission not found: "${ref}"${organization ? ` in ${organization}` : ''}.`);
  }
  if (missions.length > 1) {
    throw new CodedError(
      'MISSION_AMBIGUOUS',
      `Several organizations have a mission "${ref}" (${missions.map((m) => m.organization.slug).join(', ')}): add --org <slug>.`,
    );
  }
  return missions[0]!;
}

export type MissionWithDetails = Awaited<ReturnType<typeof findMission>>;
