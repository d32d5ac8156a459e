/** What every scenario reports: figures by name, and its targets met or missed. */
import type { DbKind } from './bench-db.js';

export type Figure = number | string | boolean | null;

export interface TargetCheck {
  readonly name: string;
  readonly ok: boolean;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly db: DbKind;
  readonly figures: Record<string, Figure>;
  readonly targets: readonly TargetCheck[];
  /** Warnings worth reading (problems logged, unexpected states). */
  readonly notes: readonly string[];
}

export interface ScenarioOptions {
  readonly n: number;
  readonly workspaceRate: number;
  readonly missions: number;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
