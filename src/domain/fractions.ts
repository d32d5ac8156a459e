/**
 * Day fractions (0, 0.25, 0.5, 0.75, 1) represented as integer quarters to avoid float error:
 * 0 = nothing, 2 = half a day, 4 = a full day.
 */
import { CodedError, type ProblemParams } from './errors.js';

export const GRANULARITIES = ['DAY', 'HALF', 'QUARTER'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const DEFAULT_GRANULARITY: Granularity = 'HALF';

/** A whole number of quarter days. */
export type Quarters = number;

export const QUARTERS_PER_DAY = 4;

const STEP: Record<Granularity, Quarters> = { DAY: 4, HALF: 2, QUARTER: 1 };

export function isGranularity(value: unknown): value is Granularity {
  return typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value);
}

function assertGranularity(granularity: Granularity): void {
  if (!isGranularity(granularity)) {
    throw new CodedError('INVALID_GRANULARITY', `Invalid granularity: ${String(granularity)}`, { granularity }, {
      params: { granularity: String(granularity) },
    });
  }
}

/** Fractions a mission with that granularity accepts, in quarters (e.g. HALF → [0, 2, 4]). */
export function allowedQuarters(granularity: Granularity): Quarters[] {
  assertGranularity(granularity);
  const result: Quarters[] = [];
  for (let q = 0; q <= QUARTERS_PER_DAY; q += STEP[granularity]) result.push(q);
  return result;
}

export function isFractionAllowed(quarters: Quarters, granularity: Granularity): boolean {
  return allowedQuarters(granularity).includes(quarters);
}

export type FractionCheck =
  | { readonly ok: true; readonly quarters: Quarters }
  | {
      readonly ok: false;
      readonly code: 'INVALID_FRACTION' | 'FRACTION_NOT_ALLOWED';
      readonly message: string;
      /** Values of the localized text: `value`, and `granularity` and `allowed` for FRACTION_NOT_ALLOWED. */
      readonly params: ProblemParams;
    };

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;
const DECIMALS_TO_QUARTERS: Readonly<Record<string, Quarters>> = { '': 0, '25': 1, '5': 2, '75': 3 };

/** Exact number of quarters of a non-negative decimal, or null when not a whole number of quarters. */
function exactQuarters(input: number | string): Quarters | null | 'invalid' {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return 'invalid';
    const q = input * QUARTERS_PER_DAY; // exact for every multiple of 0.25 a double can hold
    return Number.isInteger(q) ? q + 0 : null; // + 0 turns -0 into 0
  }
  const m = DECIMAL_RE.exec(input.trim());
  if (!m) return 'invalid';
  const whole = Number(m[1]);
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  const part = DECIMALS_TO_QUARTERS[decimals];
  return part === undefined ? null : whole * QUARTERS_PER_DAY + part;
}

/**
 * Checks a fraction given as a number or a decimal string with '.' (e.g. 0.5, "0.5", "1", "0.50").
 * A comma ("0,5"), an empty or non-numeric string gives INVALID_FRACTION; a number that is not
 * one of the granularity's values (negative, above 1, 0.25 with HALF…) gives FRACTION_NOT_ALLOWED.
 */
export function checkFraction(input: number | string, granularity: Granularity = DEFAULT_GRANULARITY): FractionCheck {
  assertGranularity(granularity);
  if (typeof input !== 'number' && typeof input !== 'string') {
    return { ok: false, code: 'INVALID_FRACTION', message: `Invalid fraction: ${String(input)}`, params: { value: String(input) } };
  }
  const q = exactQuarters(input);
  if (q === 'invalid') {
    return {
      ok: false,
      code: 'INVALID_FRACTION',
      message: `Invalid fraction: "${String(input)}" (use a decimal with '.')`,
      params: { value: String(input) },
    };
  }
  if (q === null || !isFractionAllowed(q, granularity)) {
    const allowed = allowedQuarters(granularity).map(quartersToString).join(', ');
    return {
      ok: false,
      code: 'FRACTION_NOT_ALLOWED',
      message: `Fraction ${String(input)} not allowed with granularity ${granularity} (allowed: ${allowed})`,
      params: { value: String(input), granularity, allowed },
    };
  }
  return { ok: true, quarters: q };
}

/** Parses a fraction into quarters; throws CodedError INVALID_FRACTION or FRACTION_NOT_ALLOWED. */
export function parseFraction(input: number | string, granularity: Granularity = DEFAULT_GRANULARITY): Quarters {
  const check = checkFraction(input, granularity);
  if (!check.ok) throw new CodedError(check.code, check.message, { input, granularity }, { params: check.params });
  return check.quarters;
}

/**
 * Parses any non-negative whole number of quarters, not limited to one day (e.g. a total of "20.5" days).
 * Throws INVALID_FRACTION.
 */
export function parseQuarterDays(input: number | string): Quarters {
  const q = typeof input === 'number' || typeof input === 'string' ? exactQuarters(input) : 'invalid';
  if (q === 'invalid' || q === null || q < 0) {
    throw new CodedError('INVALID_FRACTION', `Not a whole number of quarter days: ${String(input)}`, { input }, {
      params: { value: String(input) },
      variant: 'notQuarterDays',
    });
  }
  return q;
}

/** Quarters as a plain decimal string: 0 → "0", 2 → "0.5", 3 → "0.75", 4 → "1", 90 → "22.5". */
export function quartersToString(quarters: Quarters): string {
  if (!Number.isInteger(quarters)) {
    throw new CodedError('INVALID_FRACTION', `Quarters must be an integer: ${quarters}`, { quarters }, {
      params: { value: String(quarters) },
      variant: 'quartersNotInteger',
    });
  }
  const sign = quarters < 0 ? '-' : '';
  const abs = Math.abs(quarters);
  const whole = Math.floor(abs / QUARTERS_PER_DAY);
  const rest = abs % QUARTERS_PER_DAY;
  const decimals = ['', '.25', '.5', '.75'][rest] ?? '';
  return `${sign}${whole}${decimals}`;
}

/** Quarters as a number of days (exact: quarters are exactly representable). */
export function quartersToDays(quarters: Quarters): number {
  return quarters / QUARTERS_PER_DAY;
}
