/**
 * The checks of a mission's dated periods (approvers, backup approvers, TJM rates) on the raw
 * data. A period without `to` ends the day before the next one starts (periods.ts).
 */
import { addDays } from '../domain/dates.js';
import type { PathSegment, ReportProblem } from './org-file-problem.js';
import { orgProblem } from './org-problems.js';
import { resolvePeriods, type ResolvedPeriod } from './periods.js';
import { dateOf, isRecord, listOf, type Raw } from './raw-values.js';

export interface DatedPeriodsCheck {
  /** The raw list of periods (e.g. a mission's `rates`), possibly absent or malformed. */
  readonly entries: unknown;
  /** Path of the list: ['missions', 2, 'rates']. */
  readonly path: readonly PathSegment[];
  readonly missionStart: string | undefined;
  /** Undefined when absent, or when it is before the start (reported on the mission). */
  readonly missionEnd: string | undefined;
  /** Reported on a period that starts before an earlier one ends. */
  readonly overlapCode: 'APPROVER_PERIODS_OVERLAP' | 'BACKUP_APPROVER_PERIODS_OVERLAP' | 'RATE_PERIODS_OVERLAP';
  /** Reported on a period that starts after a day without period; undefined: gaps are allowed. */
  readonly gapCode?: 'APPROVER_GAP' | undefined;
  /** Reported on the first period when it starts after the mission; undefined: not checked. */
  readonly firstAfterStartCode?: 'FIRST_APPROVER_AFTER_START' | 'FIRST_RATE_AFTER_START' | undefined;
  /** Reported on the list when it is absent or empty; undefined: it may be. */
  readonly emptyCode?: 'NO_APPROVER' | 'NO_RATE' | undefined;
  /** Checks the other fields of an entry, before its dates (an approver's person). */
  readonly checkEntry?: ((entry: Raw, path: PathSegment[]) => void) | undefined;
  readonly report: ReportProblem;
}

interface Period {
  readonly from: string;
  readonly to: string | undefined;
}

/**
 * The dates of one entry, when they can be read and its end is not before its start; reports an
 * end before the start (the entry is then left out) and a start after the mission's end.
 */
function readPeriod(
  entry: Raw,
  path: PathSegment[],
  missionEnd: string | undefined,
  report: ReportProblem,
): Period | undefined {
  const from = dateOf(entry.from);
  const to = entry.to === undefined ? undefined : dateOf(entry.to);
  if (from === undefined || (entry.to !== undefined && to === undefined)) return undefined;
  if (to !== undefined && to < from) {
    report([...path, 'to'], orgProblem('ENDS_BEFORE_START', { from }));
    return undefined;
  }
  if (missionEnd !== undefined && from > missionEnd) {
    report([...path, 'from'], orgProblem('STARTS_AFTER_MISSION_END', { end: missionEnd }));
  }
  return { from, to };
}

/**
 * Each period ends on or after its start and starts by the mission's end; the periods, with
 * their implied ends, do not overlap (reported on the later one, with the earlier one's start);
 * as `check` asks, no day between two periods, the first one starting by the mission's start
 * and the list not empty. Malformed entries are skipped (the schema reports them).
 */
export function checkDatedPeriods(check: DatedPeriodsCheck): void {
  const { path, report } = check;
  const periods: Period[] = [];
  /** Position in the file of each period read. */
  const fileIndexes: number[] = [];
  listOf(check.entries).forEach((entry, k) => {
    if (!isRecord(entry)) return;
    const entryPath: PathSegment[] = [...path, k];
    check.checkEntry?.(entry, entryPath);
    const period = readPeriod(entry, entryPath, check.missionEnd, report);
    if (period === undefined) return;
    periods.push(period);
    fileIndexes.push(k);
  });

  const resolved = resolvePeriods(periods);
  const fromPath = (p: ResolvedPeriod<Period>): PathSegment[] => [...path, fileIndexes[p.index] ?? p.index, 'from'];
  resolved.forEach((period, position) => {
    const overlapping = resolved.slice(0, position).find((earlier) => earlier.to === null || earlier.to >= period.from);
    if (overlapping) {
      report(fromPath(period), orgProblem(check.overlapCode, { from: overlapping.from }));
      return;
    }
    const previous = resolved[position - 1];
    if (check.gapCode !== undefined && previous && previous.to !== null && addDays(previous.to, 1) < period.from) {
      report(fromPath(period), orgProblem(check.gapCode, { from: addDays(previous.to, 1), to: addDays(period.from, -1) }));
    }
  });

  const first = resolved[0];
  const { missionStart } = check;
  if (check.firstAfterStartCode !== undefined && first && missionStart !== undefined && first.from > missionStart) {
    report(fromPath(first), orgProblem(check.firstAfterStartCode, { start: missionStart }));
  }
  if (check.emptyCode !== undefined && Array.isArray(check.entries ?? []) && listOf(check.entries).length === 0) {
    report([...path], orgProblem(check.emptyCode));
  }
}
