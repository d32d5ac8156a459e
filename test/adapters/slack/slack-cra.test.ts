/**
 * The monthly CRA validated by the client in Slack, through the real Bolt HTTP receiver: Alice
 * submits her November CRA from the Slack message she received; Claire (client approver, linked
 * to her Slack account by email) sees it waiting on her App Home, then approves it with the
 * `cra.approve` button of the request she received in Slack: her message is updated in place, a
 * second click changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnlyUTC, workingDaysBetween } from '../../../src/domain/index.js';
import { CRA_ACTIONS } from '../../../src/rituals/cra/cra-actions.js';
import { blockActionPayload, eventPayload, postToSlackEndpoint, SLACK_USERS, slackElement, startSlackWorld, until, type SlackWorld } from './slack-world.js';

let world: SlackWorld;

beforeAll(async () => {
  world = await startSlackWorld({ mode: 'http', start: '2026-11-30 14:00' });
  const mission = await world.prisma.mission.findFirstOrThrow({ where: { ref: 'alice-banque-nord' } });
  await world.prisma.dayEntry.createMany({
    data: workingDaysBetween('2026-11-01', '2026-11-30', 'FR').map((d) => ({
      missionId: mission.id,
      personId: mission.consultantId,
      date: toDateOnlyUTC(d),
      fraction: '1',
      kind: 'WORKED' as const,
      source: 'SLACK' as const,
    })),
  });
});

afterAll(async () => {
  await world?.close();
});

const timesheet = () => world.prisma.timesheet.findFirstOrThrow({ where: { mission: { ref: 'alice-banque-nord' }, month: '2026-11' } });

function latestWith(channel: string, actionId: string) {
  const found = world.fake.channelMessages(channel).filter((m) => JSON.stringify(m.blocks).includes(`"${actionId}`)).at(-1);
  expect(found, `a message with ${actionId} in ${channel}`).toBeDefined();
  return found!;
}

describe('the CRA approved by the client in Slack', () => {
  it('lets the consultant submit and the client approve from their Slack messages', async () => {
    await world.tick('2026-11-30 15:01');
    const aliceChannel = `D${SLACK_USERS.alice}`;
    const close = latestWith(aliceChannel, CRA_ACTIONS.submit);
    const submit = slackElement(close.blocks, CRA_ACTIONS.submit);
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.alice, submit, { channel: aliceChannel, ts: close.ts }))).status).toBe(200);
    await until(async () => (await timesheet()).status === 'PENDING_CLIENT', 'the CRA sent to the client');
    await world.tick('2026-11-30 15:02');

    // Claire's App Home lists it.
    const before = world.fake.views.length;
    await postToSlackEndpoint(world.baseUrl, 'event', eventPayload({ type: 'app_home_opened', user: SLACK_USERS.claire, tab: 'home', channel: 'DX', event_ts: '1.1' }));
    await until(() => world.fake.views.length > before, 'views.publish');
    expect(JSON.stringify(world.fake.views[before]!.view)).toContain('CRA à valider');
    expect(JSON.stringify(world.fake.views[before]!.view)).toContain('Alice');

    const claireChannel = `D${SLACK_USERS.claire}`;
    const request = latestWith(claireChannel, CRA_ACTIONS.approve);
    const approve = slackElement(request.blocks, CRA_ACTIONS.approve);
    const updates = world.fake.callsOf('chat.update').length;
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.claire, approve, { channel: claireChannel, ts: request.ts }))).status).toBe(200);
    await until(async () => (await timesheet()).status === 'APPROVED', 'approved');
    await until(() => world.fake.callsOf('chat.update').slice(updates).some((c) => c.args.ts === request.ts), 'the request updated');
    expect(JSON.stringify(request.blocks)).not.toContain(`"${CRA_ACTIONS.approve}`);
    expect((await timesheet()).approverId).toBe(world.people.claire);

    // A second click on the old button (Slack shows it until the update arrives) changes nothing.
    const approvedAt = (await timesheet()).approvedAt;
    expect((await postToSlackEndpoint(world.baseUrl, 'interaction', blockActionPayload(SLACK_USERS.claire, approve, { channel: claireChannel, ts: request.ts }))).status).toBe(200);
    await until(() => world.fake.messages.some((m) => m.ephemeralFor === SLACK_USERS.claire && m.channel === claireChannel && m.text !== ''), 'the notice');
    await new Promise((r) => setTimeout(r, 200));
    expect((await timesheet()).approvedAt).toEqual(approvedAt);
  });
});
