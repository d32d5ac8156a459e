/**
 * Refusals: the clear "no" a person gets when an interaction is not theirs or not valid. Each is a
 * CodedError whose code has a text in src/i18n/chat-fr.ts and chat-en.ts ("problem.<CODE>").
 * Nothing is changed when a handler refuses.
 */
import { CodedError, type ProblemParams } from '../../errors.js';

export const REFUSAL_CODES = [
  /** Nobody active matches the chat account (or the web chat id). */
  'UNKNOWN_PERSON',
  /** The action id is not one Rituel knows (an old or forged payload). */
  'UNKNOWN_ACTION',
  /** The payload does not have the expected shape. */
  'INVALID_INTERACTION',
  /** The record named belongs to somebody else (another person's check-in, mission or alert). */
  'NOT_YOURS',
  /** The record named does not exist (any more). */
  'NOT_FOUND',
  /** The role needed is missing (e.g. a consultant using a manager action). */
  'FORBIDDEN',
  /** The interaction is being handled already (a platform retry arrived meanwhile). */
  'IN_PROGRESS',
  /** The action can no longer be taken (the check-in of a submitted month...). */
  'NO_LONGER_POSSIBLE',
  /** An unexpected failure: nothing was recorded, the person may try again. */
  'INTERNAL',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A refusal to throw from a handler: `params` fill its localized text. */
export function refusal(code: RefusalCode, message: string, params: ProblemParams = {}, variant?: string): CodedError {
  return new CodedError(code, message, { refusal: true }, { params, variant });
}
