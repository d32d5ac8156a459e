/**
 * What the web chat's demo panel can do besides chatting (only in demo mode: `rituel demo`, or
 * `npm start` with no platform configured): run the scheduler as if the clock read a given time,
 * and run one ritual now for one person.
 */
export interface DemoTickSummary {
  /** Ritual occurrences planned by this tick. */
  readonly planned: number;
  /** Messages delivered by this tick. */
  readonly sent: number;
}

export interface DemoRitual {
  /** Stable id ("daily", "daily-reminder", "weekly", "digest", "silence-alert"). */
  readonly id: string;
  /** Who it is for: consultants or managers. */
  readonly audience: 'consultant' | 'manager';
}

export interface DemoControls {
  readonly rituals: readonly DemoRitual[];
  /** Planner and dispatcher once, as if the clock read `at`. */
  tick(at: Date): Promise<DemoTickSummary>;
  /**
   * Runs one ritual now for one person and delivers what it queued. Returns a short text in the
   * person's language saying what happened ("Daily check-in sent", "Nothing to send: ...").
   */
  trigger(personId: string, ritual: string): Promise<string>;
}
