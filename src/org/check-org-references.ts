/**
 * The rules between the sections of an organization file (refs, roles, approvers, dated
 * periods), checked on the raw data so that they are reported even when the schema found
 * problems elsewhere; malformed values are skipped (the schema reports them).
 */
import { checkMission, type MissionRefs } from './check-mission.js';
import { KnownPeople } from './known-people.js';
import { formatPath, problemAt, type OrgFileProblem, type PathSegment, type ProblemReporter } from './org-file-problem.js';
import { orgProblem } from './org-problems.js';
import { isRecord, listOf, stringOf } from './raw-values.js';
import type { Locator } from './yaml-lines.js';

/** The problems between sections of the parsed YAML `data`, placed with `at`. */
export function checkOrgReferences(data: unknown, at: Locator): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  const reporter: ProblemReporter = {
    report: (path, problem) => {
      problems.push(problemAt(formatPath(path), at(path), problem));
    },
    // The path was read from the document, so it has a line (1: defensive, never reached).
    firstSeen: (path) => at(path) ?? 1,
  };
  if (!isRecord(data)) return problems;

  const people = new KnownPeople(reporter);
  listOf(data.people).forEach((raw, i) => people.add(raw, ['people', i], undefined));
  const clients = checkClients(data.clients, people, reporter);
  checkMissions(data.missions, { people, clients }, reporter);
  return problems;
}

/** Client refs (unique) and their contacts, added to `people`; the clients' paths by ref. */
function checkClients(list: unknown, people: KnownPeople, { report, firstSeen }: ProblemReporter): Map<string, PathSegment[]> {
  const clients = new Map<string, PathSegment[]>();
  listOf(list).forEach((raw, c) => {
    if (!isRecord(raw)) return;
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = clients.get(ref);
      if (existing) report(['clients', c, 'ref'], orgProblem('DUPLICATE_CLIENT_REF', { ref, line: firstSeen([...existing, 'ref']) }));
      else clients.set(ref, ['clients', c]);
    }
    listOf(raw.contacts).forEach((contact, k) => people.add(contact, ['clients', c, 'contacts', k], ref));
  });
  return clients;
}

/** Mission refs (unique), then each mission's own checks. */
function checkMissions(list: unknown, refs: MissionRefs, reporter: ProblemReporter): void {
  const { report, firstSeen } = reporter;
  const missionRefs = new Map<string, PathSegment[]>();
  listOf(list).forEach((raw, m) => {
    if (!isRecord(raw)) return;
    const path: PathSegment[] = ['missions', m];
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = missionRefs.get(ref);
      if (existing) report([...path, 'ref'], orgProblem('DUPLICATE_MISSION_REF', { ref, line: firstSeen([...existing, 'ref']) }));
      else missionRefs.set(ref, path);
    }
    checkMission(raw, path, refs, reporter);
  });
}
