/** The outbox dispatcher (see dispatch-due.ts): what the scheduler and the `rituel tick` command use. */
export { dispatchDue, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, RATE_LIMIT_GRACE_MS } from './dispatch-due.js';
export type { DispatchDueOptions, DispatchResult } from './dispatch-due.js';
export { claimDueMessages } from './claim-due-messages.js';
export type { ClaimDueMessagesOptions, ClaimedMessage } from './claim-due-messages.js';
export { retryDelayMs, BASE_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS } from './retry-delay.js';
export { ALERT_ACK_ACTION, buildDeliveryAlert, failureReason } from './build-delivery-alert.js';
export { DELIVERY_ALERT_KIND, deliveryAlertKey } from './raise-delivery-alert.js';
export type { DispatchMessengers, PaceTarget, PacedMessenger } from './paced-messenger.js';
export { releaseOrphanedClaims } from './release-orphaned-claims.js';
