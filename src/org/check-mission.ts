/**
 * The checks between sections of one mission of an organization file, on its raw data: its
 * client, consultant and manager, its dates, its approvers, TJM rates and purchase orders.
 */
import { checkDatedPeriods } from './check-dated-periods.js';
import type { KnownPeople } from './known-people.js';
import type { PathSegment, ProblemReporter, ReportProblem } from './org-file-problem.js';
import { orgProblem } from './org-problems.js';
import { dateOf, isRecord, listOf, stringOf, type Raw } from './raw-values.js';

/** What the mission's refs point to: the people and contacts, the client refs. */
export interface MissionRefs {
  readonly people: KnownPeople;
  readonly clients: ReadonlyMap<string, unknown>;
}

interface Mission {
  readonly raw: Raw;
  /** ['missions', m]. */
  readonly path: PathSegment[];
  /** Its client's ref when the file has that client. */
  readonly knownClient: string | undefined;
  readonly start: string | undefined;
  /** Undefined when absent or before the start. */
  readonly end: string | undefined;
  readonly regie: boolean;
}

/** A staff role of a mission: who may hold it, and the codes of who may not. */
interface StaffRole {
  readonly field: 'consultant' | 'manager';
  /** The roles of the file that qualify (any of them). */
  readonly roles: readonly string[];
  readonly clientContactCode: 'CONSULTANT_IS_CLIENT_CONTACT' | 'MANAGER_IS_CLIENT_CONTACT';
  readonly missingRoleCode: 'NOT_A_CONSULTANT' | 'NOT_A_MANAGER';
}

const CONSULTANT: StaffRole = {
  field: 'consultant',
  roles: ['consultant'],
  clientContactCode: 'CONSULTANT_IS_CLIENT_CONTACT',
  missingRoleCode: 'NOT_A_CONSULTANT',
};
const MANAGER: StaffRole = {
  field: 'manager',
  roles: ['manager', 'admin'],
  clientContactCode: 'MANAGER_IS_CLIENT_CONTACT',
  missingRoleCode: 'NOT_A_MANAGER',
};

/** Checks the mission `raw` at `path` (its ref is checked by the caller, against the others). */
export function checkMission(raw: Raw, path: PathSegment[], refs: MissionRefs, reporter: ProblemReporter): void {
  const { report } = reporter;
  const clientRef = stringOf(raw.client);
  const clientKnown = clientRef !== undefined && refs.clients.has(clientRef);
  if (clientRef !== undefined && !clientKnown) report([...path, 'client'], orgProblem('UNKNOWN_CLIENT', { ref: clientRef }));
  checkStaff(raw, path, CONSULTANT, refs.people, report);
  checkStaff(raw, path, MANAGER, refs.people, report);

  const start = dateOf(raw.start);
  let end = dateOf(raw.end);
  if (start !== undefined && end !== undefined && end < start) {
    report([...path, 'end'], orgProblem('MISSION_ENDS_BEFORE_START', { start }));
    end = undefined; // one fault, one problem: the periods are not checked against this end
  }
  const mission: Mission = {
    raw,
    path,
    knownClient: clientKnown ? clientRef : undefined,
    start,
    end,
    regie: (raw.billing ?? 'regie') === 'regie',
  };
  checkApprovers(mission, refs.people, report);
  checkRates(mission, report);
  checkPurchaseOrders(mission, reporter);
}

function checkStaff(raw: Raw, path: PathSegment[], role: StaffRole, people: KnownPeople, report: ReportProblem): void {
  const ref = stringOf(raw[role.field]);
  if (ref === undefined) return;
  const person = people.get(ref);
  const problem = !person
    ? orgProblem('UNKNOWN_PERSON', { ref })
    : person.clientRef !== undefined
      ? orgProblem(role.clientContactCode, { ref })
      : !role.roles.some((r) => person.roles.has(r))
        ? orgProblem(role.missingRoleCode, { ref })
        : undefined;
  if (problem) report([...path, role.field], problem);
}

/** Approvers: contacts of the mission's client, dated periods without overlap. */
function checkApprovers(mission: Mission, people: KnownPeople, report: ReportProblem): void {
  const checkPerson = (entry: Raw, path: PathSegment[]): void => {
    const ref = stringOf(entry.person);
    if (ref === undefined) return;
    const person = people.get(ref);
    const client = mission.knownClient;
    if (!person) report([...path, 'person'], orgProblem('UNKNOWN_PERSON', { ref }));
    else if (person.clientRef === undefined) report([...path, 'person'], orgProblem('NOT_A_CLIENT_CONTACT', { ref }));
    else if (client !== undefined && person.clientRef !== client) {
      report([...path, 'person'], orgProblem('NOT_A_CONTACT_OF_CLIENT', { ref, client }));
    }
  };
  for (const key of ['approvers', 'backupApprovers'] as const) {
    const primary = key === 'approvers';
    checkDatedPeriods({
      entries: mission.raw[key],
      path: [...mission.path, key],
      missionStart: mission.start,
      missionEnd: mission.end,
      overlapCode: primary ? 'APPROVER_PERIODS_OVERLAP' : 'BACKUP_APPROVER_PERIODS_OVERLAP',
      gapCode: primary ? 'APPROVER_GAP' : undefined,
      firstAfterStartCode: primary ? 'FIRST_APPROVER_AFTER_START' : undefined,
      emptyCode: primary && mission.regie ? 'NO_APPROVER' : undefined,
      checkEntry: checkPerson,
      report,
    });
  }
}

/**
 * TJM rates: dated periods without overlap, as for approvers (the amounts are checked by the
 * schema). The rule is the same as the domain's validateRatePeriods (src/domain/billing.ts),
 * applied to the periods with their implied ends and reported against the later period, with the
 * earlier one's start, so that the text needs no period label.
 */
function checkRates(mission: Mission, report: ReportProblem): void {
  checkDatedPeriods({
    entries: mission.raw.rates,
    path: [...mission.path, 'rates'],
    missionStart: mission.start,
    missionEnd: mission.end,
    overlapCode: 'RATE_PERIODS_OVERLAP',
    firstAfterStartCode: 'FIRST_RATE_AFTER_START',
    emptyCode: mission.regie ? 'NO_RATE' : undefined,
    report,
  });
}

/** Purchase orders: numbers unique within the mission, none ending before it starts. */
function checkPurchaseOrders(mission: Mission, { report, firstSeen }: ProblemReporter): void {
  const numbers = new Map<string, number>();
  listOf(mission.raw.purchaseOrders).forEach((entry, k) => {
    if (!isRecord(entry)) return;
    const path: PathSegment[] = [...mission.path, 'purchaseOrders', k];
    const number = stringOf(entry.number)?.trim();
    if (number !== undefined && number !== '') {
      const first = numbers.get(number);
      if (first !== undefined) {
        const line = firstSeen([...mission.path, 'purchaseOrders', first, 'number']);
        report([...path, 'number'], orgProblem('DUPLICATE_PURCHASE_ORDER', { number, line }));
      } else numbers.set(number, k);
    }
    const start = dateOf(entry.start);
    const end = dateOf(entry.end);
    if (start !== undefined && end !== undefined && end < start) report([...path, 'end'], orgProblem('ENDS_BEFORE_START', { from: start }));
  });
}
