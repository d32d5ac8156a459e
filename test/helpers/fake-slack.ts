/**
 * A local fake of the Slack Web API (HTTP on 127.0.0.1, port 0) for the Slack adapter's tests:
 * it answers like Slack (HTTP 200 with { ok, ... }), records every call, keeps the messages it
 * accepted per channel (with their metadata), checks Block Kit limits on what it receives
 * (answering { ok: false, error: 'invalid_blocks' } when one is broken), and can be told to fail
 * the next calls of a method: HTTP 429 with Retry-After, HTTP 500, a Slack error, or a slow answer
 * (after doing the work: the ambiguous timeout). It also receives `response_url` posts.
 *
 * Two options make it behave like Slack under load (benchmarks, resilience tests):
 * - `limits`: chat.postMessage is limited per channel and per workspace (token buckets of one
 *   second's burst); a call over the limit gets HTTP 429 with Retry-After, and does nothing.
 * - `chaos`: a share of chat.postMessage calls fail at random, from a seeded generator: 429 with
 *   Retry-After, HTTP 500 (nothing done), or a timeout (the work is done, the answer comes too
 *   late for the client: the ambiguous case).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackUser {
  readonly id: string;
  readonly teamId: string;
  readonly email?: string;
  readonly name: string;
  readonly deleted?: boolean;
}

export interface FakeSlackMessage {
  readonly channel: string;
  readonly ts: string;
  text: string;
  blocks: unknown[];
  readonly metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  readonly ephemeralFor?: string;
}

export interface FakeSlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

export type FakeFailure =
  | { readonly kind: 'ratelimited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'error'; readonly error: string }
  /** Answers after `delayMs`, having done the work first (the client gave up meanwhile). */
  | { readonly kind: 'slow'; readonly delayMs: number };

export interface FakeSlackLimits {
  /** chat.postMessage calls per second in one channel (Slack: about 1). */
  readonly perChannelPerSecond?: number;
  /** chat.postMessage calls per second in the whole workspace. */
  readonly workspacePerSecond?: number;
}

export interface FakeSlackChaos {
  /** Shares of chat.postMessage calls, in [0, 1], that fail this way (their sum at most 1). */
  readonly rateLimited?: number;
  readonly serverError?: number;
  readonly timeout?: number;
  /** How late a timed-out call answers (more than the client's own timeout). */
  readonly timeoutMs?: number;
  /** Retry-After of the random 429s, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** Seed of the generator (default 1): the same seed gives the same sequence of faults. */
  readonly seed?: number;
}

export interface FakeSlackOptions {
  readonly teamId?: string;
  readonly limits?: FakeSlackLimits;
  readonly chaos?: FakeSlackChaos;
}

export interface FakeSlackStats {
  /** HTTP 429 answers, by cause. */
  readonly rateLimited: { limits: number; chaos: number; told: number };
  readonly serverErrors: number;
  readonly timeouts: number;
}

export interface FakeSlack {
  /** The Web API base URL for clientOptions.slackApiUrl ('http://127.0.0.1:<port>/api/'). */
  readonly apiUrl: string;
  /** A response_url that lands in `responses`. */
  responseUrl(name: string): string;
  readonly calls: FakeSlackCall[];
  readonly messages: FakeSlackMessage[];
  readonly responses: { readonly name: string; readonly body: Record<string, unknown> }[];
  readonly views: { readonly method: string; readonly userId?: string; readonly view: Record<string, unknown> }[];
  readonly team: { readonly id: string; readonly botUserId: string; readonly botId: string };
  addUser(user: FakeSlackUser): void;
  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  callsOf(method: string): FakeSlackCall[];
  /** How many messages (not ephemeral) carry each outbox id in their metadata: 1 each when nothing was doubled. */
  outboxCounts(): Map<string, number>;
  readonly stats: FakeSlackStats;
  /** Messages posted (not ephemeral) to a channel, oldest first. */
  channelMessages(channel: string): FakeSlackMessage[];
  reset(): void;
  close(): Promise<void>;
}

// ───────────────────────── Block Kit limits ─────────────────────────

const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  options: 100,
  optionText: 75,
  optionValue: 150,
  headerText: 150,
  viewTitle: 24,
  privateMetadata: 3000,
  placeholder: 150,
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | null => (isObject(v) && typeof v.text === 'string' ? v.text : null);

function checkText(problems: string[], where: string, value: unknown, max: number, kind?: 'plain_text' | 'mrkdwn'): void {
  if (!isObject(value) || typeof value.text !== 'string' || (value.type !== 'plain_text' && value.type !== 'mrkdwn')) {
    problems.push(`${where}: expected a text object`);
    return;
  }
  if (kind && value.type !== kind) problems.push(`${where}: expected ${kind}`);
  if (value.text.length === 0) problems.push(`${where}: empty text`);
  if (value.text.length > max) problems.push(`${where}: text longer than ${max}`);
}

function checkOptions(problems: string[], where: string, element: Json): void {
  const options = element.options;
  if (!Array.isArray(options) || options.length === 0 || options.length > LIMITS.options) {
    problems.push(`${where}: 1 to ${LIMITS.options} options`);
    return;
  }
  for (const [i, option] of options.entries()) {
    if (!isObject(option)) continue;
    checkText(problems, `${where}.options[${i}]`, option.text, LIMITS.optionText, 'plain_text');
    if (typeof option.value !== 'string' || option.value.length > LIMITS.optionValue) problems.push(`${where}.options[${i}]: value`);
  }
  if (element.initial_option !== undefined) {
    const initial = element.initial_option;
    if (!options.some((o) => isObject(o) && isObject(initial) && o.value === initial.value && textOf(o.text) === textOf(initial.text))) {
      problems.push(`${where}: initial_option is not one of the options`);
    }
  }
}

function checkElement(problems: string[], where: string, element: unknown, actionIds: Set<string>): void {
  if (!isObject(element)) {
    problems.push(`${where}: not an object`);
    return;
  }
  const actionId = element.action_id;
  if (typeof actionId !== 'string' || actionId.length === 0 || actionId.length > LIMITS.actionId) problems.push(`${where}: action_id`);
  else if (actionIds.has(actionId)) problems.push(`${where}: duplicate action_id ${actionId}`);
  else actionIds.add(actionId);
  switch (element.type) {
    case 'button':
      checkText(problems, `${where}.text`, element.text, LIMITS.buttonText, 'plain_text');
      if (element.value !== undefined && (typeof element.value !== 'string' || element.value.length > LIMITS.buttonValue)) problems.push(`${where}: value`);
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') problems.push(`${where}: style`);
      if (element.url !== undefined && (typeof element.url !== 'string' || element.url.length > 3000)) problems.push(`${where}: url`);
      break;
    case 'static_select':
      checkText(problems, `${where}.placeholder`, element.placeholder ?? { type: 'plain_text', text: 'x' }, LIMITS.placeholder, 'plain_text');
      checkOptions(problems, where, element);
      break;
    case 'datepicker':
      if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) problems.push(`${where}: initial_date`);
      break;
    case 'plain_text_input':
      if (element.max_length !== undefined && (typeof element.max_length !== 'number' || element.max_length > 3000)) problems.push(`${where}: max_length`);
      if (typeof element.initial_value === 'string' && typeof element.max_length === 'number' && element.initial_value.length > element.max_length) {
        problems.push(`${where}: initial_value longer than max_length`);
      }
      break;
    default:
      problems.push(`${where}: unsupported element ${String(element.type)}`);
  }
}

/** The Block Kit problems of `blocks` on a surface ('message', 'modal', 'home'); [] when Slack would take them. */
export function blockKitProblems(blocks: unknown, surface: 'message' | 'modal' | 'home'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks: not an array'];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (blocks.length > max) problems.push(`more than ${max} blocks`);
  const blockIds = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    const where = `blocks[${i}]`;
    if (!isObject(block)) {
      problems.push(`${where}: not an object`);
      continue;
    }
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      if (id.length > LIMITS.blockId || blockIds.has(id)) problems.push(`${where}: block_id`);
      blockIds.add(id);
    }
    const actionIds = new Set<string>();
    switch (block.type) {
      case 'section':
        if (block.text === undefined && block.fields === undefined) problems.push(`${where}: a section needs text or fields`);
        if (block.text !== undefined) checkText(problems, `${where}.text`, block.text, LIMITS.sectionText);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length > LIMITS.fields) problems.push(`${where}: at most ${LIMITS.fields} fields`);
          else for (const [j, f] of block.fields.entries()) checkText(problems, `${where}.fields[${j}]`, f, LIMITS.fieldText);
        }
        if (block.accessory !== undefined) checkElement(problems, `${where}.accessory`, block.accessory, actionIds);
        break;
      case 'header':
        checkText(problems, `${where}.text`, block.text, LIMITS.headerText, 'plain_text');
        break;
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) problems.push(`${where}: 1 to 10 elements`);
        else for (const [j, e] of block.elements.entries()) checkText(problems, `${where}.elements[${j}]`, e, LIMITS.sectionText);
        break;
      case 'actions':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > LIMITS.actionsElements) {
          problems.push(`${where}: 1 to ${LIMITS.actionsElements} elements`);
        } else for (const [j, e] of block.elements.entries()) checkElement(problems, `${where}.elements[${j}]`, e, actionIds);
        break;
      case 'divider':
        break;
      case 'image':
        if (typeof block.image_url !== 'string' || typeof block.alt_text !== 'string' || block.alt_text.length > 2000) problems.push(`${where}: image`);
        break;
      case 'input':
        if (surface === 'message') problems.push(`${where}: input blocks only in views`);
        checkText(problems, `${where}.label`, block.label, 2000, 'plain_text');
        checkElement(problems, `${where}.element`, block.element, actionIds);
        break;
      default:
        problems.push(`${where}: unsupported block ${String(block.type)}`);
    }
  }
  return problems;
}

/** The problems of a view (modal or home): blocks, title/submit/close ≤ 24, private_metadata ≤ 3000. */
export function viewProblems(view: unknown): string[] {
  if (!isObject(view)) return ['view: not an object'];
  const surface = view.type === 'home' ? 'home' : 'modal';
  const problems = blockKitProblems(view.blocks, surface);
  if (surface === 'modal') {
    checkText(problems, 'title', view.title, LIMITS.viewTitle, 'plain_text');
    if (view.submit !== undefined) checkText(problems, 'submit', view.submit, LIMITS.viewTitle, 'plain_text');
    if (view.close !== undefined) checkText(problems, 'close', view.close, LIMITS.viewTitle, 'plain_text');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata) problems.push('private_metadata longer than 3000');
  return problems;
}

// ───────────────────────── The server ─────────────────────────

async function readBody(req: IncomingMessage): Promise<{ raw: string; type: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { raw: Buffer.concat(chunks).toString('utf8'), type: req.headers['content-type'] ?? '' };
}

const JSON_FIELDS = new Set(['blocks', 'metadata', 'view', 'attachments', 'users']);

function parseArgs(raw: string, type: string): Json {
  if (type.includes('application/json')) return raw === '' ? {} : (JSON.parse(raw) as Json);
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key) && (value.startsWith('{') || value.startsWith('['))) args[key] = JSON.parse(value);
    else args[key] = value;
  }
  return args;
}

/** A small seeded generator (mulberry32): reproducible faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Bucket {
  private tokens: number;
  private at = Date.now();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }
  /** 0 when the call fits (the token is taken), else the seconds until one is free. */
  take(): number {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const random = seeded(options.chaos?.seed ?? 1);
  const stats = { rateLimited: { limits: 0, chaos: 0, told: 0 }, serverErrors: 0, timeouts: 0 };
  const workspacePerSecond = options.limits?.workspacePerSecond;
  const workspaceBucket = workspacePerSecond ? new Bucket(workspacePerSecond, workspacePerSecond) : null;
  const channelBuckets = new Map<string, Bucket>();
  /** Seconds to wait when this post is over a limit, else 0 (and the post is counted). */
  function overLimit(args: Json): number {
    const perChannel = options.limits?.perChannelPerSecond;
    if (perChannel) {
      const channel = String(args.channel ?? '');
      let bucket = channelBuckets.get(channel);
      if (!bucket) channelBuckets.set(channel, (bucket = new Bucket(1, perChannel)));
      const wait = bucket.take();
      if (wait > 0) return wait;
    }
    return workspaceBucket?.take() ?? 0;
  }
  /** The random fault of this post, if any. */
  function chaosOf(): FakeFailure | null {
    const chaos = options.chaos;
    if (!chaos) return null;
    const draw = random();
    let edge = chaos.rateLimited ?? 0;
    if (draw < edge) return { kind: 'ratelimited', retryAfterSeconds: chaos.retryAfterSeconds ?? 1 };
    edge += chaos.serverError ?? 0;
    if (draw < edge) return { kind: 'http', status: 500 };
    edge += chaos.timeout ?? 0;
    if (draw < edge) return { kind: 'slow', delayMs: chaos.timeoutMs ?? 15_000 };
    return null;
  }
  const team = { id: options.teamId ?? 'T0RITUEL', botUserId: 'U0BOT', botId: 'B0BOT' };
  const calls: FakeSlackCall[] = [];
  const messages: FakeSlackMessage[] = [];
  const responses: { name: string; body: Json }[] = [];
  const views: { method: string; userId?: string; view: Json }[] = [];
  const users = new Map<string, FakeSlackUser>();
  const failures = new Map<string, FakeFailure[]>();
  let tsCounter = 0;
  const nextTs = () => `${1_780_000_000 + Math.floor(tsCounter / 1000)}.${String(++tsCounter).padStart(6, '0')}`;

  function handle(method: string, args: Json): Json {
    const blocksProblem = (surface: 'message' | 'modal' | 'home') => (args.blocks === undefined ? [] : blockKitProblems(args.blocks, surface));
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: team.id, user_id: team.botUserId, bot_id: team.botId, url: 'https://rituel.slack.invalid/' };
      case 'conversations.open': {
        const user = String(args.users ?? '');
        const known = users.get(user);
        if (!known) return { ok: false, error: 'user_not_found' };
        if (known.deleted) return { ok: false, error: 'user_disabled' };
        return { ok: true, channel: { id: `D${user}` } };
      }
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (!channel.startsWith('D') && !channel.startsWith('C')) return { ok: false, error: 'channel_not_found' };
        const deletedUser = users.get(channel.slice(1));
        if (channel.startsWith('D') && deletedUser?.deleted) return { ok: false, error: 'account_inactive' };
        if (typeof args.text !== 'string' && args.blocks === undefined) return { ok: false, error: 'no_text' };
        const problems = blocksProblem('message');
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        const metadata = isObject(args.metadata) ? (args.metadata as FakeSlackMessage['metadata']) : null;
        const ts = nextTs();
        messages.push({ channel, ts, text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [], metadata });
        return { ok: true, channel, ts, message: { ts, text: args.text } };
      }
      case 'chat.update': {
        const found = messages.find((m) => m.channel === args.channel && m.ts === args.ts && !m.ephemeralFor);
        if (!found) return { ok: false, error: 'message_not_found' };
        const problems = blocksProblem('message');
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        found.text = String(args.text ?? '');
        found.blocks = (args.blocks as unknown[]) ?? [];
        return { ok: true, channel: found.channel, ts: found.ts };
      }
      case 'chat.postEphemeral': {
        const problems = blocksProblem('message');
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        const ts = nextTs();
        messages.push({ channel: String(args.channel), ts, text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [], metadata: null, ephemeralFor: String(args.user) });
        return { ok: true, message_ts: ts };
      }
      case 'conversations.history': {
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const limit = Number(args.limit ?? 100);
        const list = messages
          .filter((m) => m.channel === args.channel && !m.ephemeralFor)
          .slice()
          .reverse()
          .slice(0, limit)
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages: list, has_more: false };
      }
      case 'users.lookupByEmail': {
        const email = String(args.email ?? '').toLowerCase();
        const user = [...users.values()].find((u) => u.email?.toLowerCase() === email);
        if (!user) return { ok: false, error: 'users_not_found' };
        return { ok: true, user: { id: user.id, team_id: user.teamId, deleted: user.deleted ?? false, is_bot: false, profile: { email: user.email } } };
      }
      case 'users.info': {
        const user = users.get(String(args.user ?? ''));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: user.id, team_id: user.teamId, name: user.name, real_name: user.name, deleted: user.deleted ?? false, is_bot: false, profile: { email: user.email, real_name: user.name } },
        };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push': {
        if (method === 'views.open' && typeof args.trigger_id !== 'string') return { ok: false, error: 'invalid_trigger_id' };
        const problems = viewProblems(args.view);
        if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
        views.push({ method, ...(typeof args.user_id === 'string' ? { userId: args.user_id } : {}), view: args.view as Json });
        return { ok: true, view: { id: `V${views.length}`, ...(args.view as Json) } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const { raw, type } = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/respond/')) {
        responses.push({ name: url.pathname.slice('/respond/'.length), body: parseArgs(raw, type) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const args = parseArgs(raw, type);
      calls.push({ method, args });
      let failure = failures.get(method)?.shift();
      if (failure) {
        if (failure.kind === 'ratelimited') stats.rateLimited.told += 1;
      } else if (method === 'chat.postMessage') {
        failure = chaosOf() ?? undefined;
        if (failure?.kind === 'ratelimited') stats.rateLimited.chaos += 1;
        if (!failure) {
          const wait = overLimit(args);
          if (wait > 0) {
            stats.rateLimited.limits += 1;
            failure = { kind: 'ratelimited', retryAfterSeconds: wait };
          }
        }
      }
      if (failure?.kind === 'http') stats.serverErrors += 1;
      if (failure?.kind === 'slow') stats.timeouts += 1;
      if (failure?.kind === 'ratelimited') {
        res.writeHead(429, { 'retry-after': String(failure.retryAfterSeconds), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      if (failure?.kind === 'http') {
        res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('upstream failure');
        return;
      }
      if (failure?.kind === 'error') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: failure.error }));
        return;
      }
      const answer = handle(method, args);
      if (failure?.kind === 'slow') await new Promise((r) => setTimeout(r, failure.delayMs));
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (name) => `http://127.0.0.1:${port}/respond/${name}`,
    calls,
    messages,
    responses,
    views,
    team,
    addUser: (user) => users.set(user.id, user),
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    outboxCounts() {
      const counts = new Map<string, number>();
      for (const m of messages) {
        const id = m.metadata?.event_payload.outbox_id;
        if (!m.ephemeralFor && typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    stats,
    channelMessages: (channel) => messages.filter((m) => m.channel === channel && !m.ephemeralFor),
    reset() {
      calls.length = 0;
      messages.length = 0;
      responses.length = 0;
      views.length = 0;
      failures.clear();
      channelBuckets.clear();
      stats.rateLimited = { limits: 0, chaos: 0, told: 0 };
      stats.serverErrors = 0;
      stats.timeouts = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
