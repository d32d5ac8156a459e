import { describe, expect, it } from 'vitest';
import {
  allowedCraEvents,
  applyCraEvent,
  approvalHolds,
  CRA_STATUSES,
  INITIAL_CRA_STATE,
  isLocked,
  type CraEvent,
  type CraState,
  type CraStatus,
} from '../../../src/domain/cra-state.js';
import { errorOf } from '../../helpers/errors.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function state(status: CraStatus, version = 1, approved: { v: number; h: string } | null = null): CraState {
  return { status, version, approvedVersion: approved?.v ?? null, approvedHash: approved?.h ?? null };
}

const submit: CraEvent = { type: 'submit', complete: true, missingDays: [] };
const approveA: CraEvent = { type: 'approve', version: 1, contentHash: HASH_A, currentHash: HASH_A };

describe('CRA statuses', () => {
  it('lists the statuses and which are locked', () => {
    expect(CRA_STATUSES).toEqual(['DRAFT', 'SUBMITTED', 'PENDING_CLIENT', 'DISPUTED', 'APPROVED', 'INVOICED']);
    expect(CRA_STATUSES.filter(isLocked)).toEqual(['APPROVED', 'INVOICED']);
    expect(INITIAL_CRA_STATE).toEqual({ status: 'DRAFT', version: 1, approvedVersion: null, approvedHash: null });
  });
});

describe('applyCraEvent: the happy path', () => {
  it('DRAFT → SUBMITTED → PENDING_CLIENT → APPROVED → INVOICED', () => {
    let s = applyCraEvent(INITIAL_CRA_STATE, submit);
    expect(s).toEqual(state('SUBMITTED'));
    s = applyCraEvent(s, { type: 'sendToClient' });
    expect(s).toEqual(state('PENDING_CLIENT'));
    s = applyCraEvent(s, approveA);
    expect(s).toEqual(state('APPROVED', 1, { v: 1, h: HASH_A }));
    expect(approvalHolds(s, HASH_A)).toBe(true);
    s = applyCraEvent(s, { type: 'invoice' });
    expect(s).toEqual(state('INVOICED', 1, { v: 1, h: HASH_A }));
  });

  it('does not mutate the given state', () => {
    const before = state('DRAFT');
    const copy = { ...before };
    applyCraEvent(before, submit);
    expect(before).toEqual(copy);
  });
});

describe('submit', () => {
  it('refuses an incomplete CRA with CRA_INCOMPLETE listing the missing days', () => {
    const e = errorOf(() =>
      applyCraEvent(state('DRAFT'), { type: 'submit', complete: false, missingDays: ['2026-05-04', '2026-05-05'] }),
    );
    expect(e.code).toBe('CRA_INCOMPLETE');
    expect(e.details).toEqual({ missingDays: ['2026-05-04', '2026-05-05'] });
    expect(e.message).toContain('2026-05-04');
  });

  it('refuses when days are missing even if flagged complete', () => {
    expect(errorOf(() => applyCraEvent(state('DRAFT'), { type: 'submit', complete: true, missingDays: ['2026-05-04'] })).code).toBe(
      'CRA_INCOMPLETE',
    );
  });
});

describe('approve', () => {
  it('is bound to the current version', () => {
    const e = errorOf(() =>
      applyCraEvent(state('PENDING_CLIENT', 2), { type: 'approve', version: 1, contentHash: HASH_A, currentHash: HASH_A }),
    );
    expect(e.code).toBe('CRA_VERSION_MISMATCH');
  });

  it('is bound to the exact content hash', () => {
    const e = errorOf(() =>
      applyCraEvent(state('PENDING_CLIENT'), { type: 'approve', version: 1, contentHash: HASH_A, currentHash: HASH_B }),
    );
    expect(e.code).toBe('CRA_VERSION_MISMATCH');
  });

  it('no longer holds once the content changes', () => {
    const s = applyCraEvent(state('PENDING_CLIENT'), approveA);
    expect(approvalHolds(s, HASH_B)).toBe(false);
    expect(approvalHolds(state('PENDING_CLIENT'), HASH_A)).toBe(false);
  });
});

describe('dispute, correct, maintain', () => {
  const disputeEvent: CraEvent = { type: 'dispute', reason: 'Days 12 and 13 were not worked', month: '2026-05', days: ['2026-05-12', '2026-05-13'] };

  it('PENDING_CLIENT → DISPUTED, then correct → DRAFT v+1', () => {
    const disputed = applyCraEvent(state('PENDING_CLIENT', 3), disputeEvent);
    expect(disputed).toEqual(state('DISPUTED', 3));
    expect(applyCraEvent(disputed, { type: 'correct' })).toEqual(state('DRAFT', 4));
  });

  it('maintain → PENDING_CLIENT with the same version', () => {
    expect(applyCraEvent(state('DISPUTED', 3), { type: 'maintain' })).toEqual(state('PENDING_CLIENT', 3));
  });

  it('accepts an empty day list (whole CRA disputed)', () => {
    expect(applyCraEvent(state('PENDING_CLIENT'), { ...disputeEvent, days: [] }).status).toBe('DISPUTED');
  });

  it.each(['', '   ', '\n\t'])('requires a non-blank reason (%j)', (reason) => {
    expect(errorOf(() => applyCraEvent(state('PENDING_CLIENT'), { ...disputeEvent, reason })).code).toBe('CRA_REASON_REQUIRED');
  });

  it('refuses disputed days outside the month', () => {
    const e = errorOf(() => applyCraEvent(state('PENDING_CLIENT'), { ...disputeEvent, days: ['2026-05-31', '2026-06-01'] }));
    expect(e.code).toBe('CRA_DAY_OUTSIDE_MONTH');
    expect(e.details).toEqual({ month: '2026-05', days: ['2026-06-01'] });
    expect(errorOf(() => applyCraEvent(state('PENDING_CLIENT'), { ...disputeEvent, days: ['2026-05-32'] })).code).toBe(
      'CRA_DAY_OUTSIDE_MONTH',
    );
  });
});

describe('reopen', () => {
  it('APPROVED → DRAFT v+1 and resets the approval', () => {
    const s = applyCraEvent(state('APPROVED', 2, { v: 2, h: HASH_A }), { type: 'reopen', reason: 'Wrong TJM period' });
    expect(s).toEqual(state('DRAFT', 3));
    expect(approvalHolds(s, HASH_A)).toBe(false);
  });

  it('requires a reason', () => {
    expect(errorOf(() => applyCraEvent(state('APPROVED', 1, { v: 1, h: HASH_A }), { type: 'reopen', reason: ' ' })).code).toBe(
      'CRA_REASON_REQUIRED',
    );
  });

  it('cannot reopen an invoiced CRA', () => {
    expect(
      errorOf(() => applyCraEvent(state('INVOICED', 1, { v: 1, h: HASH_A }), { type: 'reopen', reason: 'x' })).code,
    ).toBe('CRA_INVALID_TRANSITION');
  });
});

describe('tacitApprove', () => {
  it('approves only when the mission allows it, bound to the version and hash', () => {
    expect(applyCraEvent(state('PENDING_CLIENT', 2), { type: 'tacitApprove', allowed: true, contentHash: HASH_B })).toEqual(
      state('APPROVED', 2, { v: 2, h: HASH_B }),
    );
    expect(
      errorOf(() => applyCraEvent(state('PENDING_CLIENT'), { type: 'tacitApprove', allowed: false, contentHash: HASH_B })).code,
    ).toBe('CRA_TACIT_NOT_ALLOWED');
  });
});

describe('invalid transitions', () => {
  const events: CraEvent[] = [
    submit,
    { type: 'sendToClient' },
    approveA,
    { type: 'dispute', reason: 'r', month: '2026-05', days: [] },
    { type: 'correct' },
    { type: 'maintain' },
    { type: 'reopen', reason: 'r' },
    { type: 'invoice' },
    { type: 'tacitApprove', allowed: true, contentHash: HASH_A },
  ];
  const allowed: Record<CraStatus, string[]> = {
    DRAFT: ['submit'],
    SUBMITTED: ['sendToClient'],
    PENDING_CLIENT: ['approve', 'dispute', 'tacitApprove'],
    DISPUTED: ['correct', 'maintain'],
    APPROVED: ['reopen', 'invoice'],
    INVOICED: [],
  };

  it('allowedCraEvents matches the life cycle', () => {
    for (const status of CRA_STATUSES) expect(allowedCraEvents(status).sort(), status).toEqual([...allowed[status]].sort());
  });

  for (const status of CRA_STATUSES) {
    for (const event of events) {
      if (allowed[status].includes(event.type)) continue;
      it(`${status} + ${event.type} → CRA_INVALID_TRANSITION`, () => {
        const e = errorOf(() => applyCraEvent(state(status, 1, isLocked(status) ? { v: 1, h: HASH_A } : null), event));
        expect(e.code).toBe('CRA_INVALID_TRANSITION');
        expect(e.details).toEqual({ from: status, event: event.type });
        expect(e.message).toContain(status);
        expect(e.message).toContain(event.type);
      });
    }
  }
});
