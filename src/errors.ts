/**
 * The one error type of Rituel: a stable string code for programs, a message for people.
 * It lives in the innermost layer (domain) so every layer can throw and recognize it.
 * Its `params` (and `variant`) fill the localized text of its code: see src/i18n/problems.ts.
 */
import { DOMAIN_ERROR_CODES } from './domain/errors.js';

export {
  CodedError,
  DOMAIN_ERROR_CODES,
  isCodedError,
  problemOf,
  type DomainErrorCode,
  type DomainProblem,
  type Problem,
  type ProblemParams,
  type ProblemText,
} from './domain/errors.js';

/** Codes the services throw on top of the domain codes (each has a French and an English text). */
export const SERVICE_ERROR_CODES = [
  'CRA_LOCKED',
  'CRA_SUBMITTED',
  'MISSION_NOT_FOUND',
  'MISSION_AMBIGUOUS',
  'ORGANIZATION_NOT_FOUND',
  'ORGANIZATION_REQUIRED',
  'LEAVE_OVER_WORK',
] as const;

export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

/**
 * Codes of the organization file import (`rituel org import`), with their French and English texts
 * in src/i18n/org-fr.ts and org-en.ts.
 */
export const ORG_IMPORT_ERROR_CODES = ['FILE_UNREADABLE', 'ORG_IMPORT_CHAT_ACCOUNT_TAKEN'] as const;

export type OrgImportErrorCode = (typeof ORG_IMPORT_ERROR_CODES)[number];

/**
 * Every code with a localized text ("problem.<CODE>"): in src/i18n/domain-fr.ts and domain-en.ts
 * (domain and service codes), in src/i18n/org-fr.ts and org-en.ts (org import codes).
 */
export const LOCALIZED_ERROR_CODES = [...DOMAIN_ERROR_CODES, ...SERVICE_ERROR_CODES, ...ORG_IMPORT_ERROR_CODES] as const;
export type LocalizedErrorCode = (typeof LOCALIZED_ERROR_CODES)[number];
