/**
 * GET /metrics in Prometheus' text format. Open when METRICS_TOKEN is unset (keep the path off
 * the public reverse proxy: it answers on the private network only); with METRICS_TOKEN set, a
 * scrape needs `Authorization: Bearer <token>` (compared in constant time), else 401.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from '../../log.js';
import type { AppMetrics } from './create-metrics.js';

export const METRICS_PATH = '/metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mountMetrics(app: Express, options: { metrics: AppMetrics; token?: string | undefined; logger: Logger }): void {
  const { metrics, token, logger } = options;
  app.get(METRICS_PATH, async (req, res) => {
    if (token !== undefined) {
      const header = req.get('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameSecret(given, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').end();
        return;
      }
    }
    try {
      const body = await metrics.registry.metrics();
      res.set('Content-Type', metrics.registry.contentType).send(body);
    } catch (error) {
      logger.warn({ err: error }, 'metrics collection failed');
      res.status(500).end();
    }
  });
}
