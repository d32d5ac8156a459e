/**
 * The Slack and Teams accounts of the file's people: first every account of the file is given to
 * its person (moving it from another person of the organization keeps its conversation), then
 * the accounts no longer listed are removed. Only accounts that came from the file are removed:
 * those the bot linked itself (by e-mail, on a Teams install) and the web chat's are left alone.
 */
import type { Platform } from '../../db/generated/client.js';
import { CodedError } from '../../errors.js';
import type { OrgContact, OrgPerson } from '../org-file-schema.js';
import type { RefCounter } from './imported-records.js';
import type { StoredPerson } from './stored-rows.js';
import type { Tx } from './transaction.js';

interface WantedAccount {
  platform: Platform;
  teamId: string;
  externalId: string;
}

function wantedAccounts(person: OrgPerson | OrgContact): WantedAccount[] {
  const accounts: WantedAccount[] = [];
  if (person.slack) accounts.push({ platform: 'SLACK', teamId: person.slack.teamId, externalId: person.slack.userId });
  if (person.teams) accounts.push({ platform: 'TEAMS', teamId: person.teams.tenantId, externalId: person.teams.aadObjectId });
  return accounts;
}

const accountKey = (a: WantedAccount): string => `${a.platform}/${a.teamId}/${a.externalId}`;

/** Chat platforms managed by the file. */
const FILE_PLATFORMS: readonly Platform[] = ['SLACK', 'TEAMS'];

interface ChatAccountsImport {
  /** The people of the file, in file order. */
  readonly people: readonly (OrgPerson | OrgContact)[];
  /** Database id by ref of the people of the file. */
  readonly personIds: ReadonlyMap<string, string>;
  /** The organization's people as stored before the import, with their accounts. */
  readonly stored: readonly StoredPerson[];
  /** A person whose accounts change is counted as updated. */
  readonly outcomes: RefCounter;
}

/**
 * Throws CodedError('ORG_IMPORT_CHAT_ACCOUNT_TAKEN') when an account of the file belongs to a
 * person of another organization.
 */
export async function importChatAccounts(tx: Tx, accounts: ChatAccountsImport): Promise<void> {
  const wantedKeysByPerson = await giveAccounts(tx, accounts);
  await removeObsoleteAccounts(tx, accounts, wantedKeysByPerson);
}

/** Gives every account of the file to its person; returns the wanted account keys by person ref. */
async function giveAccounts(tx: Tx, { people, personIds, stored, outcomes }: ChatAccountsImport): Promise<Map<string, Set<string>>> {
  const storedAccounts = new Map(
    stored.flatMap((p) => p.chatAccounts.map((a) => [accountKey(a), { ...a, ref: p.ref }] as const)),
  );
  const wantedKeysByPerson = new Map<string, Set<string>>();
  for (const person of people) {
    const personId = personIds.get(person.ref);
    if (personId === undefined) continue;
    const keys = new Set<string>();
    wantedKeysByPerson.set(person.ref, keys);
    for (const account of wantedAccounts(person)) {
      const key = accountKey(account);
      keys.add(key);
      const existing = storedAccounts.get(key);
      if (existing) {
        if (existing.personId !== personId || !existing.fromFile) {
          await tx.chatAccount.update({ where: { id: existing.id }, data: { personId, fromFile: true } });
          if (existing.personId !== personId) outcomes.update(person.ref);
        }
        continue;
      }
      const elsewhere = await tx.chatAccount.findUnique({
        where: { platform_teamId_externalId: account },
        select: { id: true },
      });
      if (elsewhere) throw accountTaken(account, person.ref);
      await tx.chatAccount.create({ data: { personId, ...account, fromFile: true } });
      outcomes.update(person.ref);
    }
  }
  return wantedKeysByPerson;
}

/** Its message is in English; its params fill the localized text 'problem.ORG_IMPORT_CHAT_ACCOUNT_TAKEN'. */
function accountTaken(account: WantedAccount, ref: string): CodedError {
  const platform = account.platform === 'SLACK' ? 'Slack' : 'Teams';
  return new CodedError(
    'ORG_IMPORT_CHAT_ACCOUNT_TAKEN',
    `The ${platform} account ${account.externalId} of "${ref}" belongs to another organization`,
    { platform: account.platform, teamId: account.teamId, externalId: account.externalId, ref },
    { params: { platform, externalId: account.externalId, ref } },
  );
}

/** Removes the Slack and Teams accounts that came from the file and that it no longer lists. */
async function removeObsoleteAccounts(
  tx: Tx,
  { stored, outcomes }: ChatAccountsImport,
  wantedKeysByPerson: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  for (const person of stored) {
    const wantedKeys = wantedKeysByPerson.get(person.ref);
    if (!wantedKeys) continue; // absent from the file: deactivated, accounts kept
    const obsolete = person.chatAccounts.filter(
      (a) => a.fromFile && FILE_PLATFORMS.includes(a.platform) && !wantedKeys.has(accountKey(a)),
    );
    // Accounts moved to another person above are no longer this person's.
    const stillOwned = obsolete.filter((a) => {
      const key = accountKey(a);
      return ![...wantedKeysByPerson.entries()].some(([ref, keys]) => ref !== person.ref && keys.has(key));
    });
    if (stillOwned.length > 0) {
      await tx.chatAccount.deleteMany({ where: { id: { in: stillOwned.map((a) => a.id) } } });
      outcomes.update(person.ref);
    }
  }
}
