/** What an import did, as returned to its caller and recorded in its audit event. */
import type { Channel } from '../../db/generated/client.js';
import type { RefCounter } from './imported-records.js';
import type { Tx } from './transaction.js';

// A type alias (not an interface) so that it is assignable to Record<string, number>.
export type ImportCounts = {
  people: number;
  clients: number;
  missions: number;
};

export type OrganizationOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportSummary {
  organizationId: string;
  /** What happened to the organization row itself (name, locale, settings). */
  organization: OrganizationOutcome;
  created: ImportCounts;
  updated: ImportCounts;
  unchanged: ImportCounts;
  /** People of the organization absent from the file, deactivated by this import. */
  deactivated: number;
}

export function importSummary(args: {
  organizationId: string;
  organization: OrganizationOutcome;
  people: RefCounter;
  clients: RefCounter;
  missions: RefCounter;
  deactivated: number;
}): ImportSummary {
  const { people, clients, missions } = args;
  return {
    organizationId: args.organizationId,
    organization: args.organization,
    created: { people: people.created.size, clients: clients.created.size, missions: missions.created.size },
    updated: { people: people.updated.size, clients: clients.updated.size, missions: missions.updated.size },
    unchanged: { people: people.unchanged, clients: clients.unchanged, missions: missions.unchanged },
    deactivated: args.deactivated,
  };
}

/** Records the import in the audit trail, when it changed anything. */
export async function recordImportAudit(
  tx: Tx,
  summary: ImportSummary,
  actor: { channel: Channel; actorId: string | null },
): Promise<void> {
  const somethingChanged =
    summary.organization !== 'unchanged' ||
    summary.deactivated > 0 ||
    Object.values(summary.created).some((n) => n > 0) ||
    Object.values(summary.updated).some((n) => n > 0);
  if (!somethingChanged) return;
  await tx.auditEvent.create({
    data: {
      organizationId: summary.organizationId,
      entityType: 'Organization',
      entityId: summary.organizationId,
      action: 'org.import',
      actorId: actor.actorId,
      channel: actor.channel,
      data: {
        organization: summary.organization,
        created: { ...summary.created },
        updated: { ...summary.updated },
        unchanged: { ...summary.unchanged },
        deactivated: summary.deactivated,
      },
    },
  });
}
