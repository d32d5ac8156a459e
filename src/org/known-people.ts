/**
 * The people and client contacts of an organization file, by ref (one namespace for both), as the
 * checks between sections read them; adding one reports its duplicated ref and its chat accounts
 * already given to someone listed before.
 */
import type { PathSegment, ProblemReporter } from './org-file-problem.js';
import { orgProblem } from './org-problems.js';
import { isRecord, listOf, stringOf, type Raw } from './raw-values.js';

export interface KnownPerson {
  readonly path: PathSegment[];
  readonly roles: ReadonlySet<string>;
  /** Ref of the client for client contacts; undefined for ESN people. */
  readonly clientRef: string | undefined;
}

/** Who has a chat account first ({} for a person without a ref). */
type AccountHolder = { holder?: string };

export class KnownPeople {
  private readonly byRef = new Map<string, KnownPerson>();
  /** Account key → who has it first. */
  private readonly slackAccounts = new Map<string, AccountHolder>();
  private readonly teamsAccounts = new Map<string, AccountHolder>();

  constructor(private readonly reporter: ProblemReporter) {}

  get(ref: string): KnownPerson | undefined {
    return this.byRef.get(ref);
  }

  /** Adds the person (or contact of `clientRef`) at `path`; a malformed entry is skipped. */
  add(raw: unknown, path: PathSegment[], clientRef: string | undefined): void {
    if (!isRecord(raw)) return;
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = this.byRef.get(ref);
      if (existing) {
        const line = this.reporter.firstSeen([...existing.path, 'ref']);
        this.reporter.report([...path, 'ref'], orgProblem('DUPLICATE_REF', { ref, line }));
      } else {
        const roles = new Set(listOf(raw.roles).filter((r): r is string => typeof r === 'string'));
        this.byRef.set(ref, { path, roles, clientRef });
      }
    }
    this.addAccounts(raw, path, ref === undefined ? {} : { holder: ref });
  }

  private addAccounts(raw: Raw, path: PathSegment[], holder: AccountHolder): void {
    const { report } = this.reporter;
    if (isRecord(raw.slack)) {
      const userId = stringOf(raw.slack.userId);
      const teamId = stringOf(raw.slack.teamId);
      if (userId !== undefined && teamId !== undefined) {
        const key = `${teamId}/${userId}`;
        const first = this.slackAccounts.get(key);
        if (first !== undefined) report([...path, 'slack', 'userId'], orgProblem('SLACK_ACCOUNT_TAKEN', { userId, ...first }));
        else this.slackAccounts.set(key, holder);
      }
    }
    if (isRecord(raw.teams)) {
      const aad = stringOf(raw.teams.aadObjectId);
      const tenant = stringOf(raw.teams.tenantId);
      if (aad !== undefined && tenant !== undefined) {
        const key = `${tenant.toLowerCase()}/${aad.toLowerCase()}`;
        const first = this.teamsAccounts.get(key);
        if (first !== undefined) report([...path, 'teams', 'aadObjectId'], orgProblem('TEAMS_ACCOUNT_TAKEN', { aadObjectId: aad, ...first }));
        else this.teamsAccounts.set(key, holder);
      }
    }
  }
}
