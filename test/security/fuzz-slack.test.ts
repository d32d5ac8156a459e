/**
 * Fuzz of Slack's POST /slack/events (Bolt's HTTP receiver on Rituel's server).
 * - Unsigned, forged and stale requests carrying every kind of body: all 401, nothing read.
 * - Validly signed malformed requests, which reach Rituel's listeners: block_actions by Julien,
 *   Thomas (another client's approver) and a stranger with the ids of Alice's and Sarah's
 *   check-ins, mission and CRA, as is and mutated; unknown action ids and broken values;
 *   view_submission with broken state and metadata; slash commands; events of unknown types;
 *   url_verification; random JSON, not JSON, not UTF-8, wrong content types, bodies over the limit.
 * Every answer below 500, no error logged (listeners run after the ack: the log is where a crash
 * shows), Alice's and Sarah's month unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, interactionIds, newInteractionProblems } from './helpers/db-state.js';
import { expectClean, expectUnchanged, runFuzz, unexpectedErrors, type FuzzCase } from './helpers/fuzz-harness.js';
import { intentsOn, UNKNOWN_ACTION_IDS, type Intent } from './helpers/intents.js';
import { invalidUtf8, longString, mutate, NASTY_STRINGS, nested, randomJson, randomValue, type Json } from './helpers/mutate.js';
import { fuzzSeed, seededRandom, type Random } from './helpers/prng.js';
import { postSlackRaw, SLACK_STRANGER, SLACK_USERS, startSecurityWorld, TEAM, type SecurityWorld } from './helpers/security-world.js';

const SEED = fuzzSeed(5_1_4_2026);
let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world?.close();
});

const ACTORS = [SLACK_USERS.julien, SLACK_USERS.thomas, SLACK_STRANGER];

function who(user: string): Record<string, unknown> {
  return { user: { id: user, team_id: TEAM }, team: { id: TEAM }, api_app_id: 'A0RITUEL', token: 'verification-token' };
}

/** The Block Kit element Rituel renders for an intent: its action id (with `|value` for selects) and value. */
function slackAction(intent: Intent, random: Random): Record<string, unknown> {
  const value = JSON.stringify(intent.value);
  const select = intent.selected !== undefined;
  return {
    type: select ? 'static_select' : 'button',
    action_id: select ? `${intent.actionId}|${value}` : intent.actionId,
    block_id: 'b1',
    action_ts: `${Date.now() / 1000}${random.int(1e6)}`,
    ...(select ? { selected_option: { value: intent.selected, text: { type: 'plain_text', text: 'x' } } } : { value }),
  };
}

function blockActions(user: string, actions: unknown[], random: Random): Record<string, unknown> {
  const inView = random.chance(0.3);
  return {
    type: 'block_actions',
    ...who(user),
    trigger_id: `trigger-${random.string(12)}`,
    response_url: 'http://127.0.0.1:1/unused',
    container: inView ? { type: 'view', view_id: 'VHOME' } : { type: 'message', channel_id: `D${user}`, message_ts: '1764000000.000100', is_ephemeral: false },
    ...(inView ? { view: { id: 'VHOME', type: 'home' } } : { channel: { id: `D${user}` }, message: { ts: '1764000000.000100' } }),
    actions,
  };
}

function viewSubmission(user: string, intent: Intent, random: Random): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(intent.fields ?? {})) values[field] = { field: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    ...who(user),
    trigger_id: `trigger-${random.string(12)}`,
    view: {
      id: `V${random.string(8)}`,
      type: 'modal',
      callback_id: intent.actionId,
      private_metadata: JSON.stringify({ v: JSON.stringify(intent.value), c: `D${user}`, ts: '1764000000.000100' }),
      hash: 'h1',
      state: { values },
    },
  };
}

function event(inner: unknown, random: Random): Record<string, unknown> {
  return { token: 'verification-token', team_id: TEAM, api_app_id: 'A0RITUEL', type: 'event_callback', event_id: `Ev${random.string(10)}`, event_time: Math.floor(Date.now() / 1000), event: inner };
}

const form = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

/** An identity broken in shape only (arbitrary ids would be new unknown users: an alert each). */
function brokenIdentity(random: Random, payload: Record<string, unknown>): Record<string, unknown> {
  return random.pick([
    { ...payload, user: random.pick([null, 'U07JULIEN1', 42, [], {}, { id: null }, { id: 42 }, { id: '' }]) },
    { ...payload, team: random.pick([null, 42, 'T', {}, { id: null }]) },
    { ...payload, user: { id: SLACK_USERS.julien, team_id: random.pick([null, 42, {}]) } },
  ]);
}

function slackCases(random: Random): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const { baseUrl } = world;
  const intents = [...intentsOn(world.resources.alice, world.alertIds), ...intentsOn(world.resources.sarah, world.alertIds)];
  const signed = (name: string, body: string | Buffer, contentType: string) => cases.push({ name, send: () => postSlackRaw(baseUrl, body, contentType) });
  const interaction = (name: string, payload: unknown) => signed(name, form(payload), 'application/x-www-form-urlencoded');
  const mustBe401 = (status: number) => (status === 401 ? undefined : `expected 401, got ${status}`);

  // Unsigned, forged, stale: refused whatever they carry.
  for (let i = 0; i < 120; i += 1) {
    const intent = random.pick(intents);
    const body = random.chance(0.5) ? form(blockActions(random.pick(ACTORS), [slackAction(intent, random)], random)) : JSON.stringify(randomJson(random));
    const now = Math.floor(Date.now() / 1000);
    const variant = random.int(6);
    const options =
      variant === 0
        ? { signature: null }
        : variant === 1
          ? { signature: `v0=${random.string(64, '0123456789abcdef')}` }
          : variant === 2
            ? { timestamp: now - 301 - random.int(100_000) }
            : variant === 3
              ? { signature: random.pick(['', 'v0=', 'v1=abc', longString(random, 2000).replace(/[^\x21-\x7e]/g, 'a'), 'v0=zz']) }
              : variant === 4
                ? { timestamp: now + 301 + random.int(100_000) }
                : { timestamp: random.pick([0, -1, Number.NaN, 1e20]) as number };
    cases.push({ name: `unsigned variant ${variant}`, send: () => postSlackRaw(baseUrl, body, random.pick(['application/x-www-form-urlencoded', 'application/json']), options), check: mustBe401 });
  }

  // Block actions with the ids of Alice's and Sarah's records, as is.
  for (const intent of intents.filter((i) => i.kind === 'action')) {
    for (const actor of ACTORS) interaction(`click ${intent.actionId} by ${actor}`, blockActions(actor, [slackAction(intent, random)], random));
  }
  // Mutated.
  for (let i = 0; i < 200; i += 1) {
    const intent = random.pick(intents.filter((x) => x.kind === 'action'));
    const payload = blockActions(random.pick(ACTORS), [slackAction(intent, random)], random);
    const mutated = random.chance(0.2) ? { value: brokenIdentity(random, payload) as Json, description: 'identity' } : mutate(random, payload as Json, { keep: ['user', 'team', 'response_url'], longLength: 50_000 });
    interaction(`click ${intent.actionId} mutated: ${mutated.description}`, mutated.value);
  }
  // Unknown action ids, broken values, several actions at once.
  for (let i = 0; i < 60; i += 1) {
    const actor = random.pick(ACTORS);
    const actionId = random.pick([...UNKNOWN_ACTION_IDS, `daily.answer|${random.pick(NASTY_STRINGS)}`, `daily.answer#${random.int(9)}`, '|', '#1', `link:${random.string(8)}`, `cra.approve|${longString(random, 300)}`]);
    const value = random.pick<unknown>([random.pick(NASTY_STRINGS), JSON.stringify(randomValue(random)), JSON.stringify(nested(300)), longString(random, 3000), 42, null]);
    const actions = Array.from({ length: 1 + random.int(3) }, () => ({ type: random.pick(['button', 'static_select', 'datepicker', 'overflow', 'x']), action_id: actionId, action_ts: String(random.next()), value, selected_option: random.pick([null, { value: random.pick(NASTY_STRINGS) }, 'x']), selected_date: random.pick([null, '2026-02-30', 42]) }));
    interaction(`unknown action ${actionId.slice(0, 30)}`, blockActions(actor, actions, random));
  }
  // Modal submissions: with other people's ids, broken state and metadata, unknown callbacks.
  for (const intent of intents.filter((i) => i.kind === 'form')) interaction(`submit ${intent.actionId}`, viewSubmission(random.pick(ACTORS), intent, random));
  for (let i = 0; i < 80; i += 1) {
    const intent = random.pick(intents.filter((x) => x.kind === 'form'));
    const payload = viewSubmission(random.pick(ACTORS), random.chance(0.8) ? intent : { ...intent, actionId: random.pick(UNKNOWN_ACTION_IDS) }, random);
    const view = payload.view as Record<string, unknown>;
    if (random.chance(0.3)) view.private_metadata = random.pick([random.pick(NASTY_STRINGS), JSON.stringify({ v: 42 }), JSON.stringify({ v: '{}', h: 2 }), longString(random, 3000), JSON.stringify(nested(400))]);
    const mutated = mutate(random, payload as Json, { keep: ['user', 'team'], longLength: 20_000 });
    interaction(`submit mutated: ${mutated.description}`, mutated.value);
  }
  // Other interaction types (nothing of Rituel's listens: Bolt leaves them unanswered, a 4xx).
  for (const type of ['view_closed', 'block_suggestion', 'shortcut', 'message_action', 'interactive_message']) {
    interaction(`interaction ${type}`, { type, ...who(random.pick(ACTORS)), callback_id: 'x', trigger_id: 't', view: { id: 'V1', callback_id: 'daily.note' } });
  }
  // Slash commands.
  for (let i = 0; i < 60; i += 1) {
    const fields: Record<string, string> = {
      command: '/rituel',
      text: random.chance(0.8) ? random.pick([...NASTY_STRINGS, 'aide', 'semaine', 'mois', 'statut']) : longString(random, 5000),
      user_id: random.pick(ACTORS),
      team_id: TEAM,
      trigger_id: `trigger-${random.string(10)}`,
      channel_id: 'D0FUZZ',
      response_url: world.fakeSlack.responseUrl('fuzz'),
    };
    if (random.chance(0.3)) delete fields[random.pick(['text', 'trigger_id', 'channel_id', 'team_id', 'user_id'])];
    if (random.chance(0.1)) fields.extra = longString(random, 10_000);
    signed(`command ${String(fields.text).slice(0, 20)}`, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
  }
  signed('command of another app', new URLSearchParams({ command: '/other', text: 'x', user_id: SLACK_USERS.julien, team_id: TEAM, trigger_id: 't', response_url: world.fakeSlack.responseUrl('fuzz') }).toString(), 'application/x-www-form-urlencoded');
  // Events: direct messages (hostile text), Home opened, unknown types, broken envelopes; url_verification.
  for (let i = 0; i < 80; i += 1) {
    const user = random.pick(ACTORS);
    const inner = random.pick<Record<string, unknown>>([
      { type: 'message', channel_type: 'im', channel: `D${user}`, user, text: random.pick(NASTY_STRINGS), ts: `${random.int(1e9)}.000100` },
      { type: 'message', channel_type: 'im', channel: `D${user}`, user, text: longString(random, 40_000), ts: `${random.int(1e9)}.000200` },
      { type: 'message', channel_type: random.pick(['channel', 'group', 'mpim']), channel: 'C1', user, text: 'aide', ts: '1.1' },
      { type: 'message', subtype: random.pick(['message_changed', 'bot_message', 'message_deleted']), channel_type: 'im', channel: `D${user}`, ts: '1.2', message: { text: 'x' } },
      { type: 'app_home_opened', user, tab: random.pick(['home', 'messages', 'about', '']) },
      { type: random.pick(['reaction_added', 'team_join', 'app_uninstalled', 'tokens_revoked', 'member_joined_channel', random.string(12)]), user },
    ]);
    const mutated = random.chance(0.5) ? mutate(random, inner as Json, { keep: ['user'], longLength: 20_000 }) : { value: inner as Json, description: 'as is' };
    const envelope = event(mutated.value, random);
    if (random.chance(0.15)) envelope.event_id = random.pick([null, 42, '', longString(random, 500)]);
    if (random.chance(0.1)) envelope.team_id = random.pick([null, 42]);
    signed(`event ${String((inner as { type: string }).type)} ${mutated.description}`, JSON.stringify(envelope), 'application/json');
  }
  for (const challenge of ['abc', '', 42, null, longString(random, 10_000), '<script>alert(1)</script>']) {
    signed(`url_verification ${String(challenge).slice(0, 20)}`, JSON.stringify({ type: 'url_verification', token: 'x', challenge }), 'application/json');
  }
  signed('ssl_check', 'ssl_check=1&token=x', 'application/x-www-form-urlencoded');
  // Signed bodies that are not what they claim.
  for (let i = 0; i < 60; i += 1) {
    const kind = random.int(7);
    const contentType = random.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', '']);
    const body =
      kind === 0
        ? JSON.stringify(randomJson(random))
        : kind === 1
          ? `payload=${random.pick(['', '%7B', 'not json', encodeURIComponent(JSON.stringify(randomValue(random)))])}`
          : kind === 2
            ? invalidUtf8(random, form(blockActions(random.pick(ACTORS), [slackAction(random.pick(intents), random)], random)))
            : kind === 3
              ? form(randomJson(random))
              : kind === 4
                ? random.pick(['', '{', 'null', '[]', '42', '"x"', 'a=b&c', '%'])
                : kind === 5
                  ? form(nested(3000, {}, 'object'))
                  : JSON.stringify(event(randomValue(random), random));
    signed(`signed junk kind ${kind} ${contentType}`, body, contentType);
  }
  for (const megabytes of [3, 5]) {
    signed(`${megabytes} MB signed`, form({ type: 'block_actions', ...who(SLACK_USERS.julien), actions: [{ action_id: 'daily.change', value: 'x'.repeat(megabytes * 1024 * 1024) }] }), 'application/x-www-form-urlencoded');
  }
  return cases;
}

/** Listeners run after the ack: waits until Slack calls and stored interactions stop moving. */
async function settled(): Promise<void> {
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const now = `${world.fakeSlack.calls.length}:${await world.prisma.processedInteraction.count()}`;
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 1000) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('fuzz: Slack /slack/events', () => {
  it('refuses unsigned requests, answers every signed malformed one below 500, logs no error and changes nothing', async () => {
    const random = seededRandom(SEED);
    const before = await dbState(world.prisma);
    const beforeIds = await interactionIds(world.prisma);
    const cases = slackCases(random);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    // Requests Bolt leaves unanswered wait its 3 s before their 404: more run at once.
    const report = await runFuzz(cases, { seed: SEED, healthUrl: `${world.baseUrl}/healthz`, concurrency: 6 });
    await settled();
    expect(unexpectedErrors(world.log.errors()), `fuzz seed ${SEED}`).toEqual([]);
    expectClean(report, SEED);
    const interactions = await newInteractionProblems(world.prisma, beforeIds);
    expect(interactions.problems, `fuzz seed ${SEED}`).toEqual([]);
    expectUnchanged(before, await dbState(world.prisma), SEED, { mayGrow: ['ProcessedInteraction'] });
    // Nothing was posted to Alice or Sarah.
    const toVictims = world.fakeSlack.calls.filter((c) => [SLACK_USERS.alice, SLACK_USERS.sarah].some((u) => JSON.stringify(c.args ?? {}).includes(u)));
    expect(toVictims.map((c) => c.method)).toEqual([]);
  }, 120_000);

  it('regressions: what the fuzz found, answered as it should be', async () => {
    const errorsBefore = world.log.errors().length;
    const random = seededRandom(1);
    const click = (payload: unknown) => postSlackRaw(world.baseUrl, form(payload), 'application/x-www-form-urlencoded');
    const base = blockActions(SLACK_USERS.julien, [{ type: 'button', action_id: 'daily.change', action_ts: '1.1', value: '{}' }], random);
    // Shapes Bolt's own matching threw on (500 and an error line), or that the listeners parsed with throwing schemas.
    for (const payload of [
      { ...base, actions: 'x' },
      { ...base, actions: [5] },
      { ...base, actions: [{ action_id: 42 }] },
      { ...base, user: null },
      { ...base, team: 42 },
      { ...base, actions: [{ type: 'datepicker', action_id: 'daily.change', action_ts: '1.2', selected_date: 42 }] },
      { type: 'view_submission', ...who(SLACK_USERS.julien), view: [] },
      { type: 'view_submission', ...who(SLACK_USERS.julien), view: { id: 'V1', callback_id: 'daily.note' } },
    ]) {
      expect((await click(payload)).status, JSON.stringify(payload).slice(0, 100)).toBeLessThan(500);
    }
    for (const body of ['null', '{"type":"event_callback","event":true,"team_id":"T"}', '{"type":"event_callback","event":null}']) {
      expect((await postSlackRaw(world.baseUrl, body, 'application/json')).status, body).toBe(400);
    }
    const command = new URLSearchParams({ command: '/rituel', text: 'aide', team_id: TEAM }).toString();
    expect((await postSlackRaw(world.baseUrl, command, 'application/x-www-form-urlencoded')).status).toBe(200);
    // An envelope whose team_id is not a string reached the database as a number.
    expect((await postSlackRaw(world.baseUrl, JSON.stringify({ ...event({ type: 'app_home_opened', user: SLACK_USERS.julien, tab: 'home' }, random), team_id: 42 }), 'application/json')).status).toBe(200);
    await settled();
    expect(world.log.errors().slice(errorsBefore)).toEqual([]);
  });
});
