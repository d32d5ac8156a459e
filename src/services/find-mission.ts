import type { Db } from '../db/client.js';
import { CodedError } from '../errors.js';

export interface FoundMission {
  id: string;
  ref: string;
  organization: { slug: string };
}

export interface FindMissionOptions {
  prisma: Db;
  ref: string;
  /** Organization slug; needed only when several organizations have a mission with this ref. */
  organization?: string | undefined;
}

/**
 * The id of the mission named by its ref (from the organization file): the use cases it is handed
 * to read what they need themselves.
 * Throws CodedError MISSION_NOT_FOUND (params { ref, organization? }) or MISSION_AMBIGUOUS
 * (params { ref, organizations }).
 */
export async function findMission({ prisma, ref, organization }: FindMissionOptions): Promise<FoundMission> {
  const missions = await prisma.mission.findMany({
    where: { ref, ...(organization ? { organization: { slug: organization } } : {}) },
    select: { id: true, ref: true, organization: { select: { slug: true } } },
  });
  if (missions.length === 0) {
    throw new CodedError(
      'MISSION_NOT_FOUND',
      `Mission not found: "${ref}"${organization ? ` in ${organization}` : ''}.`,
      { ref, organization },
      organization ? { params: { ref, organization }, variant: 'inOrganization' } : { params: { ref } },
    );
  }
  if (missions.length > 1) {
    const organizations = missions.map((m) => m.organization.slug).join(', ');
    throw new CodedError(
      'MISSION_AMBIGUOUS',
      `Several organizations have a mission "${ref}" (${organizations}): add --org <slug>.`,
      { ref },
      { params: { ref, organizations } },
    );
  }
  return missions[0]!;
}
