/**
 * What an erased person becomes. Their `ref` (often a name, e.g. "jean.dupont") is replaced by
 * `erased-<hash>`, a hash of the organization and the old ref: nothing readable is kept, and the
 * organization import can still recognize the erased person when an old file lists them again.
 */
import { createHash } from 'node:crypto';

export function erasedRef(organizationId: string, ref: string): string {
  return `erased-${createHash('sha256').update(`${organizationId}:${ref}`).digest('hex').slice(0, 16)}`;
}

export function pseudonymOf(personId: string, locale: string): string {
  const tag = personId.replaceAll('-', '').slice(0, 6);
  return locale === 'en' ? `Erased person #${tag}` : `Personne effacée #${tag}`;
}
