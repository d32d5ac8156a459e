/**
 * Teams end to end through /api/messages and a fake Bot Connector: install (the person is linked by
 * e-mail and the conversation reference stored), commands, an unknown user, the daily check-in
 * delivered by the dispatcher and answered through an Action.Execute invoke (card replaced by the
 * invoke response, repeat answered once) and through Action.Submit (card updated in place with
 * PUT), and the note form (opened as a new card, errors shown on it, saved).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC } from '../../../src/domain/index.js';
import { dailyCheckInKey } from '../../../src/rituals/daily-checkin/keys.js';
import { actionsOf, cardOf, cardText, createTeamsWorld, executeAction, TENANT, type TeamsPerson, type TeamsWorld } from './teams-world.js';

let world: TeamsWorld;

const alice: TeamsPerson = {
  aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000a11c',
  name: 'Alice Martin',
  conversationId: 'a:alice-1on1',
  tenantId: TENANT,
};
const claire: TeamsPerson = {
  aadObjectId: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01',
  name: 'Claire Dubois',
  conversationId: 'a:claire-1on1',
  tenantId: TENANT,
};
const stranger: TeamsPerson = {
  aadObjectId: 'bbbbbbbb-0000-4000-8000-0000000000ff',
  name: 'Inconnu Total',
  conversationId: 'a:stranger-1on1',
  tenantId: TENANT,
};

beforeAll(async () => {
  world = await createTeamsWorld('2026-11-17 08:00');
  world.fake.members.set(`29:${alice.aadObjectId}`, {
    id: `29:${alice.aadObjectId}`,
    name: alice.name,
    aadObjectId: alice.aadObjectId,
    email: 'Alice.Martin@acme-conseil.fr',
    userPrincipalName: 'alice.martin@acme-conseil.fr',
    tenantId: TENANT,
  });
});

afterAll(async () => {
  await world?.close();
});

const account = (person: TeamsPerson) =>
  world.db.prisma.chatAccount.findUnique({
    where: { platform_teamId_externalId: { platform: 'TEAMS', teamId: person.tenantId, externalId: person.aadObjectId } },
  });

async function entries(date: string): Promise<Record<string, number>> {
  const mission = await world.db.prisma.mission.findUniqueOrThrow({ where: { organizationId_ref: { organizationId: (await world.db.prisma.organization.findFirstOrThrow()).id, ref: 'alice-banque-nord' } } });
  const rows = await world.db.prisma.dayEntry.findMany({ where: { missionId: mission.id, date: toDateOnlyUTC(date) } });
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.fraction.toString())]));
}

describe('install and commands', () => {
  it('links Alice by her e-mail on install, stores her conversation reference and welcomes her', async () => {
    expect(await account(alice)).toBeNull();
    const answer = await world.post(world.activity(alice, { type: 'installationUpdate', action: 'add' }));
    expect(answer.status).toBe(200);
    const stored = await account(alice);
    expect(stored).toMatchObject({ personId: world.ids.alice, status: 'ACTIVE', conversationId: alice.conversationId });
    expect(stored!.conversationRef).toMatchObject({ serviceUrl: world.fake.url, conversation: { id: alice.conversationId } });
    const link = await world.db.prisma.auditEvent.findFirst({ where: { action: 'chat_account.link', entityId: stored!.id } });
    expect(link).toMatchObject({ channel: 'TEAMS', actorId: world.ids.alice });
    // The welcome: the help, as a reply in her 1:1.
    const replies = world.fake.delivered('reply').filter((c) => c.conversationId === alice.conversationId);
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Alice');
  });

  it('answers a typed command from Claire (known by her Entra id) and refreshes her serviceUrl', async () => {
    await world.db.prisma.chatAccount.update({
      where: { platform_teamId_externalId: { platform: 'TEAMS', teamId: TENANT, externalId: claire.aadObjectId } },
      data: { conversationRef: { serviceUrl: 'https://old.example/', conversation: { id: 'old' } } },
    });
    const before = world.fake.calls.length;
    const answer = await world.post(world.activity(claire, { type: 'message', text: '<at>Rituel</at> aide' }));
    expect(answer.status).toBe(200);
    expect((await account(claire))!.conversationRef).toMatchObject({ serviceUrl: world.fake.url, conversation: { id: claire.conversationId } });
    const replies = world.fake.calls.slice(before).filter((c) => c.kind === 'reply');
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Claire');
    // The member lookup is only for people Rituel does not know yet.
    expect(world.fake.calls.slice(before).filter((c) => c.kind === 'member')).toEqual([]);
  });

  it('"mon espace" answers Alice with her home: her month and what is left to fill in', async () => {
    const before = world.fake.calls.length;
    await world.post(world.activity(alice, { type: 'message', text: 'Mon espace' }));
    const replies = world.fake.calls.slice(before).filter((c) => c.kind === 'reply');
    expect(replies).toHaveLength(1);
    const text = cardText(cardOf(replies[0]));
    expect(text).toContain('Mon mois — novembre 2026');
    expect(text).toContain('Refonte du SI paiements');
    // Typed as a command word Rituel does not know, it would have been the help instead.
    expect(text).not.toContain('Commandes : « semaine »');
  });

  it('answers an unknown user politely and alerts the admins once', async () => {
    const before = world.fake.calls.length;
    const first = await world.post(world.activity(stranger, { type: 'message', text: 'hello' }));
    const second = await world.post(world.activity(stranger, { type: 'message', text: 'hello again' }));
    expect([first.status, second.status]).toEqual([200, 200]);
    const replies = world.fake.calls.slice(before).filter((c) => c.kind === 'reply');
    expect(replies).toHaveLength(2);
    expect(String(replies[0]!.body.text)).toContain('Je ne vous trouve pas');
    expect(await account(stranger)).toBeNull();
    const alerts = await world.db.prisma.alert.findMany({ where: { kind: 'UNKNOWN_USER' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ recipientId: world.ids.marc, data: { tenantId: TENANT, aadObjectId: stranger.aadObjectId } });
    const told = await world.db.prisma.outboxMessage.findMany({ where: { kind: 'alert.unknown_user' } });
    expect(told.map((m) => m.recipientId)).toEqual([world.ids.marc]);
  });
});

describe('the daily check-in in Teams', () => {
  let sentActivityId: string;

  it('is delivered by the dispatcher as an Adaptive Card 1.5 in Alice’s 1:1', async () => {
    const before = world.fake.calls.length;
    const summary = await world.tick('2026-11-17 17:31');
    expect(summary.failed).toBe(0);
    const sends = world.fake.calls.slice(before).filter((c) => c.kind === 'send' && c.conversationId === alice.conversationId);
    expect(sends).toHaveLength(1);
    const card = cardOf(sends[0]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardText(card)).toContain('**mardi 17 novembre**');
    const answer = executeAction(card, 'daily.answer', { a: 'half-am' });
    expect(answer.fallback).toMatchObject({ type: 'Action.Submit', data: answer.data });
    const mission = await world.db.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(mission.id, '2026-11-17') } });
    expect(row).toMatchObject({ status: 'SENT', platform: 'TEAMS', platformChannelId: alice.conversationId });
    sentActivityId = row.platformMessageId!;
    expect(sentActivityId).toMatch(/^activity-/);
  });

  it('answered with Action.Execute: the invoke response carries the new card, a repeat changes nothing', async () => {
    world.setClock('2026-11-17 17:40');
    const card = cardOf(world.fake.callsOf('send').at(-1));
    const action = executeAction(card, 'daily.answer', { a: 'half-am' });
    const invoke = world.activity(alice, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: sentActivityId,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
    });
    const answer = await world.post(invoke);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const updated = (answer.body as { value: Record<string, unknown> }).value;
    expect(cardText(updated)).toContain('Matin travaillé');
    expect(actionsOf(updated).filter((a) => a.verb === 'daily.answer')).toEqual([]);
    expect(await entries('2026-11-17')).toEqual({ WORKED: 0.5 });
    const checkIn = await world.db.prisma.checkIn.findFirstOrThrow({ where: { personId: world.ids.alice, date: toDateOnlyUTC('2026-11-17') } });
    expect(checkIn).toMatchObject({ status: 'ANSWERED', answeredVia: 'TEAMS' });

    // Teams runs a slow invoke twice: the same activity id gets the same card, and nothing more.
    const audits = await world.db.prisma.auditEvent.count();
    const again = await world.post(invoke);
    expect(again.body).toEqual(answer.body);
    expect(await world.db.prisma.auditEvent.count()).toBe(audits);
    expect(await entries('2026-11-17')).toEqual({ WORKED: 0.5 });

    // The ritual also queued an update of the delivered question: the dispatcher edits the same activity.
    const before = world.fake.calls.length;
    await world.tick('2026-11-17 17:41');
    const puts = world.fake.calls.slice(before).filter((c) => c.kind === 'update');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ conversationId: alice.conversationId, activityId: sentActivityId });
    expect(cardText(cardOf(puts[0]))).toContain('Matin travaillé');
  });

  it('answered with Action.Submit (older clients): the card is updated in place', async () => {
    const before = world.fake.calls.length;
    await world.tick('2026-11-18 17:31');
    const send = world.fake.calls.slice(before).find((c) => c.kind === 'send');
    const card = cardOf(send);
    const mission = await world.db.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
    const row = await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: dailyCheckInKey(mission.id, '2026-11-18') } });
    const fallback = executeAction(card, 'daily.answer', { a: 'full' }).fallback as { data: Record<string, unknown> };

    world.setClock('2026-11-18 17:45');
    const mark = world.fake.calls.length;
    const answer = await world.post(world.activity(alice, { type: 'message', replyToId: row.platformMessageId, value: fallback.data }));
    expect(answer.status).toBe(200);
    expect(await entries('2026-11-18')).toEqual({ WORKED: 1 });
    const puts = world.fake.calls.slice(mark).filter((c) => c.kind === 'update');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ conversationId: alice.conversationId, activityId: row.platformMessageId });
    expect(cardText(cardOf(puts[0]))).toContain('Journée complète.');
  });

  it('opens the note form as a new card, shows field errors on it, then saves the note', async () => {
    const sends = world.fake.callsOf('send').filter((c) => c.conversationId === alice.conversationId);
    // The latest question card (18 November) or its update: the note button is on both.
    const card = cardOf(world.fake.callsOf('update').at(-1) ?? sends.at(-1));
    const note = actionsOf(card).find((a) => a.type === 'Action.Execute' && a.verb === 'daily.note');
    expect(note).toBeDefined();
    const mark = world.fake.calls.length;
    const opened = await world.post(
      world.activity(alice, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'daily.note', data: note!.data } } }),
    );
    expect(opened.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const formReply = world.fake.calls.slice(mark).find((c) => c.kind === 'reply');
    const form = cardOf(formReply);
    const inputs = JSON.stringify(form.body);
    expect(inputs).toContain('"type":"Input.Text"');
    expect(inputs).toContain('"isMultiline":true');
    const submit = executeAction(form, 'daily.note');
    const data = submit.data as Record<string, unknown>;

    const tooLong = await world.post(
      world.activity(alice, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'daily.note', data: { ...data, rituel_f_note: 'x'.repeat(1001), rituel_f_blocker: '' } } },
      }),
    );
    expect(tooLong.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const withErrors = (tooLong.body as { value: Record<string, unknown> }).value;
    expect(JSON.stringify(withErrors)).toContain('"color":"Attention"');
    expect(cardText(withErrors)).toContain('Corrigez');

    const saved = await world.post(
      world.activity(alice, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'daily.note', data: { ...data, rituel_f_note: 'Atelier avec le client', rituel_f_blocker: '' } } },
      }),
    );
    expect(saved.status).toBe(200);
    const checkIn = await world.db.prisma.checkIn.findFirstOrThrow({
      where: { personId: world.ids.alice, date: toDateOnlyUTC('2026-11-18') },
      include: { answers: true },
    });
    expect(checkIn.answers.find((a) => a.key === 'note')?.value).toBe('Atelier avec le client');
  });
});
