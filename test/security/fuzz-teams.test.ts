/**
 * Fuzz of Teams' POST /api/messages, mounted without an app id so that every body reaches
 * botbuilder's parsing and Rituel's bot code (with an app id, requests without a valid token are
 * refused before: signatures.test.ts). Claire, Paul and Sophie (Banque du Nord's contacts, known
 * in Teams) and a stranger click with the ids of Julien's check-ins, mission and CRA (another
 * client's), with unknown verbs and broken card data; activities are mutated field by field;
 * bodies are random JSON, not JSON, not UTF-8, of the wrong content type, several MB.
 * Every answer below 500 without a stack trace, no error logged, Julien's month unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, interactionIds, newInteractionProblems } from './helpers/db-state.js';
import { expectClean, expectUnchanged, runFuzz, unexpectedErrors, type FuzzCase } from './helpers/fuzz-harness.js';
import { intentsOn, UNKNOWN_ACTION_IDS, type Intent } from './helpers/intents.js';
import { invalidUtf8, longString, mutate, NASTY_STRINGS, nested, randomJson, randomValue, type Json } from './helpers/mutate.js';
import { fuzzSeed, seededRandom, type Random } from './helpers/prng.js';
import { AAD, startSecurityWorld, teamsActivity, TEAMS_STRANGER, TENANT, type SecurityWorld } from './helpers/security-world.js';

const SEED = fuzzSeed(7_2026_11);
let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world?.close();
});

const ACTORS = [
  { aadObjectId: AAD.claire, name: 'Claire Dubois' },
  { aadObjectId: AAD.paul, name: 'Paul <script>alert(1)</script>' },
  { aadObjectId: AAD.sophie, name: 'Sophie ℛ𝒾𝓉𝓊ℯ𝓁 🎉' },
  { aadObjectId: TEAMS_STRANGER, name: '"><img src=x onerror=alert(1)>' },
];

function cardData(intent: Intent): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  if (intent.selected) inputs.rituel_in_0 = intent.selected;
  for (const [field, value] of Object.entries(intent.fields ?? {})) inputs[`rituel_f_${field}`] = value;
  return { rituel: { k: intent.kind, a: intent.actionId, v: JSON.stringify(intent.value), ...(intent.selected ? { i: 'rituel_in_0' } : {}) }, ...inputs };
}

function invoke(serviceUrl: string, actor: (typeof ACTORS)[number], data: unknown, verb = 'x'): Record<string, unknown> {
  return teamsActivity(serviceUrl, actor, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
}

function submit(serviceUrl: string, actor: (typeof ACTORS)[number], data: unknown): Record<string, unknown> {
  return teamsActivity(serviceUrl, actor, { type: 'message', value: data, replyToId: `1:${Math.random()}` });
}

/** The sender's identity broken in shape only (arbitrary ids would be new unknown users: an alert each). */
function brokenIdentity(random: Random, activity: Record<string, unknown>): Record<string, unknown> {
  const from = activity.from as Record<string, unknown>;
  switch (random.int(8)) {
    case 0:
      return { ...activity, from: random.pick([null, 'claire', 42, [], {}]) };
    case 1:
      return { ...activity, from: { ...from, aadObjectId: random.pick([null, 42, '', [], { id: 1 }]) } };
    case 2:
      return { ...activity, conversation: random.pick([null, 'a:1', 42, [], {}]) };
    case 3:
      return { ...activity, conversation: { ...(activity.conversation as object), tenantId: random.pick([null, 42, '', []]) }, channelData: random.pick([null, {}, { tenant: null }, { tenant: { id: 42 } }]) };
    case 4:
      return { ...activity, recipient: random.pick([null, 'bot', 42, {}]) };
    case 5:
      return { ...activity, from: { ...from, id: random.pick([null, 42, '', longString(random, 5000)]) } };
    case 6:
      return { ...activity, channelId: random.pick([null, 42, 'slack', 'webchat', '']) };
    default:
      return { ...activity, conversation: { ...(activity.conversation as object), conversationType: random.pick(['channel', 'groupChat', null, 42]), isGroup: random.pick([true, 'yes', null]) } };
  }
}

function post(url: string, body: string | Buffer, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

function teamsCases(random: Random): FuzzCase[] {
  const url = `${world.baseUrl}/api/messages`;
  const serviceUrl = world.connector.url;
  const intents = intentsOn(world.resources.julien, world.alertIds);
  const cases: FuzzCase[] = [];
  const json = (name: string, activity: unknown) => {
    cases.push({ name, send: () => post(url, JSON.stringify(activity)) });
  };

  // Clicks with the ids of Julien's records (another client's), as is: Execute and Submit.
  for (const intent of intents) {
    for (const actor of ACTORS) {
      json(`execute ${intent.kind} ${intent.actionId} by ${actor.aadObjectId.slice(-4)}`, invoke(serviceUrl, actor, cardData(intent), intent.actionId));
    }
    json(`submit ${intent.kind} ${intent.actionId}`, submit(serviceUrl, random.pick(ACTORS), cardData(intent)));
  }
  // The same clicks, mutated (the card data, the value, the activity around them).
  for (let i = 0; i < 200; i += 1) {
    const intent = random.pick(intents);
    const actor = random.pick(ACTORS);
    const viaInvoke = random.chance(0.6);
    const base = viaInvoke ? invoke(serviceUrl, actor, cardData(intent), intent.actionId) : submit(serviceUrl, actor, cardData(intent));
    const mutated = random.chance(0.25) ? { value: brokenIdentity(random, base) as Json, description: 'identity' } : mutate(random, base as Json, { keep: ['from', 'conversation', 'channelData', 'serviceUrl', 'id'], longLength: 200_000 });
    json(`${viaInvoke ? 'execute' : 'submit'} ${intent.actionId} mutated: ${mutated.description}`, mutated.value);
  }
  // Values broken inside a valid card data envelope.
  for (let i = 0; i < 60; i += 1) {
    const intent = random.pick(intents);
    const value = random.pick<unknown>([
      '',
      'not json',
      '{"c":',
      JSON.stringify(randomValue(random)),
      JSON.stringify({ ...intent.value, c: random.pick(NASTY_STRINGS) }),
      JSON.stringify({ ...intent.value, t: 42, v: '1', h: null }),
      JSON.stringify(nested(500)),
      longString(random, 2500),
    ]);
    const data = { rituel: { k: random.pick(['action', 'form', 'other', 1]), a: random.chance(0.7) ? intent.actionId : random.pick(UNKNOWN_ACTION_IDS), v: value, ...(random.chance(0.3) ? { i: random.pick(['rituel_in_0', '', 'x'.repeat(100)]) } : {}) }, rituel_in_0: random.pick(NASTY_STRINGS) };
    json(`broken value for ${intent.actionId}`, random.chance(0.5) ? invoke(serviceUrl, random.pick(ACTORS), data) : submit(serviceUrl, random.pick(ACTORS), data));
  }
  // Unknown verbs, unknown invokes, not Rituel's data.
  for (let i = 0; i < 40; i += 1) {
    const actor = random.pick(ACTORS);
    const name = random.pick(['adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'task/submit', 'signin/verifyState', 'fileConsent/invoke', 'actionableMessage/executeAction', '', random.string(20)]);
    const value = random.pick<unknown>([null, undefined, 42, 'x', [], { action: null }, { action: { type: 'Action.Execute', verb: random.pick(UNKNOWN_ACTION_IDS), data: randomValue(random) } }, { action: { data: { rituel: randomValue(random) } } }, randomJson(random)]);
    json(`invoke ${name} ${JSON.stringify(value ?? null).slice(0, 40)}`, teamsActivity(serviceUrl, actor, { type: 'invoke', name, ...(value !== undefined ? { value } : {}) }));
  }
  // Typed text: hostile, huge, unicode; and every activity type, known or not.
  for (let i = 0; i < 60; i += 1) {
    const actor = random.pick(ACTORS);
    const text = random.chance(0.8) ? random.pick([...NASTY_STRINGS, 'aide', 'semaine', 'mois', 'statut', 'mon espace', '<at>Rituel</at> aide']) : longString(random, 20_000 + random.int(200_000));
    const type = random.chance(0.7) ? 'message' : random.pick(['conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event', 'endOfConversation', 'messageUpdate', 'messageDelete', random.string(12), '']);
    const extra: Record<string, unknown> = type === 'installationUpdate' ? { action: random.pick(['add', 'add-upgrade', 'unknown', null, 42]) } : {};
    if (random.chance(0.3)) extra.attachments = random.pick([[], [{ contentType: 'text/html', content: '<script>x</script>' }], 'x', [null], [{ contentType: 42 }]]);
    if (random.chance(0.2)) extra.locale = random.pick([null, 42, 'xx', 'en-US', '<b>', longString(random, 1000)]);
    json(`${type || '(empty type)'} text ${text.slice(0, 20)}`, teamsActivity(serviceUrl, actor, { type, text, ...extra }));
  }
  // Random JSON and shapes that are not activities.
  for (let i = 0; i < 50; i += 1) json('random JSON', randomJson(random));
  for (const body of [[], 'string', 42, null, true, { type: 42 }, { type: 'message' }, { type: 'message', text: 'aide' }, { type: 'invoke' }, nested(2000, {}, 'object')]) {
    json(`not an activity ${JSON.stringify(body).slice(0, 30)}`, body);
  }
  // Not JSON, not UTF-8, wrong content types, huge bodies.
  for (let i = 0; i < 40; i += 1) {
    const activity = JSON.stringify(teamsActivity(serviceUrl, random.pick(ACTORS), { type: 'message', text: 'aide' }));
    const kind = random.int(6);
    const body = kind === 0 ? activity.slice(0, random.int(activity.length)) : kind === 1 ? invalidUtf8(random, activity) : kind === 2 ? `${activity}}` : activity;
    const contentType = kind === 3 ? random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) : kind === 4 ? random.pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=nope']) : 'application/json';
    cases.push({ name: `raw body kind ${kind} ${contentType}`, send: () => post(url, body, contentType, kind === 5 ? { 'content-encoding': random.pick(['gzip', 'br', 'x-unknown']) } : {}) });
  }
  for (const megabytes of [2, 5]) {
    const text = 'x'.repeat(megabytes * 1024 * 1024);
    cases.push({ name: `${megabytes} MB message`, send: () => post(url, JSON.stringify(teamsActivity(serviceUrl, ACTORS[0]!, { type: 'message', text }))) });
  }
  return cases;
}

describe('fuzz: Teams /api/messages', () => {
  it('answers every malformed activity below 500, logs no error and changes nothing', async () => {
    const random = seededRandom(SEED);
    const before = await dbState(world.prisma);
    const beforeIds = await interactionIds(world.prisma);
    const cases = teamsCases(random);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const report = await runFuzz(cases, { seed: SEED, healthUrl: `${world.baseUrl}/healthz` });
    expect(unexpectedErrors(world.log.errors()), `fuzz seed ${SEED}`).toEqual([]);
    expectClean(report, SEED);
    // The router keeps the answer of each interaction it handled: refusals and read-only answers only.
    const interactions = await newInteractionProblems(world.prisma, beforeIds);
    expect(interactions.problems, `fuzz seed ${SEED}`).toEqual([]);
    expectUnchanged(before, await dbState(world.prisma), SEED, { mayGrow: ['ProcessedInteraction'] });
    // Nothing reached Julien: every answer went to the person who clicked.
    const recipients = new Set(world.connector.calls.map((c) => c.conversationId));
    expect([...recipients].filter((id) => id !== undefined && !ACTORS.some((a) => id.includes(a.aadObjectId)))).toEqual([]);
  }, 120_000);

  it('regressions: what the fuzz found, answered as it should be', async () => {
    const url = `${world.baseUrl}/api/messages`;
    const claire = ACTORS[0]!;
    const errorsBefore = world.log.errors().length;
    // Express's HTML error page with a stack trace, for a body that is not JSON: now a coded problem, French by default, English on request.
    const broken = await post(url, '{"type":', 'application/json');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'INVALID_JSON', message: 'Le corps de la requête n’est pas du JSON valide : rien n’a été modifié.' });
    const brokenEn = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' }, body: '{' });
    expect((await brokenEn.json()) as unknown).toEqual({ error: 'INVALID_JSON', message: 'The request body is not valid JSON: nothing was changed.' });
    expect((await post(url, 'x'.repeat(2 * 1024 * 1024))).status).toBe(413);
    expect((await post(url, '{}', 'application/json; charset=latin1')).status).toBe(415);
    // botbuilder throwing on an activity without a type (a 500 with its stack): a 400.
    for (const body of [{}, { type: 42 }, [], { type: 'message', from: 'x' }, { ...teamsActivity(world.connector.url, claire, { type: 'message' }), conversation: null }]) {
      const response = await post(url, JSON.stringify(body));
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('INVALID_INPUT');
    }
    // Replies that botbuilder cannot serialize (ids that are not strings): refused before the turn.
    for (const patch of [{ recipient: { id: 42 } }, { channelId: 42 }, { from: { id: 42, aadObjectId: AAD.claire } }, { conversation: { id: 'a:1', isGroup: 'yes' } }, { from: { id: '29:x', aadObjectId: { id: 1 } } }]) {
      expect((await post(url, JSON.stringify({ ...teamsActivity(world.connector.url, claire, { type: 'message', text: 'aide' }), ...patch }))).status).toBe(400);
    }
    // A locale that is not a string made the turn (and its error handler) throw.
    expect((await post(url, JSON.stringify(teamsActivity(world.connector.url, claire, { type: 'message', text: 'aide', locale: 42 })))).status).toBe(400);
    // An invoke of a stranger that is not a card action was left unanswered (501).
    const stranger = ACTORS[3]!;
    expect((await post(url, JSON.stringify(teamsActivity(world.connector.url, stranger, { type: 'invoke', name: 'task/fetch', value: {} })))).status).toBe(200);
    // NUL characters and lone surrogates in what is stored (the conversation reference, the answer kept): no database error.
    expect((await post(url, JSON.stringify(teamsActivity(world.connector.url, claire, { type: 'message', text: 'statut \u0000 \ud800', conversation: { id: `a:${claire.aadObjectId}-1on1`, conversationType: 'personal', tenantId: TENANT, name: 'nul \u0000' } })))).status).toBe(200);
    expect(world.log.errors().slice(errorsBefore)).toEqual([]);
  });
});
