/**
 * GET /api/people/:personId/stream: Server-Sent Events telling the page that the person's
 * conversation changed (`event: changed`), so it fetches what is new. Changes made in this process
 * arrive through WebChatEvents at once; changes made by another process (a `rituel tick` on the
 * same PostgreSQL) are found by a periodic check of the conversation's version. Comments keep the
 * connection alive through idle periods.
 */
import type { Response, Router } from 'express';
import { conversationVersion } from './conversation-store.js';
import { requireActivePerson } from './people-routes.js';
import type { WebChatDeps } from './web-chat-deps.js';

export interface StreamTiming {
  /** How often the database is checked for changes made by other processes. */
  readonly pollMs: number;
  /** How often a comment is sent on an idle stream. */
  readonly keepAliveMs: number;
}

export const DEFAULT_STREAM_TIMING: StreamTiming = { pollMs: 2000, keepAliveMs: 15_000 };

/** The open streams, so that stopping the server does not wait for browsers to go away. */
export class OpenStreams {
  private readonly closers = new Set<() => void>();

  add(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }

  get size(): number {
    return this.closers.size;
  }
}

function send(res: Response, event: string): void {
  res.write(`event: ${event}\ndata: {}\n\n`);
}

export function registerStreamRoute(api: Router, deps: WebChatDeps, timing: StreamTiming, streams: OpenStreams): void {
  api.get('/people/:personId/stream', async (req, res) => {
    const person = await requireActivePerson(deps, req.params.personId);
    let version = await conversationVersion(deps.prisma, person.id);

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    send(res, 'ready');

    let checking = false;
    const poll = setInterval(() => {
      if (checking) return;
      checking = true;
      conversationVersion(deps.prisma, person.id)
        .then((current) => {
          if (current !== version) {
            version = current;
            send(res, 'changed');
          }
        })
        .catch((error: unknown) => {
          deps.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'web chat stream: change check failed');
        })
        .finally(() => {
          checking = false;
        });
    }, timing.pollMs);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), timing.keepAliveMs);
    const unsubscribe = deps.events.subscribe(person.id, () => send(res, 'changed'));

    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      clearInterval(keepAlive);
      unsubscribe();
      forget();
      res.end();
    };
    const forget = streams.add(close);
    req.on('close', close);
    res.on('error', close);
  });
}
