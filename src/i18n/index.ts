import { chatEn } from './chat-en.js';
import { chatFr, type ChatMessageKey } from './chat-fr.js';
import { craEn } from './cra-en.js';
import { craFr, type CraMessageKey } from './cra-fr.js';
import { documentsEn } from './documents-en.js';
import { documentsFr, type DocumentsMessageKey } from './documents-fr.js';
import { domainEn } from './domain-en.js';
import { domainFr, type DomainMessageKey } from './domain-fr.js';
import { en } from './en.js';
import { fr, type MessageKey as BaseMessageKey } from './fr.js';
import { orgEn } from './org-en.js';
import { orgFr, type OrgMessageKey } from './org-fr.js';
import { opsEn } from './ops-en.js';
import { opsFr, type OpsMessageKey } from './ops-fr.js';
import { ritualsEn } from './rituals-en.js';
import { ritualsFr, type RitualsMessageKey } from './rituals-fr.js';
import { slackEn } from './slack-en.js';
import { slackFr, type SlackMessageKey } from './slack-fr.js';
import { teamsEn } from './teams-en.js';
import { teamsFr, type TeamsMessageKey } from './teams-fr.js';
import { webEn } from './web-en.js';
import { webFr, type WebMessageKey } from './web-fr.js';

export type Locale = 'fr' | 'en';
/**
 * Every text key: the base catalog (fr.ts / en.ts), the problem texts (domain-fr.ts / domain-en.ts),
 * the organization file texts (org-fr.ts / org-en.ts), the chat layer (chat-*.ts), the rituals
 * (rituals-*.ts) and the local web chat (web-*.ts).
 */
type CatalogKeys = {
  base: BaseMessageKey;
  domain: DomainMessageKey;
  org: OrgMessageKey;
  chat: ChatMessageKey;
  rituals: RitualsMessageKey;
  web: WebMessageKey;
  teams: TeamsMessageKey;
  slack: SlackMessageKey;
  cra: CraMessageKey;
  ops: OpsMessageKey;
  documents: DocumentsMessageKey;
};
export type MessageKey = CatalogKeys[keyof CatalogKeys];

// The catalogs must not share a key (one would silently hide the other): compile error otherwise.
type AssertNever<T extends never> = T;
type KeysSharedWithOthers<C extends keyof CatalogKeys> = Extract<CatalogKeys[C], CatalogKeys[Exclude<keyof CatalogKeys, C>]>;
export type SharedCatalogKeys = AssertNever<{ [C in keyof CatalogKeys]: KeysSharedWithOthers<C> }[keyof CatalogKeys]>;

const catalogs: Record<Locale, Readonly<Record<MessageKey, string>>> = {
  fr: { ...fr, ...domainFr, ...orgFr, ...chatFr, ...ritualsFr, ...webFr, ...teamsFr, ...slackFr, ...craFr, ...opsFr, ...documentsFr },
  en: { ...en, ...domainEn, ...orgEn, ...chatEn, ...ritualsEn, ...webEn, ...teamsEn, ...slackEn, ...craEn, ...opsEn, ...documentsEn },
};

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** A person's language: their own, else their organization's, else `fallback`. */
export function personLocale(own: string | null | undefined, organization: string | null | undefined, fallback: Locale = 'fr'): Locale {
  return isLocale(own) ? own : isLocale(organization) ? organization : fallback;
}

/** True when `key` has a text (in every locale: the catalogs have the same keys). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.fr, key);
}

/** The text of `key` in `locale` (French when unknown), with {placeholders} filled. */
export function t(locale: string | null | undefined, key: MessageKey, params: Record<string, string | number> = {}): string {
  const catalog = catalogs[isLocale(locale) ? locale : 'fr'];
  return catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Formats a decimal amount or day count for people, in their locale. */
export function formatNumber(locale: string | null | undefined, value: number | string, fractionDigits = 2): string {
  return new Intl.NumberFormat(isLocale(locale) ? locale : 'fr', {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(typeof value === 'string' ? Number(value) : value);
}
