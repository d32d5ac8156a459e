/**
 * What the security tests compare before and after a run: the row count of every table, and a
 * content digest of the business tables (a refused click that *updated* somebody's day entry would
 * not change a count, so the rows themselves are compared).
 */
import type { Db } from '../../../src/db/client.js';

/** Tables whose contents must not change under bad input. */
export const BUSINESS_TABLES = [
  'Organization',
  'Person',
  'Client',
  'Mission',
  'MissionApprover',
  'RatePeriod',
  'PurchaseOrder',
  'DayEntry',
  'CheckIn',
  'CheckInAnswer',
  'Timesheet',
  'TimesheetVersion',
  'Dispute',
  'DisputedDay',
  'AuditEvent',
  'Alert',
  'OutboxMessage',
  'RitualRun',
  'AppSetting',
] as const;

export async function tableNames(prisma: Db): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

export async function rowCounts(prisma: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(prisma)) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

/** md5 of every row of each business table (rows as text, sorted). */
export async function businessDigest(prisma: Db): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const name of BUSINESS_TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ d: string | null }[]>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${name}" t`);
    digests[name] = row!.d ?? '';
  }
  return digests;
}

export interface DbState {
  readonly counts: Record<string, number>;
  readonly digest: Record<string, string>;
}

export async function dbState(prisma: Db): Promise<DbState> {
  return { counts: await rowCounts(prisma), digest: await businessDigest(prisma) };
}

/** The ids of ProcessedInteraction (the one table bad input may write to: see `newInteractionProblems`). */
export async function interactionIds(prisma: Db): Promise<Set<string>> {
  return new Set((await prisma.processedInteraction.findMany({ select: { id: true } })).map((r) => r.id));
}

/**
 * ProcessedInteraction rows written during a run, accounted for: each interaction the router
 * handled keeps its answer (so that a platform's retry gets it again), and Slack's event ids are
 * claimed once. Under bad input every such answer must be a refusal or a read-only answer (a
 * command's replies: no message updated, no form); a claim without an answer (an interaction left
 * "in progress" for good) is only allowed for Slack event ids.
 */
export async function newInteractionProblems(prisma: Db, before: Set<string>): Promise<{ added: number; problems: string[] }> {
  const rows = await prisma.processedInteraction.findMany({ select: { id: true, result: true } });
  const added = rows.filter((r) => !before.has(r.id));
  const problems: string[] = [];
  for (const row of added) {
    const result = row.result as { refused?: unknown; update?: unknown; form?: unknown } | null;
    if (result === null) {
      if (!row.id.startsWith('slack-event:')) problems.push(`${row.id.slice(0, 120)}: claimed, never answered`);
    } else if (!result.refused && (result.update !== undefined || result.form !== undefined)) {
      problems.push(`${row.id.slice(0, 120)}: accepted (${JSON.stringify(result).slice(0, 200)})`);
    }
  }
  return { added: added.length, problems };
}
