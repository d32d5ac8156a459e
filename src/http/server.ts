import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from '../log.js';
import { finalErrorHandler } from './request-errors.js';

/** How long, on close, requests in progress may take before their connections are cut. */
const DRAIN_MS = 5_000;

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export interface HttpServer {
  readonly app: Express;
  /** Adds a readiness check reported by /readyz (database, platforms...). */
  addReadinessCheck(check: ReadinessCheck): void;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/**
 * The bot's one HTTP server: /healthz (process alive), /readyz (dependencies ready), and the
 * platform endpoints that adapters mount on `app` (Slack /slack/events, Teams /api/messages,
 * the local web chat).
 */
export function createHttpServer(logger: Logger): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  const checks: ReadinessCheck[] = [];
  let server: Server | undefined;
  let errorHandlerMounted = false;

  // A request id for correlation: the proxy's X-Request-Id when it looks like one, else a new one.
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const results: Record<string, boolean> = {};
    for (const { name, check } of checks) {
      results[name] = await check().catch((error: unknown) => {
        logger.warn({ check: name, err: error }, 'readiness check failed');
        return false;
      });
    }
    const ready = Object.values(results).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
  });

  return {
    app,
    addReadinessCheck(check) {
      checks.push(check);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        // Last of all the routes mounted by then: what they could not read is a JSON 4xx, never
        // express's HTML page with a stack trace.
        if (!errorHandlerMounted) app.use(finalErrorHandler(logger));
        errorHandlerMounted = true;
        server = createServer(app);
        server.once('error', reject);
        server.listen(port, host, () => {
          server?.off('error', reject);
          resolve(server?.address() as AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server) return resolve();
        const open = server;
        // Stop accepting, let the requests in progress finish; a connection still open after the
        // drain period (a live stream) is cut so the process can stop.
        const drain = setTimeout(() => open.closeAllConnections(), DRAIN_MS);
        drain.unref();
        open.close((error) => {
          clearTimeout(drain);
          if (error) reject(error);
          else resolve();
        });
        open.closeIdleConnections();
      });
    },
  };
}
