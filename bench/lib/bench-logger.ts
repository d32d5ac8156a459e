/**
 * A logger for the bot side of a scenario: nothing printed, but the instant the planner finished
 * ("rituals planned") and the warnings and errors are kept (diagnostics for the report).
 */
import { performance } from 'node:perf_hooks';
import { createLogger, type Logger } from '../../src/log.js';

export interface BenchLogger {
  readonly logger: Logger;
  /** performance.now() of the last "rituals planned" line, if any. */
  plannedAt(): number | null;
  /** Count of warning and error lines by message. */
  problems(): Record<string, number>;
}

export function createBenchLogger(): BenchLogger {
  let plannedAt: number | null = null;
  const problems: Record<string, number> = {};
  const destination = {
    write(line: string): void {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if (entry.msg === 'rituals planned') plannedAt = performance.now();
      if ((entry.level ?? 0) >= 40) {
        const key = entry.msg ?? '(no message)';
        problems[key] = (problems[key] ?? 0) + 1;
      }
    },
  };
  return { logger: createLogger('info', 'json', destination), plannedAt: () => plannedAt, problems: () => ({ ...problems }) };
}
