/**
 * A local fake of the Bot Connector (Teams' side of the Bot Framework), on 127.0.0.1: activities
 * posted to Rituel's /api/messages carry `serviceUrl` = this server, so botbuilder sends its
 * replies, proactive messages, updates and conversation creations here (without an app id there is
 * no token). Every call is recorded; failures can be injected (403 with a Teams error code, 404,
 * 429 with Retry-After, 5xx).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorCallKind = 'create' | 'send' | 'reply' | 'update' | 'member';

export interface ConnectorCall {
  readonly kind: ConnectorCallKind;
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  /** replyToId for a reply, the replaced activity for an update. */
  readonly activityId?: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** The answer given (200 or the injected failure). */
  readonly status: number;
}

export interface InjectedFailure {
  readonly status: number;
  /** Teams error code in the body ({ error: { code } }), e.g. ConversationBlockedByUser. */
  readonly code?: string;
  /** Retry-After header (seconds). */
  readonly retryAfter?: string;
  /** Only calls of these kinds fail (default: send, reply, update, create). */
  readonly kinds?: readonly ConnectorCallKind[];
}

export interface FakeMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly tenantId: string;
}

export interface FakeConnector {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Members answered to GET /v3/conversations/{id}/members/{userId}, by user id. */
  readonly members: Map<string, FakeMember>;
  /** The next matching calls fail with these answers, in order. */
  failNext(...failures: InjectedFailure[]): void;
  callsOf(kind: ConnectorCallKind): ConnectorCall[];
  /** The successful calls of a kind (what the person saw). */
  delivered(kind: ConnectorCallKind): ConnectorCall[];
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on('error', reject);
  });
}

function route(method: string, path: string): { kind: ConnectorCallKind; conversationId?: string; activityId?: string; userId?: string } | null {
  const parts = path.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return null;
  if (parts.length === 2 && method === 'POST') return { kind: 'create' };
  const conversationId = parts[2];
  if (parts[3] === 'members' && parts[4] && method === 'GET') return { kind: 'member', conversationId, userId: parts[4] };
  if (parts[3] !== 'activities') return null;
  if (parts.length === 4 && method === 'POST') return { kind: 'send', conversationId };
  if (parts.length === 5 && method === 'POST') return { kind: 'reply', conversationId, activityId: parts[4] };
  if (parts.length === 5 && method === 'PUT') return { kind: 'update', conversationId, activityId: parts[4] };
  return null;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, FakeMember>();
  let failures: InjectedFailure[] = [];
  let counter = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const matched = route(method, path);
      const body = method === 'GET' ? {} : await readBody(req);
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (!matched) return reply(404, { error: { code: 'NotFound', message: 'no such route' } });
      const record = (status: number) =>
        calls.push({
          kind: matched.kind,
          method,
          path,
          ...(matched.conversationId === undefined ? {} : { conversationId: matched.conversationId }),
          ...(matched.activityId === undefined ? {} : { activityId: matched.activityId }),
          body,
          authorization: req.headers.authorization,
          status,
        });
      const failureIndex = failures.findIndex((f) => (f.kinds ?? ['send', 'reply', 'update', 'create']).includes(matched.kind));
      if (failureIndex >= 0) {
        const failure = failures[failureIndex]!;
        failures = failures.filter((_, i) => i !== failureIndex);
        record(failure.status);
        return reply(
          failure.status,
          { error: { code: failure.code ?? `Http${failure.status}`, message: 'injected failure' } },
          failure.retryAfter ? { 'retry-after': failure.retryAfter } : {},
        );
      }
      if (matched.kind === 'member') {
        const member = members.get(matched.userId ?? '');
        record(member ? 200 : 404);
        return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      }
      counter += 1;
      record(200);
      if (matched.kind === 'create') return reply(200, { id: `a:created-${counter}`, activityId: '' });
      if (matched.kind === 'update') return reply(200, { id: matched.activityId });
      return reply(200, { id: `activity-${counter}` });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
    failNext(...more) {
      failures.push(...more);
    },
    callsOf: (kind) => calls.filter((c) => c.kind === kind),
    delivered: (kind) => calls.filter((c) => c.kind === kind && c.status === 200),
    reset() {
      calls.length = 0;
      failures = [];
      members.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
