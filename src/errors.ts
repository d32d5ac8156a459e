/**
 * The one error type of Rituel: a stable string code for programs, a message for people.
 * It lives in the innermost layer (domain) so every layer can throw and recognize it.
 */
export { CodedError, isCodedError } from './domain/errors.js';
