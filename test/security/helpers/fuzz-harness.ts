/**
 * Runs fuzz cases against a live server and checks each answer: below 500, no stack trace or
 * internal error text in the body, and the server still up. Failures are collected (with the
 * seed, to replay the run with FUZZ_SEED=<seed>) rather than thrown at the first one.
 */
import { get } from 'node:http';
import { expect } from 'vitest';
import type { DbState } from './db-state.js';

export interface FuzzCase {
  readonly name: string;
  send(): Promise<Response>;
  /** Extra check of the answer; returns a problem or undefined. */
  check?(status: number, body: string): string | undefined;
}

export interface FuzzReport {
  readonly cases: number;
  readonly statuses: Record<number, number>;
  readonly failures: string[];
}

/** Signs of a leaked stack trace or internal error in a response body. */
const LEAK_PATTERNS = [/\n\s+at\s+\S+\s*\(/, /node_modules/, /\.ts:\d+/, /\.js:\d+:\d+/, /PrismaClient/, /ZodError/, /TypeError/, /ReferenceError/];

export function leakIn(body: string): string | undefined {
  const found = LEAK_PATTERNS.find((pattern) => pattern.test(body));
  return found ? `body shows ${found}: ${body.slice(0, 300).replace(/\s+/g, ' ')}` : undefined;
}

export async function runFuzz(cases: readonly FuzzCase[], options: { seed: number; concurrency?: number; healthUrl: string }): Promise<FuzzReport> {
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next;
      next += 1;
      const fuzzCase = cases[index]!;
      let status = 0;
      let body = '';
      try {
        const response = await sendOnce(fuzzCase);
        status = response.status;
        body = await response.text();
      } catch (error) {
        failures.push(`#${index} ${fuzzCase.name}: no answer (${error instanceof Error ? error.message : String(error)})`);
        continue;
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
      const problem = status >= 500 ? `status ${status}: ${body.slice(0, 300).replace(/\s+/g, ' ')}` : (leakIn(body) ?? fuzzCase.check?.(status, body));
      if (problem) failures.push(`#${index} ${fuzzCase.name}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const health = await statusOnNewConnection(options.healthUrl);
  if (health !== 200) failures.push(`/healthz answered ${health} after the run`);
  // One line per run in the test output: how many cases, which answers, the seed to replay it.
  console.info(`fuzz (seed ${options.seed}): ${cases.length} cases, statuses ${JSON.stringify(statuses)}`);
  return { cases: cases.length, statuses, failures };
}

/**
 * Sends a case; tried once more when the connection it went out on had been closed by the server
 * (a keep-alive socket the server dropped after a refused huge body): that is the client reusing a
 * dead socket, not the server failing. A server that crashed fails the second try too.
 */
async function sendOnce(fuzzCase: FuzzCase): Promise<Response> {
  try {
    return await fuzzCase.send();
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
    return fuzzCase.send();
  }
}

/** The status of a GET on a connection of its own (none of the fuzz's pooled keep-alive sockets). */
function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** Fails with every problem found, naming the seed. */
export function expectClean(report: FuzzReport, seed: number): void {
  expect(report.failures, `fuzz seed ${seed} (replay: FUZZ_SEED=${seed}); statuses ${JSON.stringify(report.statuses)}`).toEqual([]);
}

/** The database after the run: the same row counts everywhere, and business rows unchanged. */
export function expectUnchanged(before: DbState, after: DbState, seed: number, options: { mayGrow?: readonly string[] } = {}): void {
  const grow = new Set(options.mayGrow ?? []);
  const counts = (state: DbState) => Object.fromEntries(Object.entries(state.counts).filter(([name]) => !grow.has(name)));
  expect(counts(after), `row counts, fuzz seed ${seed}`).toEqual(counts(before));
  expect(after.digest, `business rows, fuzz seed ${seed}`).toEqual(before.digest);
}

/** Error-level log lines (something an operator is paged for), minus the expected ones. */
export function unexpectedErrors(errors: Record<string, unknown>[]): string[] {
  return errors.map((e) => JSON.stringify(e).slice(0, 600));
}
