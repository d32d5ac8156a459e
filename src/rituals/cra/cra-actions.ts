/** Action ids of the monthly CRA: stable, buttons on old messages keep working. */
export const CRA_ACTIONS = {
  /** Consultant (or the ESN manager on their behalf) submits the month. */
  submit: 'cra.submit',
  /** Client approver approves one exact version ({ t, v, h }). */
  approve: 'cra.approve',
  /** Client approver opens the dispute form. */
  dispute: 'cra.dispute',
  /** The dispute form's submission. */
  disputeForm: 'cra.dispute-form',
  /** Optional 1-5 satisfaction select of the client approver. */
  satisfaction: 'cra.satisfaction',
  /** ESN manager accepts a dispute: the CRA goes back to draft (new version). */
  correct: 'cra.correct',
  /** ESN manager keeps the CRA as is: opens the answer form. */
  maintain: 'cra.maintain',
  /** The answer form's submission. */
  maintainForm: 'cra.maintain-form',
  /** ESN manager reminds the approver now. */
  remind: 'cra.remind',
  /** ESN manager sends the request to the backup approver. */
  backup: 'cra.backup',
  /** ESN manager opens the change-approver form. */
  changeApprover: 'cra.change-approver',
  /** The change-approver form's submission. */
  changeApproverForm: 'cra.change-approver-form',
  /** ESN admin opens the reopen form of an approved CRA. */
  reopen: 'cra.reopen',
  /** The reopen form's submission. */
  reopenForm: 'cra.reopen-form',
} as const;
