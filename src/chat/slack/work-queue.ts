/**
 * The work a Slack request causes once it is acked (routing a click, answering a direct message),
 * a few requests at a time. Under a burst, hundreds of interactions in progress on the one event
 * loop would delay the acks of the requests still arriving past Slack's 3 seconds; queued, they
 * wait their turn in order of arrival, and the acks stay quick.
 */
export interface WorkQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Interactions handled at once after their ack (the database pool has 10 connections). */
export const AFTER_ACK_CONCURRENCY = 8;

export function createWorkQueue(concurrency: number = AFTER_ACK_CONCURRENCY): WorkQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(); // the slot goes to the next one in line
    else active -= 1;
  };
  return {
    async run(work) {
      if (active < concurrency) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
