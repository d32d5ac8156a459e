/** Action ids of "my week" / "my month": stable, buttons on old messages keep working. */
export const MY_DAYS_ACTIONS = {
  /** Opens the form to fill or correct a range of days of one mission. */
  edit: 'days.edit',
  /** The form's submission. */
  save: 'days.save',
} as const;
