/**
 * A month of rituals in Teams, end to end through /api/messages and the fake Bot Connector
 * (November 2026): the scheduler ticks at the moments that matter only (working days at 09:01,
 * 17:31 and 18:01, Sarah's Thursday 15:01, Fridays 16:01, the close on the 30th at 15:01, then
 * follow-up mornings), the connector answers 429 (Retry-After), 502 and 503 on some calls, every
 * daily check-in is answered by an activity posted to /api/messages (Action.Execute invokes, some
 * Action.Submit messages, one absence through the select), one is left unanswered and caught by
 * the weekly form, the month is closed, the consultants submit their CRA by clicking Submit and
 * Claire approves with an invoke. Julien blocks the bot mid-month (403 ConversationBlockedByUser):
 * his account becomes DEAD, his pending Teams rows FAILED without endless retries, Marc is alerted
 * once, and the rest of his month goes to the web chat.
 *
 * At the end, every other Teams outbox row is SENT and shown exactly once: each new message is one
 * successful POST whose activity id is the row's, each update one PUT on its original.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC, workingDaysBetween, type IsoDate } from '../../../src/domain/index.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { craCloseKey } from '../../../src/rituals/cra/cra-keys.js';
import { dailyCheckInKey, dailyReminderKey } from '../../../src/rituals/daily-checkin/keys.js';
import { weeklyCheckInKey } from '../../../src/rituals/weekly-checkin/keys.js';
import type { ConnectorCall, InjectedFailure } from '../../helpers/fake-connector.js';
import { parisClock } from '../../helpers/ritual-flow.js';
import { actionsOf, cardOf, cardText, createTeamsWorld, executeAction, TENANT, type TeamsPerson, type TeamsWorld } from './teams-world.js';

type Consultant = 'alice' | 'sarah' | 'julien';
type Kind = 'WORKED' | 'CP';

const PEOPLE: Record<Consultant | 'claire', TeamsPerson & { email?: string; mission?: string }> = {
  alice: { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000a11c', name: 'Alice Martin', conversationId: 'a:alice-1on1', tenantId: TENANT, email: 'alice.martin@acme-conseil.fr', mission: 'alice-banque-nord' },
  sarah: { aadObjectId: 'aaaaaaaa-0000-4000-8000-0000000005a4', name: 'Sarah Lambert', conversationId: 'a:sarah-1on1', tenantId: TENANT, locale: 'en-US', email: 'sarah.lambert@lambert-it.fr', mission: 'sarah-banque-nord' },
  julien: { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000e1e', name: 'Julien Moreau', conversationId: 'a:julien-1on1', tenantId: TENANT, email: 'julien.moreau@acme-conseil.fr', mission: 'julien-assurances-rhin' },
  claire: { aadObjectId: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01', name: 'Claire Dubois', conversationId: 'a:claire-1on1', tenantId: TENANT },
};

const MONTH = '2026-11';
const BLOCKED_DAY = '2026-11-18';
const UNANSWERED_DAY = '2026-11-24';

let world: TeamsWorld;
const missions: Record<string, string> = {};
/** What was clicked, by mission ref and date. */
const expected: Record<string, Record<string, Partial<Record<Kind, number>>>> = { 'alice-banque-nord': {}, 'sarah-banque-nord': {}, 'julien-assurances-rhin': {} };
/** In-turn card updates (Action.Submit answers update the card in place), by activity id. */
const inTurnPuts = new Map<string, number>();
let injected = 0;
const INJECTED_STATUSES = new Set([429, 502, 503]);

/** "2026-11-17 17:31" for an instant, rounded up to the minute. */
function localOf(instant: Date): string {
  const { date, time } = parisClock(new Date(Math.ceil(instant.getTime() / 60_000) * 60_000));
  return `${date} ${time}`;
}

/** The activity id the fake gave each successful POST (its counter counts every successful non-member call). */
function postsById(): Map<string, ConnectorCall> {
  const map = new Map<string, ConnectorCall>();
  let counter = 0;
  for (const call of world.fake.calls) {
    if (call.kind === 'member' || call.status !== 200) continue;
    counter += 1;
    if (call.kind === 'send' || call.kind === 'reply') map.set(`activity-${counter}`, call);
  }
  return map;
}

/** Retries due within a few minutes are run by ticking at their time, like the minute loop would. */
async function drain(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const next = await world.db.prisma.outboxMessage.findFirst({
      where: { status: 'PENDING', lastError: { not: null }, nextAttemptAt: { lte: new Date(world.now().getTime() + 15 * 60_000) } },
      orderBy: { nextAttemptAt: 'asc' },
    });
    if (!next) return;
    await world.tick(localOf(new Date(Math.max(next.nextAttemptAt.getTime(), world.now().getTime() + 1))));
  }
  throw new Error('retries did not settle');
}

/** A tick with failures injected: all of them are consumed by the dispatcher's calls of that tick. */
async function tick(local: string, failures: InjectedFailure[] = [], settle = true): Promise<void> {
  world.fake.failNext(...failures);
  injected += failures.length;
  await world.tick(local);
  expect(world.fake.calls.filter((c) => INJECTED_STATUSES.has(c.status)), `failures consumed at ${local}`).toHaveLength(injected);
  if (settle) await drain();
}

async function dailyRow(who: Consultant, date: string) {
  return world.db.prisma.outboxMessage.findUnique({ where: { dedupeKey: dailyCheckInKey(missions[PEOPLE[who].mission!]!, date as IsoDate) } });
}

const invoke = (who: TeamsPerson, action: Record<string, unknown>, data: Record<string, unknown>, replyToId?: string | null) =>
  world.post(
    world.activity(who, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
    }),
  );

/** Answers `who`'s daily check-in of `date` on the card Teams showed. */
async function answerDaily(who: Consultant, date: string, how: 'execute' | 'submit' | 'absence'): Promise<void> {
  const row = await dailyRow(who, date);
  expect(row, `${who}'s check-in of ${date}`).toMatchObject({ status: 'SENT', platform: 'TEAMS', platformChannelId: PEOPLE[who].conversationId });
  const activityId = row!.platformMessageId!;
  const card = cardOf(postsById().get(activityId));
  const person = PEOPLE[who];
  const mission = person.mission!;
  if (how === 'absence') {
    const select = executeAction(card, 'daily.absence');
    const data = select.data as { rituel: { i: string } };
    const answer = await invoke(person, select, { ...data, [data.rituel.i]: 'CP' }, activityId);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expected[mission]![date] = { CP: 1 };
  } else if (how === 'submit') {
    const fallback = executeAction(card, 'daily.answer', { a: 'full' }).fallback as { data: Record<string, unknown> };
    const answer = await world.post(world.activity(person, { type: 'message', replyToId: activityId, value: fallback.data }));
    expect(answer.status).toBe(200);
    inTurnPuts.set(activityId, (inTurnPuts.get(activityId) ?? 0) + 1);
    expected[mission]![date] = { WORKED: 1 };
  } else {
    const action = executeAction(card, 'daily.answer', { a: 'full' });
    const answer = await invoke(person, action, action.data as Record<string, unknown>, activityId);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expected[mission]![date] = { WORKED: 1 };
  }
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** Alice opens her weekly form (a new card) and fills the gaps of the week in it. */
async function aliceWeekly(monday: string, fill: string[]): Promise<void> {
  const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: weeklyCheckInKey(missions['alice-banque-nord']!, monday as IsoDate) } });
  expect(row).toMatchObject({ status: 'SENT', platform: 'TEAMS' });
  const card = cardOf(postsById().get(row.platformMessageId!));
  expect(cardText(card)).toContain('24');
  const open = executeAction(card, 'weekly.open');
  const mark = world.fake.calls.length;
  const opened = await invoke(PEOPLE.alice, open, open.data as Record<string, unknown>, row.platformMessageId);
  expect(opened.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  const form = cardOf(world.fake.calls.slice(mark).find((c) => c.kind === 'reply' && c.status === 200));
  const submit = executeAction(form, 'weekly.submit');
  const fields: Record<string, string> = { rituel_f_mood: '4', rituel_f_highlights: 'Recette du lot 1' };
  for (const date of fill) {
    fields[`rituel_f_day_${date}`] = 'full';
    expected['alice-banque-nord']![date] = { WORKED: 1 };
  }
  const saved = await invoke(PEOPLE.alice, submit, { ...(submit.data as Record<string, unknown>), ...fields });
  expect(saved.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(JSON.stringify((saved.body as { value: unknown }).value)).not.toContain('"color":"Attention"');
}

/** The CRA close card of a consultant, and the click on its Submit button. */
async function submitCra(who: 'alice' | 'sarah', how: 'execute' | 'submit'): Promise<void> {
  const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: craCloseKey(missions[PEOPLE[who].mission!]!, MONTH) } });
  expect(row).toMatchObject({ status: 'SENT', platform: 'TEAMS' });
  const card = cardOf(postsById().get(row.platformMessageId!));
  const action = executeAction(card, CRA_ACTIONS.submit);
  if (how === 'execute') {
    const answer = await invoke(PEOPLE[who], action, action.data as Record<string, unknown>, row.platformMessageId);
    expect(answer.body).toMatchObject({ statusCode: 200 });
  } else {
    const fallback = (action.fallback as { data: Record<string, unknown> }).data;
    expect((await world.post(world.activity(PEOPLE[who], { type: 'message', replyToId: row.platformMessageId, value: fallback }))).status).toBe(200);
    inTurnPuts.set(row.platformMessageId!, (inTurnPuts.get(row.platformMessageId!) ?? 0) + 1);
  }
}

/** Claire approves a consultant's CRA from the request card she received. */
async function approve(name: string): Promise<void> {
  const requests = world.fake
    .delivered('send')
    .filter((c) => c.conversationId === PEOPLE.claire.conversationId)
    .map((c) => cardOf(c))
    .filter((card) => cardText(card).includes(name) && actionsOf(card).some((a) => a.verb === CRA_ACTIONS.approve));
  expect(requests, `one CRA request about ${name}`).toHaveLength(1);
  const action = executeAction(requests[0]!, CRA_ACTIONS.approve);
  const answer = await invoke(PEOPLE.claire, action, action.data as Record<string, unknown>);
  expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
}

/** The failures injected before a day's 17:31 tick (the sends of Alice and Sarah, then their retries). */
function failuresOn(index: number, date: string): InjectedFailure[] {
  const twoSends = date >= '2026-11-16';
  switch (index % 4) {
    case 0:
      return [{ status: 429, retryAfter: '90' }];
    case 1:
      return twoSends ? [{ status: 503 }, { status: 429, retryAfter: '30' }] : [{ status: 502 }];
    case 2:
      return [];
    default:
      return [{ status: 502 }];
  }
}

beforeAll(async () => {
  world = await createTeamsWorld('2026-11-02 08:00', { simulatedPacing: true });
  for (const m of await world.db.prisma.mission.findMany({ select: { id: true, ref: true } })) missions[m.ref] = m.id;
  // The consultants install the app (linked by their e-mail); Claire writes once.
  for (const who of ['alice', 'sarah', 'julien'] as const) {
    const p = PEOPLE[who];
    world.fake.members.set(`29:${p.aadObjectId}`, { id: `29:${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId, email: p.email!, tenantId: TENANT });
    expect((await world.post(world.activity(p, { type: 'installationUpdate', action: 'add' }))).status).toBe(200);
  }
  await world.post(world.activity(PEOPLE.claire, { type: 'message', text: 'aide' }));
  const linked = (await world.db.prisma.chatAccount.findMany({ where: { platform: 'TEAMS', status: 'ACTIVE' } })).filter((a) => a.conversationRef !== null);
  expect(linked.map((a) => a.personId).sort()).toEqual([world.ids.alice, world.ids.sarah, world.ids.julien, world.ids.claire].sort());
});

afterAll(async () => {
  await world?.close();
});

describe('a month of rituals in Teams', () => {
  it('runs November through /api/messages under injected 429/5xx, with Julien blocking the bot mid-month', async () => {
    const days = workingDaysBetween('2026-11-02', '2026-11-30', 'FR');
    for (const [index, day] of days.entries()) {
      await tick(`${day} 09:01`);
      if (weekday(day) === 4) await tick(`${day} 15:01`);
      if (weekday(day) === 5) await tick(`${day} 16:01`);
      if (day === '2026-11-27') await aliceWeekly('2026-11-23', [UNANSWERED_DAY, '2026-11-27']);
      if (day === '2026-11-30') await tick(`${day} 15:01`);

      await tick(`${day} 17:31`, failuresOn(index, day));
      world.setClock(`${day} 17:35`);
      await answerDaily('sarah', day, day === '2026-11-20' ? 'absence' : weekday(day) === 3 ? 'submit' : 'execute');
      if (day >= '2026-11-16' && day !== UNANSWERED_DAY && day !== '2026-11-27') await answerDaily('alice', day, weekday(day) === 3 ? 'submit' : 'execute');
      if (day === '2026-11-27' && (await dailyRow('alice', day))?.status === 'SENT') await answerDaily('alice', day, 'execute');

      if (day === BLOCKED_DAY) {
        // Alice's and Sarah's card updates go out; then Julien answers yesterday's check-in late and
        // its update hits a 503: it is still waiting for its retry when he blocks the bot.
        await tick(`${day} 17:36`);
        world.setClock(`${day} 17:40`);
        await answerDaily('julien', '2026-11-17', 'execute');
        await tick(`${day} 17:41`, [{ status: 503 }], false);
        const juliensBefore = world.fake.calls.filter((c) => c.conversationId === PEOPLE.julien.conversationId).length;
        world.fake.failNext({ status: 403, code: 'ConversationBlockedByUser' });
        await world.tick(`${day} 18:01`);
        const juliens = world.fake.calls.filter((c) => c.conversationId === PEOPLE.julien.conversationId).slice(juliensBefore);
        // One call refused, and nothing more tried on his conversation.
        expect(juliens.map((c) => c.status)).toEqual([403]);
        await drain();
        continue;
      }
      // 18:01: Julien's check-in (and Alice's and Sarah's card updates), sometimes under a 502.
      await tick(`${day} 18:01`, index % 5 === 2 ? [{ status: 502 }] : []);
      if (day < BLOCKED_DAY && day !== '2026-11-17') {
        world.setClock(`${day} 18:10`);
        await answerDaily('julien', day, 'execute');
      }
    }

    // The month's close (15:01 on the 30th) was answered after the day's check-in: the consultants submit.
    world.setClock('2026-11-30 18:20');
    await submitCra('alice', 'execute');
    await submitCra('sarah', 'submit');
    await tick('2026-11-30 18:21', [{ status: 429, retryAfter: '60' }]);
    world.setClock('2026-11-30 18:40');
    await approve('Alice Martin');
    await approve('Sarah Lambert');
    // Follow-up mornings: the approved notices, nothing left to chase.
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03']) await tick(`${day} 09:01`);

    // Julien: DEAD once, his Teams rows FAILED after one attempt, Marc alerted once, the rest of his month on the web chat.
    const julien = await world.db.prisma.chatAccount.findFirstOrThrow({ where: { platform: 'TEAMS', personId: world.ids.julien! } });
    expect(julien).toMatchObject({ status: 'DEAD', deadReason: '403 ConversationBlockedByUser' });
    expect(await world.db.prisma.auditEvent.count({ where: { action: 'chat_account.dead', entityId: julien.id } })).toBe(1);
    const juliensTeams = await world.db.prisma.outboxMessage.findMany({ where: { recipientId: world.ids.julien!, platform: 'TEAMS' } });
    const juliensFailed = juliensTeams.filter((r) => r.status === 'FAILED');
    expect(juliensFailed.length).toBeGreaterThanOrEqual(2);
    expect(juliensFailed.every((r) => r.attempts <= 2)).toBe(true);
    expect(juliensFailed.map((r) => r.lastError).sort()).toContain('CONVERSATION_BLOCKED');
    expect(juliensFailed.some((r) => r.dedupeKey === dailyCheckInKey(missions['julien-assurances-rhin']!, BLOCKED_DAY))).toBe(true);
    expect(await world.db.prisma.alert.count({ where: { kind: 'DELIVERY_FAILED', subjectId: world.ids.julien! } })).toBe(1);
    expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'alert.delivery_failed', recipientId: world.ids.marc! } })).toBe(1);
    const afterBlock = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(missions['julien-assurances-rhin']!, '2026-11-19') } });
    expect(afterBlock).toMatchObject({ platform: 'WEB', status: 'SENT' });
    expect(world.fake.calls.filter((c) => c.conversationId === PEOPLE.julien.conversationId && c.status === 403)).toHaveLength(1);

    // Every other Teams row: SENT, each new message one successful POST carrying its activity id, each update one PUT.
    const rows = await world.db.prisma.outboxMessage.findMany({ where: { platform: 'TEAMS' } });
    const others = rows.filter((r) => !juliensFailed.some((f) => f.id === r.id));
    expect(others.filter((r) => r.status !== 'SENT').map((r) => `${r.kind} ${r.status} ${r.lastError}`)).toEqual([]);
    const posts = postsById();
    const sends = others.filter((r) => r.updatesId === null);
    const sentIds = sends.map((r) => r.platformMessageId!);
    expect(new Set(sentIds).size).toBe(sends.length);
    for (const row of sends) {
      const call = posts.get(row.platformMessageId!);
      expect(call, `${row.kind} ${row.dedupeKey}`).toMatchObject({ kind: 'send', conversationId: row.platformChannelId });
    }
    const deliveredSends = world.fake.delivered('send');
    expect(deliveredSends.length).toBe(sends.length);
    const updatesByOriginal = new Map<string, number>();
    for (const row of others.filter((r) => r.updatesId !== null)) {
      updatesByOriginal.set(row.platformMessageId!, (updatesByOriginal.get(row.platformMessageId!) ?? 0) + 1);
    }
    const putsByActivity = new Map<string, number>();
    for (const put of world.fake.delivered('update')) putsByActivity.set(put.activityId!, (putsByActivity.get(put.activityId!) ?? 0) + 1);
    const expectedPuts = new Map(updatesByOriginal);
    for (const [id, n] of inTurnPuts) expectedPuts.set(id, (expectedPuts.get(id) ?? 0) + n);
    expect(Object.fromEntries(putsByActivity)).toEqual(Object.fromEntries(expectedPuts));
    // The injected failures were all retried to success: attempts = successes + failures.
    const sendAttempts = world.fake.callsOf('send').length + world.fake.callsOf('update').length;
    expect(sendAttempts).toBe(deliveredSends.length + world.fake.delivered('update').length + injected + 1);
    expect(others.some((r) => r.attempts > 1)).toBe(true);

    // The day left unanswered: reminded the next morning in Teams, then filled in the weekly form.
    const reminder = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyReminderKey(missions['alice-banque-nord']!, UNANSWERED_DAY) } });
    expect(reminder).toMatchObject({ platform: 'TEAMS', status: 'SENT' });
    const weekly = await world.db.prisma.checkIn.findFirstOrThrow({ where: { personId: world.ids.alice!, kind: 'WEEKLY', date: toDateOnlyUTC('2026-11-23') } });
    expect(weekly).toMatchObject({ status: 'ANSWERED', answeredVia: 'TEAMS' });

    // The day entries are what was clicked (and filled in the weekly form).
    for (const [ref, byDate] of Object.entries(expected)) {
      const entries = await world.db.prisma.dayEntry.findMany({ where: { missionId: missions[ref]!, date: { gte: toDateOnlyUTC('2026-11-01'), lte: toDateOnlyUTC('2026-11-30') } } });
      const actual: Record<string, Partial<Record<string, number>>> = {};
      for (const e of entries) (actual[e.date.toISOString().slice(0, 10)] ??= {})[e.kind] = Number(e.fraction.toString());
      expect(actual, ref).toEqual(byDate);
    }
    expect(Object.keys(expected['alice-banque-nord']!)).toHaveLength(11);
    expect(Object.keys(expected['sarah-banque-nord']!)).toHaveLength(20);

    // The CRAs: submitted by the consultants in Teams, approved by Claire in Teams.
    for (const ref of ['alice-banque-nord', 'sarah-banque-nord'] as const) {
      const ts = await world.db.prisma.timesheet.findFirstOrThrow({ where: { missionId: missions[ref]!, month: MONTH } });
      expect(ts.status, ref).toBe('APPROVED');
      const approved = await world.db.prisma.auditEvent.findMany({ where: { entityId: ts.id, toStatus: 'APPROVED' } });
      expect(approved).toHaveLength(1);
      expect(approved[0]).toMatchObject({ channel: 'TEAMS', actorId: world.ids.claire });
      const submitted = await world.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ts.id, toStatus: 'SUBMITTED' } });
      expect(submitted.channel).toBe('TEAMS');
    }
  }, 180_000);
});
