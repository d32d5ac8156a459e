/**
 * The web chat lets whoever opens it act as anybody, so every one of its routes is guarded:
 *
 * - unless the chat is explicitly exposed, only requests that reached a loopback address directly
 *   are served (no proxy headers, a loopback Host so a DNS-rebound page cannot read it); anything
 *   else is answered as if the web chat did not exist (404);
 * - a state-changing request must be JSON (415 otherwise) and, when the browser names its Origin,
 *   come from the page's own origin (403 otherwise): no cross-site request forgery against
 *   localhost.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpProblem, sendProblem } from './http-problem.js';

const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-forwarded-host', 'x-real-ip'] as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127(\.\d{1,3}){3}$/.test(v4);
}

/** True for localhost names and loopback addresses, with or without a port ("[::1]:3000"). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  const lower = name.toLowerCase();
  return lower === 'localhost' || lower.endsWith('.localhost') || isLoopbackAddress(lower);
}

export interface LocalOnlyDecision {
  readonly allowed: boolean;
  /** Why not (for a debug log line, no personal data). */
  readonly reason?: 'not-loopback' | 'proxied' | 'foreign-host';
}

/** Whether a request may reach a web chat that is not exposed. */
export function localOnlyDecision(req: Pick<Request, 'headers' | 'socket'>): LocalOnlyDecision {
  if (!isLoopbackAddress(req.socket.localAddress) || !isLoopbackAddress(req.socket.remoteAddress)) {
    return { allowed: false, reason: 'not-loopback' };
  }
  if (PROXY_HEADERS.some((name) => req.headers[name] !== undefined)) return { allowed: false, reason: 'proxied' };
  if (!isLoopbackHost(req.headers.host)) return { allowed: false, reason: 'foreign-host' };
  return { allowed: true };
}

/**
 * First middleware of the web chat router. A refused request leaves the router (`next('router')`):
 * it gets the server's ordinary 404, as if the web chat were not mounted.
 */
export function localOnlyGuard(options: { exposed: boolean; onRefused?: (reason: string) => void }): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (options.exposed) return next();
    const decision = localOnlyDecision(req);
    if (decision.allowed) return next();
    options.onRefused?.(decision.reason ?? 'refused');
    next('router');
  };
}

/** The origin of the request's Host, as a browser would write it in an Origin header. */
function sameOrigin(origin: string, req: Request): boolean {
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.host.toLowerCase() === (req.headers.host ?? '').toLowerCase() && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** "application/json", with or without parameters ("; charset=utf-8"). */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/** JSON only, and same origin, for every request that can change something. */
export const stateChangeGuard: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (!isJsonContentType(req.headers['content-type'])) {
    return sendProblem(res, new HttpProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, req)) {
    return sendProblem(res, new HttpProblem(403, 'FORBIDDEN_ORIGIN', 'Cross-origin requests are refused'));
  }
  next();
};

/** What the page may load and who may frame or embed it: its own files only. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http://127.0.0.1:*; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};
