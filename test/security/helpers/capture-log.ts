/** A real Rituel logger (src/log.ts, redaction included) whose JSON lines are kept in memory. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log.js';

export interface CapturedLog {
  readonly logger: Logger;
  /** Every line written, raw. */
  readonly lines: string[];
  /** The lines at level ≥ error (pino: 50), parsed. */
  errors(): Record<string, unknown>[];
  text(): string;
  clear(): void;
}

export function captureLog(level = 'warn'): CapturedLog {
  const lines: string[] = [];
  let pending = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        lines.push(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
  const logger = createLogger(level, 'json', sink);
  return {
    logger,
    lines,
    errors: () =>
      lines
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return { level: 60, unparsed: line };
          }
        })
        .filter((entry) => typeof entry.level === 'number' && entry.level >= 50),
    text: () => lines.join('\n') + pending,
    clear: () => {
      lines.length = 0;
    },
  };
}
