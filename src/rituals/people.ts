/** What rituals need to know of a person to write to them. */
import type { Db, Tx } from '../db/client.js';
import { personLocale, type Locale } from '../i18n/index.js';

export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  readonly locale: Locale;
  readonly timeZone: string;
}

export async function personSummary(db: Db | Tx, personId: string): Promise<PersonSummary> {
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    select: { id: true, name: true, locale: true, timezone: true, organization: { select: { locale: true, timezone: true } } },
  });
  return {
    id: person.id,
    name: person.name,
    locale: personLocale(person.locale, person.organization.locale),
    timeZone: person.timezone ?? person.organization.timezone,
  };
}

/** The first name, for friendly texts ("Alice"). */
export function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}
