/**
 * The organization file read by `rituel org import <file.yaml>`: a declarative description of
 * one ESN (settings, people, clients and their contacts, missions). See examples/org.yaml.
 *
 * Keys are camelCase, dates 'YYYY-MM-DD', times 'HH:mm', roles and kinds lowercase.
 * Every object is strict: an unknown key (a typo) is an error. Cross-references between
 * sections (a mission's consultant, its approvers...) are checked by check-org-references.ts.
 * Error messages are problem codes encoded by orgIssue (texts: src/i18n/org-fr.ts, org-en.ts).
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { isSupportedRegion } from '../domain/calendar.js';
import { orgIssue } from './org-problems.js';

// ───────────────────────────── Scalars ─────────────────────────────

/** `message` (an orgIssue), or REQUIRED when the value is missing. */
const requiredOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? orgIssue('REQUIRED') : message;

/** One of `values` (EXPECTED_ONE_OF lists them). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: requiredOr(orgIssue('EXPECTED_ONE_OF', { values })) });

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

/** A whole number from min to max: one problem code for a wrong type and both bounds. */
const intRange = (code: 'EXPECTED_WORKING_DAYS' | 'EXPECTED_MONTHS' | 'EXPECTED_MINUTES', min: number, max: number) => {
  const message = orgIssue(code, { min, max });
  return z.int({ error: requiredOr(message) }).min(min, { error: message }).max(max, { error: message });
};

const text = () =>
  z.string({ error: requiredOr(orgIssue('EXPECTED_STRING')) }).trim().min(1, { error: orgIssue('NOT_EMPTY') });

const slug = () => {
  const message = orgIssue('EXPECTED_SLUG');
  return z.string({ error: requiredOr(message) }).regex(SLUG_RE, { error: message });
};

const ref = () => {
  const message = orgIssue('EXPECTED_REF');
  return z.string({ error: requiredOr(message) }).regex(REF_RE, { error: message });
};

const isoDate = () => {
  const message = orgIssue('EXPECTED_DATE');
  return z.string({ error: requiredOr(message) }).refine(isIsoDate, { error: message });
};

const time = () => {
  const message = orgIssue('EXPECTED_TIME');
  return z.string({ error: requiredOr(message) }).regex(TIME_RE, { error: message });
};

const isoWeekday = () => {
  const message = orgIssue('EXPECTED_WEEKDAY');
  return z.int({ error: requiredOr(message) }).min(1, { error: message }).max(7, { error: message });
};

const workingDays = () => intRange('EXPECTED_WORKING_DAYS', 1, 60);

const timeZone = () =>
  z
    .string({ error: requiredOr(orgIssue('EXPECTED_TIME_ZONE')) })
    .refine(isTimeZone, { error: orgIssue('EXPECTED_TIME_ZONE') })
    // Canonical spelling ('europe/paris' → 'Europe/Paris'), so that stored values compare equal.
    .transform((value) => new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone);

const locale = () => oneOf(['fr', 'en']);

const email = () =>
  z
    .string({ error: requiredOr(orgIssue('EXPECTED_EMAIL')) })
    .trim()
    .pipe(z.email({ error: orgIssue('EXPECTED_EMAIL') }))
    .transform((value) => value.toLowerCase());

const bool = () => z.boolean({ error: requiredOr(orgIssue('EXPECTED_BOOLEAN')) });

/**
 * A positive decimal given as a YAML number (650, 650.5) or string ("650.50"), output as a plain
 * decimal string for Prisma Decimal columns. At most 2 decimals (the columns' scale, so that the
 * value read back is the value written) and `integerDigits` digits before the point.
 */
export function positiveDecimal(integerDigits: number) {
  const message = orgIssue('EXPECTED_POSITIVE_NUMBER');
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
      ctx.issues.push({ code: 'custom', message: orgIssue('TOO_MANY_DECIMALS', { max: 2 }), input });
      return z.NEVER;
    }
    if (whole.replace(/^0+(?=\d)/, '').length > integerDigits) {
      ctx.issues.push({ code: 'custom', message: orgIssue('TOO_MANY_INTEGER_DIGITS', { max: integerDigits }), input });
      return z.NEVER;
    }
    return value;
  });
}

/** The type error of every list: the path tells which list. */
const list = requiredOr(orgIssue('EXPECTED_LIST'));

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
  /** Gentle reminder, the next working morning, of a daily check-in left unanswered. */
  checkinReminderTime: time().default('09:00'),
  /** The managers' weekly digest: ISO weekday and time. */
  digest: z.strictObject({ day: isoWeekday().default(1), time: time().default('09:00') }).prefault({}),
  /** Working days without any check-in answer before the manager is alerted. */
  silentDaysAlert: intRange('EXPECTED_WORKING_DAYS', 1, 20).default(3),
  craClose: z
    .strictObject({
      rule: z
        .string({ error: requiredOr(orgIssue('EXPECTED_CRA_CLOSE_RULE')) })
        .regex(CRA_CLOSE_RE, { error: orgIssue('EXPECTED_CRA_CLOSE_RULE') })
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
  retentionMonths: intRange('EXPECTED_MONTHS', 1, 240).default(24),
  /** How far back missed scheduler ticks are caught up on start. */
  catchUpWindowMinutes: intRange('EXPECTED_MINUTES', 0, 10_080).default(180), // at most a week
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
    .string({ error: requiredOr(orgIssue('EXPECTED_SLACK_USER_ID')) })
    .regex(SLACK_ID_RE, { error: orgIssue('EXPECTED_SLACK_USER_ID') }),
  teamId: z
    .string({ error: requiredOr(orgIssue('EXPECTED_SLACK_TEAM_ID')) })
    .regex(SLACK_ID_RE, { error: orgIssue('EXPECTED_SLACK_TEAM_ID') }),
});

const guid = (code: 'EXPECTED_ENTRA_OBJECT_ID' | 'EXPECTED_ENTRA_TENANT_ID') =>
  z
    .string({ error: requiredOr(orgIssue(code)) })
    .regex(GUID_RE, { error: orgIssue(code) })
    .transform((value) => value.toLowerCase());

const teamsAccountSchema = z.strictObject({
  aadObjectId: guid('EXPECTED_ENTRA_OBJECT_ID'),
  tenantId: guid('EXPECTED_ENTRA_TENANT_ID'),
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

const personCheckinsSchema = z.strictObject({
  /** The person's own daily check-in time: wins over the mission's and the organization's. */
  dailyTime: time().optional(),
});

const personSchema = z.strictObject({
  ...contactFields,
  roles: z
    .array(oneOf(PERSON_ROLES), { error: requiredOr(orgIssue('EXPECTED_ROLE_LIST')) })
    .min(1, { error: orgIssue('NO_ROLE') }),
  /** Coût journalier moyen (cost of a day to the ESN), never shown to clients. */
  cjm: positiveDecimal(10).optional(),
  /** ESN people only: client contacts are not checked in (contactSchema refuses the key). */
  checkins: personCheckinsSchema.optional(),
});

const contactSchema = z.strictObject(contactFields);

const clientSchema = z.strictObject({
  ref: ref(),
  name: text(),
  contacts: z.array(contactSchema, { error: list }).default([]),
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
    .string({ error: requiredOr(orgIssue('EXPECTED_REGION')) })
    .refine((value) => isSupportedRegion(value), { error: orgIssue('EXPECTED_REGION') })
    .default('FR'),
  /** Default: the organization time zone. */
  timezone: timeZone().optional(),
  billing: oneOf(BILLING_MODES).default('regie'),
  granularity: oneOf(GRANULARITIES).default('half'),
  whitMondayWorked: bool().default(false),
  tacitAcceptance: bool().default(false),
  cjm: positiveDecimal(10).optional(),
  approvers: z.array(approverSchema, { error: list }).default([]),
  backupApprovers: z.array(approverSchema, { error: list }).default([]),
  rates: z.array(rateSchema, { error: list }).default([]),
  purchaseOrders: z.array(purchaseOrderSchema, { error: list }).default([]),
  checkins: missionCheckinsSchema.prefault({}),
  validation: missionValidationSchema.prefault({}),
});

// ───────────────────────────── The file ─────────────────────────────

export const orgFileSchema = z.strictObject({
  organization: organizationSchema,
  people: z.array(personSchema, { error: list }).default([]),
  clients: z.array(clientSchema, { error: list }).default([]),
  missions: z.array(missionSchema, { error: list }).default([]),
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
