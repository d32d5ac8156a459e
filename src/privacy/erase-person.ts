/**
 * GDPR erasure of one person. Personal data goes: name → pseudonym, ref → a hash, e-mail, locale,
 * time zone, own check-in time and cost (CJM) cleared, chat accounts deleted, check-in answers
 * (day choices, notes, mood, blockers) deleted, day-entry notes cleared, their web chat copies
 * deleted, their outbox payloads blanked, the data of alerts about them blanked; the person is
 * deactivated and `erasedAt` is set.
 *
 * Kept for invoicing (legal retention), pseudonymized: the day entries, the CRAs (Timesheet,
 * TimesheetVersion.content: their name and e-mail replaced by the pseudonym; the recorded content
 * hash still attests what was approved), approvals, disputes, and the audit trail. The audit
 * trail is append-only (a trigger refuses UPDATE and DELETE) and names people by id only, never
 * by name (src/db/audit.ts): once Person holds a pseudonym, the trail names nobody. Erasure
 * checks that and reports any audit row whose data still contains the name or e-mail.
 * Copies of their name elsewhere (messages sent to others: a manager's digest or alert, in the
 * outbox, the web chat and the handled interactions; a dispute's reason) get the same
 * replacement: every text and JSON column of every table but the audit trail, read from the
 * database catalog, so a table added later is covered too.
 *
 * One transaction; idempotent (an erased person is reported as such, nothing changes).
 */
import type { Db, Prisma } from '../db/client.js';
import { recordAudit } from '../db/audit.js';
import { erasedRef, pseudonymOf } from './pseudonym.js';

export interface EraseSummary {
  readonly personId: string;
  readonly alreadyErased: boolean;
  readonly pseudonym: string;
  readonly chatAccounts: number;
  readonly checkInAnswers: number;
  readonly dayNotes: number;
  readonly webMessages: number;
  readonly outboxMessages: number;
  readonly alerts: number;
  /** Rows of other tables (CRA versions, messages to others) where the name or e-mail was replaced. */
  readonly pseudonymized: number;
  /** Audit rows whose data still mention the name or e-mail (expected 0: the trail names people by id). */
  readonly auditMentions: number;
}

/** The JSON-escaped form of a text, as it appears inside a jsonb column's text. */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Back from the JSON-escaped form, for plain text columns. */
function rawText(escaped: string): string {
  return JSON.parse(`"${escaped}"`) as string;
}

function rawLike(escaped: string): string {
  return `%${rawText(escaped).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Tables and columns never rewritten: the append-only audit trail, the person (done apart), keys and hashes. */
const NOT_COPIES = new Set(['AuditEvent', 'Person', '_prisma_migrations']);
const KEY_COLUMNS = new Set(['id', 'ref', 'key', 'dedupeKey', 'contentHash', 'approvedHash', 'platform', 'status']);

/**
 * Every text and JSON column where a copy of a name may sit (message payloads, CRA contents,
 * alert data, free texts of others), read from the catalog so that a table added later is
 * covered too.
 */
async function copyColumns(tx: Prisma.TransactionClient): Promise<{ table: string; column: string; type: 'jsonb' | 'text' }[]> {
  const rows = await tx.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.data_type IN ('jsonb', 'json', 'text')
    ORDER BY c.table_name, c.column_name`;
  return rows
    .filter((r) => !NOT_COPIES.has(r.table) && !KEY_COLUMNS.has(r.column) && !r.column.endsWith('Id'))
    .map((r) => ({ table: r.table, column: r.column, type: r.type === 'text' ? 'text' : 'jsonb' }));
}

export async function erasePerson(options: { prisma: Db; personId: string; now?: Date; channel?: 'CLI' | 'SYSTEM' }): Promise<EraseSummary> {
  const { prisma, personId } = options;
  const now = options.now ?? new Date();
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    select: { id: true, organizationId: true, ref: true, name: true, email: true, erasedAt: true, organization: { select: { locale: true } } },
  });
  const pseudonym = pseudonymOf(person.id, person.organization.locale);
  const empty = { chatAccounts: 0, checkInAnswers: 0, dayNotes: 0, webMessages: 0, outboxMessages: 0, alerts: 0, pseudonymized: 0, auditMentions: 0 };
  if (person.erasedAt !== null) return { personId, alreadyErased: true, pseudonym: person.name, ...empty };

  // Texts to replace elsewhere: the name (when long enough not to hit ordinary words) and the e-mail.
  const texts = [person.name, person.email].filter((v): v is string => typeof v === 'string' && v.trim().length >= 3).map(inJson);
  const replacement = inJson(pseudonym);

  return prisma.$transaction(
    async (tx) => {
      const chatAccounts = (await tx.chatAccount.deleteMany({ where: { personId } })).count;
      const checkInAnswers = (await tx.checkInAnswer.deleteMany({ where: { checkIn: { personId } } })).count;
      const dayNotes = (await tx.dayEntry.updateMany({ where: { personId, note: { not: null } }, data: { note: null } })).count;
      const webMessages = (await tx.webMessage.deleteMany({ where: { personId } })).count;
      const outboxMessages = (await tx.$executeRaw`
        UPDATE "OutboxMessage"
        SET "payload" = '{"erased":true}'::jsonb,
            "status" = CASE WHEN "status" IN ('PENDING', 'SENDING') THEN 'CANCELLED'::"OutboxStatus" ELSE "status" END,
            "lastError" = CASE WHEN "status" IN ('PENDING', 'SENDING') THEN 'RECIPIENT_ERASED' ELSE "lastError" END
        WHERE "recipientId" = ${personId}::uuid`);
      const alerts = (await tx.$executeRaw`UPDATE "Alert" SET "data" = NULL WHERE "subjectId" = ${personId}::uuid AND "data" IS NOT NULL`);

      let pseudonymized = 0;
      let auditMentions = 0;
      const columns = await copyColumns(tx);
      for (const text of texts) {
        const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        for (const { table, column, type } of columns) {
          const target = `${quoteIdent(table)}.${quoteIdent(column)}`;
          pseudonymized +=
            type === 'jsonb'
              ? await tx.$executeRawUnsafe(`UPDATE ${quoteIdent(table)} SET ${quoteIdent(column)} = replace(${target}::text, $1, $2)::jsonb WHERE ${target}::text LIKE $3`, text, replacement, like)
              : await tx.$executeRawUnsafe(`UPDATE ${quoteIdent(table)} SET ${quoteIdent(column)} = replace(${target}, $1, $2) WHERE ${target} LIKE $3`, rawText(text), rawText(replacement), rawLike(text));
        }
        const [mentions] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent" WHERE "data"::text LIKE ${like}`;
        auditMentions += Number(mentions?.n ?? 0);
      }

      await tx.person.update({
        where: { id: personId },
        data: {
          name: pseudonym,
          ref: erasedRef(person.organizationId, person.ref),
          email: null,
          locale: null,
          timezone: null,
          dailyCheckinTime: null,
          cjm: null,
          active: false,
          erasedAt: now,
        },
      });
      await recordAudit(tx, {
        organizationId: person.organizationId,
        entityType: 'Person',
        entityId: personId,
        action: 'person.erase',
        channel: options.channel ?? 'CLI',
        data: { chatAccounts, checkInAnswers, webMessages, outboxMessages, pseudonymized },
      });
      return { personId, alreadyErased: false, pseudonym, chatAccounts, checkInAnswers, dayNotes, webMessages, outboxMessages, alerts, pseudonymized, auditMentions };
    },
    { timeout: 60_000 },
  );
}
