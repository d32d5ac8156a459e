/**
 * The web chat API's errors: a status, a stable code for the page (which shows the localized text
 * of `web.error.<code>`) and an English message for programs. Routes throw them; the error handler
 * answers `{ error, message, issues? }`.
 */
import type { Response } from 'express';
import type { z } from 'zod';

export type ProblemCode =
  | 'INVALID_JSON'
  | 'INVALID_INPUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'UNKNOWN_RITUAL'
  | 'INTERNAL';

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly issues?: readonly InputIssue[],
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  res.status(problem.status).json({
    error: problem.code,
    message: problem.message,
    ...(problem.issues ? { issues: problem.issues } : {}),
  });
}

/** Validates untrusted input (body, params, query): the parsed value, or a 400 naming each problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  throw new HttpProblem(400, 'INVALID_INPUT', `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function notFound(message: string): HttpProblem {
  return new HttpProblem(404, 'NOT_FOUND', message);
}
