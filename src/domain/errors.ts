/**
 * Domain errors and validation problems.
 *
 * Codes are stable identifiers: the application translates them for users,
 * so never rename an existing code.
 *
 * Every problem and error carries `params`: the values its localized text needs
 * (src/i18n/domain-fr.ts and domain-en.ts, one text per code, with {placeholders}),
 * and sometimes a `variant` naming a more precise text of the same code
 * ("problem.<CODE>.<variant>"). `message` stays in English, for logs.
 */

/** Every code the domain layer can produce (thrown or reported as a problem). */
export const DOMAIN_ERROR_CODES = [
  'INVALID_DATE',
  'INVALID_MONTH',
  'INVALID_YEAR',
  'INVALID_TIME_ZONE',
  'INVALID_TIME',
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

export type CodedErrorDetails = Readonly<Record<string, unknown>>;

/** Values of the {placeholders} of a problem's localized text (numbers are formatted per locale). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** What a problem's localized text is built from, besides its code. */
export interface ProblemText {
  readonly params?: ProblemParams;
  /** A more precise text of the same code: "problem.<CODE>.<variant>" (falls back to "problem.<CODE>"). */
  readonly variant?: string | undefined;
}

/** One problem, in a form that can be localized and serialized (chat, JSON). */
export interface Problem {
  readonly code: string;
  /** English, for logs; people get the localized text of `code` with `params`. */
  readonly message: string;
  /** ISO date 'YYYY-MM-DD' the problem is about, when there is one. */
  readonly date?: string;
  readonly params: ProblemParams;
  readonly variant?: string;
}

/** One problem reported by a validator (validators never throw when several problems can occur). */
export interface DomainProblem extends Problem {
  readonly code: DomainErrorCode;
}

export class CodedError extends Error {
  readonly code: string;
  readonly details: CodedErrorDetails | undefined;
  /** Values of the {placeholders} of the localized text of `code`. */
  readonly params: ProblemParams;
  /** A more precise text of the same code, see ProblemText. */
  readonly variant: string | undefined;

  constructor(code: string, message: string, details?: CodedErrorDetails, text: ProblemText = {}) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.details = details;
    this.params = text.params ?? {};
    this.variant = text.variant;
  }

  /** A CodedError with the code, message, params and variant of a problem. */
  static fromProblem(problem: Problem, details?: CodedErrorDetails): CodedError {
    return new CodedError(problem.code, problem.message, details, { params: problem.params, variant: problem.variant });
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}

/** The problem an error describes (code, message, params, variant), e.g. to report it as a warning. */
export function problemOf(error: CodedError): Problem {
  return {
    code: error.code,
    message: error.message,
    params: error.params,
    ...(error.variant !== undefined ? { variant: error.variant } : {}),
  };
}
