/**
 * The problems of an organization file, as stable codes with parameters. Their texts, in French
 * and English, are the `org.problem.*` keys of the core catalogs (src/i18n/org-fr.ts, org-en.ts,
 * merged in src/i18n/index.ts). A problem keeps an English `message` for logs; people see it
 * rendered in their locale (formatProblems in org-file-problem.ts).
 *
 * The zod schema can only give its issues a string, so the schema's messages carry the code and
 * parameters encoded (orgIssue); schema-problems.ts decodes them (decodeOrgIssue).
 */
import { t, type Locale } from '../i18n/index.js';
import type { OrgMessageKey } from '../i18n/org-fr.js';

/** A parameter value; a list is joined for people ("fr or en", « fr ou en »). */
export type OrgParamValue = string | number | readonly string[];
export type OrgParams = Readonly<Record<string, OrgParamValue>>;

type Range = { readonly min: number; readonly max: number };
type Ref = { readonly ref: string };
type FirstLine = { readonly line: number };

/** The parameters of every problem code (undefined: none). */
export interface OrgProblemParamsByCode {
  // Types and generic checks.
  REQUIRED: undefined;
  EXPECTED_STRING: undefined;
  EXPECTED_NUMBER: undefined;
  EXPECTED_INTEGER: undefined;
  EXPECTED_BOOLEAN: undefined;
  EXPECTED_LIST: undefined;
  EXPECTED_MAPPING: undefined;
  /** A type zod names ('date', 'bigint'...), for types the file format does not use. */
  INVALID_TYPE: { readonly expected: string };
  NOT_EMPTY: undefined;
  EXPECTED_ONE_OF: { readonly values: readonly string[] };
  TOO_SMALL: { readonly minimum: number | string };
  TOO_BIG: { readonly maximum: number | string };
  TOO_FEW_ITEMS: { readonly minimum: number | string };
  TOO_MANY_ITEMS: { readonly maximum: number | string };
  INVALID_FORMAT: { readonly format: string };
  NOT_MULTIPLE_OF: { readonly divisor: number | string };
  INVALID_VALUE: undefined;
  /** `suggestion`: the closest known key, when one is close enough. */
  UNKNOWN_KEY: { readonly key: string; readonly suggestion?: string };
  // Values.
  EXPECTED_SLUG: undefined;
  EXPECTED_REF: undefined;
  EXPECTED_DATE: undefined;
  EXPECTED_TIME: undefined;
  EXPECTED_WEEKDAY: undefined;
  EXPECTED_WORKING_DAYS: Range;
  EXPECTED_MONTHS: Range;
  EXPECTED_MINUTES: Range;
  EXPECTED_TIME_ZONE: undefined;
  EXPECTED_EMAIL: undefined;
  EXPECTED_POSITIVE_NUMBER: undefined;
  TOO_MANY_DECIMALS: { readonly max: number };
  TOO_MANY_INTEGER_DIGITS: { readonly max: number };
  EXPECTED_CRA_CLOSE_RULE: undefined;
  EXPECTED_SLACK_USER_ID: undefined;
  EXPECTED_SLACK_TEAM_ID: undefined;
  EXPECTED_ENTRA_OBJECT_ID: undefined;
  EXPECTED_ENTRA_TENANT_ID: undefined;
  EXPECTED_REGION: undefined;
  EXPECTED_ROLE_LIST: undefined;
  NO_ROLE: undefined;
  // The file itself (`detail`: the YAML parser's own English text).
  YAML_SYNTAX_ERROR: { readonly detail: string };
  YAML_ERROR: { readonly detail: string };
  EMPTY_FILE: undefined;
  // Rules between sections (`line`: where the value was first seen).
  DUPLICATE_REF: Ref & FirstLine;
  DUPLICATE_CLIENT_REF: Ref & FirstLine;
  DUPLICATE_MISSION_REF: Ref & FirstLine;
  DUPLICATE_PURCHASE_ORDER: { readonly number: string } & FirstLine;
  /** `holder`: ref of the person who has the account first (absent when that person has no ref). */
  SLACK_ACCOUNT_TAKEN: { readonly userId: string; readonly holder?: string };
  TEAMS_ACCOUNT_TAKEN: { readonly aadObjectId: string; readonly holder?: string };
  UNKNOWN_CLIENT: Ref;
  UNKNOWN_PERSON: Ref;
  CONSULTANT_IS_CLIENT_CONTACT: Ref;
  NOT_A_CONSULTANT: Ref;
  MANAGER_IS_CLIENT_CONTACT: Ref;
  NOT_A_MANAGER: Ref;
  MISSION_ENDS_BEFORE_START: { readonly start: string };
  ENDS_BEFORE_START: { readonly from: string };
  STARTS_AFTER_MISSION_END: { readonly end: string };
  NOT_A_CLIENT_CONTACT: Ref;
  NOT_A_CONTACT_OF_CLIENT: Ref & { readonly client: string };
  APPROVER_PERIODS_OVERLAP: { readonly from: string };
  BACKUP_APPROVER_PERIODS_OVERLAP: { readonly from: string };
  APPROVER_GAP: { readonly from: string; readonly to: string };
  FIRST_APPROVER_AFTER_START: { readonly start: string };
  NO_APPROVER: undefined;
  RATE_PERIODS_OVERLAP: { readonly from: string };
  FIRST_RATE_AFTER_START: { readonly start: string };
  NO_RATE: undefined;
}

export type OrgProblemCode = keyof OrgProblemParamsByCode;

/** A code with its parameters (`params` is absent for the codes that take none). */
export type OrgProblemDescriptor = {
  [C in OrgProblemCode]: OrgProblemParamsByCode[C] extends undefined
    ? { readonly code: C; readonly params?: undefined }
    : { readonly code: C; readonly params: OrgProblemParamsByCode[C] };
}[OrgProblemCode];

type ParamsArgs<C extends OrgProblemCode> = OrgProblemParamsByCode[C] extends undefined ? [] : [params: OrgProblemParamsByCode[C]];

/** Every code once (a Record, so that the compiler checks the list is complete). */
const CODES: Record<OrgProblemCode, true> = {
  REQUIRED: true,
  EXPECTED_STRING: true,
  EXPECTED_NUMBER: true,
  EXPECTED_INTEGER: true,
  EXPECTED_BOOLEAN: true,
  EXPECTED_LIST: true,
  EXPECTED_MAPPING: true,
  INVALID_TYPE: true,
  NOT_EMPTY: true,
  EXPECTED_ONE_OF: true,
  TOO_SMALL: true,
  TOO_BIG: true,
  TOO_FEW_ITEMS: true,
  TOO_MANY_ITEMS: true,
  INVALID_FORMAT: true,
  NOT_MULTIPLE_OF: true,
  INVALID_VALUE: true,
  UNKNOWN_KEY: true,
  EXPECTED_SLUG: true,
  EXPECTED_REF: true,
  EXPECTED_DATE: true,
  EXPECTED_TIME: true,
  EXPECTED_WEEKDAY: true,
  EXPECTED_WORKING_DAYS: true,
  EXPECTED_MONTHS: true,
  EXPECTED_MINUTES: true,
  EXPECTED_TIME_ZONE: true,
  EXPECTED_EMAIL: true,
  EXPECTED_POSITIVE_NUMBER: true,
  TOO_MANY_DECIMALS: true,
  TOO_MANY_INTEGER_DIGITS: true,
  EXPECTED_CRA_CLOSE_RULE: true,
  EXPECTED_SLACK_USER_ID: true,
  EXPECTED_SLACK_TEAM_ID: true,
  EXPECTED_ENTRA_OBJECT_ID: true,
  EXPECTED_ENTRA_TENANT_ID: true,
  EXPECTED_REGION: true,
  EXPECTED_ROLE_LIST: true,
  NO_ROLE: true,
  YAML_SYNTAX_ERROR: true,
  YAML_ERROR: true,
  EMPTY_FILE: true,
  DUPLICATE_REF: true,
  DUPLICATE_CLIENT_REF: true,
  DUPLICATE_MISSION_REF: true,
  DUPLICATE_PURCHASE_ORDER: true,
  SLACK_ACCOUNT_TAKEN: true,
  TEAMS_ACCOUNT_TAKEN: true,
  UNKNOWN_CLIENT: true,
  UNKNOWN_PERSON: true,
  CONSULTANT_IS_CLIENT_CONTACT: true,
  NOT_A_CONSULTANT: true,
  MANAGER_IS_CLIENT_CONTACT: true,
  NOT_A_MANAGER: true,
  MISSION_ENDS_BEFORE_START: true,
  ENDS_BEFORE_START: true,
  STARTS_AFTER_MISSION_END: true,
  NOT_A_CLIENT_CONTACT: true,
  NOT_A_CONTACT_OF_CLIENT: true,
  APPROVER_PERIODS_OVERLAP: true,
  BACKUP_APPROVER_PERIODS_OVERLAP: true,
  APPROVER_GAP: true,
  FIRST_APPROVER_AFTER_START: true,
  NO_APPROVER: true,
  RATE_PERIODS_OVERLAP: true,
  FIRST_RATE_AFTER_START: true,
  NO_RATE: true,
};

export const ORG_PROBLEM_CODES = Object.keys(CODES) as readonly OrgProblemCode[];

export function isOrgProblemCode(value: unknown): value is OrgProblemCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

/** Builds a problem descriptor, its parameters checked against its code. */
export function orgProblem<C extends OrgProblemCode>(code: C, ...params: ParamsArgs<C>): OrgProblemDescriptor {
  const [values] = params;
  return (values === undefined ? { code } : { code, params: values }) as OrgProblemDescriptor;
}

// ───────────────────────────── Texts ─────────────────────────────

const LIST_LOCALES: Record<Locale, string> = { fr: 'fr', en: 'en-GB' };

/** The parameters as t() takes them: a list is joined as alternatives in `locale` (« fr ou en », "fr or en"). */
function textParams(params: OrgParams | undefined, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (Array.isArray(value)) values[name] = new Intl.ListFormat(LIST_LOCALES[locale], { type: 'disjunction' }).format(value);
  }
  return values;
}

/** The catalog key of a problem: `org.problem.<CODE>`, or one of its variants. */
export function orgProblemKey(problem: OrgProblemDescriptor): OrgMessageKey {
  switch (problem.code) {
    case 'UNKNOWN_KEY':
      return problem.params.suggestion === undefined ? 'org.problem.UNKNOWN_KEY' : 'org.problem.UNKNOWN_KEY.didYouMean';
    case 'SLACK_ACCOUNT_TAKEN':
      return problem.params.holder === undefined ? 'org.problem.SLACK_ACCOUNT_TAKEN.anotherPerson' : 'org.problem.SLACK_ACCOUNT_TAKEN';
    case 'TEAMS_ACCOUNT_TAKEN':
      return problem.params.holder === undefined ? 'org.problem.TEAMS_ACCOUNT_TAKEN.anotherPerson' : 'org.problem.TEAMS_ACCOUNT_TAKEN';
    default: {
      const key: `org.problem.${OrgProblemCode}` = `org.problem.${problem.code}`;
      return key;
    }
  }
}

/** The text of a problem in `locale` (without its path). */
export function renderOrgProblem(problem: OrgProblemDescriptor, locale: Locale): string {
  return t(locale, orgProblemKey(problem), textParams(problem.params, locale));
}

// ─────────────────────── Through the zod schema ───────────────────────

const ISSUE_PREFIX = 'org-problem:';

/** A zod issue message carrying a problem code and its parameters (see decodeOrgIssue). */
export function orgIssue<C extends OrgProblemCode>(code: C, ...params: ParamsArgs<C>): string {
  return ISSUE_PREFIX + JSON.stringify(orgProblem(code, ...params));
}

const isParamValue = (value: unknown): value is OrgParamValue =>
  typeof value === 'string' ||
  typeof value === 'number' ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** The problem encoded by orgIssue in a zod issue message, or undefined for any other message. */
export function decodeOrgIssue(message: string): OrgProblemDescriptor | undefined {
  if (!message.startsWith(ISSUE_PREFIX)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(message.slice(ISSUE_PREFIX.length));
  } catch {
    return undefined;
  }
  if (typeof decoded !== 'object' || decoded === null) return undefined;
  const { code, params } = decoded as { code?: unknown; params?: unknown };
  if (!isOrgProblemCode(code)) return undefined;
  if (params === undefined) return { code } as OrgProblemDescriptor;
  if (typeof params !== 'object' || params === null || !Object.values(params).every(isParamValue)) return undefined;
  return { code, params } as OrgProblemDescriptor;
}
