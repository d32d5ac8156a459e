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

export type CodedErrorCodeTMP = (typeof DOMAIN_ERROR_CODES)[number];

export type CodedErrorDetails = Readonly<Record<string, unknown>>;

export class CodedError extends Error {
  readonly code: string;
  readonly details: CodedErrorDetails | undefined;

  constructor(code: string, message: string, details?: CodedErrorDetails) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.details = details;
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}

/** One problem reported by a validator (validators never throw when several problems can occur). */
export interface DomainProblem {
  readonly code: CodedErrorCodeTMP;
  readonly message: string;
  /** ISO date 'YYYY-MM-DD' the problem is about, when there is one. */
  readonly date?: string;
}
