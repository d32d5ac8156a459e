/** Running sums of one consultant (or of the whole organization), exact decimals. */
import type { DayKind } from '../../db/generated/client.js';
import { Dec } from '../../domain/index.js';

export class DayTotals {
  produced = new Dec(0);
  cp = new Dec(0);
  rtt = new Dec(0);
  sick = new Dec(0);
  training = new Dec(0);
  other = new Dec(0);
  /** Σ billed days × contract TJM, unrounded (numerator of the TJM vendu). */
  contractValue = new Dec(0);
  /** Σ rounded billing lines (the revenue). */
  revenue = new Dec(0);

  /** Adds every sum of `totals` to these. */
  add(totals: DayTotals): void {
    this.produced = this.produced.plus(totals.produced);
    this.cp = this.cp.plus(totals.cp);
    this.rtt = this.rtt.plus(totals.rtt);
    this.sick = this.sick.plus(totals.sick);
    this.training = this.training.plus(totals.training);
    this.other = this.other.plus(totals.other);
    this.contractValue = this.contractValue.plus(totals.contractValue);
    this.revenue = this.revenue.plus(totals.revenue);
  }
}

/** The sum each kind of day entry adds to (WORKED days are produced on REGIE missions only). */
export const TOTAL_OF_KIND: Readonly<Record<DayKind, 'produced' | 'cp' | 'rtt' | 'sick' | 'training' | 'other'>> = {
  WORKED: 'produced',
  CP: 'cp',
  RTT: 'rtt',
  SICK: 'sick',
  TRAINING: 'training',
  OTHER: 'other',
};
