import { CodedError } from '../errors.js';
import { fromDateOnlyUTC, type DomainProblem, type MissionCalendar, type MissionWindow, type Region } from '../domain/index.js';

/** A stored mission's window and calendar, as the domain rules take them (dates as 'YYYY-MM-DD'). */
export function domainMission(mission: { startDate: Date; endDate: Date | null; region: string; whitMondayWorked: boolean }): MissionWindow &
  Required<MissionCalendar> {
  return {
    startDate: fromDateOnlyUTC(mission.startDate),
    endDate: mission.endDate ? fromDateOnlyUTC(mission.endDate) : null,
    region: mission.region as Region,
    whitMondayWorked: mission.whitMondayWorked,
  };
}

/**
 * Refuses a day entry with problems: the first problem gives the error its code and text, every
 * problem is in `details.problems` (the CLI and the chat show one line each).
 */
export function assertNoDayProblems(problems: readonly DomainProblem[]): void {
  const [first] = problems;
  if (!first) return;
  throw new CodedError(first.code, problems.map((p) => p.message).join('; '), { problems }, { params: first.params, variant: first.variant });
}
