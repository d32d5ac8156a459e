import type { Db } from '../../db/client.js';
import { CodedError } from '../../errors.js';

/**
 * The organization of the report: the one of `slug`, or the only one in the database.
 * Throws CodedError: ORGANIZATION_NOT_FOUND (params { slug }, or variant 'none'),
 * ORGANIZATION_REQUIRED (params { organizations }).
 */
export async function resolveOrganization(prisma: Db, slug: string | undefined): Promise<{ id: string; slug: string }> {
  if (slug !== undefined) {
    const found = await prisma.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
    if (!found) {
      throw new CodedError('ORGANIZATION_NOT_FOUND', `Organization not found: "${slug}".`, { slug }, { params: { slug } });
    }
    return found;
  }
  const all = await prisma.organization.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' }, take: 20 });
  if (all.length === 0) {
    throw new CodedError('ORGANIZATION_NOT_FOUND', 'No organization yet: import one with "rituel org import <file>".', undefined, {
      variant: 'none',
    });
  }
  if (all.length > 1) {
    const organizations = all.map((o) => o.slug).join(', ');
    throw new CodedError('ORGANIZATION_REQUIRED', `Several organizations exist (${organizations}): add --org <slug>.`, undefined, {
      params: { organizations },
    });
  }
  return all[0]!;
}
