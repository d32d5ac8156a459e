import type { HandlerContext } from '../chat/router/definitions.js';
import { dateInTimeZone, type IsoDate } from '../domain/index.js';

/** The acting person's date now, in their time zone (what "today", "this week", "this month" mean for them). */
export function personToday(ctx: HandlerContext): IsoDate {
  return dateInTimeZone(ctx.now, ctx.person.timezone);
}
