/**
 * Reads an organization file: YAML syntax, then the schema (org-file-schema.ts), then the rules
 * between sections (refs, roles, approvers, dated periods). Every problem is reported at once,
 * each with its path ('missions[2].rates[0].tjm') and the line of the offending YAML node.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { validateRatePeriods } from '../domain/billing.js';
import { addDays, isIsoDate } from '../domain/dates.js';
import { orgFileSchema, positiveDecimal, type OrgFile } from './org-file-schema.js';
import { resolvePeriods, type ResolvedPeriod } from './periods.js';

export type PathSegment = string | number;

export interface OrgFileProblem {
  /** 'missions[2].rates[0].tjm'; '' for the whole file (YAML syntax errors). */
  readonly path: string;
  /** 1-based line of the offending node, or of its nearest existing parent. */
  readonly line: number | undefined;
  readonly message: string;
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

/** `file:line: path: message`, one line per problem (the line is omitted when unknown). */
export function formatProblems(fileName: string, problems: readonly OrgFileProblem[]): string {
  return problems
    .map((p) => {
      const where = p.line === undefined ? fileName : `${fileName}:${p.line}`;
      return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
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

const EXPECTED: Record<string, string> = {
  string: 'expected a string',
  number: 'expected a number',
  int: 'expected a whole number',
  boolean: 'expected true or false',
  array: 'expected a list',
  object: 'expected a mapping (key: value)',
};

/** Short messages for the issues no schema customizes. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return EXPECTED[issue.expected] ?? `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} item(s)`;
      return `expected at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    default:
      return undefined;
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

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  const hint = best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.key}"?)` : '';
  return `unknown key "${key}"${hint}`;
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
        problems.push({ path: formatPath(keyPath), line: at(keyPath), message: unknownKeyMessage(key, known) });
      }
    } else {
      problems.push({ path: formatPath(path), line: at(path), message: issue.message });
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
const tjmSchema = positiveDecimal(10);

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
  const report = (path: PathSegment[], message: string): void => {
    problems.push({ path: formatPath(path), line: at(path), message });
  };
  const firstSeen = (path: PathSegment[]): string => {
    const line = at(path);
    return line === undefined ? formatPath(path) : `line ${line}`;
  };
  if (!isRecord(data)) return problems;

  // People and client contacts share one namespace of refs.
  const people = new Map<string, KnownPerson>();
  const slackAccounts = new Map<string, string>();
  const teamsAccounts = new Map<string, string>();
  const addPerson = (raw: unknown, path: PathSegment[], clientRef: string | undefined): void => {
    if (!isRecord(raw)) return;
    const ref = stringOf(raw.ref);
    if (ref !== undefined) {
      const existing = people.get(ref);
      if (existing) {
        report([...path, 'ref'], `duplicate ref "${ref}" (first at ${firstSeen([...existing.path, 'ref'])})`);
      } else {
        const roles = new Set(listOf(raw.roles).filter((r): r is string => typeof r === 'string'));
        people.set(ref, { path, roles, clientRef });
      }
    }
    const who = ref === undefined ? 'another person' : `"${ref}"`;
    if (isRecord(raw.slack)) {
      const userId = stringOf(raw.slack.userId);
      const teamId = stringOf(raw.slack.teamId);
      if (userId !== undefined && teamId !== undefined) {
        const key = `${teamId}/${userId}`;
        const holder = slackAccounts.get(key);
        if (holder !== undefined) report([...path, 'slack', 'userId'], `Slack user ${userId} is already given to ${holder}`);
        else slackAccounts.set(key, who);
      }
    }
    if (isRecord(raw.teams)) {
      const aad = stringOf(raw.teams.aadObjectId);
      const tenant = stringOf(raw.teams.tenantId);
      if (aad !== undefined && tenant !== undefined) {
        const key = `${tenant.toLowerCase()}/${aad.toLowerCase()}`;
        const holder = teamsAccounts.get(key);
        if (holder !== undefined) report([...path, 'teams', 'aadObjectId'], `Teams user ${aad} is already given to ${holder}`);
        else teamsAccounts.set(key, who);
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
      if (existing) report(['clients', c, 'ref'], `duplicate client ref "${ref}" (first at ${firstSeen([...existing, 'ref'])})`);
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
      if (existing) report([...base, 'ref'], `duplicate mission ref "${ref}" (first at ${firstSeen([...existing, 'ref'])})`);
      else missionRefs.set(ref, base);
    }

    const clientRef = stringOf(raw.client);
    const clientKnown = clientRef !== undefined && clients.has(clientRef);
    if (clientRef !== undefined && !clientKnown) report([...base, 'client'], `unknown client "${clientRef}"`);

    const consultant = stringOf(raw.consultant);
    if (consultant !== undefined) {
      const person = people.get(consultant);
      if (!person) report([...base, 'consultant'], `unknown person "${consultant}"`);
      else if (person.clientRef !== undefined) report([...base, 'consultant'], `"${consultant}" is a client contact, not a consultant`);
      else if (!person.roles.has('consultant')) report([...base, 'consultant'], `"${consultant}" does not have the consultant role`);
    }
    const manager = stringOf(raw.manager);
    if (manager !== undefined) {
      const person = people.get(manager);
      if (!person) report([...base, 'manager'], `unknown person "${manager}"`);
      else if (person.clientRef !== undefined) report([...base, 'manager'], `"${manager}" is a client contact, not an ESN manager`);
      else if (!person.roles.has('manager') && !person.roles.has('admin')) {
        report([...base, 'manager'], `"${manager}" has neither the manager nor the admin role`);
      }
    }

    const start = dateOf(raw.start);
    let end = dateOf(raw.end);
    if (start !== undefined && end !== undefined && end < start) {
      report([...base, 'end'], `ends before the mission start (${start})`);
      end = undefined; // one fault, one problem: the periods are not checked against this end
    }
    const regie = (raw.billing ?? 'regie') === 'regie';

    // Approvers: contacts of the mission's client, dated periods without overlap.
    for (const key of ['approvers', 'backupApprovers'] as const) {
      const primary = key === 'approvers';
      const label = primary ? 'approver' : 'backup approver';
      const entries: { from: string; to: string | undefined }[] = [];
      const indexes: number[] = [];
      listOf(raw[key]).forEach((entry, k) => {
        if (!isRecord(entry)) return;
        const path: PathSegment[] = [...base, key, k];
        const personRef = stringOf(entry.person);
        if (personRef !== undefined) {
          const person = people.get(personRef);
          if (!person) report([...path, 'person'], `unknown person "${personRef}"`);
          else if (person.clientRef === undefined) report([...path, 'person'], `"${personRef}" is not a client contact`);
          else if (clientKnown && person.clientRef !== clientRef) {
            report([...path, 'person'], `"${personRef}" is not a contact of client "${clientRef}"`);
          }
        }
        const from = dateOf(entry.from);
        const to = entry.to === undefined ? undefined : dateOf(entry.to);
        if (from === undefined || (entry.to !== undefined && to === undefined)) return;
        if (to !== undefined && to < from) {
          report([...path, 'to'], `ends before it starts (${from})`);
          return;
        }
        if (end !== undefined && from > end) report([...path, 'from'], `starts after the mission end (${end})`);
        entries.push({ from, to });
        indexes.push(k);
      });
      const periods = resolvePeriods(entries);
      const fileIndex = (p: ResolvedPeriod<(typeof entries)[number]>): number => indexes[p.index] ?? p.index;
      periods.forEach((period, position) => {
        const overlapping = periods.slice(0, position).find((earlier) => earlier.to === null || earlier.to >= period.from);
        if (overlapping) {
          report([...base, key, fileIndex(period), 'from'], `overlaps the ${label} period starting ${overlapping.from}`);
          return;
        }
        const previous = periods[position - 1];
        if (primary && previous && previous.to !== null && addDays(previous.to, 1) < period.from) {
          report([...base, key, fileIndex(period), 'from'], `no approver from ${addDays(previous.to, 1)} to ${addDays(period.from, -1)}`);
        }
      });
      const first = periods[0];
      if (primary && first && start !== undefined && first.from > start) {
        report([...base, key, fileIndex(first), 'from'], `the first approver must start on or before the mission start (${start})`);
      }
      if (primary && regie && Array.isArray(raw[key] ?? []) && listOf(raw[key]).length === 0) {
        report([...base, key], 'a regie mission needs at least one approver');
      }
    }

    // TJM rates: validateRatePeriods on the periods with their implied ends.
    const rates: { from: string; to: string | undefined; tjm: string }[] = [];
    const rateIndexes: number[] = [];
    listOf(raw.rates).forEach((entry, k) => {
      if (!isRecord(entry)) return;
      const from = dateOf(entry.from);
      const to = entry.to === undefined ? undefined : dateOf(entry.to);
      if (from === undefined || (entry.to !== undefined && to === undefined)) return;
      if (end !== undefined && from > end) report([...base, 'rates', k, 'from'], `starts after the mission end (${end})`);
      const tjm = tjmSchema.safeParse(entry.tjm);
      // An invalid TJM is reported by the schema; keep the period for the overlap check.
      rates.push({ from, to, tjm: tjm.success ? tjm.data : '1' });
      rateIndexes.push(k);
    });
    const resolvedRates = resolvePeriods(rates);
    const rateIndexOf = (date: string | undefined): number | undefined => {
      const matches = resolvedRates.filter((p) => p.from === date);
      const last = matches[matches.length - 1];
      return last === undefined ? undefined : rateIndexes[last.index];
    };
    for (const problem of validateRatePeriods(resolvedRates.map((p) => ({ from: p.from, to: p.to, tjm: p.item.tjm })))) {
      const index = rateIndexOf(problem.date);
      const field = problem.code === 'RATE_NOT_POSITIVE' ? 'tjm' : problem.code === 'INVALID_RATE_PERIOD' ? 'to' : 'from';
      const message =
        problem.code === 'RATE_NOT_POSITIVE'
          ? 'expected a positive number'
          : problem.code === 'INVALID_RATE_PERIOD'
            ? `ends before it starts (${problem.date ?? '?'})`
            : problem.message.charAt(0).toLowerCase() + problem.message.slice(1);
      report(index === undefined ? [...base, 'rates'] : [...base, 'rates', index, field], message);
    }
    const firstRate = resolvedRates[0];
    if (firstRate && start !== undefined && firstRate.from > start) {
      report(
        [...base, 'rates', rateIndexes[firstRate.index] ?? firstRate.index, 'from'],
        `the first rate must start on or before the mission start (${start})`,
      );
    }
    if (regie && Array.isArray(raw.rates ?? []) && listOf(raw.rates).length === 0) {
      report([...base, 'rates'], 'a regie mission needs at least one rate (TJM)');
    }

    // Purchase orders.
    const numbers = new Map<string, number>();
    listOf(raw.purchaseOrders).forEach((entry, k) => {
      if (!isRecord(entry)) return;
      const path: PathSegment[] = [...base, 'purchaseOrders', k];
      const number = stringOf(entry.number)?.trim();
      if (number !== undefined && number !== '') {
        const first = numbers.get(number);
        if (first !== undefined) report([...path, 'number'], `duplicate purchase order number "${number}" (first at ${firstSeen([...base, 'purchaseOrders', first, 'number'])})`);
        else numbers.set(number, k);
      }
      const poStart = dateOf(entry.start);
      const poEnd = dateOf(entry.end);
      if (poStart !== undefined && poEnd !== undefined && poEnd < poStart) report([...path, 'end'], `ends before it starts (${poStart})`);
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
      (error): OrgFileProblem => ({
        path: '',
        line: lineOfOffset(lineCounter, error.pos[0]),
        message: `YAML syntax error: ${error.message.split('\n')[0] ?? error.code}`,
      }),
    );
    return { ok: false, problems: problems.sort(byLine) };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, problems: [{ path: '', line: undefined, message: `YAML error: ${(error as Error).message}` }] };
  }

  if (data === null || data === undefined) {
    return { ok: false, problems: [{ path: '', line: 1, message: 'the file is empty: expected organization, people, clients and missions' }] };
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
