import type { Tx } from '../db/client.js';
import { isLocked, type YearMonth } from '../domain/index.js';
import { CodedError } from '../errors.js';

/** CRA statuses in which the days of the month may still change. */
const EDITABLE = new Set(['DRAFT', 'DISPUTED']);

/**
 * Refuses a change to the days of a month whose CRA is submitted or approved.
 * Throws CodedError CRA_LOCKED / CRA_SUBMITTED with params { month, status }.
 */
export async function assertMonthEditable(tx: Tx, missionId: string, month: YearMonth): Promise<void> {
  const timesheet = await tx.timesheet.findUnique({
    where: { missionId_month: { missionId, month } },
    select: { status: true },
  });
  if (!timesheet || EDITABLE.has(timesheet.status)) return;
  const { status } = timesheet;
  throw new CodedError(
    isLocked(status) ? 'CRA_LOCKED' : 'CRA_SUBMITTED',
    isLocked(status)
      ? `The CRA ${month} is ${status.toLowerCase()}: an ESN admin must reopen it before days change.`
      : `The CRA ${month} is submitted (${status.toLowerCase()}): days change through a dispute or a correction.`,
    { month, status },
    { params: { month, status } },
  );
}

/** Whether the days of the month may still change (the CRA is a draft, or disputed). */
export async function isMonthEditable(tx: Tx, missionId: string, month: YearMonth): Promise<boolean> {
  const timesheet = await tx.timesheet.findUnique({ where: { missionId_month: { missionId, month } }, select: { status: true } });
  return !timesheet || EDITABLE.has(timesheet.status);
}
