/** What the KPI report holds (`rituel kpi <month> --json` prints it). */
import type { YearMonth } from '../../domain/index.js';
import type { PurchaseOrderKpis } from './purchase-orders.js';

export interface ConsultantMargin {
  /** Days-weighted CJM of the billed days (mission CJM, else the person's), to the cent. */
  cjm: string;
  /** TJM vendu − CJM, to the cent. */
  dailyMargin: string;
  /** Taux de marque = (TJM − CJM) / TJM, full precision. */
  markupRate: number | null;
  /** "Marge fragile": the TJM is below the CJM. */
  fragile: boolean;
}

/** The rates and money of the days of one consultant, or of all of them. */
export interface KpiRatios {
  tace: number | null;
  taci: number | null;
  intercontratRate: number | null;
  daysBilled: number;
  /** Worked days × TJM by rate period, € to the cent. */
  revenue: string;
  tjmRealise: string | null;
  tjmVendu: string | null;
}

export interface ConsultantKpis extends KpiRatios {
  ref: string;
  name: string;
  /** Working days of the month for the consultant ("jours potentiels"). */
  potentialDays: number;
  /** WORKED days on REGIE missions ("jours produits", billed on client missions). */
  producedDays: number;
  cpDays: number;
  rttDays: number;
  sickDays: number;
  trainingDays: number;
  otherAbsenceDays: number;
  /** Potential days covered by no mission window. */
  intercontratDays: number;
  /** null when no day was billed or a billed day has no CJM (neither on the mission nor on the person). */
  margin: ConsultantMargin | null;
}

export interface OverallKpis extends KpiRatios {
  consultants: number;
  potentialDays: number;
  producedDays: number;
  cpDays: number;
  rttDays: number;
}

/** What `rituel kpi <month> --json` prints. Day counts and ratios are numbers, money decimal strings. */
export interface KpiReport {
  month: YearMonth;
  /** Organization slug. */
  organization: string;
  consultants: ConsultantKpis[];
  overall: OverallKpis;
  purchaseOrders: PurchaseOrderKpis[];
}
