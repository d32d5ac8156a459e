/**
 * The chat side of the monthly CRA: handlers parse, delegate to the services (src/services/cra)
 * and say what to show. Refusals (not the approver, outdated version…) change nothing.
 */
import { approveCraAction } from './approve-cra-action.js';
import { openChangeApproverAction, submitChangeApproverForm } from './change-approver.js';
import { correctDisputeAction } from './correct-dispute-action.js';
import { openDisputeAction, submitDisputeForm } from './dispute.js';
import { openMaintainAction, submitMaintainForm } from './maintain.js';
import { remindApproverAction } from './remind-approver-action.js';
import { openReopenAction, submitReopenForm } from './reopen.js';
import { satisfactionAction } from './satisfaction-action.js';
import { sendToBackupAction } from './send-to-backup-action.js';
import { submitCraAction } from './submit-cra-action.js';

export const CRA_INTERACTIONS = [
  submitCraAction,
  approveCraAction,
  openDisputeAction,
  submitDisputeForm,
  satisfactionAction,
  correctDisputeAction,
  openMaintainAction,
  submitMaintainForm,
  remindApproverAction,
  sendToBackupAction,
  openChangeApproverAction,
  submitChangeApproverForm,
  openReopenAction,
  submitReopenForm,
] as const;
