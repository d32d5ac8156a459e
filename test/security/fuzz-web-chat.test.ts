/**
 * Fuzz of the local web chat's API (mounted with its demo panel, as `rituel demo` runs it): Julien
 * clicks and submits with the ids of Alice's and Sarah's check-ins, mission and CRA, on his own
 * messages and on theirs, as is and mutated; random and broken bodies, wrong content types,
 * cross-origin and proxied requests, hostile query strings and path ids, typed commands with
 * hostile text, demo ticks and triggers that are not valid. Every answer below 500 and coded
 * (`{ error, message }` for 4xx), no error logged, Alice's and Sarah's month unchanged; the only
 * rows written are Julien's accepted commands (his text and the bot's answer), counted exactly.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, interactionIds, newInteractionProblems } from './helpers/db-state.js';
import { expectClean, expectUnchanged, runFuzz, unexpectedErrors, type FuzzCase } from './helpers/fuzz-harness.js';
import { intentsOn, UNKNOWN_ACTION_IDS } from './helpers/intents.js';
import { invalidUtf8, longString, mutate, NASTY_STRINGS, nested, percentEncode, randomJson, randomValue, type Json } from './helpers/mutate.js';
import { fuzzSeed, seededRandom, type Random } from './helpers/prng.js';
import { startSecurityWorld, type SecurityWorld } from './helpers/security-world.js';

const SEED = fuzzSeed(3_2026);
let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world?.close();
});

/** A 4xx of the web chat API is a coded problem. */
function coded(status: number, body: string): string | undefined {
  if (status < 400 || status >= 500 || status === 404 && !body.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    return typeof parsed.error === 'string' && typeof parsed.message === 'string' ? undefined : `uncoded ${status}: ${body.slice(0, 200)}`;
  } catch {
    return `${status} is not JSON: ${body.slice(0, 200)}`;
  }
}

function webCases(random: Random, acceptedCommands: { count: number }): FuzzCase[] {
  const api = `${world.baseUrl}/chat/api`;
  const julien = world.resources.julien;
  const victims = [world.resources.alice, world.resources.sarah];
  const intents = victims.flatMap((v) => intentsOn(v, world.alertIds));
  const cases: FuzzCase[] = [];
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
  const add = (name: string, send: () => Promise<Response>) => cases.push({ name, send, check: coded });

  const interactionBody = (intent: (typeof intents)[number], messageId?: string) => ({
    id: randomUUID(),
    personId: julien.personId,
    ...(messageId ? { messageId } : {}),
    kind: intent.kind,
    actionId: intent.actionId,
    value: JSON.stringify(intent.value),
    ...(intent.kind === 'action' && intent.selected ? { selected: intent.selected } : {}),
    ...(intent.kind === 'form' ? { fields: intent.fields ?? {} } : {}),
  });
  // Julien with the ids of Alice's and Sarah's records: without a message, on his own, on theirs.
  for (const intent of intents) {
    add(`${intent.actionId} no message`, () => postJson('/interactions', interactionBody(intent)));
    add(`${intent.actionId} on his message`, () => postJson('/interactions', interactionBody(intent, random.pick(julien.webMessageIds))));
    add(`${intent.actionId} on theirs`, () => postJson('/interactions', interactionBody(intent, random.pick(random.pick(victims).webMessageIds))));
  }
  // As somebody else entirely (their person id: the web chat's page lets anybody pick anybody,
  // which is why it only listens on loopback): covered by the authorization matrix, not here.
  // Mutated bodies.
  for (let i = 0; i < 250; i += 1) {
    const intent = random.pick(intents);
    const body = interactionBody(intent, random.chance(0.5) ? random.pick(julien.webMessageIds) : undefined);
    const mutated = mutate(random, body as Json, { keep: ['personId'], longLength: 70_000 });
    add(`interaction mutated: ${mutated.description}`, () => postJson('/interactions', mutated.value));
  }
  // Unknown actions, broken values, unknown or malformed people.
  for (let i = 0; i < 60; i += 1) {
    const body = {
      id: random.chance(0.8) ? randomUUID() : random.pick(NASTY_STRINGS),
      personId: random.pick([julien.personId, randomUUID(), '00000000-0000-0000-0000-000000000000', random.pick(NASTY_STRINGS), world.people.marc!]),
      kind: random.pick(['action', 'form', 'command', 'x']),
      actionId: random.pick([...UNKNOWN_ACTION_IDS, random.pick(intents).actionId]),
      value: random.pick([JSON.stringify(randomValue(random)), random.pick(NASTY_STRINGS), JSON.stringify(nested(200))]),
      ...(random.chance(0.5) ? { fields: random.pick([{}, { note: longString(random, 2000) }, randomJson(random), Object.fromEntries(Array.from({ length: 60 }, (_, k) => [`f${k}`, 'x']))]) } : {}),
    };
    // Marc (a manager) with an unknown action or a broken value only: any valid one of his would be his right.
    if (body.personId === world.people.marc && !UNKNOWN_ACTION_IDS.includes(body.actionId)) body.actionId = UNKNOWN_ACTION_IDS[0]!;
    add(`interaction junk ${body.actionId.slice(0, 20)}`, () => postJson('/interactions', body));
  }
  // Typed commands: hostile text from Julien (accepted: his text and the answer are written), and broken bodies.
  for (let i = 0; i < 40; i += 1) {
    const text = random.chance(0.85) ? random.pick([...NASTY_STRINGS.filter((s) => s.trim() !== ''), 'aide', 'semaine', 'mois', 'statut']) : longString(random, 400);
    cases.push({
      name: `command ${text.slice(0, 20)}`,
      send: () => postJson('/commands', { id: randomUUID(), personId: julien.personId, text }),
      check: (status, body) => {
        if (status === 200) acceptedCommands.count += 1;
        return coded(status, body);
      },
    });
  }
  for (let i = 0; i < 40; i += 1) {
    const base = { id: randomUUID(), personId: julien.personId, text: 'aide' };
    const mutated = random.chance(0.5) ? mutate(random, base as Json, { longLength: 10_000 }) : { value: { ...base, personId: random.pick([randomUUID(), 'x', null]) } as Json, description: 'person' };
    cases.push({
      name: `command mutated: ${mutated.description}`,
      send: () => postJson('/commands', mutated.value),
      check: (status, body) => {
        if (status === 200) acceptedCommands.count += 1;
        return coded(status, body);
      },
    });
  }
  // Demo panel: ticks and triggers that are not valid (a valid one runs the rituals: not bad input).
  for (let i = 0; i < 30; i += 1) {
    const at = random.pick<unknown>([null, 42, '', 'tomorrow', '2026-13-01T00:00:00Z', '2026-11-30', longString(random, 500), '2026-11-30T25:00:00Z', { at: 1 }]);
    add(`demo tick ${String(at).slice(0, 20)}`, () => postJson('/demo/tick', random.chance(0.8) ? { at } : randomJson(random)));
    const trigger = random.pick([{ personId: julien.personId, ritual: random.pick(['nope', '', '<script>', longString(random, 100)]) }, { personId: random.pick([randomUUID(), 'x']), ritual: 'daily' }, randomJson(random), { personId: julien.personId, ritual: 'daily', extra: 1 }]);
    add(`demo trigger ${JSON.stringify(trigger).slice(0, 30)}`, () => postJson('/demo/trigger', trigger));
  }
  // Wrong content types, not JSON, not UTF-8, too large, cross-origin, proxied, foreign Host.
  for (let i = 0; i < 60; i += 1) {
    const path = random.pick(['/interactions', '/commands', '/demo/tick', '/demo/trigger', '/people', '/nope']);
    const kind = random.int(7);
    const json = JSON.stringify({ id: randomUUID(), personId: julien.personId, text: 'aide' });
    const send = (): Promise<Response> => {
      switch (kind) {
        case 0:
          return fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) }, body: json });
        case 1:
          return postJson(path, json.slice(0, random.int(json.length)));
        case 2:
          return postJson(path, invalidUtf8(random, json));
        case 3:
          return postJson(path, JSON.stringify({ id: randomUUID(), personId: julien.personId, text: 'x'.repeat(2 * 1024 * 1024) }));
        case 4:
          return postJson(path, json, { origin: random.pick(['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'file://']) });
        case 5:
          return postJson(path, json, { 'x-forwarded-for': '203.0.113.9' });
        default:
          return fetch(`${api}${path}`, { method: random.pick(['PUT', 'DELETE', 'PATCH']), headers: { 'content-type': 'application/json' }, body: json });
      }
    };
    add(`raw ${kind} ${path}`, send);
  }
  // Read routes with hostile ids and query strings (streams only for people who do not exist: a real one stays open).
  for (let i = 0; i < 60; i += 1) {
    const id = random.pick([randomUUID(), percentEncode(random.pick(NASTY_STRINGS)) || 'x', '..%2F..%2Fmetrics', longString(random, 3000).replace(/[^A-Za-z]/g, 'a'), julien.personId]);
    const since = random.pick(['', `?since=${percentEncode(random.pick(NASTY_STRINGS))}`, '?since=2026-11-30T00:00:00Z', '?since[]=1&since[]=2', `?since=${'9'.repeat(400)}`]);
    const route = random.pick(['messages', 'stream', 'messages']);
    const target = route === 'stream' && id === julien.personId ? randomUUID() : id;
    add(`GET people/${String(target).slice(0, 20)}/${route}${since.slice(0, 20)}`, () => fetch(`${api}/people/${target}/${route}${since}`));
  }
  for (const query of ['', '?locale=fr', '?locale=de', '?locale[]=fr', `?locale=${percentEncode('<script>')}`, `?${'a=1&'.repeat(2000)}`]) {
    add(`GET texts${query.slice(0, 20)}`, () => fetch(`${api}/texts${query}`));
  }
  add('GET people', () => fetch(`${api}/people`));
  add('GET demo', () => fetch(`${api}/demo`));
  add('GET page', () => fetch(`${world.baseUrl}/chat/`));
  add('GET page traversal', () => fetch(`${world.baseUrl}/chat/..%2f..%2fpackage.json`));
  add('GET asset traversal', () => fetch(`${world.baseUrl}/chat/js/..%2f..%2f..%2f..%2fpackage.json`));
  return cases;
}

describe('fuzz: the web chat API', () => {
  it('answers every malformed request with a coded 4xx or a polite refusal, logs no error and changes nothing but Julien’s accepted commands', async () => {
    const random = seededRandom(SEED);
    const before = await dbState(world.prisma);
    const beforeIds = await interactionIds(world.prisma);
    const messagesBefore = new Set((await world.prisma.webMessage.findMany({ select: { id: true } })).map((m) => m.id));
    const victimIds = [world.resources.alice.personId, world.resources.sarah.personId];
    const victimRows = () => world.prisma.webMessage.findMany({ where: { personId: { in: victimIds } }, orderBy: { id: 'asc' }, select: { id: true, payload: true, updatedAt: true } });
    const victimsBefore = await victimRows();
    const accepted = { count: 0 };
    const cases = webCases(random, accepted);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const report = await runFuzz(cases, { seed: SEED, healthUrl: `${world.baseUrl}/healthz` });
    expect(unexpectedErrors(world.log.errors()), `fuzz seed ${SEED}`).toEqual([]);
    expectClean(report, SEED);
    const interactions = await newInteractionProblems(world.prisma, beforeIds);
    expect(interactions.problems, `fuzz seed ${SEED}`).toEqual([]);
    expectUnchanged(before, await dbState(world.prisma), SEED, { mayGrow: ['ProcessedInteraction', 'WebMessage'] });
    // The rows written: Julien's accepted commands, each his text then the bot's answer(s), in his conversation only.
    const added = (await world.prisma.webMessage.findMany({ select: { id: true, personId: true, author: true } })).filter((m) => !messagesBefore.has(m.id));
    expect(new Set(added.map((m) => m.personId))).toEqual(new Set(added.length > 0 ? [world.resources.julien.personId] : []));
    expect(added.filter((m) => m.author === 'PERSON')).toHaveLength(accepted.count);
    expect(added.filter((m) => m.author === 'BOT').length).toBeGreaterThanOrEqual(accepted.count);
    // Nothing of Alice's and Sarah's conversations was added or replaced.
    expect(await victimRows()).toEqual(victimsBefore);
  }, 120_000);

  it('regressions: a command with NUL characters and lone surrogates is stored cleaned, not a 500', async () => {
    const errorsBefore = world.log.errors().length;
    const response = await fetch(`${world.baseUrl}/chat/api/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), personId: world.resources.julien.personId, text: 'aide \u0000\ud800 fin' }),
    });
    expect(response.status).toBe(200);
    const mine = await world.prisma.webMessage.findMany({ where: { personId: world.resources.julien.personId, author: 'PERSON' }, select: { payload: true } });
    expect(mine.map((m) => m.payload)).toContainEqual({ text: 'aide \ufffd fin' });
    expect(world.log.errors().slice(errorsBefore)).toEqual([]);
  });
});
