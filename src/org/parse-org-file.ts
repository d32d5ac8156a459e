/**
 * Reads an organization file: YAML syntax, then the schema (org-file-schema.ts), then the rules
 * between sections (refs, roles, approvers, dated periods). Every problem is reported at once,
 * each with its path ('missions[2].rates[0].tjm'), the line of the offending YAML node, a stable
 * code with its parameters (org-problems.ts) and an English message; formatProblems prints them
 * in French or English.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { addDays, isIsoDate } from '../domain/dates.js';
import { orgFileSchema, type OrgFile } from './org-file-schema.js';
import {
  decodeOrgIssue,
  orgIssue,
  orgProblem,
  renderOrgProblem,
  type OrgLocale,
  type OrgProblemDescriptor,
} from './org-problems.js';
import { resolvePeriods, type ResolvedPeriod } from './periods.js';

export type PathSegment = string | number;

export type OrgFileProblem = OrgProblemDescriptor & {
  /** 'missions[2].rates[0].tjm'; '' for the whole file (YAML syntax errors). */
  readonly path: string;
  /** 1-based line of the offending node, or of its nearest existing parent. */
  readonly line: number | undefined;
  /** The problem in English, for logs (people see it in their locale: formatProblems). */
  readonly message: string;
};

/** A problem at `path`, with its English message. */
function problemAt(path: string, line: number | undefined, problem: OrgProblemDescriptor): OrgFileProblem {
  return { path, line, ...problem, message: renderOrgProblem(problem, 'en') };
}

export type ParseOrgFileResult =
  | { readonly ok: true; readonly file: OrgFile }
  | { readonly ok: false; readonly problems: OrgFileProblem[] };

// ───────────────────────────── Paths ─────────────────────────────

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
export function formatProblems(fileName: string, problems: readonly OrgFileProblem[], locale: OrgLocale = 'fr'): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? fileName : `${fileName}:${p.line}`;
      const message = renderOrgProblem(p, locale);
      return p.path === '' ? `${where}: ${message}` : `${where}: ${p.path}: ${message}`;
    })
    .join('\n');
}

// ─────────────────────────── Positions ───────────────────────────

type Locator = (path: readonly PathSegment[]) => number | undefined;

function lineOfOffset(lineCounter: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/**
 * Line of the node at `path`, or of its nearest existing parent. A node reached through a mapping
 * key is located at its key (so `rates:` rather than its first item); a sequence item at its dash.
 */
function locator(doc: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOfOffset(lineCounter, (node as Node | null)?.range?.[0]);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyLine = isScalar(pair.key) ? lineOfOffset(lineCounter, pair.key.range?.[0]) : undefined;
        line = keyLine ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined || item === null) break;
        line = lineOfOffset(lineCounter, (item as Node).range?.[0]) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}

// ─────────────────────────── Schema issues ───────────────────────────

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
const errorMap: z.core.$ZodErrorMap = (issue) => {
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

function unwrapSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let i = 0; i < 20; i += 1) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      break;
    }
  }
  return current;
}

/** Keys the schema allows at `path` (for "did you mean" hints). */
function knownKeysAt(path: readonly PathSegment[]): string[] {
  let schema: z.core.$ZodType | undefined = orgFileSchema;
  for (const segment of path) {
    if (!schema) return [];
    const current = unwrapSchema(schema);
    if (current instanceof z.ZodObject && typeof segment === 'string') {
      schema = (current.shape as Record<string, z.core.$ZodType | undefined>)[segment];
    } else if (current instanceof z.ZodArray && typeof segment === 'number') {
      schema = current.element as z.core.$ZodType;
    } else {
      return [];
    }
  }
  if (!schema) return [];
  const last = unwrapSchema(schema);
  return last instanceof z.ZodObject ? Object.keys(last.shape) : [];
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const left = previous[j - 1] ?? 0;
      previous[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

function unknownKey(key: string, known: readonly string[]): OrgProblemDescriptor {
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  const close = best && best.distance <= Math.max(2, Math.floor(key.length / 3));
  return close && best ? orgProblem('UNKNOWN_KEY', { key, suggestion: best.key }) : orgProblem('UNKNOWN_KEY', { key });
}

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], at: Locator): OrgFileProblem[] {
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

// ─────────────────────── Rules between sections ───────────────────────

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const dateOf = (value: unknown): string | undefined => (isIsoDate(value) ? value : undefined);

interface KnownPerson {
  readonly path: PathSegment[];
  readonly roles: ReadonlySet<string>;
  /** Ref of the client for client contacts; undefined for ESN people. */
  readonly clientRef: string | undefined;
}

/**
 * Checks the references and dated periods on the raw data, so that they are reported even when
 * the schema found problems elsewhere; malformed values are skipped (the schema reports them).
 */
function crossReferenceProblems(data: unknown, at: Locator): OrgFileProblem[] {
  const problems: OrgFileProblem[] = [];
  const report = (path: PathSegment[], problem: OrgProblemDescriptor): void => {
    problems.push(problemAt(formatPath(path), at(path), problem));
  };
  // The path was read from the document, so it has a line (1: defensive, never reached).
  const firstSeen = (path: PathSegment[]): number => at(path) ?? 1;
  if (!isRecord(data)) return problems;

  // People and client contacts share one namespace of refs.
  const people = new Map<string, KnownPerson>();
  // Account key → who has it first ({} for a person without a ref).
  const slackAccounts = new Map<string, { holder?: string }>();
  const teamsAccounts = new Map<string, { holder?: string }>();
  const addPerson = (raw: unknown, path: PathSegment[], clientRef: string | undefined): void => {
    if (!isRecord(raw)) return;
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = people.get(ref);
      if (existing) {
        report([...path, 'ref'], orgProblem('DUPLICATE_REF', { ref, line: firstSeen([...existing.path, 'ref']) }));
      } else {
        const roles = new Set(listOf(raw.roles).filter((r): r is string => typeof r === 'string'));
        people.set(ref, { path, roles, clientRef });
      }
    }
    const holder = ref === undefined ? {} : { holder: ref };
    if (isRecord(raw.slack)) {
      const userId = stringOf(raw.slack.userId);
      const teamId = stringOf(raw.slack.teamId);
      if (userId !== undefined && teamId !== undefined) {
        const key = `${teamId}/${userId}`;
        const first = slackAccounts.get(key);
        if (first !== undefined) report([...path, 'slack', 'userId'], orgProblem('SLACK_ACCOUNT_TAKEN', { userId, ...first }));
        else slackAccounts.set(key, holder);
      }
    }
    if (isRecord(raw.teams)) {
      const aad = stringOf(raw.teams.aadObjectId);
      const tenant = stringOf(raw.teams.tenantId);
      if (aad !== undefined && tenant !== undefined) {
        const key = `${tenant.toLowerCase()}/${aad.toLowerCase()}`;
        const first = teamsAccounts.get(key);
        if (first !== undefined) report([...path, 'teams', 'aadObjectId'], orgProblem('TEAMS_ACCOUNT_TAKEN', { aadObjectId: aad, ...first }));
        else teamsAccounts.set(key, holder);
      }
    }
  };

  listOf(data.people).forEach((raw, i) => addPerson(raw, ['people', i], undefined));

  const clients = new Map<string, PathSegment[]>();
  listOf(data.clients).forEach((raw, c) => {
    if (!isRecord(raw)) return;
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = clients.get(ref);
      if (existing) report(['clients', c, 'ref'], orgProblem('DUPLICATE_CLIENT_REF', { ref, line: firstSeen([...existing, 'ref']) }));
      else clients.set(ref, ['clients', c]);
    }
    listOf(raw.contacts).forEach((contact, k) => addPerson(contact, ['clients', c, 'contacts', k], ref));
  });

  const missionRefs = new Map<string, PathSegment[]>();
  listOf(data.missions).forEach((raw, m) => {
    if (!isRecord(raw)) return;
    const base: PathSegment[] = ['missions', m];
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = missionRefs.get(ref);
      if (existing) report([...base, 'ref'], orgProblem('DUPLICATE_MISSION_REF', { ref, line: firstSeen([...existing, 'ref']) }));
      else missionRefs.set(ref, base);
    }

    const clientRef = stringOf(raw.client);
    const clientKnown = clientRef !== undefined && clients.has(clientRef);
    if (clientRef !== undefined && !clientKnown) report([...base, 'client'], orgProblem('UNKNOWN_CLIENT', { ref: clientRef }));

    const consultant = stringOf(raw.consultant);
    if (consultant !== undefined) {
      const person = people.get(consultant);
      const problem = !person
        ? orgProblem('UNKNOWN_PERSON', { ref: consultant })
        : person.clientRef !== undefined
          ? orgProblem('CONSULTANT_IS_CLIENT_CONTACT', { ref: consultant })
          : !person.roles.has('consultant')
            ? orgProblem('NOT_A_CONSULTANT', { ref: consultant })
            : undefined;
      if (problem) report([...base, 'consultant'], problem);
    }
    const manager = stringOf(raw.manager);
    if (manager !== undefined) {
      const person = people.get(manager);
      const problem = !person
        ? orgProblem('UNKNOWN_PERSON', { ref: manager })
        : person.clientRef !== undefined
          ? orgProblem('MANAGER_IS_CLIENT_CONTACT', { ref: manager })
          : !person.roles.has('manager') && !person.roles.has('admin')
            ? orgProblem('NOT_A_MANAGER', { ref: manager })
            : undefined;
      if (problem) report([...base, 'manager'], problem);
    }

    const start = dateOf(raw.start);
    let end = dateOf(raw.end);
    if (start !== undefined && end !== undefined && end < start) {
      report([...base, 'end'], orgProblem('MISSION_ENDS_BEFORE_START', { start }));
      end = undefined; // one fault, one problem: the periods are not checked against this end
    }
    const regie = (raw.billing ?? 'regie') === 'regie';

    // Approvers: contacts of the mission's client, dated periods without overlap.
    for (const key of ['approvers', 'backupApprovers'] as const) {
      const primary = key === 'approvers';
      const overlapCode = primary ? 'APPROVER_PERIODS_OVERLAP' : 'BACKUP_APPROVER_PERIODS_OVERLAP';
      const entries: { from: string; to: string | undefined }[] = [];
      const indexes: number[] = [];
      listOf(raw[key]).forEach((entry, k) => {
        if (!isRecord(entry)) return;
        const path: PathSegment[] = [...base, key, k];
        const personRef = stringOf(entry.person);
        if (personRef !== undefined) {
          const person = people.get(personRef);
          if (!person) report([...path, 'person'], orgProblem('UNKNOWN_PERSON', { ref: personRef }));
          else if (person.clientRef === undefined) report([...path, 'person'], orgProblem('NOT_A_CLIENT_CONTACT', { ref: personRef }));
          else if (clientKnown && person.clientRef !== clientRef) {
            report([...path, 'person'], orgProblem('NOT_A_CONTACT_OF_CLIENT', { ref: personRef, client: clientRef }));
          }
        }
        const from = dateOf(entry.from);
        const to = entry.to === undefined ? undefined : dateOf(entry.to);
        if (from === undefined || (entry.to !== undefined && to === undefined)) return;
        if (to !== undefined && to < from) {
          report([...path, 'to'], orgProblem('ENDS_BEFORE_START', { from }));
          return;
        }
        if (end !== undefined && from > end) report([...path, 'from'], orgProblem('STARTS_AFTER_MISSION_END', { end }));
        entries.push({ from, to });
        indexes.push(k);
      });
      const periods = resolvePeriods(entries);
      const fileIndex = (p: ResolvedPeriod<(typeof entries)[number]>): number => indexes[p.index] ?? p.index;
      periods.forEach((period, position) => {
        const overlapping = periods.slice(0, position).find((earlier) => earlier.to === null || earlier.to >= period.from);
        if (overlapping) {
          report([...base, key, fileIndex(period), 'from'], orgProblem(overlapCode, { from: overlapping.from }));
          return;
        }
        const previous = periods[position - 1];
        if (primary && previous && previous.to !== null && addDays(previous.to, 1) < period.from) {
          report(
            [...base, key, fileIndex(period), 'from'],
            orgProblem('APPROVER_GAP', { from: addDays(previous.to, 1), to: addDays(period.from, -1) }),
          );
        }
      });
      const first = periods[0];
      if (primary && first && start !== undefined && first.from > start) {
        report([...base, key, fileIndex(first), 'from'], orgProblem('FIRST_APPROVER_AFTER_START', { start }));
      }
      if (primary && regie && Array.isArray(raw[key] ?? []) && listOf(raw[key]).length === 0) {
        report([...base, key], orgProblem('NO_APPROVER'));
      }
    }

    // TJM rates: dated periods without overlap, as for approvers (the amounts are checked by the
    // schema). Same rule as validateRatePeriods (domain/billing.ts) on the periods with their
    // implied ends, reported against the earlier period so that the text needs no period label.
    const rates: { from: string; to: string | undefined }[] = [];
    const rateIndexes: number[] = [];
    listOf(raw.rates).forEach((entry, k) => {
      if (!isRecord(entry)) return;
      const path: PathSegment[] = [...base, 'rates', k];
      const from = dateOf(entry.from);
      const to = entry.to === undefined ? undefined : dateOf(entry.to);
      if (from === undefined || (entry.to !== undefined && to === undefined)) return;
      if (to !== undefined && to < from) {
        report([...path, 'to'], orgProblem('ENDS_BEFORE_START', { from }));
        return;
      }
      if (end !== undefined && from > end) report([...path, 'from'], orgProblem('STARTS_AFTER_MISSION_END', { end }));
      rates.push({ from, to });
      rateIndexes.push(k);
    });
    const resolvedRates = resolvePeriods(rates);
    const rateIndex = (p: ResolvedPeriod<(typeof rates)[number]>): number => rateIndexes[p.index] ?? p.index;
    resolvedRates.forEach((period, position) => {
      const overlapping = resolvedRates.slice(0, position).find((earlier) => earlier.to === null || earlier.to >= period.from);
      if (overlapping) {
        report([...base, 'rates', rateIndex(period), 'from'], orgProblem('RATE_PERIODS_OVERLAP', { from: overlapping.from }));
      }
    });
    const firstRate = resolvedRates[0];
    if (firstRate && start !== undefined && firstRate.from > start) {
      report([...base, 'rates', rateIndex(firstRate), 'from'], orgProblem('FIRST_RATE_AFTER_START', { start }));
    }
    if (regie && Array.isArray(raw.rates ?? []) && listOf(raw.rates).length === 0) {
      report([...base, 'rates'], orgProblem('NO_RATE'));
    }

    // Purchase orders.
    const numbers = new Map<string, number>();
    listOf(raw.purchaseOrders).forEach((entry, k) => {
      if (!isRecord(entry)) return;
      const path: PathSegment[] = [...base, 'purchaseOrders', k];
      const number = stringOf(entry.number)?.trim();
      if (number !== undefined && number !== '') {
        const first = numbers.get(number);
        if (first !== undefined) {
          const line = firstSeen([...base, 'purchaseOrders', first, 'number']);
          report([...path, 'number'], orgProblem('DUPLICATE_PURCHASE_ORDER', { number, line }));
        }
        else numbers.set(number, k);
      }
      const poStart = dateOf(entry.start);
      const poEnd = dateOf(entry.end);
      if (poStart !== undefined && poEnd !== undefined && poEnd < poStart) report([...path, 'end'], orgProblem('ENDS_BEFORE_START', { from: poStart }));
    });
  });

  return problems;
}

// ───────────────────────────── Entry point ─────────────────────────────

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
  const parsed = orgFileSchema.safeParse(data, { error: errorMap });
  const problems = parsed.success ? [] : schemaProblems(parsed.error.issues, at);
  // A value the schema rejected is not judged again by the cross-section rules.
  const rejected = new Set(problems.map((p) => p.path));
  const seen = new Set<string>();
  for (const problem of crossReferenceProblems(data, at)) {
    const key = `${problem.path}\n${problem.message}`;
    if (!rejected.has(problem.path) && !seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  if (parsed.success && problems.length === 0) return { ok: true, file: parsed.data };
  return { ok: false, problems: problems.sort(byLine) };
}
