/**
 * The last middleware of the web chat: turns what a route threw into a JSON answer. Bad input
 * (unreadable JSON, too large, invalid fields) is a 4xx; anything else is logged without personal
 * data (no body, no message text, no ids beyond the route's pattern) and answered 500.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from '../../log.js';
import { HttpProblem, sendProblem } from './http-problem.js';

/** The fields body-parser sets on the errors it throws. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** The problem to answer for a bad request body, or undefined when the error is not about input. */
export function problemOfBodyError(error: unknown): HttpProblem | undefined {
  if (!isBodyParserError(error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, 'INVALID_JSON', 'The body is not valid JSON');
    case 'entity.too.large':
      return new HttpProblem(413, 'PAYLOAD_TOO_LARGE', 'The body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding or charset');
    default:
      return error.status >= 400 && error.status < 500
        ? new HttpProblem(400, 'INVALID_INPUT', 'The body could not be read')
        : undefined;
  }
}

/** Only the stack frames (an error's first line may quote input). */
function framesOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  return error.stack.split('\n').slice(1, 8).join('\n');
}

function routeOf(req: Request): string {
  const pattern: unknown = req.route?.path;
  return `${req.baseUrl}${typeof pattern === 'string' ? pattern : ''}`;
}

export function webChatErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = error instanceof HttpProblem ? error : problemOfBodyError(error);
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem) return sendProblem(res, problem);
    const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : undefined;
    logger.error(
      { method: req.method, route: routeOf(req), errorName: error instanceof Error ? error.name : typeof error, errorCode: code, frames: framesOf(error) },
      'web chat request failed',
    );
    sendProblem(res, new HttpProblem(500, 'INTERNAL', 'Unexpected failure'));
  };
}

/** Unknown API routes: a JSON 404 rather than an HTML page. */
export const apiNotFound: RequestHandler = (_req, res) => {
  sendProblem(res, new HttpProblem(404, 'NOT_FOUND', 'No such web chat API route'));
};
