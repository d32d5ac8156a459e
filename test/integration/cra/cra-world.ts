/** Helpers of the CRA scenarios: fill a month, find the CRA messages people received, read a CRA. */
import { expect } from 'vitest';
import { elementsOf, type ChatElement, type ChatMessage } from '../../../src/chat/message.js';
import { toDateOnlyUTC, workingDaysBetween, type IsoDate } from '../../../src/domain/index.js';
import type { MissionRef, PersonRef, RitualFlow } from '../../helpers/ritual-flow.js';

/** Full days worked on every working day of the mission's calendar between two dates, except `except`. */
export async function fillWorked(flow: RitualFlow, mission: MissionRef, from: IsoDate, to: IsoDate, except: IsoDate[] = [], region = 'FR'): Promise<void> {
  const m = await flow.prisma.mission.findUniqueOrThrow({ where: { id: flow.missions[mission] } });
  const days = workingDaysBetween(from, to, region as 'FR').filter((d) => !except.includes(d));
  await flow.prisma.dayEntry.createMany({
    data: days.map((d) => ({ missionId: m.id, personId: m.consultantId, date: toDateOnlyUTC(d), fraction: '1', kind: 'WORKED' as const, source: 'WEB' as const })),
  });
}

/** The person's latest delivered message with an element of this action id. */
export async function latestWith(flow: RitualFlow, person: PersonRef, actionId: string, containing = ''): Promise<{ id: string; message: ChatMessage }> {
  const conversation = await flow.conversation(person);
  const found = conversation
    .filter((c) => elementsOf(c.message).some((e) => e.actionId === actionId) && JSON.stringify(c.message).includes(containing))
    .at(-1);
  expect(found, `${person} has a message with ${actionId}: ${JSON.stringify(conversation.map((c) => c.message.text))}`).toBeDefined();
  return found!;
}

export function elementOf(message: ChatMessage, actionId: string): ChatElement {
  const found = elementsOf(message).find((e) => e.actionId === actionId);
  expect(found, `${actionId} in ${JSON.stringify(message.blocks)}`).toBeDefined();
  return found!;
}

export async function timesheetOf(flow: RitualFlow, mission: MissionRef, month: string) {
  return flow.prisma.timesheet.findUniqueOrThrow({
    where: { missionId_month: { missionId: flow.missions[mission], month } },
    include: { versions: { orderBy: { version: 'asc' } }, disputes: { include: { days: true } } },
  });
}

export async function auditOf(flow: RitualFlow, timesheetId: string) {
  return flow.prisma.auditEvent.findMany({ where: { entityType: 'Timesheet', entityId: timesheetId }, orderBy: { id: 'asc' } });
}

/** Clicks as `person` on an element of the web chat message `messageId` (so that `update` replaces it, as the web chat does). */
export async function clickOn(flow: RitualFlow, person: PersonRef, messageId: string, element: ChatElement, selected?: string) {
  return flow.router.handle({
    id: crypto.randomUUID(),
    kind: 'action',
    actor: flow.actor(person),
    actionId: element.actionId,
    value: element.value,
    messageId,
    ...(selected ? { selected } : {}),
  });
}
