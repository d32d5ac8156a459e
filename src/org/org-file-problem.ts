/**
 * A problem of an organization file and where it stands: its path in the file
 * ('missions[2].rates[0].tjm') and its line; formatProblems prints them in French or English.
 */
import type { Locale } from '../i18n/index.js';
import { renderOrgProblem, type OrgProblemDescriptor } from './org-problems.js';

export type PathSegment = string | number;

export type OrgFileProblem = OrgProblemDescriptor & {
  /** 'missions[2].rates[0].tjm'; '' for the whole file (YAML syntax errors). */
  readonly path: string;
  /** 1-based line of the offending node, or of its nearest existing parent. */
  readonly line: number | undefined;
  /** The problem in English, for logs (people see it in their locale: formatProblems). */
  readonly message: string;
};

/** Records `problem` at `path` (the checks between sections report through it). */
export type ReportProblem = (path: PathSegment[], problem: OrgProblemDescriptor) => void;

/** Where the checks between sections send their problems. */
export interface ProblemReporter {
  readonly report: ReportProblem;
  /** Line of a value read from the document, where a duplicated value was first seen. */
  readonly firstSeen: (path: PathSegment[]) => number;
}

/** A problem at `path`, with its English message. */
export function problemAt(path: string, line: number | undefined, problem: OrgProblemDescriptor): OrgFileProblem {
  return { path, line, ...problem, message: renderOrgProblem(problem, 'en') };
}

const PLAIN_KEY_RE = /^[A-Za-z_$][\w$-]*$/;

/** ['missions', 2, 'rates', 0, 'tjm'] → 'missions[2].rates[0].tjm' (odd keys are quoted: a["b c"]). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY_RE.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * `file:line: path: message`, one line per problem (the line is omitted when unknown), the
 * message in `locale`.
 */
export function formatProblems(fileName: string, problems: readonly OrgFileProblem[], locale: Locale = 'fr'): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? fileName : `${fileName}:${p.line}`;
      const message = renderOrgProblem(p, locale);
      return p.path === '' ? `${where}: ${message}` : `${where}: ${p.path}: ${message}`;
    })
    .join('\n');
}
