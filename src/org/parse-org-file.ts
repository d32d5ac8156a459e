/**
 * Reads an organization file: YAML syntax, then the schema (org-file-schema.ts, its issues mapped
 * by schema-problems.ts), then the rules between sections (check-org-references.ts). Every
 * problem is reported at once, each with its path ('missions[2].rates[0].tjm'), the line of the
 * offending YAML node, a stable code with its parameters (org-problems.ts) and an English
 * message; formatProblems prints them in French or English.
 */
import { LineCounter, parseDocument } from 'yaml';
import { checkOrgReferences } from './check-org-references.js';
import { orgFileSchema, type OrgFile } from './org-file-schema.js';
import { problemAt, type OrgFileProblem } from './org-file-problem.js';
import { orgProblem } from './org-problems.js';
import { schemaErrorMap, schemaProblems } from './schema-problems.js';
import { lineOfOffset, locator } from './yaml-lines.js';

export { formatPath, formatProblems, type OrgFileProblem, type PathSegment } from './org-file-problem.js';

export type ParseOrgFileResult =
  | { readonly ok: true; readonly file: OrgFile }
  | { readonly ok: false; readonly problems: OrgFileProblem[] };

function byLine(a: OrgFileProblem, b: OrgFileProblem): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

/** Parses and validates the YAML text of an organization file; never throws. */
export function parseOrgFile(text: string): ParseOrgFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map(
      (error): OrgFileProblem =>
        problemAt(
          '',
          lineOfOffset(lineCounter, error.pos[0]),
          orgProblem('YAML_SYNTAX_ERROR', { detail: error.message.split('\n')[0] ?? error.code }),
        ),
    );
    return { ok: false, problems: problems.sort(byLine) };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [problemAt('', undefined, orgProblem('YAML_ERROR', { detail }))] };
  }

  if (data === null || data === undefined) {
    return { ok: false, problems: [problemAt('', 1, orgProblem('EMPTY_FILE'))] };
  }

  const at = locator(doc, lineCounter);
  const parsed = orgFileSchema.safeParse(data, { error: schemaErrorMap });
  const problems = parsed.success ? [] : schemaProblems(parsed.error.issues, at);
  // A value the schema rejected is not judged again by the cross-section rules.
  const rejected = new Set(problems.map((p) => p.path));
  const seen = new Set<string>();
  for (const problem of checkOrgReferences(data, at)) {
    const key = `${problem.path}\n${problem.message}`;
    if (!rejected.has(problem.path) && !seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  if (parsed.success && problems.length === 0) return { ok: true, file: parsed.data };
  return { ok: false, problems: problems.sort(byLine) };
}
