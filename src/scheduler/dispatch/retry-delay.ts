/**
 * How long a row waits after a failed attempt: exponential backoff (30 s, 1 min, 2 min... up to
 * 1 h), made up to 20 % shorter at random so that rows which failed together (a platform outage,
 * a burst of 429s) do not all come back in the same second, and never shorter than what the
 * platform asked for (HTTP 429 Retry-After).
 */
export const BASE_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
const JITTER = 0.2;

export interface RetryDelayOptions {
  /** Attempts made so far, this one included (1 after the first failure). */
  attempts: number;
  retryAfterMs?: number | undefined;
  /** A number in [0, 1): Math.random in production, fixed in tests. */
  random: () => number;
}

export function retryDelayMs({ attempts, retryAfterMs, random }: RetryDelayOptions): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^exponent overflows nothing here: the cap is reached at exponent 7.
  const backoff = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.min(exponent, 20));
  const jittered = Math.round(backoff * (1 - JITTER * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}
