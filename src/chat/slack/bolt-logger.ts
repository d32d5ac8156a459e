/**
 * Bolt's logger interface on top of Rituel's pino logger. Bolt's debug lines can carry payloads
 * (personal data): they are dropped; its info lines become debug lines.
 */
import { LogLevel } from '@slack/bolt';
import type { Logger } from '../../log.js';

const line = (parts: unknown[]): string => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');

export function boltLogger(logger: Logger) {
  const child = logger.child({ component: 'slack-bolt' });
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => child.debug(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}
