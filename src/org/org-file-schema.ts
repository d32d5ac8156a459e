/**
 * The organization file read by `rituel org import <file.yaml>`: a declarative description of
 * one ESN (settings, people, clients and their contacts, missions). See examples/org.yaml.
 *
 * Keys are camelCase, dates 'YYYY-MM-DD', times 'HH:mm', roles and kinds lowercase.
 * Every object is strict: an unknown key (a typo) is an error. Cross-references between
 * sections (a mission's consultant, its approvers...) are checked by parse-org-file.ts.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { isSupportedRegion } from '../domain/calendar.js';

// ───────────────────────────── Scalars ─────────────────────────────

const requiredOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'required' : message;

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REF_RE = /^[a-z0-9][a-z0-9._-]*$/;
const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const SLACK_ID_RE = /^[A-Z0-9]+$/;
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DECIMAL_RE = /^\d+(?:\.\d+)?$/;
const CRA_CLOSE_RE = /^(?:last-working-day|day-([1-9]|1\d|2[0-8]))$/;

export function isTimeZone(value: string): boolean {
  if (value.trim() === '' || value !== value.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const text = () =>
  z.string({ error: requiredOr('expected a string') }).trim().min(1, { error: 'must not be empty' });

const slug = () =>
  z
    .string({ error: requiredOr('expected a slug') })
    .regex(SLUG_RE, { error: 'expected a slug: lowercase letters, digits and dashes (acme-conseil)' });

const ref = () =>
  z
    .string({ error: requiredOr('expected a ref') })
    .regex(REF_RE, { error: 'expected a ref: lowercase letters, digits, ".", "_" and "-" (alice.martin)' });

const isoDate = () =>
  z
    .string({ error: requiredOr('expected a date YYYY-MM-DD') })
    .refine(isIsoDate, { error: 'expected a date YYYY-MM-DD' });

const time = () =>
  z.string({ error: requiredOr('expected a time HH:mm') }).regex(TIME_RE, { error: 'expected a time HH:mm' });

const isoWeekday = () =>
  z
    .int({ error: requiredOr('expected a weekday 1-7 (1 = Monday)') })
    .min(1, { error: 'expected a weekday 1-7 (1 = Monday)' })
    .max(7, { error: 'expected a weekday 1-7 (1 = Monday)' });

const workingDays = () =>
  z
    .int({ error: requiredOr('expected a whole number of working days') })
    .min(1, { error: 'expected at least 1 working day' })
    .max(60, { error: 'expected at most 60 working days' });

const timeZone = () =>
  z
    .string({ error: requiredOr('expected an IANA time zone (Europe/Paris)') })
    .refine(isTimeZone, { error: 'expected an IANA time zone (Europe/Paris)' })
    // Canonical spelling ('europe/paris' → 'Europe/Paris'), so that stored values compare equal.
    .transform((value) => new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone);

const locale = () => z.enum(['fr', 'en'], { error: requiredOr('expected fr or en') });

const email = () =>
  z
    .string({ error: requiredOr('expected an email address') })
    .trim()
    .pipe(z.email({ error: 'expected an email address' }))
    .transform((value) => value.toLowerCase());

const bool = () => z.boolean({ error: requiredOr('expected true or false') });

/**
 * A positive decimal given as a YAML number (650, 650.5) or string ("650.50"), output as a plain
 * decimal string for Prisma Decimal columns. At most 2 decimals (the columns' scale, so that the
 * value read back is the value written) and `integerDigits` digits before the point.
 */
export function positiveDecimal(integerDigits: number) {
  const message = 'expected a positive number';
  return z.union([z.number(), z.string()], { error: requiredOr(message) }).transform((input, ctx): string => {
    let value: string | undefined;
    if (typeof input === 'number' && Number.isFinite(input)) value = String(input);
    else if (typeof input === 'string' && DECIMAL_RE.test(input.trim())) value = input.trim();
    if (value === undefined || !DECIMAL_RE.test(value) || Number(value) <= 0) {
      ctx.issues.push({ code: 'custom', message, input });
      return z.NEVER;
    }
    const [whole = '', fraction = ''] = value.split('.');
    if (fraction.length > 2) {
      ctx.issues.push({ code: 'custom', message: 'expected at most 2 decimals', input });
      return z.NEVER;
    }
    if (whole.replace(/^0+(?=\d)/, '').length > integerDigits) {
      ctx.issues.push({ code: 'custom', message: `expected at most ${integerDigits} digits before the decimal point`, input });
      return z.NEVER;
    }
    return value;
  });
}

// ─────────────────────────── Organization ───────────────────────────

const validationKeys = {
  /** Working days the client approver has to answer. */
  responseWorkingDays: workingDays(),
  /** Reminder cadence while the validation is pending. */
  reminderEveryWorkingDays: workingDays(),
  /** Escalation to the ESN manager after this many working days. */
  escalateAfterWorkingDays: workingDays(),
  /** Then to the backup approver. */
  backupAfterWorkingDays: workingDays(),
};

const settingsSchema = z.strictObject({
  dailyCheckinTime: time().default('17:30'),
  weeklyCheckinDay: isoWeekday().default(5),
  weeklyCheckinTime: time().default('16:00'),
  quietHours: z
    .strictObject({ start: time().default('19:00'), end: time().default('08:30') })
    .prefault({}),
  craClose: z
    .strictObject({
      rule: z
        .string({ error: requiredOr('expected last-working-day or day-N (N from 1 to 28)') })
        .regex(CRA_CLOSE_RE, { error: 'expected last-working-day or day-N (N from 1 to 28)' })
        .default('last-working-day'),
      time: time().default('15:00'),
    })
    .prefault({}),
  validation: z
    .strictObject({
      responseWorkingDays: validationKeys.responseWorkingDays.default(3),
      reminderEveryWorkingDays: validationKeys.reminderEveryWorkingDays.default(2),
      escalateAfterWorkingDays: validationKeys.escalateAfterWorkingDays.default(5),
      backupAfterWorkingDays: validationKeys.backupAfterWorkingDays.default(7),
      /** Auto-approval delay, only for missions whose contract allows it (tacitAcceptance). */
      tacitAcceptanceWorkingDays: workingDays().default(10),
    })
    .prefault({}),
  /** Check-in notes and message copies are purged after this many months. */
  retentionMonths: z
    .int({ error: requiredOr('expected a whole number of months') })
    .min(1, { error: 'expected at least 1 month' })
    .max(240, { error: 'expected at most 240 months' })
    .default(24),
  /** How far back missed scheduler ticks are caught up on start. */
  catchUpWindowMinutes: z
    .int({ error: requiredOr('expected a whole number of minutes') })
    .min(0, { error: 'expected 0 or more minutes' })
    .max(10_080, { error: 'expected at most 10080 minutes (a week)' })
    .default(180),
});

const organizationSchema = z.strictObject({
  slug: slug(),
  name: text(),
  locale: locale().default('fr'),
  timezone: timeZone().default('Europe/Paris'),
  settings: settingsSchema.prefault({}),
});

// ───────────────────────────── People ─────────────────────────────

const slackAccountSchema = z.strictObject({
  userId: z
    .string({ error: requiredOr('expected a Slack user id (U0123ABCD)') })
    .regex(SLACK_ID_RE, { error: 'expected a Slack user id (U0123ABCD)' }),
  teamId: z
    .string({ error: requiredOr('expected a Slack team id (T0123ABCD)') })
    .regex(SLACK_ID_RE, { error: 'expected a Slack team id (T0123ABCD)' }),
});

const guid = (what: string) =>
  z
    .string({ error: requiredOr(`expected ${what} (a GUID)`) })
    .regex(GUID_RE, { error: `expected ${what} (a GUID)` })
    .transform((value) => value.toLowerCase());

const teamsAccountSchema = z.strictObject({
  aadObjectId: guid('an Entra ID object id'),
  tenantId: guid('an Entra ID tenant id'),
});

const contactFields = {
  ref: ref(),
  name: text(),
  email: email().optional(),
  locale: locale().optional(),
  timezone: timeZone().optional(),
  slack: slackAccountSchema.optional(),
  teams: teamsAccountSchema.optional(),
};

export const PERSON_ROLES = ['consultant', 'manager', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

const personSchema = z.strictObject({
  ...contactFields,
  roles: z
    .array(z.enum(PERSON_ROLES, { error: 'expected consultant, manager or admin' }), {
      error: requiredOr('expected a list of roles: [consultant, manager, admin]'),
    })
    .min(1, { error: 'expected at least one role' }),
  /** Coût journalier moyen (cost of a day to the ESN), never shown to clients. */
  cjm: positiveDecimal(10).optional(),
});

const contactSchema = z.strictObject(contactFields);

const clientSchema = z.strictObject({
  ref: ref(),
  name: text(),
  contacts: z.array(contactSchema, { error: 'expected a list of contacts' }).default([]),
});

// ───────────────────────────── Missions ─────────────────────────────

const approverSchema = z.strictObject({
  person: ref(),
  from: isoDate(),
  to: isoDate().optional(),
});

const rateSchema = z.strictObject({
  from: isoDate(),
  to: isoDate().optional(),
  /** Taux journalier moyen: price billed per day. */
  tjm: positiveDecimal(10),
});

const purchaseOrderSchema = z.strictObject({
  number: text(),
  start: isoDate(),
  end: isoDate(),
  daysOrdered: positiveDecimal(6),
  amount: positiveDecimal(12).optional(),
});

const missionCheckinsSchema = z.strictObject({
  enabled: bool().default(true),
  dailyTime: time().optional(),
  weeklyDay: isoWeekday().optional(),
  weeklyTime: time().optional(),
});

/** Per-mission overrides of settings.validation (tacitAcceptanceWorkingDays is organization-wide). */
const missionValidationSchema = z.strictObject({
  responseWorkingDays: validationKeys.responseWorkingDays.optional(),
  reminderEveryWorkingDays: validationKeys.reminderEveryWorkingDays.optional(),
  escalateAfterWorkingDays: validationKeys.escalateAfterWorkingDays.optional(),
  backupAfterWorkingDays: validationKeys.backupAfterWorkingDays.optional(),
});

export const BILLING_MODES = ['regie', 'forfait'] as const;
export const GRANULARITIES = ['day', 'half', 'quarter'] as const;

const missionSchema = z.strictObject({
  ref: ref(),
  title: text(),
  client: ref(),
  consultant: ref(),
  manager: ref(),
  start: isoDate(),
  end: isoDate().optional(),
  /** Holiday calendar of the client site: FR, or FR-<state> (FR-57, FR-67, FR-68...). */
  region: z
    .string({ error: requiredOr('expected a calendar region (FR, FR-57, FR-67, FR-68...)') })
    .refine((value) => isSupportedRegion(value), {
      error: 'expected a calendar region (FR, FR-57, FR-67, FR-68...)',
    })
    .default('FR'),
  /** Default: the organization time zone. */
  timezone: timeZone().optional(),
  billing: z.enum(BILLING_MODES, { error: 'expected regie or forfait' }).default('regie'),
  granularity: z.enum(GRANULARITIES, { error: 'expected day, half or quarter' }).default('half'),
  whitMondayWorked: bool().default(false),
  tacitAcceptance: bool().default(false),
  cjm: positiveDecimal(10).optional(),
  approvers: z.array(approverSchema, { error: 'expected a list of approvers' }).default([]),
  backupApprovers: z.array(approverSchema, { error: 'expected a list of backup approvers' }).default([]),
  rates: z.array(rateSchema, { error: 'expected a list of rates' }).default([]),
  purchaseOrders: z.array(purchaseOrderSchema, { error: 'expected a list of purchase orders' }).default([]),
  checkins: missionCheckinsSchema.prefault({}),
  validation: missionValidationSchema.prefault({}),
});

// ───────────────────────────── The file ─────────────────────────────

export const orgFileSchema = z.strictObject({
  organization: organizationSchema,
  people: z.array(personSchema, { error: 'expected a list of people' }).default([]),
  clients: z.array(clientSchema, { error: 'expected a list of clients' }).default([]),
  missions: z.array(missionSchema, { error: 'expected a list of missions' }).default([]),
});

/** A validated organization file (defaults applied, decimals as strings, emails lowercased). */
export type OrgFile = z.output<typeof orgFileSchema>;
/** What the YAML may contain before defaults. */
export type OrgFileInput = z.input<typeof orgFileSchema>;
export type OrgPerson = OrgFile['people'][number];
export type OrgClient = OrgFile['clients'][number];
export type OrgContact = OrgClient['contacts'][number];
export type OrgMission = OrgFile['missions'][number];
export type OrgSettings = OrgFile['organization']['settings'];
