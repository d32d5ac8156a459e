/** The people the web chat can act as: every active, non-erased person of every organization. */
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/generated/client.js';
import { isLocale, type Locale } from '../../i18n/index.js';

export interface WebChatPerson {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly locale: Locale;
}

export interface WebChatOrganization {
  readonly slug: string;
  readonly name: string;
  readonly people: readonly WebChatPerson[];
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function localeOf(personLocale: string | null, organizationLocale: string, fallback: Locale): Locale {
  if (isLocale(personLocale)) return personLocale;
  return isLocale(organizationLocale) ? organizationLocale : fallback;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** ESN people first, then client contacts; by name within each. */
function comparePeople(a: WebChatPerson, b: WebChatPerson): number {
  const clientA = a.roles.includes('CLIENT_CONTACT') ? 1 : 0;
  const clientB = b.roles.includes('CLIENT_CONTACT') ? 1 : 0;
  return clientA - clientB || collator.compare(a.name, b.name) || a.ref.localeCompare(b.ref);
}

/** Organizations with at least one active person, by name, each with its people sorted. */
export async function listOrganizationsWithPeople(prisma: Db, fallbackLocale: Locale): Promise<WebChatOrganization[]> {
  const organizations = await prisma.organization.findMany({
    select: {
      slug: true,
      name: true,
      locale: true,
      people: {
        where: { active: true, erasedAt: null },
        select: { id: true, ref: true, name: true, roles: true, locale: true },
      },
    },
  });
  return organizations
    .filter((organization) => organization.people.length > 0)
    .map((organization) => ({
      slug: organization.slug,
      name: organization.name,
      people: organization.people
        .map((person) => ({
          id: person.id,
          ref: person.ref,
          name: person.name,
          roles: person.roles,
          locale: localeOf(person.locale, organization.locale, fallbackLocale),
        }))
        .sort(comparePeople),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}

/** The active, non-erased person with this id; null for anything else (malformed id included). */
export async function findActivePerson(prisma: Db, personId: string, fallbackLocale: Locale): Promise<WebChatPerson | null> {
  if (!UUID_SHAPE.test(personId)) return null;
  const person = await prisma.person.findFirst({
    where: { id: personId, active: true, erasedAt: null },
    select: { id: true, ref: true, name: true, roles: true, locale: true, organization: { select: { locale: true } } },
  });
  if (!person) return null;
  return {
    id: person.id,
    ref: person.ref,
    name: person.name,
    roles: person.roles,
    locale: localeOf(person.locale, person.organization.locale, fallbackLocale),
  };
}
