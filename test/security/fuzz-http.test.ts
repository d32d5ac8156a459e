/**
 * Fuzz of the server's own endpoints: /healthz, /readyz, /metrics (with METRICS_TOKEN, and a
 * second server without it), /documents/:token (forged, truncated, tampered, hostile tokens),
 * unknown paths and wrong methods. Every answer below 500, no stack trace, the server up, the
 * database unchanged, no error logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { mountMetrics } from '../../src/ops/metrics/mount-metrics.js';
import { createMetrics } from '../../src/ops/metrics/create-metrics.js';
import { dbState } from './helpers/db-state.js';
import { expectClean, expectUnchanged, runFuzz, unexpectedErrors, type FuzzCase } from './helpers/fuzz-harness.js';
import { invalidUtf8, longString, NASTY_STRINGS, percentEncode } from './helpers/mutate.js';
import { fuzzSeed, seededRandom, type Random } from './helpers/prng.js';
import { METRICS_TOKEN, startSecurityWorld, type SecurityWorld } from './helpers/security-world.js';

const SEED = fuzzSeed(20261130);
let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world?.close();
});

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

function tamperedToken(random: Random, token: string): string {
  switch (random.int(8)) {
    case 0:
      return token.slice(0, random.int(token.length));
    case 1: {
      const i = random.int(token.length);
      const c = token[i] === 'A' ? 'B' : 'A';
      return `${token.slice(0, i)}${c}${token.slice(i + 1)}`;
    }
    case 2:
      return `${token}${random.string(1 + random.int(20))}`;
    case 3:
      return token.split('.').reverse().join('.');
    case 4:
      return percentEncode(random.pick(NASTY_STRINGS) || 'x');
    case 5:
      return random.string(1 + random.int(400), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.');
    case 6:
      return percentEncode(longString(random, 4000));
    default:
      return `${Buffer.from(JSON.stringify({ k: random.pick(['cra', 'chart', 'report', 'x']), t: '00000000-0000-4000-8000-000000000000', m: random.string(10), mo: random.pick(['2026-11', '2026-13', '../']) })).toString('base64url')}.${random.string(43)}`;
  }
}

function httpCases(random: Random, baseUrl: string, token: string, openMetricsUrl: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const plainPaths = ['/healthz', '/readyz', '/metrics'];
  for (let i = 0; i < 60; i += 1) {
    const path = random.pick(plainPaths);
    const method = random.pick(METHODS);
    const query = random.chance(0.5) ? `?${percentEncode(random.pick(NASTY_STRINGS))}=${percentEncode(random.string(random.int(50)))}` : '';
    const body = method === 'GET' || method === 'HEAD' ? undefined : random.chance(0.5) ? invalidUtf8(random, '{"a":1}') : longString(random, 1000 + random.int(100_000));
    cases.push({
      name: `${method} ${path}${query.slice(0, 40)}`,
      send: () => fetch(`${baseUrl}${path}${query}`, { method, headers: { 'content-type': random.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) }, ...(body !== undefined ? { body } : {}) }),
    });
  }
  // METRICS_TOKEN: every wrong or malformed credential is a 401.
  const wrongAuth = () =>
    random.pick([
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      `Bearer ${METRICS_TOKEN}x`,
      `bearer ${METRICS_TOKEN}`,
      `Basic ${Buffer.from(`user:${METRICS_TOKEN}`).toString('base64')}`,
      `Bearer ${'é'.repeat(METRICS_TOKEN.length)}`,
      `Bearer ${random.string(METRICS_TOKEN.length)}`,
      `Bearer ${longString(random, 8000).replace(/[^\x21-\x7e]/g, 'A')}`,
      `Token ${METRICS_TOKEN}`,
    ]);
  for (let i = 0; i < 60; i += 1) {
    const auth = wrongAuth();
    cases.push({
      name: `GET /metrics auth=${auth.slice(0, 30)}`,
      send: () => fetch(`${baseUrl}/metrics`, { headers: auth ? { authorization: auth } : {} }),
      check: (status) => (status === 401 ? undefined : `expected 401, got ${status}`),
    });
  }
  cases.push({
    name: 'GET /metrics with the token',
    send: () => fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
    check: (status) => (status === 200 ? undefined : `expected 200, got ${status}`),
  });
  for (let i = 0; i < 20; i += 1) {
    const method = random.pick(['GET', 'POST', 'HEAD']);
    cases.push({ name: `${method} /metrics without METRICS_TOKEN`, send: () => fetch(openMetricsUrl, { method, headers: { authorization: wrongAuth() || 'x' } }) });
  }
  // Documents: forged, tampered, hostile tokens.
  for (let i = 0; i < 150; i += 1) {
    const tampered = tamperedToken(random, token);
    const method = random.chance(0.9) ? 'GET' : random.pick(METHODS);
    cases.push({
      name: `${method} /documents/${tampered.slice(0, 40)}`,
      send: () => fetch(`${baseUrl}/documents/${tampered}`, { method }),
      // OPTIONS is answered by express with the allowed methods; nothing else may succeed.
      check: (status, body) => (status === 200 && method !== 'OPTIONS' ? `a tampered token was served (${body.length} bytes)` : undefined),
    });
  }
  cases.push({ name: 'GET /documents/<valid>', send: () => fetch(`${baseUrl}/documents/${token}`), check: (status) => (status === 200 ? undefined : `expected 200, got ${status}`) });
  // Unknown paths and traversal attempts.
  for (let i = 0; i < 40; i += 1) {
    const path = random.pick(['/', '/admin', '/.env', '/documents', '/documents/', '/api', '/api/messages/../../etc/passwd', '/slack', '/chat/../metrics', `/${percentEncode(random.pick(NASTY_STRINGS))}`, `/%${random.string(2, 'GHIJZ')}`]);
    const method = random.pick(METHODS);
    cases.push({ name: `${method} ${path}`, send: () => fetch(`${baseUrl}${path}`, { method }) });
  }
  return cases;
}

describe('fuzz: /healthz, /readyz, /metrics, /documents', () => {
  it('answers every malformed request below 500, changes nothing and logs no error', async () => {
    const random = seededRandom(SEED);
    // /metrics without METRICS_TOKEN (open), on a server of its own.
    const open = createHttpServer(world.log.logger);
    mountMetrics(open.app, { metrics: createMetrics(world.prisma), logger: world.log.logger });
    const openAddress = await open.listen(0, '127.0.0.1');
    try {
      const before = await dbState(world.prisma);
      const cases = httpCases(random, world.baseUrl, world.documentToken, `http://127.0.0.1:${openAddress.port}/metrics`);
      expect(cases.length).toBeGreaterThanOrEqual(300);
      const report = await runFuzz(cases, { seed: SEED, healthUrl: `${world.baseUrl}/healthz` });
      expectClean(report, SEED);
      expectUnchanged(before, await dbState(world.prisma), SEED);
      expect(unexpectedErrors(world.log.errors()), `fuzz seed ${SEED}`).toEqual([]);
      expect((await fetch(`${world.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      await open.close();
    }
  }, 120_000);
});
