/**
 * The CRA life cycle (one CRA per mission and month, versioned):
 *
 *   DRAFT ──submit──▶ SUBMITTED ──sendToClient──▶ PENDING_CLIENT
 *   PENDING_CLIENT ──approve / tacitApprove──▶ APPROVED (locked) ──invoice──▶ INVOICED
 *   PENDING_CLIENT ──dispute──▶ DISPUTED ──correct──▶ DRAFT v+1
 *                                DISPUTED ──maintain──▶ PENDING_CLIENT (same version)
 *   APPROVED ──reopen (reason)──▶ DRAFT v+1 (client must approve again)
 *
 * `applyCraEvent` is pure: it returns the next state or throws a CodedError.
 * Writing the audit event (actor, time, channel, version, hash) is the caller's job.
 */
import { CodedError } from './errors.js';
import { isIsoDate, monthOf, parseYearMonth, type IsoDate, type YearMonth } from './dates.js';

export { craContentHash, type CraContent, type CraContentDay } from './cra-content-hash.js';

export const CRA_STATUSES = ['DRAFT', 'SUBMITTED', 'PENDING_CLIENT', 'DISPUTED', 'APPROVED', 'INVOICED'] as const;
export type CraStatus = (typeof CRA_STATUSES)[number];

export interface CraState {
  readonly status: CraStatus;
  /** Starts at 1; +1 on each correction or reopening. */
  readonly version: number;
  /** Version the current approval is bound to, or null. */
  readonly approvedVersion: number | null;
  /** Content hash the current approval is bound to, or null. */
  readonly approvedHash: string | null;
}

export const INITIAL_CRA_STATE: CraState = Object.freeze({
  status: 'DRAFT',
  version: 1,
  approvedVersion: null,
  approvedHash: null,
});

export type CraEvent =
  /** Consultant (or manager on their behalf) submits; `complete`/`missingDays` come from craCompleteness. */
  | { readonly type: 'submit'; readonly complete: boolean; readonly missingDays: readonly IsoDate[] }
  /** Automatic checks passed: the validation request goes to the client approver. */
  | { readonly type: 'sendToClient' }
  /** Client approval of one exact version: `contentHash` is what the client saw, `currentHash` the CRA now. */
  | { readonly type: 'approve'; readonly version: number; readonly contentHash: string; readonly currentHash: string }
  /** Client dispute; `days` empty = the whole CRA, otherwise the contested days (all in `month`). */
  | { readonly type: 'dispute'; readonly reason: string; readonly month: YearMonth; readonly days: readonly IsoDate[] }
  /** The ESN accepts the dispute: the CRA goes back to DRAFT as a new version. */
  | { readonly type: 'correct' }
  /** The ESN manager answers the dispute and keeps the CRA as is. */
  | { readonly type: 'maintain' }
  /** ESN admin reopens an approved CRA; the client must approve again. */
  | { readonly type: 'reopen'; readonly reason: string }
  | { readonly type: 'invoice' }
  /** Auto-approval after the response window; `allowed` = the mission's tacit-acceptance flag. */
  | { readonly type: 'tacitApprove'; readonly allowed: boolean; readonly contentHash: string };

export type CraEventType = CraEvent['type'];

const TRANSITIONS: Readonly<Record<CraEventType, { readonly from: readonly CraStatus[]; readonly to: CraStatus }>> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED' },
  sendToClient: { from: ['SUBMITTED'], to: 'PENDING_CLIENT' },
  approve: { from: ['PENDING_CLIENT'], to: 'APPROVED' },
  dispute: { from: ['PENDING_CLIENT'], to: 'DISPUTED' },
  correct: { from: ['DISPUTED'], to: 'DRAFT' },
  maintain: { from: ['DISPUTED'], to: 'PENDING_CLIENT' },
  reopen: { from: ['APPROVED'], to: 'DRAFT' },
  invoice: { from: ['APPROVED'], to: 'INVOICED' },
  tacitApprove: { from: ['PENDING_CLIENT'], to: 'APPROVED' },
};

/** Event types accepted in a status (before payload checks). */
export function allowedCraEvents(status: CraStatus): CraEventType[] {
  return (Object.keys(TRANSITIONS) as CraEventType[]).filter((type) => TRANSITIONS[type].from.includes(status));
}

/** An approved or invoiced CRA cannot be edited (reopen it first). */
export function isLocked(status: CraStatus): boolean {
  return status === 'APPROVED' || status === 'INVOICED';
}

/** True when the CRA is approved and the approval is bound to its current version and content. */
export function approvalHolds(state: CraState, currentHash: string): boolean {
  return (
    isLocked(state.status) &&
    state.approvedVersion === state.version &&
    state.approvedHash !== null &&
    state.approvedHash === currentHash
  );
}

function requireReason(reason: string, event: CraEventType): void {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new CodedError('CRA_REASON_REQUIRED', `A reason is required to ${event} a CRA`, { event }, {
      params: { event },
      variant: event,
    });
  }
}

export function applyCraEvent(state: CraState, event: CraEvent): CraState {
  const transition = TRANSITIONS[event.type];
  if (!transition || !transition.from.includes(state.status)) {
    throw new CodedError(
      'CRA_INVALID_TRANSITION',
      `Cannot apply "${String(event.type)}" to a CRA in status ${state.status}`,
      { from: state.status, event: event.type },
      { params: { event: String(event.type), status: state.status } },
    );
  }
  const to = transition.to;

  switch (event.type) {
    case 'submit':
      if (!event.complete || event.missingDays.length > 0) {
        throw new CodedError(
          'CRA_INCOMPLETE',
          `The CRA is incomplete: ${event.missingDays.length} day(s) missing${event.missingDays.length ? ` (${event.missingDays.join(', ')})` : ''}`,
          { missingDays: [...event.missingDays] },
          {
            params: { count: event.missingDays.length, days: event.missingDays.join(', ') },
            variant: event.missingDays.length > 0 ? undefined : 'noList',
          },
        );
      }
      return { ...state, status: to };

    case 'sendToClient':
    case 'maintain':
    case 'invoice':
      return { ...state, status: to };

    case 'approve':
      if (event.version !== state.version || event.contentHash !== event.currentHash) {
        throw new CodedError(
          'CRA_VERSION_MISMATCH',
          `Approval of version ${event.version} does not match the current CRA (version ${state.version})`,
          { approvedVersion: event.version, currentVersion: state.version, contentHash: event.contentHash, currentHash: event.currentHash },
          { params: { approvedVersion: event.version, currentVersion: state.version } },
        );
      }
      return { ...state, status: to, approvedVersion: event.version, approvedHash: event.contentHash };

    case 'tacitApprove':
      if (!event.allowed) {
        throw new CodedError('CRA_TACIT_NOT_ALLOWED', 'Tacit approval is not allowed for this mission');
      }
      return { ...state, status: to, approvedVersion: state.version, approvedHash: event.contentHash };

    case 'dispute': {
      requireReason(event.reason, 'dispute');
      parseYearMonth(event.month);
      const outside = event.days.filter((d) => !isIsoDate(d) || monthOf(d) !== event.month);
      if (outside.length > 0) {
        throw new CodedError(
          'CRA_DAY_OUTSIDE_MONTH',
          `Disputed days outside ${event.month}: ${outside.join(', ')}`,
          { month: event.month, days: outside },
          { params: { month: event.month, days: outside.map(String).join(', ') } },
        );
      }
      return { ...state, status: to };
    }

    case 'correct':
      return { ...state, status: to, version: state.version + 1 };

    case 'reopen':
      requireReason(event.reason, 'reopen');
      return { status: to, version: state.version + 1, approvedVersion: null, approvedHash: null };
  }
}
