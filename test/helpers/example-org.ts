import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.js';
import { importOrganizationYaml } from '../../src/org/import-organization.js';

export const EXAMPLE_ORG_PATH = join(import.meta.dirname, '..', '..', 'examples', 'org.yaml');

/** Imports examples/org.yaml into the database (the small ESN every integration test shares). */
export async function importExampleOrganization(prisma: Db): Promise<void> {
  const result = await importOrganizationYaml({ prisma, text: readFileSync(EXAMPLE_ORG_PATH, 'utf8') });
  if (!result.ok) throw new Error(`examples/org.yaml is invalid: ${JSON.stringify(result.problems)}`);
}
