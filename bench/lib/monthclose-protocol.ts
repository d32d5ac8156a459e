/** Between the monthclose scenario and its measured child (bench/monthclose-child.mjs). */
export interface MonthCloseRequest {
  readonly month: string;
  /** The planner's tick: closing time on the month's last working day. */
  readonly closeAt: string;
  /** When the consultants submit. */
  readonly submitAt: string;
  /** Submissions in flight at once. */
  readonly concurrency: number;
}

export interface MonthCloseReport {
  readonly missions: number;
  readonly planned: number;
  readonly planFailed: number;
  readonly closeSeconds: number;
  readonly submitSeconds: number;
  readonly submitFailures: number;
  readonly outboxByKind: Record<string, number>;
  readonly timesheetsByStatus: Record<string, number>;
  /** Resident memory once loaded and connected, before the measured part. */
  readonly rssBeforeMb: number;
  /** process.resourceUsage().maxRSS: the peak of the whole child. */
  readonly maxRssMb: number;
}
