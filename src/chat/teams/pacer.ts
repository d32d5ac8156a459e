/**
 * Pacing of calls to the Bot Connector within Teams' limits (PLATFORMS.md): per bot and
 * conversation 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour; about 30 per second per tenant.
 * Sliding windows of recent call times, per key. `acquire` waits until one more call fits every
 * window of every key, then records it; a wait longer than `maxWaitMs` (the hourly window full) is
 * not waited for: it is thrown as a retryable DeliveryError with retryAfterMs, so the dispatcher
 * puts the row back rather than holding its claim.
 *
 * Kept in memory on purpose: it only smooths this process's bursts (a restart forgets nothing
 * that matters; Teams' own 429 remains the authority and is handled as a retryable error).
 */
import { DeliveryError } from '../messenger.js';

export type WindowLimit = readonly [count: number, windowMs: number];

export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  [7, 1_000],
  [8, 2_000],
  [60, 30_000],
  [1800, 3_600_000],
];
export const TENANT_LIMITS: readonly WindowLimit[] = [[30, 1_000]];

export interface PacerKey {
  readonly key: string;
  readonly limits: readonly WindowLimit[];
}

export interface Pacer {
  acquire(keys: readonly PacerKey[]): Promise<void>;
}

export interface PacerOptions {
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createPacer(options: PacerOptions = {}): Pacer {
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const calls = new Map<string, number[]>();
  let lastPrune = now();

  function waitFor(key: PacerKey, at: number): number {
    const times = calls.get(key.key) ?? [];
    let wait = 0;
    for (const [count, windowMs] of key.limits) {
      const inWindow = times.filter((time) => time > at - windowMs);
      if (inWindow.length >= count) {
        // The call that frees a slot: the count-th most recent one leaves the window.
        const freeing = inWindow[inWindow.length - count]!;
        wait = Math.max(wait, freeing + windowMs - at + 1);
      }
    }
    return wait;
  }

  function prune(at: number): void {
    if (at - lastPrune < 60_000) return;
    lastPrune = at;
    for (const [key, times] of calls) {
      const kept = times.filter((time) => time > at - 3_600_000);
      if (kept.length === 0) calls.delete(key);
      else calls.set(key, kept);
    }
  }

  return {
    async acquire(keys) {
      for (;;) {
        const at = now();
        prune(at);
        const wait = Math.max(0, ...keys.map((key) => waitFor(key, at)));
        if (wait === 0) {
          for (const key of keys) {
            const times = calls.get(key.key) ?? [];
            times.push(at);
            const longest = Math.max(...key.limits.map(([, windowMs]) => windowMs));
            while (times.length > 0 && times[0]! <= at - longest) times.shift();
            calls.set(key.key, times);
          }
          return;
        }
        if (wait > maxWaitMs) {
          throw new DeliveryError('RATE_LIMITED', 'Teams rate limit of this conversation reached', { permanent: false, retryAfterMs: wait });
        }
        await sleep(wait);
      }
    },
  };
}
