/**
 * Localized texts of problems and coded errors (domain validation problems, service errors),
 * e.g. for a consultant in chat or on the CLI's stderr.
 *
 * The text of a problem is "problem.<CODE>.<variant>" when the problem has a variant with a text,
 * else "problem.<CODE>", filled with the problem's `params` (numbers formatted for the locale,
 * a CRA `status` translated). A code without a text, or a text needing a parameter the problem
 * lacks, gives the problem's own (English) message. A problem whose params name a `mission` its
 * text does not mention is prefixed with that mission.
 */
import type { ProblemParams } from '../errors.js';
import { isLocale, isMessageKey, t, type Locale, type MessageKey } from './index.js';

/** What describeProblem reads: a DomainProblem, a Problem, a CodedError all fit. */
export interface DescribableProblem {
  readonly code: string;
  readonly message: string;
  readonly params?: ProblemParams | undefined;
  readonly variant?: string | undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

function textKey(problem: DescribableProblem): MessageKey | undefined {
  const base = `problem.${String(problem.code)}`;
  if (problem.variant) {
    const precise = `${base}.${problem.variant}`;
    if (isMessageKey(precise)) return precise;
  }
  return isMessageKey(base) ? base : undefined;
}

function formatParam(locale: Locale, name: string, value: string | number): string {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(value)
      : String(value);
  }
  if (name === 'status') {
    const key = `cra.status.${value}`;
    if (isMessageKey(key)) return t(locale, key);
  }
  return value;
}

/** The localized text of one problem or coded error (its own English message for an unknown code). */
export function describeProblem(locale: string | null | undefined, problem: DescribableProblem): string {
  const lang: Locale = isLocale(locale) ? locale : 'fr';
  const key = textKey(problem);
  if (key === undefined) return problem.message;
  const raw = problem.params ?? {};
  const names = placeholders(t(lang, key));
  if (names.some((name) => !Object.hasOwn(raw, name))) return problem.message;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) params[name] = formatParam(lang, name, value);
  const text = t(lang, key, params);
  const mission = raw.mission;
  if (mission === undefined || names.includes('mission')) return text;
  return t(lang, 'problemContext.mission', { mission: String(mission), problem: text });
}

function isDescribable(value: unknown): value is DescribableProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, params, variant } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (params === undefined || (typeof params === 'object' && params !== null)) &&
    (variant === undefined || typeof variant === 'string')
  );
}

/** The problems an error carries in `details.problems` (setDayEntry reports every problem so), else []. */
export function problemsOf(error: { readonly details?: unknown }): DescribableProblem[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null) return [];
  const problems = (details as { readonly problems?: unknown }).problems;
  return Array.isArray(problems) ? problems.filter(isDescribable) : [];
}

/**
 * The localized lines of an error: one per problem of `details.problems` when it has some,
 * else the text of the error itself.
 */
export function describeErrorLines(
  locale: string | null | undefined,
  error: DescribableProblem & { readonly details?: unknown },
): string[] {
  const problems = problemsOf(error);
  return problems.length > 0 ? problems.map((p) => describeProblem(locale, p)) : [describeProblem(locale, error)];
}
