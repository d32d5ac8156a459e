/**
 * Purchase-order burn alerts to the ESN manager, checked after submissions and approvals: 80 %
 * and 100 % consumed (validated billable days), and a negative forecast (remaining − planned
 * working days until the order ends); each raised once. The request shows the order's status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCra } from '../../../src/services/cra/approve-cra.js';
import { checkPurchaseOrderBurn } from '../../../src/services/cra/check-purchase-order-burn.js';
import { loadCraMission } from '../../../src/services/cra/cra-record.js';
import { submitCra } from '../../../src/services/cra/submit-cra.js';
import { createRitualFlow, paris, type MissionRef, type RitualFlow } from '../../helpers/ritual-flow.js';
import { fillWorked } from './cra-world.js';

let flow: RitualFlow;
const NOW = paris('2026-11-30 16:00');

beforeAll(async () => {
  flow = await createRitualFlow('2026-11-30 16:00');
  await fillWorked(flow, 'alice-banque-nord', '2026-11-16', '2026-11-30');
  await fillWorked(flow, 'sarah-banque-nord', '2026-11-01', '2026-11-30');
  // Small orders: Alice's 11 days of November are 91 % of 12; Sarah's 20 days are all of her 20.
  await flow.prisma.purchaseOrder.updateMany({ where: { number: 'BDC-2026-118' }, data: { daysOrdered: '12' } });
  await flow.prisma.purchaseOrder.updateMany({ where: { number: 'BDC-2026-097' }, data: { daysOrdered: '20' } });
});

afterAll(async () => {
  await flow?.close();
});

async function submitAndApprove(mission: MissionRef) {
  const submitted = await submitCra({
    prisma: flow.prisma,
    missionId: flow.missions[mission],
    month: '2026-11',
    actorId: (await flow.prisma.mission.findUniqueOrThrow({ where: { id: flow.missions[mission] } })).consultantId,
    channel: 'WEB',
    now: NOW,
    platforms: ['WEB'],
    changeId: `submit-${mission}`,
  });
  const kindsAfterSubmit = (await flow.prisma.alert.findMany({ where: { missionId: flow.missions[mission] } })).map((a) => a.kind).sort();
  await approveCra({
    prisma: flow.prisma,
    timesheetId: submitted.timesheetId,
    version: submitted.version,
    contentHash: submitted.contentHash,
    actorId: submitted.approverId!,
    channel: 'WEB',
    now: NOW,
    platforms: ['WEB'],
    changeId: `approve-${mission}`,
  });
  const kinds = (await flow.prisma.alert.findMany({ where: { missionId: flow.missions[mission] } })).map((a) => a.kind).sort();
  return { kindsAfterSubmit, kinds };
}

describe('purchase-order burn', () => {
  it('warns at 80 % consumed, and when the forecast goes negative (at submission already)', async () => {
    const { kindsAfterSubmit, kinds } = await submitAndApprove('alice-banque-nord');
    expect(kindsAfterSubmit).toEqual(['PO_FORECAST_NEGATIVE']);
    expect(kinds).toEqual(['PO_BURN_80', 'PO_FORECAST_NEGATIVE']);
    const alert = await flow.prisma.alert.findFirstOrThrow({ where: { kind: 'PO_BURN_80' } });
    expect(alert.recipientId).toBe(flow.people.marc);
    const message = await flow.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'alert.po_burn_80' } });
    expect(JSON.stringify(message.payload)).toContain('BDC-2026-118');
    expect(JSON.stringify(message.payload)).toContain('91 %');
  });

  it('warns at 100 % consumed', async () => {
    const { kinds } = await submitAndApprove('sarah-banque-nord');
    expect(kinds).toContain('PO_BURN_100');
    expect(kinds).not.toContain('PO_BURN_80');
  });

  it('raises each alert once', async () => {
    const before = await flow.prisma.alert.count();
    const mission = await flow.prisma.$transaction((tx) => loadCraMission(tx, flow.missions['sarah-banque-nord']));
    const raised = await flow.prisma.$transaction((tx) => checkPurchaseOrderBurn(tx, { mission, month: '2026-11', now: NOW, platforms: ['WEB'] }));
    expect(raised).toEqual([]);
    expect(await flow.prisma.alert.count()).toBe(before);
  });
});
