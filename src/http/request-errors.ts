/**
 * The answer of the HTTP server to a request it cannot read or that failed unexpectedly: a JSON
 * problem `{ error: <code>, message }` in the requester's language (English when Accept-Language
 * asks for it, French otherwise), never express's HTML page with a stack trace. Routes with their
 * own error handling (the web chat, Slack's receiver, Teams) answer before this one is reached.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import { t, type Locale } from '../i18n/index.js';
import type { Logger } from '../log.js';

export type HttpErrorCode = 'INVALID_JSON' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'INVALID_INPUT' | 'INTERNAL';

export interface RequestProblem {
  readonly status: number;
  readonly code: HttpErrorCode;
}

/** The problem of an error thrown while reading a body (body-parser, raw-body), or undefined. */
export function problemOfRequestError(error: unknown): RequestProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, statusCode } = error as { type?: unknown; status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
  if (code === undefined) return undefined;
  // A 4xx without a type: a body that could not be decoded (gzip that is not, a cut stream...).
  switch (typeof type === 'string' ? type : '') {
    case 'entity.parse.failed':
      return { status: 400, code: 'INVALID_JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
    default:
      return code >= 400 && code < 500 ? { status: 400, code: 'INVALID_INPUT' } : undefined;
  }
}

export function requestLocale(req: Pick<Request, 'headers'>, defaultLocale: Locale = 'fr'): Locale {
  const language = req.headers['accept-language'];
  if (typeof language !== 'string') return defaultLocale;
  const first = language.split(',', 1)[0]!.trim().toLowerCase();
  return first.startsWith('en') ? 'en' : first.startsWith('fr') ? 'fr' : defaultLocale;
}

export function sendRequestProblem(res: Response, problem: RequestProblem, locale: Locale): void {
  res.status(problem.status).type('application/json').set('Cache-Control', 'no-store').send(JSON.stringify({ error: problem.code, message: t(locale, `http.error.${problem.code}`) }));
}

/** The server's last middleware: unreadable bodies are a 4xx, anything else a 500 logged without its text. */
export function finalErrorHandler(logger: Logger, defaultLocale: Locale = 'fr'): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = problemOfRequestError(error);
    if (!problem) {
      logger.error({ method: req.method, path: req.route?.path, errorName: error instanceof Error ? error.name : typeof error }, 'http request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    sendRequestProblem(res, problem ?? { status: 500, code: 'INTERNAL' }, requestLocale(req, defaultLocale));
  };
}
