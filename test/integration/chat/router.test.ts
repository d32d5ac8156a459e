/**
 * The interaction router with the real rituals (INTERACTION_DEFINITIONS, COMMANDS) on a real
 * database: who may act on what, validation of payloads, durable dedupe per person, localized
 * refusals that change nothing, unexpected failures that can be retried, and the text commands.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatActor, Interaction, InteractionResult } from '../../../src/chat/interaction.js';
import { defineAction } from '../../../src/chat/router/definitions.js';
import { createInteractionRouter, type InteractionRouter } from '../../../src/chat/router/router.js';
import { raiseAlert } from '../../../src/rituals/alerts/raise-alert.js';
import { COMMANDS, FALLBACK_COMMAND, INTERACTION_DEFINITIONS } from '../../../src/rituals/index.js';
import { recordDay } from '../../../src/services/record-day.js';
import { createPlannerWorld, logger, type PlannerWorld } from '../../helpers/planner-world.js';

const NOW = new Date('2026-11-23T18:30:00+01:00'); // Monday evening, after the daily check-ins
let world: PlannerWorld;
let router: InteractionRouter;
/** Daily check-in ids of Monday 23 November, by consultant. */
const checkIns: Record<string, string> = {};

beforeAll(async () => {
  world = await createPlannerWorld();
  await world.setPreviousTick('2026-11-23T17:29:00+01:00');
  await world.tick('2026-11-23T17:31:00+01:00');
  await world.tick('2026-11-23T18:01:00+01:00');
  for (const ref of ['alice', 'julien', 'sarah']) {
    checkIns[ref] = (await world.prisma.checkIn.findFirstOrThrow({ where: { missionId: world.missions[ref], kind: 'DAILY' } })).id;
  }
  router = createInteractionRouter({
    prisma: world.prisma,
    logger,
    defaultLocale: 'fr',
    platforms: ['WEB'],
    definitions: INTERACTION_DEFINITIONS,
    commands: COMMANDS,
    fallbackCommand: FALLBACK_COMMAND,
    now: () => NOW,
  });
});
afterAll(async () => {
  await world?.close();
});
beforeEach(async () => {
  // Each test starts from the delivered, unanswered check-ins of Monday.
  await world.prisma.dayEntry.deleteMany();
  await world.prisma.checkInAnswer.deleteMany();
  await world.prisma.checkIn.updateMany({ data: { status: 'PENDING', answeredAt: null, answeredVia: null } });
  await world.prisma.timesheet.deleteMany();
  await world.prisma.alert.deleteMany();
});

const web = (ref: string): ChatActor => ({ platform: 'WEB', teamId: '', externalId: world.people[ref] ?? ref });
const click = (actor: ChatActor, actionId: string, value: unknown, extra: { id?: string; selected?: string } = {}): Interaction => ({
  kind: 'action',
  id: extra.id ?? randomUUID(),
  actor,
  actionId,
  value: typeof value === 'string' ? value : JSON.stringify(value),
  ...(extra.selected !== undefined ? { selected: extra.selected } : {}),
});
const submit = (actor: ChatActor, actionId: string, value: unknown, fields: Record<string, string>, id = randomUUID()): Interaction => ({
  kind: 'form',
  id,
  actor,
  actionId,
  value: JSON.stringify(value),
  fields,
});
const say = (actor: ChatActor, text: string, id = randomUUID()): Interaction => ({ kind: 'command', id, actor, text });

/** Counts of everything an interaction could write. */
async function footprint() {
  const p = world.prisma;
  const [days, audit, answered, answers, outbox, processed, alertsOpen] = await Promise.all([
    p.dayEntry.count(),
    p.auditEvent.count(),
    p.checkIn.count({ where: { status: { not: 'PENDING' } } }),
    p.checkInAnswer.count(),
    p.outboxMessage.count(),
    p.processedInteraction.count(),
    p.alert.count({ where: { status: 'OPEN' } }),
  ]);
  return { days, audit, answered, answers, outbox, processed, alertsOpen };
}

const FR = {
  unknownPerson: "Je ne vous connais pas encore : votre compte n'est relié à personne dans Rituel. Demandez à l'administrateur Rituel de votre ESN de vous ajouter.",
  notYours: 'Cela ne vous concerne pas : vous ne pouvez agir que sur vos propres check-ins, missions et alertes. Rien n’a été modifié.',
  invalid: 'Cette demande est mal formée : rien n’a été modifié.',
  internal: 'Un incident nous a empêchés de traiter votre demande ; rien n’a été enregistré. Réessayez dans un instant.',
};

describe('who acts', () => {
  it('refuses somebody Rituel does not know, and writes nothing', async () => {
    const before = await footprint();
    for (const actor of [
      web(randomUUID()),
      { platform: 'WEB', teamId: '', externalId: 'alice' },
      { platform: 'SLACK', teamId: 'T07ACME001', externalId: 'U0NOBODY01' },
      { platform: 'SLACK', teamId: 'T0OTHER001', externalId: 'U07ALICE01' },
    ] satisfies ChatActor[]) {
      const result = await router.handle(click(actor, 'daily.answer', { c: checkIns.alice, a: 'full' }));
      expect(result).toEqual({ refused: { code: 'UNKNOWN_PERSON' }, notice: FR.unknownPerson });
    }
    expect(await router.handle(say(web(randomUUID()), 'semaine'))).toMatchObject({ refused: { code: 'UNKNOWN_PERSON' } });
    expect(await footprint()).toEqual(before);
  });

  it('refuses a person who left (inactive) the same way', async () => {
    await world.prisma.person.update({ where: { id: world.people.julien! }, data: { active: false } });
    try {
      const before = await footprint();
      expect(await router.handle(click(web('julien'), 'daily.answer', { c: checkIns.julien, a: 'full' }))).toMatchObject({ refused: { code: 'UNKNOWN_PERSON' } });
      expect(await footprint()).toEqual(before);
    } finally {
      await world.prisma.person.update({ where: { id: world.people.julien! }, data: { active: true } });
    }
  });

  it('resolves a Slack account to its person', async () => {
    const result = await router.handle(click({ platform: 'SLACK', teamId: 'T07ACME001', externalId: 'U07ALICE01' }, 'daily.answer', { c: checkIns.alice, a: 'full' }));
    expect(result.refused).toBeUndefined();
    expect(result.update?.text).toBe('✅ lundi 23 novembre sur Refonte du SI paiements : Journée complète.');
    const entries = await world.prisma.dayEntry.findMany({ select: { personId: true, kind: true, fraction: true, source: true, authorId: true } });
    expect(entries.map((e) => [e.personId, e.kind, e.fraction.toString(), e.source, e.authorId])).toEqual([[world.people.alice, 'WORKED', '1', 'SLACK', world.people.alice]]);
  });
});

describe('what they act on', () => {
  it('refuses a consultant answering another consultant’s check-in, and changes nothing', async () => {
    const before = await footprint();
    for (const interaction of [
      click(web('alice'), 'daily.answer', { c: checkIns.julien, a: 'full' }),
      click(web('alice'), 'daily.absence', { c: checkIns.julien }, { selected: 'CP' }),
      click(web('alice'), 'daily.change', { c: checkIns.julien }),
      click(web('sarah'), 'daily.answer', { c: checkIns.alice, a: 'half-am' }),
      click(web('marc'), 'daily.answer', { c: checkIns.alice, a: 'full' }), // her manager cannot answer for her either
    ]) {
      expect(await router.handle(interaction)).toEqual({ refused: { code: 'NOT_YOURS' }, notice: interaction.actor.externalId === world.people.sarah ? expect.stringMatching(/^This is not yours/) : FR.notYours });
    }
    const julienRefused = await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.julien, a: 'full' }));
    expect(julienRefused).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    const sarahRefused = await router.handle(click(web('sarah'), 'daily.answer', { c: checkIns.alice, a: 'full' }));
    expect(sarahRefused).toEqual({
      refused: { code: 'NOT_YOURS' },
      notice: 'This is not yours: you can only act on your own check-ins, missions and alerts. Nothing was changed.',
    });
    const after = await footprint();
    // Only the refusals' dedupe rows were written.
    expect({ ...after, processed: before.processed }).toEqual(before);
    expect(after.processed).toBe(before.processed + 7);
    expect(await world.prisma.checkIn.findUniqueOrThrow({ where: { id: checkIns.julien! } })).toMatchObject({ status: 'PENDING', answeredAt: null });
  });

  it('answers NOT_FOUND for a check-in that does not exist', async () => {
    expect(await router.handle(click(web('alice'), 'daily.answer', { c: randomUUID(), a: 'full' }))).toEqual({
      refused: { code: 'NOT_FOUND' },
      notice: 'Introuvable : cet élément n’existe plus. Rien n’a été modifié.',
    });
  });

  it('refuses to open or save the days of somebody else’s mission', async () => {
    const range = { m: world.missions.alice, from: '2026-11-23', to: '2026-11-23' };
    const before = await footprint();
    expect(await router.handle(click(web('julien'), 'days.edit', range))).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    expect(await router.handle(submit(web('julien'), 'days.save', range, { 'day_2026-11-23': 'full' }))).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    expect(await router.handle(submit(web('marc'), 'days.save', range, { 'day_2026-11-23': 'CP' }))).toMatchObject({ refused: { code: 'NOT_YOURS' } });
    expect(await router.handle(submit(web('alice'), 'days.save', { ...range, m: randomUUID() }, { 'day_2026-11-23': 'full' }))).toMatchObject({ refused: { code: 'NOT_FOUND' } });
    expect({ ...(await footprint()), processed: 0 }).toEqual({ ...before, processed: 0 });

    // Her own: the form opens, the day is saved.
    const form = await router.handle(click(web('alice'), 'days.edit', range));
    expect(form.refused).toBeUndefined();
    expect(form.form?.actionId).toBe('days.save');
    const saved = await router.handle(submit(web('alice'), 'days.save', range, { 'day_2026-11-23': 'full' }));
    expect(saved).toMatchObject({ notice: '1 jour(s) enregistré(s).' });
    expect(await world.prisma.dayEntry.count({ where: { personId: world.people.alice!, kind: 'WORKED' } })).toBe(1);
  });
});

describe('payloads', () => {
  it('refuses an unknown action id, or a known one with the wrong kind', async () => {
    expect(await router.handle(click(web('alice'), 'daily.explode', { c: checkIns.alice }))).toEqual({
      refused: { code: 'UNKNOWN_ACTION' },
      notice: 'Ce bouton ne correspond plus à aucune action (daily.explode) : rien n’a été modifié.',
    });
    expect(await router.handle(click(web('sarah'), 'cra.explode', {}))).toEqual({
      refused: { code: 'UNKNOWN_ACTION' },
      notice: 'This button no longer matches any action (cra.explode): nothing was changed.',
    });
    // daily.answer is a button, not a form; days.save is a form, not a button.
    expect(await router.handle(submit(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'full' }, {}))).toMatchObject({ refused: { code: 'UNKNOWN_ACTION' } });
    expect(await router.handle(click(web('alice'), 'days.save', { m: world.missions.alice, from: '2026-11-23', to: '2026-11-23' }))).toMatchObject({
      refused: { code: 'UNKNOWN_ACTION' },
    });
    expect(await world.prisma.dayEntry.count()).toBe(0);
  });

  it('refuses malformed values: not JSON, wrong shapes, not a uuid, unknown choices, bad ranges', async () => {
    const alice = web('alice');
    const c = checkIns.alice;
    const m = world.missions.alice;
    const before = await footprint();
    const malformed: Interaction[] = [
      click(alice, 'daily.answer', '{"c":'),
      click(alice, 'daily.answer', 'not json at all'),
      click(alice, 'daily.answer', ''),
      click(alice, 'daily.answer', 'null'),
      click(alice, 'daily.answer', '[]'),
      click(alice, 'daily.answer', { c }),
      click(alice, 'daily.answer', { c, a: 'double' }),
      click(alice, 'daily.answer', { c: 'not-a-uuid', a: 'full' }),
      click(alice, 'daily.answer', { c: 42, a: 'full' }),
      click(alice, 'daily.answer', { checkIn: c, a: 'full' }),
      click(alice, 'daily.absence', { c }, { selected: 'VACATION' }),
      click(alice, 'daily.absence', { c }),
      click(alice, 'daily.other-half', { c }, { selected: 'WORKED' }),
      click(alice, 'alert.ack', { alert: 'nope' }),
      click(alice, 'days.edit', { m, from: '2026-11-27', to: '2026-11-23' }),
      click(alice, 'days.edit', { m, from: '2026-11-01', to: '2026-12-15' }),
      click(alice, 'days.edit', { m, from: '2026-11-31', to: '2026-12-01' }),
      click(alice, 'days.edit', { m, from: 'yesterday', to: '2026-12-01' }),
      click(alice, 'days.edit', { m, from: '2026-11-23', to: 20261127 }),
      submit(alice, 'days.save', { m, from: '23/11/2026', to: '2026-11-23' }, { 'day_2026-11-23': 'full' }),
    ];
    for (const interaction of malformed) {
      expect(await router.handle(interaction), JSON.stringify(interaction)).toEqual({ refused: { code: 'INVALID_INTERACTION' }, notice: FR.invalid });
    }
    const after = await footprint();
    expect({ ...after, processed: 0 }).toEqual({ ...before, processed: 0 });
    expect(after.processed).toBe(before.processed + malformed.length);
  });

  it('refuses a choice the mission does not allow (no "none" without another mission)', async () => {
    expect(await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'none' }))).toMatchObject({ refused: { code: 'INVALID_INTERACTION' } });
    expect(await world.prisma.dayEntry.count()).toBe(0);
  });
});

describe('each interaction once', () => {
  it('gives the same answer to the same interaction id, and writes nothing more', async () => {
    const id = randomUUID();
    const before = await footprint();
    const first = await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'full' }, { id }));
    expect(first.refused).toBeUndefined();
    expect(first.duplicate).toBeUndefined();
    const once = await footprint();
    expect(once.days).toBe(before.days + 1);
    expect(once.answered).toBe(before.answered + 1);
    expect(once.audit).toBe(before.audit + 2); // days.record and checkin.answer
    expect(once.processed).toBe(before.processed + 1);

    // Slack or Teams retries the same payload, or the person double-clicks: a different choice even.
    const again = await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'full' }, { id }));
    expect(again).toEqual({ ...first, duplicate: true });
    const changed = await router.handle(click(web('alice'), 'daily.absence', { c: checkIns.alice }, { id, selected: 'SICK' }));
    expect(changed).toEqual({ ...first, duplicate: true });
    expect(await footprint()).toEqual(once);
    expect((await world.prisma.dayEntry.findFirstOrThrow({ where: { personId: world.people.alice! } })).kind).toBe('WORKED');
  });

  it('keeps a refusal for its id too: the same refused payload gets the same refusal', async () => {
    const id = randomUUID();
    const first = await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.julien, a: 'full' }, { id }));
    expect(first).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    expect(await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.julien, a: 'full' }, { id }))).toEqual({ ...first, duplicate: true });
  });

  it('does not replay a person’s answer to somebody else using the same id', async () => {
    const id = randomUUID();
    const alices = await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'full' }, { id }));
    expect(alices.update?.text).toContain('Refonte du SI paiements');

    // Sarah's own click that happens to carry the same id is hers, handled as new.
    const sarahs = await router.handle(click(web('sarah'), 'daily.answer', { c: checkIns.sarah, a: 'full' }, { id }));
    expect(sarahs.duplicate).toBeUndefined();
    expect(sarahs.update?.text).toBe('✅ Monday 23 November on Audit de performance des API de paiement: Full day.');
    // Julien replaying alice's payload and id gets a refusal, not alice's answer.
    const juliens = await router.handle(click(web('julien'), 'daily.answer', { c: checkIns.alice, a: 'full' }, { id }));
    expect(juliens).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    expect(await world.prisma.dayEntry.count()).toBe(2);
    expect(await world.prisma.dayEntry.count({ where: { personId: world.people.julien! } })).toBe(0);
  });
});

describe('failures', () => {
  it('answers INTERNAL to an unexpected error, records nothing, and lets the same id be tried again', async () => {
    let calls = 0;
    const boom = defineAction({
      actionId: 'test.boom',
      value: z.object({ m: z.uuid() }),
      async handle(ctx, { value }) {
        calls += 1;
        await ctx.prisma.$transaction(async (tx) => {
          await recordDay(tx, { missionId: value.m, date: '2026-11-23', parts: [{ kind: 'WORKED', fraction: 1 }], channel: ctx.channel, actorId: ctx.person.id });
          if (calls === 1) throw new Error('the disk is on fire');
        });
        return { notice: `recorded on attempt ${calls}` };
      },
    });
    const own = createInteractionRouter({
      prisma: world.prisma,
      logger,
      defaultLocale: 'en',
      platforms: ['WEB'],
      definitions: [boom],
      commands: COMMANDS,
      fallbackCommand: FALLBACK_COMMAND,
      now: () => NOW,
    });
    const id = randomUUID();
    const before = await footprint();
    const failed = await own.handle(click(web('alice'), 'test.boom', { m: world.missions.alice }, { id }));
    expect(failed).toEqual({ refused: { code: 'INTERNAL' }, notice: FR.internal }); // alice's language, not the default
    expect(await footprint()).toEqual(before);

    const retried = await own.handle(click(web('alice'), 'test.boom', { m: world.missions.alice }, { id }));
    expect(retried).toEqual({ notice: 'recorded on attempt 2' });
    const repeated = await own.handle(click(web('alice'), 'test.boom', { m: world.missions.alice }, { id }));
    expect(repeated).toEqual({ notice: 'recorded on attempt 2', duplicate: true });
    expect(calls).toBe(2);
    const after = await footprint();
    expect(after.days).toBe(before.days + 1);
    expect(after.processed).toBe(before.processed + 1);
  });

  it('answers IN_PROGRESS to a repeat that arrives while the first is still being handled', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = defineAction({
      actionId: 'test.slow',
      value: z.object({}),
      async handle() {
        entered();
        await gate;
        return { notice: 'done' };
      },
    });
    const own = createInteractionRouter({ prisma: world.prisma, logger, defaultLocale: 'fr', platforms: ['WEB'], definitions: [slow], commands: COMMANDS, fallbackCommand: FALLBACK_COMMAND });
    const id = randomUUID();
    const first = own.handle(click(web('sarah'), 'test.slow', {}, { id }));
    await inside;
    expect(await own.handle(click(web('sarah'), 'test.slow', {}, { id }))).toEqual({
      refused: { code: 'IN_PROGRESS' },
      notice: 'Your request is already being handled.',
      duplicate: true,
    });
    release();
    expect(await first).toEqual({ notice: 'done' });
    expect(await own.handle(click(web('sarah'), 'test.slow', {}, { id }))).toEqual({ notice: 'done', duplicate: true });
  });

  it('gives a domain refusal (the CRA of the month is submitted) in the person’s language, and changes nothing', async () => {
    await world.prisma.timesheet.createMany({
      data: [
        { missionId: world.missions.alice!, month: '2026-11', status: 'SUBMITTED' },
        { missionId: world.missions.sarah!, month: '2026-11', status: 'SUBMITTED' },
      ],
    });
    const before = await footprint();
    expect(await router.handle(click(web('alice'), 'daily.answer', { c: checkIns.alice, a: 'full' }))).toEqual({
      refused: { code: 'CRA_SUBMITTED' },
      notice: 'Le CRA 2026-11 est soumis (soumis) : les jours se modifient par une contestation ou une correction.',
    });
    expect(await router.handle(click(web('sarah'), 'daily.absence', { c: checkIns.sarah }, { selected: 'CP' }))).toEqual({
      refused: { code: 'CRA_SUBMITTED' },
      notice: 'The CRA 2026-11 is submitted (submitted): days change through a dispute or a correction.',
    });
    const after = await footprint();
    expect({ ...after, processed: 0 }).toEqual({ ...before, processed: 0 });
    expect(await world.prisma.checkIn.findUniqueOrThrow({ where: { id: checkIns.alice! } })).toMatchObject({ status: 'PENDING', answeredAt: null });
  });
});

describe('alert buttons', () => {
  async function silenceAlert(): Promise<string> {
    const marc = await world.prisma.person.findUniqueOrThrow({ where: { id: world.people.marc! } });
    const { id } = await world.prisma.$transaction((tx) =>
      raiseAlert(tx, {
        kind: 'MISSING_CHECKINS',
        dedupeKey: `silent:${world.missions.alice}:2026-11-18`,
        organizationId: marc.organizationId,
        missionId: world.missions.alice!,
        subjectId: world.people.alice!,
        recipientId: marc.id,
        facts: { mission: 'Refonte du SI paiements', since: '2026-11-18', days: 3 },
        now: NOW,
        platforms: ['WEB'],
      }),
    );
    return id;
  }

  it('are only for the manager who received the alert', async () => {
    const alert = await silenceAlert();
    const org = await world.prisma.person.findUniqueOrThrow({ where: { id: world.people.marc! }, select: { organizationId: true } });
    const other = await world.prisma.person.upsert({
      where: { organizationId_ref: { organizationId: org.organizationId, ref: 'other-manager' } },
      create: { organizationId: org.organizationId, ref: 'other-manager', name: 'Olivier Autre', roles: ['MANAGER', 'ADMIN'] },
      update: {},
    });
    const before = await footprint();
    for (const actor of [web('alice'), web('julien'), web('claire'), { platform: 'WEB', teamId: '', externalId: other.id } satisfies ChatActor]) {
      expect(await router.handle(click(actor, 'alert.ack', { alert }))).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
      expect(await router.handle(click(actor, 'alert.remind', { alert }))).toEqual({ refused: { code: 'NOT_YOURS' }, notice: FR.notYours });
    }
    expect(await router.handle(click(web('marc'), 'alert.ack', { alert: randomUUID() }))).toMatchObject({ refused: { code: 'NOT_FOUND' } });
    expect({ ...(await footprint()), processed: 0 }).toEqual({ ...before, processed: 0 });
    expect((await world.prisma.alert.findUniqueOrThrow({ where: { id: alert } })).status).toBe('OPEN');

    // Marc: "remind now" sends alice her missing days of the month (Monday 16 to Monday 23: 6 days).
    const reminded = await router.handle(click(web('marc'), 'alert.remind', { alert }));
    expect(reminded.notice).toBe('Relance envoyée à Alice (6 jour(s) à compléter).');
    expect(reminded.update?.blocks.at(-1)).toEqual({ type: 'context', text: 'Relance envoyée le lundi 23 novembre à 18:30.' });
    expect(await world.prisma.outboxMessage.count({ where: { recipientId: world.people.alice!, kind: 'remind.days' } })).toBe(1);

    // Acknowledge: closed once; a second click (a new id) changes nothing more.
    const acked = await router.handle(click(web('marc'), 'alert.ack', { alert }));
    expect(acked.update?.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect((await world.prisma.alert.findUniqueOrThrow({ where: { id: alert } })).status).toBe('ACKNOWLEDGED');
    const audit = await world.prisma.auditEvent.count({ where: { entityType: 'Alert', entityId: alert, action: 'alert.acknowledge' } });
    expect(audit).toBe(1);
    await router.handle(click(web('marc'), 'alert.ack', { alert }));
    expect(await world.prisma.auditEvent.count({ where: { entityType: 'Alert', entityId: alert, action: 'alert.acknowledge' } })).toBe(1);
  });
});

describe('text commands', () => {
  const replyTexts = (result: InteractionResult) => (result.replies ?? []).map((r) => r.text);

  it('"semaine" and "WEEK" show the week of each mission, in the person’s language', async () => {
    const fr = await router.handle(say(web('alice'), 'semaine'));
    expect(fr.refused).toBeUndefined();
    expect(replyTexts(fr)).toHaveLength(1);
    expect(fr.replies![0]!.blocks[0]).toEqual({ type: 'header', text: 'Ma semaine — Refonte du SI paiements' });
    const en = await router.handle(say(web('sarah'), '  WEEK  '));
    expect(en.replies![0]!.blocks[0]).toEqual({ type: 'header', text: 'My week — Audit de performance des API de paiement' });
    const accented = await router.handle(say(web('julien'), 'Sémaine'));
    expect(accented.replies![0]!.blocks[0]).toEqual({ type: 'header', text: 'Ma semaine — Migration du datalake sinistres' });
  });

  it('"/rituel mois" shows the month and its CRA status', async () => {
    const result = await router.handle(say(web('alice'), '/rituel mois'));
    expect(result.replies).toHaveLength(1);
    expect(result.replies![0]!.blocks[0]).toEqual({ type: 'header', text: 'novembre 2026 — Refonte du SI paiements' });
    expect(result.replies![0]!.blocks.find((b) => b.type === 'context')).toMatchObject({ text: expect.stringContaining('CRA du mois : brouillon.') });
    const plain = await router.handle(say(web('sarah'), 'rituel month'));
    expect(plain.replies![0]!.blocks[0]).toEqual({ type: 'header', text: 'November 2026 — Audit de performance des API de paiement' });
  });

  it('"Statut" lists the days to fill in; a manager sees their open alerts', async () => {
    const result = await router.handle(say(web('alice'), 'Statut'));
    expect(replyTexts(result)).toEqual([
      '*Refonte du SI paiements* : 6 jour(s) à compléter (lun. 16, mar. 17, mer. 18, jeu. 19, ven. 20, lun. 23) · CRA : brouillon',
    ]);
    expect(replyTexts(await router.handle(say(web('marc'), 'status')))).toEqual(['Aucune alerte ouverte.']);
  });

  it('answers an unknown word with the help, saying it did not understand', async () => {
    const unknown = await router.handle(say(web('alice'), 'blablabla demain'));
    expect(unknown.refused).toBeUndefined();
    expect(unknown.replies).toHaveLength(1);
    expect(unknown.replies![0]!.blocks[0]).toEqual({ type: 'context', text: 'Je n’ai pas compris « blablabla demain ».' });
    expect(unknown.replies![0]!.text).toBe('Bonjour Alice, je suis Rituel.');
    const english = await router.handle(say(web('sarah'), 'what?'));
    expect(english.replies![0]!.blocks[0]).toEqual({ type: 'context', text: 'I did not understand "what?".' });
    // The help itself, or an empty message: no "did not understand".
    for (const text of ['aide', 'HELP', '', '/rituel']) {
      const help = await router.handle(say(web('alice'), text));
      expect(help.replies![0]!.blocks[0], text).toEqual({ type: 'section', text: 'Bonjour Alice, je suis Rituel.' });
    }
  });

  it('handles a command id once too', async () => {
    const id = randomUUID();
    const first = await router.handle(say(web('alice'), 'semaine', id));
    expect(await router.handle(say(web('alice'), 'mois', id))).toEqual({ ...first, duplicate: true });
  });
});
