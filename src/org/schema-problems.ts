/**
 * The schema's issues as problems of the file: the error map gives every zod issue kind a
 * problem code (org-problems.ts), schemaProblems places each issue at its path and line.
 */
import { z } from 'zod';
import { formatPath, problemAt, type OrgFileProblem, type PathSegment } from './org-file-problem.js';
import { decodeOrgIssue, orgIssue, orgProblem } from './org-problems.js';
import { knownKeysAt, unknownKey } from './unknown-key.js';
import type { Locator } from './yaml-lines.js';

const EXPECTED: Readonly<Record<string, string>> = {
  string: orgIssue('EXPECTED_STRING'),
  number: orgIssue('EXPECTED_NUMBER'),
  int: orgIssue('EXPECTED_INTEGER'),
  boolean: orgIssue('EXPECTED_BOOLEAN'),
  array: orgIssue('EXPECTED_LIST'),
  object: orgIssue('EXPECTED_MAPPING'),
};

const FORMATS: Readonly<Record<string, string>> = {
  date: orgIssue('EXPECTED_DATE'),
  time: orgIssue('EXPECTED_TIME'),
  email: orgIssue('EXPECTED_EMAIL'),
};

const bound = (value: number | bigint): number | string => (typeof value === 'bigint' ? String(value) : value);

/** Problem codes for the issues no schema customizes (every zod issue kind). */
export const schemaErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && issue.code !== 'unrecognized_keys') return orgIssue('REQUIRED');
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED[issue.expected] ?? orgIssue('INVALID_TYPE', { expected: issue.expected });
    case 'invalid_value':
      return orgIssue('EXPECTED_ONE_OF', { values: issue.values.map((v) => String(v)) });
    case 'too_small':
      if (issue.origin === 'string') return orgIssue('NOT_EMPTY');
      if (issue.origin === 'array' || issue.origin === 'set') return orgIssue('TOO_FEW_ITEMS', { minimum: bound(issue.minimum) });
      return orgIssue('TOO_SMALL', { minimum: bound(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return orgIssue('TOO_MANY_ITEMS', { maximum: bound(issue.maximum) });
      return orgIssue('TOO_BIG', { maximum: bound(issue.maximum) });
    case 'invalid_format':
      return FORMATS[issue.format] ?? orgIssue('INVALID_FORMAT', { format: issue.format });
    case 'not_multiple_of':
      return orgIssue('NOT_MULTIPLE_OF', { divisor: bound(issue.divisor) });
    case 'unrecognized_keys':
      return undefined; // reported key by key by schemaProblems
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return orgIssue('INVALID_VALUE');
  }
};

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** The issues of a parse with schemaErrorMap as problems (an unknown key: one problem a key). */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], at: Locator): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  for (const issue of issues) {
    const path = toSegments(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push(problemAt(formatPath(keyPath), at(keyPath), unknownKey(key, known)));
      }
    } else {
      // Every message is an orgIssue (schema or errorMap); INVALID_VALUE should zod ever add one.
      problems.push(problemAt(formatPath(path), at(path), decodeOrgIssue(issue.message) ?? orgProblem('INVALID_VALUE')));
    }
  }
  return problems;
}
