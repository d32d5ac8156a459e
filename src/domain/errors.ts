/**
 * Domain errors and validation problems.
 *
 * Codes are stable identifiers: the application translates them for users,
 * so never rename an existing code.
 */

/** Every code the domain layer can produce (thrown or reported as a problem). */
export const DOMAIN_ERROR_CODES = [
  'INVALID_DATE',
  'INVALID_MONTH',
  'INVALID_YEAR',
  'INVALID_TIME_ZONE',
  'UNSUPPORTED_REGION',
  'INVALID_FRACTION',
  'FRACTION_NOT_ALLOWED',
  'INVALID_GRANULARITY',
  'INVALID_KIND',
  'OUTSIDE_MISSION_WINDOW',
  'NON_WORKING_DAY',
  'DAY_OVERBOOKED',
  'CRA_INVALID_TRANSITION',
  'CRA_INVALID_VERSION',
  'CRA_INCOMPLETE',
  'CRA_VERSION_MISMATCH',
  'CRA_TACIT_NOT_ALLOWED',
  'CRA_REASON_REQUIRED',
  'CRA_DAY_OUTSIDE_MONTH',
  'INVALID_AMOUNT',
  'INVALID_RATE_PERIOD',
  'RATE_NOT_POSITIVE',
  'RATE_PERIODS_OVERLAP',
  'NO_RATE_FOR_DATE',
  'INVALID_DAYS',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type DomainErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  readonly code: string;
  readonly details: DomainErrorDetails | undefined;

  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** One problem reported by a validator (validators never throw when several problems can occur). */
export interface DomainProblem {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** ISO date 'YYYY-MM-DD' the problem is about, when there is one. */
  readonly date?: string;
}
