/** The person a privacy command is about: `ref` (with `--org` when several organizations share it), or their id. */
import type { Db } from '../db/client.js';
import { CodedError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findPerson(prisma: Db, personRef: string, orgSlug?: string): Promise<{ id: string; organizationId: string; ref: string }> {
  const select = { id: true, organizationId: true, ref: true } as const;
  if (UUID.test(personRef)) {
    const byId = await prisma.person.findUnique({ where: { id: personRef }, select });
    if (byId) return byId;
  }
  const matches = await prisma.person.findMany({
    where: { ref: personRef, ...(orgSlug ? { organization: { slug: orgSlug } } : {}) },
    select: { ...select, organization: { select: { slug: true } } },
  });
  if (matches.length === 0) {
    throw new CodedError('PRIVACY_PERSON_NOT_FOUND', `Person not found: "${personRef}".`, undefined, { params: { ref: personRef } });
  }
  if (matches.length > 1) {
    const organizations = matches.map((m) => m.organization.slug).join(', ');
    throw new CodedError('PRIVACY_PERSON_AMBIGUOUS', `Several organizations have a person "${personRef}" (${organizations}): add --org <slug>.`, undefined, {
      params: { ref: personRef, organizations },
    });
  }
  const [only] = matches;
  return { id: only!.id, organizationId: only!.organizationId, ref: only!.ref };
}
