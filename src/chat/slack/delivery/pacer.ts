/**
 * Pacing of Slack calls, so that a burst of deliveries stays within Slack's limits instead of
 * meeting 429s: about one chat.postMessage per second per channel with a small burst, a budget for
 * the whole workspace, and a separate budget for chat.update (Tier 3). Token buckets in memory:
 * they only smooth this process's own calls (a 429 that still happens is handled as a retry).
 */
export interface PaceOptions {
  /** Messages per second in one channel (Slack: about 1). */
  readonly perChannelPerSecond: number;
  readonly perChannelBurst: number;
  /** Messages per minute in the whole workspace. */
  readonly workspacePerMinute: number;
  /** chat.update calls per minute (Tier 3: 50+). */
  readonly updatesPerMinute: number;
  /** Waits no longer than this for one call (well under the dispatcher's lease). */
  readonly maxWaitMs: number;
  /** The longest pause after a 429, whatever its Retry-After. */
  readonly maxPauseMs?: number;
}

export const DEFAULT_PACE: PaceOptions = {
  perChannelPerSecond: 1,
  perChannelBurst: 3,
  workspacePerMinute: 300,
  updatesPerMinute: 50,
  maxWaitMs: 60_000,
  maxPauseMs: 5_000,
};

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes a token now or reserves the next one: how long to wait before the call. */
  take(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.perMs);
  }
}

export interface Pacer {
  /** Resolves when one more call for `channelKey` fits. */
  wait(channelKey: string, isUpdate: boolean): Promise<void>;
  /** Slack answered 429: no call at all for `ms` (at most maxPauseMs). */
  pause(ms: number): void;
}

const MAX_CHANNELS = 10_000;

export function createPacer(options: PaceOptions = DEFAULT_PACE, clock: () => number = Date.now, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Pacer {
  const channels = new Map<string, TokenBucket>();
  const start = clock();
  const workspace = new TokenBucket(Math.max(1, Math.ceil(options.workspacePerMinute / 60)), options.workspacePerMinute / 60_000, start);
  const updates = new TokenBucket(Math.max(1, Math.ceil(options.updatesPerMinute / 6)), options.updatesPerMinute / 60_000, start);
  let pausedUntil = 0;

  return {
    async wait(channelKey, isUpdate) {
      const now = clock();
      let waitMs: number;
      if (isUpdate) waitMs = updates.take(now);
      else {
        let bucket = channels.get(channelKey);
        if (!bucket) {
          if (channels.size >= MAX_CHANNELS) channels.clear();
          bucket = new TokenBucket(options.perChannelBurst, options.perChannelPerSecond / 1000, now);
          channels.set(channelKey, bucket);
        }
        waitMs = Math.max(bucket.take(now), workspace.take(now));
      }
      waitMs = Math.max(waitMs, pausedUntil - now);
      if (waitMs > 0) await sleep(Math.min(waitMs, options.maxWaitMs));
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock() + Math.min(ms, options.maxPauseMs ?? DEFAULT_PACE.maxPauseMs!, options.maxWaitMs));
    },
  };
}
