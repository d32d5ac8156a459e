/**
 * The monthly CRA validated by the client in Teams: Claire (Banque du Nord, in Teams) receives
 * Alice's and Sarah's November CRAs as cards; she approves Alice's with Action.Execute (the card is
 * replaced by the outcome in the invoke response, a second click changes nothing) and disputes
 * Sarah's through the dispute form card (submitted with Action.Submit: the form card is updated in
 * place).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, parseChatMessage, type ChatElement } from '../../../src/chat/message.js';
import { toDateOnlyUTC, workingDaysBetween } from '../../../src/domain/index.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { actionsOf, cardOf, cardText, createTeamsWorld, executeAction, TENANT, type TeamsPerson, type TeamsWorld } from './teams-world.js';

let world: TeamsWorld;
const MONTH = '2026-11';

const claire: TeamsPerson = {
  aadObjectId: '3f2b9c1e-7a4d-4e2b-9c61-0a1b2c3d4e01',
  name: 'Claire Dubois',
  conversationId: 'a:claire-1on1',
  tenantId: TENANT,
};

async function fill(missionRef: string) {
  const mission = await world.db.prisma.mission.findFirstOrThrow({ where: { ref: missionRef } });
  const from = mission.startDate.toISOString().slice(0, 10) > '2026-11-01' ? mission.startDate.toISOString().slice(0, 10) : '2026-11-01';
  await world.db.prisma.dayEntry.createMany({
    data: workingDaysBetween(from, '2026-11-30', 'FR').map((d) => ({
      missionId: mission.id,
      personId: mission.consultantId,
      date: toDateOnlyUTC(d),
      fraction: '1',
      kind: 'WORKED' as const,
      source: 'WEB' as const,
    })),
  });
}

/** Submits the consultant's CRA from the copy the web chat received. */
async function submit(ref: 'alice' | 'sarah') {
  const rows = await world.db.prisma.webMessage.findMany({ where: { personId: world.ids[ref]!, author: 'BOT' }, orderBy: { createdAt: 'asc' } });
  const element = rows
    .map((r) => elementsOf(parseChatMessage(r.payload)).find((e) => e.actionId === CRA_ACTIONS.submit))
    .filter((e): e is ChatElement => e !== undefined)
    .at(-1);
  expect(element, `${ref}'s CRA`).toBeDefined();
  const result = await world.router.handle({
    id: crypto.randomUUID(),
    kind: 'action',
    actor: { platform: 'WEB', teamId: '', externalId: world.ids[ref]! },
    actionId: element!.actionId,
    value: element!.value,
  });
  expect(result.refused).toBeUndefined();
}

const timesheet = (missionRef: string) =>
  world.db.prisma.timesheet.findFirstOrThrow({ where: { mission: { ref: missionRef }, month: MONTH }, include: { disputes: { include: { days: true } } } });

/** Claire's CRA request cards (sent by the dispatcher to her 1:1), with the consultant named. */
function requestCardOf(name: string) {
  const sends = world.fake.delivered('send').filter((c) => c.conversationId === claire.conversationId);
  const call = sends.filter((c) => cardText(cardOf(c)).includes(name) && actionsOf(cardOf(c)).some((a) => a.verb === CRA_ACTIONS.approve)).at(-1);
  expect(call, `a CRA request about ${name}`).toBeDefined();
  return { card: cardOf(call) };
}

beforeAll(async () => {
  world = await createTeamsWorld('2026-11-30 14:00');
  // Claire has written to Rituel in Teams once: her conversation reference is stored.
  await world.post(world.activity(claire, { type: 'message', text: 'aide' }));
  await fill('alice-banque-nord');
  await fill('sarah-banque-nord');
  await world.tick('2026-11-30 15:01');
  await submit('alice');
  await submit('sarah');
  world.setClock('2026-11-30 15:01');
  await world.tick('2026-11-30 15:02');
});

afterAll(async () => {
  await world?.close();
});

const invoke = (action: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  world.activity(claire, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data as Record<string, unknown>), ...extra } }, trigger: 'manual' },
  });

describe('Claire validates in Teams', () => {
  it('approves Alice’s CRA with Action.Execute: the card becomes the outcome, a second click changes nothing', async () => {
    expect((await timesheet('alice-banque-nord')).status).toBe('PENDING_CLIENT');
    const { card } = requestCardOf('Alice Martin');
    const approve = executeAction(card, CRA_ACTIONS.approve);
    const answer = await world.post(invoke(approve));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const outcome = (answer.body as { value: Record<string, unknown> }).value;
    expect(actionsOf(outcome).filter((a) => a.verb === CRA_ACTIONS.approve)).toEqual([]);
    const ts = await timesheet('alice-banque-nord');
    expect(ts.status).toBe('APPROVED');
    const audit = await world.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: ts.id, toStatus: 'APPROVED' } });
    expect(audit).toMatchObject({ channel: 'TEAMS', actorId: world.ids.claire });

    // A second click (a new activity) on the old card: refused or a no-op, never a second approval.
    const again = await world.post(invoke(approve));
    expect(again.status).toBe(200);
    expect(await world.db.prisma.auditEvent.count({ where: { entityId: ts.id, toStatus: 'APPROVED' } })).toBe(1);
  });

  it('disputes Sarah’s CRA through the dispute form card, submitted with Action.Submit', async () => {
    const { card } = requestCardOf('Sarah Lambert');
    const dispute = executeAction(card, CRA_ACTIONS.dispute);
    const mark = world.fake.calls.length;
    const opened = await world.post(invoke(dispute));
    expect(opened.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    const formCall = world.fake.calls.slice(mark).find((c) => c.kind === 'reply');
    const form = cardOf(formCall);
    const submit = executeAction(form, CRA_ACTIONS.disputeForm);
    const fallback = (submit.fallback as { data: Record<string, unknown> }).data;
    const formActivityId = 'form-card-activity';

    // An empty reason: the form card is shown again, with the error, in place.
    const markErrors = world.fake.calls.length;
    await world.post(world.activity(claire, { type: 'message', replyToId: formActivityId, value: { ...fallback, rituel_f_reason: ' ', rituel_f_days: '' } }));
    const errorUpdate = world.fake.calls.slice(markErrors).find((c) => c.kind === 'update');
    expect(errorUpdate).toMatchObject({ activityId: formActivityId });
    expect(JSON.stringify(cardOf(errorUpdate))).toContain('"color":"Attention"');
    expect((await timesheet('sarah-banque-nord')).disputes).toHaveLength(0);

    await world.post(
      world.activity(claire, { type: 'message', replyToId: formActivityId, value: { ...fallback, rituel_f_reason: 'Sarah était en congé le 5', rituel_f_days: '2026-11-05' } }),
    );
    const ts = await timesheet('sarah-banque-nord');
    expect(ts.status).toBe('DISPUTED');
    expect(ts.disputes).toHaveLength(1);
    expect(ts.disputes[0]!.days.map((d) => d.date.toISOString().slice(0, 10))).toEqual(['2026-11-05']);
  });
});
